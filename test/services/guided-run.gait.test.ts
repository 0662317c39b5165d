// A guided check files its point under the gait of the rows it was measured on, by their own
// walking/running answer (gait.ts), which is what live rows are scaled by: judged by cadence and
// speed alone, a jog the pod calls running at 136 steps/min got a walking point, so the check said
// "105 %" and the jog still read 100 %; and a brisk walk the pod calls walking got a running point.
import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import { factorAt } from '../../src/session/calibration.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { finishRun } from '../support/finish-run.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-test-guided-run-gait');

let services: AppServices;
let pod: ScriptedFootpod;

describe('guided check on a slow jog the pod reports as running', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('the jog it was run at reads the belt speed afterwards (2.1 m/s), as the check says it will', async () => {
    pod = new ScriptedFootpod('Pod A');
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 });
    await services.settings.load();
    await services.footpod.simulate();
    await services.calibration.startGuided();
    for (let t = 0; t < 50; t++) pod.send(t, { speedMps: 2.0, cadence: 136, isRunning: true });
    const before = services.settings.settings.footpods;
    const result = services.calibration.finishGuided(2.1);
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    await waitUntil(() => services.settings.settings.footpods !== before, 'the curve saved');
    pod.send(50, { speedMps: 2.0, cadence: 136, isRunning: true });
    const latest = services.footpod.session!.latest!;
    expect(latest.running, 'the row is the run the pod reports').to.equal(true);
    // The check said 105 % at 7.2 km/h; the same jog, the row the check read, must now show 2.1 m/s.
    expect(latest.speedMps, `live speed; curve ${JSON.stringify(services.footpod.session!.calibration)}; factor run ${factorAt(services.footpod.session!.calibration, 2.0, 'run')}`).to.be.closeTo(2.1, 0.01);
  });

  it('a brisk treadmill walk the pod reports as walking (145 spm, 1.9 m/s) reads the belt (1.995 m/s) after its check', async () => {
    // The pod already has a walking point from an easy walk: 92 % at 1.5 m/s.
    const { SettingsService } = await import('../../src/services/settings-service.js');
    const stored = new SettingsService();
    await stored.load();
    await stored.update({ footpods: [{ id: 'simulator-name:Pod A', name: 'Pod A', detected: 'steps', override: 'auto', calibration: [{ podSpeedMps: 1.5, factor: 0.92, walking: true }] }] });
    pod = new ScriptedFootpod('Pod A');
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 });
    await services.settings.load();
    await services.footpod.simulate();
    // A minute's jog first: the pod has said 'running', so its 'walking' is believed from then on.
    for (let t = -60; t < 0; t++) pod.send(t, { speedMps: 3.0, cadence: 170, isRunning: true });
    await services.calibration.startGuided();
    for (let t = 0; t < 50; t++) pod.send(t, { speedMps: 1.9, cadence: 145, isRunning: false });
    const before = services.settings.settings.footpods;
    const result = services.calibration.finishGuided(1.995);
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    await waitUntil(() => services.settings.settings.footpods !== before, 'the curve saved');
    pod.send(50, { speedMps: 1.9, cadence: 145, isRunning: false });
    const latest = services.footpod.session!.latest!;
    expect(latest.running, 'the row is the walk the pod reports').to.equal(false);
    expect(latest.speedMps, `live speed; curve ${JSON.stringify(services.footpod.session!.calibration)}`).to.be.closeTo(1.995, 0.01);
  });
});
