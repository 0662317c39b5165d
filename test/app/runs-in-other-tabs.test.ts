import { expect, waitUntil } from '@open-wc/testing';
import { RunsInOtherTabs } from '../../src/app/runs-in-other-tabs.js';

// Two instances in one page stand for two tabs: the Web Locks and the BroadcastChannel are the browser's own.
describe('RunsInOtherTabs', () => {
  let tabs: RunsInOtherTabs[] = [];
  afterEach(() => {
    for (const tab of tabs) tab.close();
    tabs = [];
  });

  it("sees another tab's run start and end, but not its own", async () => {
    const recording = new RunsInOtherTabs();
    const other = new RunsInOtherTabs();
    tabs = [recording, other];
    recording.setMine(true);
    await waitUntil(() => other.running, 'the other tab sees the run');
    await recording.refresh();
    expect(recording.running).to.equal(false);
    recording.setMine(false);
    await waitUntil(() => !other.running, 'the other tab sees the run end');
  });

  it('a tab that opens during a run sees it at once', async () => {
    const recording = new RunsInOtherTabs();
    tabs = [recording];
    recording.setMine(true);
    await waitUntil(async () => {
      const { held = [] } = await navigator.locks.query();
      return held.length > 0;
    });
    const opened = new RunsInOtherTabs();
    tabs.push(opened);
    await waitUntil(() => opened.running, 'the new tab sees the run');
  });
});
