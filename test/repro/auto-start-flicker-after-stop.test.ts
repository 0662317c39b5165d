// After Stop, auto-start waits until the runner has stood or walked. One reading judged "walking"
// is taken as that: a slow jogger on a belt still at 2.0 m/s, whose cadence wobbles around 140
// (139, 141, 139, ...) from a pod without the walking bit, is judged walking on every 139 and
// running on every 141 (gaitOf: under 140 steps/min below 2.2 m/s is a walk). So while the
// runner is still jogging the belt down after Stop (the finish card on screen), a new run starts
// by itself a second later and the finish card goes. Expected: the card stays and no run starts
// until the runner has really stood or walked (here: never, they stand at the end).
import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { type AppServices, createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { finishRun } from '../support/finish-run.js';

useSeparateDatabase('stride-test-repro-auto-start-flicker');

let services: AppServices;
let pod: ScriptedFootpod;
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('repro: auto-start after Stop with a cadence wobbling around 140', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('does not start a run while the runner is still jogging the belt down', async () => {
    pod = new ScriptedFootpod('Pod');
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 });
    await services.settings.load();
    await services.settings.update({ autoStart: true, autoPauseAfterS: 0 });
    await services.footpod.simulate();
    await services.recording.start();
    let t = 0;
    for (; t <= 300; t++) pod.send(t, { cadence: t % 2 ? 141 : 143, speedMps: 2.6, isRunning: false });
    const runId = services.recording.recorder!.id;
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
    await waitUntil(() => services.finish.card !== null, 'the finish card');
    // Jogging on at 2.0 m/s while the belt comes down: 141, 139, 141, ...
    for (const end = t + 10; t < end; t++) {
      pod.send(t, { cadence: t % 2 ? 139 : 141, speedMps: 2.0, isRunning: false });
      await settle();
    }
    for (const end = t + 3; t < end; t++) pod.send(t, { cadence: 0, speedMps: 0, isRunning: false });
    await settle();
    expect(services.recording.recorder?.id === runId ? 'the stopped run' : `a new run (${services.recording.state})`).to.equal('the stopped run');
    expect(services.finish.card?.id, 'the card of the run stopped').to.equal(runId);
  });
});
