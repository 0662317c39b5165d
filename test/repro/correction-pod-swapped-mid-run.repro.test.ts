// A run started on Pod A (right: 100 %), whose battery dies; the runner pairs Pod B (its saved curve
// 90 %, right too) and the same run goes on (holdSession) for 10 min on B. The recorder's podId is
// fixed when it is made (Pod A) and never follows the pod feeding it, while the live session (and
// the meta's calibration) follow B. Correcting the run from the treadmill's true distance then
// re-scales B's raw metres with A's curve and files "the pod's" error on Pod A: A's curve, right at
// 100 %, becomes 90 %, so every later run on A reads 10 % short. A's curve must stay as it was
// (and nothing should learn for A from metres that were B's).
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import { SettingsService } from '../../src/services/settings-service.js';
import { factorAt } from '../../src/session/calibration.js';
import { calibrationOf, knownFootpod } from '../../src/session/known-footpods.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { loadSession } from '../../src/store/session-store.js';
import { finishRun } from '../support/finish-run.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-repro-pod-swap');

describe('repro: a pod swapped mid-run, then the run corrected', () => {
  let services: AppServices;
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('leaves Pod A’s curve alone when the run was nearly all Pod B’s', async () => {
    const settings = new SettingsService();
    await settings.load();
    await settings.update({
      footpods: [
        { id: 'simulator-name:Pod A', name: 'Pod A', detected: 'steps', override: 'auto', calibration: [{ podSpeedMps: 3, factor: 1 }] },
        { id: 'simulator-name:Pod B', name: 'Pod B', detected: 'steps', override: 'auto', calibration: [{ podSpeedMps: 10 / 3, factor: 0.9 }] },
      ],
    });
    const podA = new ScriptedFootpod('Pod A');
    const podB = new ScriptedFootpod('Pod B');
    const pods = [podA, podB];
    services = createServices({ simulator: () => pods.shift()! }, { flushIntervalMs: 200 });
    await services.settings.load();
    await services.footpod.simulate();
    await services.recording.start();
    for (let t = 0; t < 10; t++) podA.send(t, { speedMps: 3 });
    podA.disconnect();
    await services.footpod.simulate();
    expect(services.footpod.source).to.equal(podB);
    expect(services.calibration.podId).to.equal('simulator-name:Pod B');
    // 10 min on the belt at 3.0 m/s; Pod B reads 3.333 m/s raw (its 90 % is right).
    for (let t = 0; t < 600; t++) podB.send(t, { speedMps: 10 / 3 });
    const id = services.recording.recorder!.id;
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
    const run = (await loadSession(id))!;
    const trueM = run.meta.distanceM; // both pods were right: the run already shows the belt's distance…
    // …but the treadmill shows whole hundredths: type it 0.5 % off, as a rounding of the display could not be, to force a correction.
    await services.calibration.correctRun(id, trueM * 0.995, false);
    const curveA = calibrationOf(knownFootpod(services.settings.settings.footpods, 'simulator-name:Pod A'));
    // Pod A ran 10 s of this run: nothing from it can move A's factor at 12 km/h from 100 % to 90 %.
    expect(factorAt(curveA, 10 / 3), `Pod A's curve now ${JSON.stringify(curveA)}; run meta podId ${run.meta.podId}`).to.be.closeTo(1, 0.01);
  });
});
