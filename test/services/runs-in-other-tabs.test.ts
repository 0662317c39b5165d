import { expect, waitUntil } from '@open-wc/testing';
import { RunsInOtherTabs } from '../../src/services/runs-in-other-tabs.js';

// Two instances in one page stand for two tabs: the Web Locks and the BroadcastChannel are the browser's own.
// A namespace of this file's own: other test files' tabs (in other pages of the same browser) are not these.
const namespace = 'test-runs-in-other-tabs';

describe('RunsInOtherTabs', () => {
  let tabs: RunsInOtherTabs[] = [];
  afterEach(() => {
    for (const tab of tabs) tab.close();
    tabs = [];
  });

  it("sees another tab's run start and end, but not its own", async () => {
    const recording = new RunsInOtherTabs(namespace);
    const other = new RunsInOtherTabs(namespace);
    tabs = [recording, other];
    recording.setMine(true);
    await waitUntil(() => other.running, 'the other tab sees the run');
    await recording.refresh();
    expect(recording.running).to.equal(false);
    recording.setMine(false);
    await waitUntil(() => !other.running, 'the other tab sees the run end');
  });

  it('a tab that opens during a run sees it at once', async () => {
    const recording = new RunsInOtherTabs(namespace);
    tabs = [recording];
    recording.setMine(true);
    await waitUntil(async () => {
      const { held = [] } = await navigator.locks.query();
      return held.length > 0;
    });
    const opened = new RunsInOtherTabs(namespace);
    tabs.push(opened);
    await waitUntil(() => opened.running, 'the new tab sees the run');
  });

  it('takes over: the recording tab hands over (stop, save, footpod) and only then lets its lock go', async () => {
    const recording = new RunsInOtherTabs(namespace);
    const other = new RunsInOtherTabs(namespace);
    tabs = [recording, other];
    const steps: string[] = [];
    let finishSave!: () => void;
    recording.handOverWith(async () => {
      steps.push('asked');
      recording.setMine(false); // the run stops at once, as the recorder's state change does
      await new Promise<void>((resolve) => (finishSave = resolve));
      steps.push('saved');
    });
    recording.setMine(true);
    await waitUntil(() => other.running, 'the other tab sees the run');
    let tookOver: boolean | null = null;
    void other.takeOver(5000).then((done) => (tookOver = done));
    await waitUntil(() => steps.includes('asked'), 'the recording tab is asked');
    // Stopped but not saved yet: the lock is still held, so the other tab waits.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await other.refresh();
    expect(other.running).to.equal(true);
    expect(tookOver).to.equal(null);
    finishSave();
    await waitUntil(() => tookOver !== null, 'the take-over ends');
    expect(tookOver).to.equal(true);
    expect(steps).to.deep.equal(['asked', 'saved']);
    expect(other.running).to.equal(false);
  });

  it('says so when the recording tab does not let go', async () => {
    const recording = new RunsInOtherTabs(namespace);
    const other = new RunsInOtherTabs(namespace);
    tabs = [recording, other];
    recording.setMine(true); // no hand-over: an older version of the app, or a tab that hangs
    await waitUntil(() => other.running, 'the other tab sees the run');
    expect(await other.takeOver(300)).to.equal(false);
    expect(other.running).to.equal(true);
  });
});
