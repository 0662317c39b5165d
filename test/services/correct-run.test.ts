// Correcting a stored run from the treadmill's distance through the app's services: which pod's
// curve it may teach. A run started on Pod A (right at 100 %) whose battery dies goes on (the run is
// held) on Pod B (its 90 % right too) for 10 min: correcting it once taught Pod A Pod B's error
// (A's 100 % at 12 km/h became 89.7 %), as the run kept the pod it was armed for.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import { SettingsService } from '../../src/services/settings-service.js';
import { calibrationOf, knownFootpod } from '../../src/session/known-footpods.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { loadSession } from '../../src/store/session-store.js';
import { finishRun } from '../support/finish-run.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-correct-run');

describe('correcting a stored run', () => {
  let services: AppServices;
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('a run whose pod was swapped mid-run is filed under the last pod, and teaches neither pod’s curve', async () => {
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
    expect(run.meta.podId, 'the pod of its last rows').to.equal('simulator-name:Pod B');
    expect(run.meta.earlierPodIds).to.deep.equal(['simulator-name:Pod A']);
    const outcome = await services.calibration.correctRun(id, trueM * 0.995, false);
    expect(outcome.message).to.match(/recorded on more than one footpod .*: its calibration stays as it was\.$/);
    const curveA = calibrationOf(knownFootpod(services.settings.settings.footpods, 'simulator-name:Pod A'));
    // Pod A ran 10 s of this run: nothing from it can move A's factor at 12 km/h from 100 % to 90 %.
    expect(curveA, "Pod A's curve").to.deep.equal([{ podSpeedMps: 3, factor: 1 }]);
    const curveB = calibrationOf(knownFootpod(services.settings.settings.footpods, 'simulator-name:Pod B'));
    expect(curveB, "Pod B's curve").to.deep.equal([{ podSpeedMps: 10 / 3, factor: 0.9 }]);
  });
});
