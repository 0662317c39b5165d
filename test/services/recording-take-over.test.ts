// Two tabs in one page: two sets of services, each with its own RunsInOtherTabs (the browser's own
// Web Locks and BroadcastChannel), recording into Chromium's real IndexedDB. Only one records and
// holds the footpod; the other takes over cleanly: the first saves its run and lets go.
import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { RunsInOtherTabs } from '../../src/services/runs-in-other-tabs.js';
import { createServices, type AppServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { loadSession } from '../../src/store/session-store.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { finishRun } from '../support/finish-run.js';

useSeparateDatabase('stride-test-recording-take-over');
const namespace = 'test-recording-take-over';

async function tab(): Promise<{ services: AppServices; pod: SimulatedFootpod; otherTabs: RunsInOtherTabs }> {
  const pod = new SimulatedFootpod({ seed: 3 });
  const otherTabs = new RunsInOtherTabs(namespace);
  const services = createServices({ simulator: () => pod }, { flushIntervalMs: 200, otherTabs });
  await services.settings.update({ autoStart: false, autoPauseAfterS: 0 });
  return { services, pod, otherTabs };
}

describe('Recording in one tab at a time', () => {
  const opened: Awaited<ReturnType<typeof tab>>[] = [];
  beforeEach(() => clear(kvStore()));
  afterEach(async () => {
    for (const { services, otherTabs } of opened.splice(0)) {
      await finishRun(services);
      otherTabs.close();
    }
  });

  it('the other tab may not record beside the run, takes over, and the first tab has saved it and let the footpod go', async () => {
    const first = await tab();
    const second = await tab();
    opened.push(first, second);
    await first.services.footpod.simulate();
    await first.services.recording.start();
    first.pod.emitSeconds(30);
    const id = first.services.recording.recorder!.id;
    await waitUntil(() => second.services.recording.runElsewhere, 'the second tab sees the run');
    expect(first.services.recording.runElsewhere).to.equal(false);

    // The second tab has a footpod too, but may not record beside the run.
    await second.services.footpod.simulate();
    expect(second.services.recording.canRecord).to.equal(false);
    await second.services.recording.start();
    expect(second.services.recording.state).to.equal('idle');

    const saved = new Promise((resolve) => first.services.recording.addEventListener('saved', resolve, { once: true }));
    expect(await second.services.recording.takeOver()).to.equal(true);
    await saved;
    expect(first.services.recording.state).to.equal('stopped');
    expect(first.services.footpod.source?.state).to.equal('disconnected');
    await waitUntil(() => first.services.recording.handedOver, 'the first tab says why its run ended');
    const stored = (await loadSession(id))!;
    expect(stored.meta.status).to.equal('complete');
    expect(stored.samples.t.length).to.equal(first.services.recording.recorder!.sampleCount);

    expect(second.services.recording.runElsewhere).to.equal(false);
    expect(second.services.recording.canRecord).to.equal(true);
    await second.services.recording.start();
    expect(second.services.recording.state).to.equal('recording');
    expect(second.services.recording.handedOver).to.equal(false);
    // And now the first tab is the other one.
    await waitUntil(() => first.services.recording.runElsewhere, 'the first tab sees the new run');
  });
});
