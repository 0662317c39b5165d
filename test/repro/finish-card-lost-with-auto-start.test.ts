// Issue 17: "Stop and save ends in a finish card". With auto-start on (Settings), a runner who
// presses Stop and save while still running on the belt (as one does before stepping off) gets
// no card for the run: the next running reading auto-starts a new recording at once
// (RecordingService arms a recorder that starts on the first running reading), RunFinish drops
// the card as soon as a run is "going on", and when the runner stops that accidental run a few
// seconds later the card that appears is for it (a few seconds, "too short"), not for the run
// they finished. Expected: after Stop and save of the 5-minute run, its card (its id, 5:00 moving);
// actual: none, and then a card for the 3-second run that followed.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { type AppServices, createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { finishRun } from '../support/finish-run.js';

useSeparateDatabase('stride-test-repro-finish-auto-start');

const settle = () => new Promise((r) => setTimeout(r, 300));

describe('repro: the finish card with auto-start on', () => {
  let services: AppServices;
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('shows the card of the run just stopped, while the runner is still on the belt', async () => {
    const pod = new ScriptedFootpod('Pod');
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 });
    await services.settings.load();
    await services.settings.update({ autoStart: true });
    await services.footpod.simulate();
    await services.recording.start();
    let t = 0;
    for (; t <= 300; t++) pod.send(t, { cadence: 170, speedMps: 3 });
    const runId = services.recording.recorder!.id;
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    // Still running for the three seconds it takes to step off the belt.
    for (const end = t + 3; t < end; t++) {
      pod.send(t, { cadence: 170, speedMps: 3 });
      await settle();
    }
    await saved;
    await settle();
    const cardAfterStop = services.finish.card;
    const stateAfterStop = services.recording.state;
    // The runner notices the new recording and stops it too.
    const savedAgain = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await savedAgain;
    await settle();
    const next = services.finish.card;
    const said = `after Stop: recording ${stateAfterStop}, card ${cardAfterStop ? cardAfterStop.movingS + ' s' : 'none'}; ` +
      `after stopping that too: card of ${next?.id === runId ? 'the run' : 'another run'}, ${next?.movingS} s moving`;
    expect(cardAfterStop?.id, said).to.equal(runId);
    expect(cardAfterStop?.movingS).to.equal(300);
  });
});
