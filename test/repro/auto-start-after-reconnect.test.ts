// After a Stop, auto-start waits for a reading of standing or walking. A pod that sends nothing
// while its runner stands (many RSC pods only notify while they move) never sends one: the runner
// stops, switches the pod off, later connects it again and runs, and the second run is never
// recorded, though the pod was off in between (a new connection, a new live session, the clock
// from 0). Expected: the new connection (or a long silence) counts as having stood.
import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { finishRun } from '../support/finish-run.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';

useSeparateDatabase('stride-test-repro-auto-start-reconnect');

let services: AppServices;

async function firstRunStoppedAndSaved(scripted: ScriptedFootpod) {
  services = createServices({ simulator: () => scripted }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
  await services.settings.update({ smoothingS: 0, autoStart: true, autoPauseAfterS: 0 });
  await services.footpod.simulate();
  scripted.send(0, { cadence: 170, speedMps: 3 });
  await waitUntil(() => services.recording.recorder !== null, 'the recording code loaded');
  for (let t = 1; t <= 60; t++) scripted.send(t, { cadence: 170, speedMps: 3 });
  expect(services.recording.state, 'run 1 started by itself').to.equal('recording');
  const first = services.recording.recorder!;
  const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
  services.recording.stop();
  await saved;
  return first;
}

describe('repro: auto-start after Stop with a pod silent while still', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('starts the next run when the pod is connected again and the runner runs', async () => {
    const scripted = new ScriptedFootpod('Quiet pod');
    const first = await firstRunStoppedAndSaved(scripted);
    services.footpod.disconnect();
    await services.footpod.simulate();
    for (let t = 0; t <= 60; t++) scripted.send(t, { cadence: 172, speedMps: 3.1 });
    expect(services.recording.recorder === first ? 'still the stopped run' : services.recording.state, 'run 2').to.equal('recording');
  });

  it('starts the next run after the pod was silent for ten minutes', async () => {
    const scripted = new ScriptedFootpod('Quiet pod');
    const first = await firstRunStoppedAndSaved(scripted);
    // Stood for ten minutes: the pod sent nothing. Then runs on the same connection.
    for (let t = 660; t <= 720; t++) scripted.send(t, { cadence: 172, speedMps: 3.1 });
    expect(services.recording.recorder === first ? 'still the stopped run' : services.recording.state, 'run 2').to.equal('recording');
  });
});
