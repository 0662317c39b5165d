// The recording chain (simulated pod → LiveSession → Recorder → SessionWriter.add, and whoever
// listens to their events) costs the same per sample in the third hour as in the tenth minute:
// nothing per sample walks or copies the whole run, so an hour on the belt does not get dearer by
// the minute. Only the synchronous chain is timed; the writer's flushes run between stretches.
import { expect } from '@open-wc/testing';
import { createServices, type AppServices } from '../../src/services/services.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { clear } from 'idb-keyval';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { finishRun } from '../support/finish-run.js';

useSeparateDatabase('stride-test-recording-per-sample-cost');

/** Milliseconds for `seconds` of the run, each second handed through the chain as the pod sends it. */
async function timeSeconds(pod: SimulatedFootpod, seconds: number): Promise<number> {
  let ms = 0;
  for (let i = 0; i < seconds; i++) {
    const start = performance.now();
    pod.emitSeconds(1);
    ms += performance.now() - start;
    // The writer's timer and the events' listeners get their turn, as between a pod's notifications.
    if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return ms;
}

describe('recording per-sample cost', () => {
  let services: AppServices;
  after(() => finishRun(services));

  it('does not grow with the run: samples 10,800-11,100 cost about what samples 600-900 cost', async () => {
    await clear(kvStore());
    const pod = new SimulatedFootpod({ seed: 11 });
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 5 }, async () => fakeCoachEngine());
    await services.footpod.simulate();
    await services.recording.start();
    // Ten minutes first: the chain's code is then compiled as it is for the rest of the run.
    for (let i = 0; i < 600; i += 60) {
      pod.emitSeconds(60);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    // Best of three stretches each: a shared machine's pauses land in one, not in all.
    const early = Math.min(await timeSeconds(pod, 100), await timeSeconds(pod, 100), await timeSeconds(pod, 100));
    for (let i = 0; i < 3 * 3600 - 1200; i += 60) {
      pod.emitSeconds(60);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const late = Math.min(await timeSeconds(pod, 100), await timeSeconds(pod, 100), await timeSeconds(pod, 100));
    expect(services.recording.recorder!.sampleCount).to.be.at.least(3 * 3600);
    expect(late, `third hour ${late.toFixed(1)} ms vs tenth minute ${early.toFixed(1)} ms per 100 samples`).to.be.below(2 * early + 1);
  });
});
