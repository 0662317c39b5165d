// The live page's sensors part on its own, fed by a scripted pod and a scripted treadmill through
// the app's services: what the treadmill teaches, in words, and what the new point made room with.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import { SettingsService } from '../../src/services/settings-service.js';
import '../../src/pages/stride-live-sensors.js';
import type { StrideLiveSensors } from '../../src/pages/stride-live-sensors.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { appTheme } from '../support/app-theme.js';
import { finishRun } from '../support/finish-run.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { ScriptedHeartRate, ScriptedTreadmill } from '../support/scripted-sensor.js';

useSeparateDatabase('stride-test-live-sensors');

const POD_ID = 'simulator-name:Pod A';

describe('stride-live-sensors', () => {
  let services: AppServices;
  before(() => appTheme);
  beforeEach(() => clear(kvStore()));
  afterEach(async () => {
    services.sensors.disconnect('treadmill');
    await finishRun(services);
  });

  it('says what a point learned from the treadmill made room with on a full curve', async () => {
    const settings = new SettingsService();
    await settings.load();
    const full = [1.0, 1.2, 1.4, 1.6, 1.8, 2.0, 2.2, 2.35].map((podSpeedMps, i) => ({ podSpeedMps, factor: 0.9 + i * 0.005 }));
    await settings.update({ footpods: [{ id: POD_ID, name: 'Pod A', detected: 'steps', override: 'auto', calibration: full }] });
    const pod = new ScriptedFootpod('Pod A');
    let treadmill!: ScriptedTreadmill;
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, null, {
      treadmill: (o) => (treadmill = new ScriptedTreadmill('treadmill-1', 'Belt 3000', o.rememberedId)),
      'heart-rate': (o) => new ScriptedHeartRate('strap-1', 'Strap', o.rememberedId),
    });
    await services.settings.load();
    await services.footpod.simulate();
    await services.sensors.pair('treadmill');
    const part = await fixture<StrideLiveSensors>(html`<stride-live-sensors style="width:390px" .services=${services}></stride-live-sensors>`);
    await waitUntil(() => part.shadowRoot!.querySelector('#auto-calibration') !== null, 'the learning line');
    for (let t = 0; t < 40; t++) {
      treadmill.send(t - 0.5, { speedMps: 2.7778 });
      pod.send(t, { speedMps: 677 / 256 });
    }
    await part.updateComplete;
    const line = part.shadowRoot!.querySelector('#auto-calibration')!.textContent!.replace(/\s+/g, ' ');
    expect(line).to.contain('Learning from the treadmill: 105.0 % at 9.5 km/h');
    expect(part.shadowRoot!.querySelector('#learned-change')!.textContent).to.equal(
      'To keep 8 speeds, 93\u00a0% at 7.9\u00a0km/h and 93.5\u00a0% at 8.5\u00a0km/h became one point, 93.3\u00a0% at 8.2\u00a0km/h.',
    );
    await expect(part).to.be.accessible();
  });

  it('gives the pod’s curve in the runner’s unit, as Settings lists it', async () => {
    const settings = new SettingsService();
    await settings.load();
    const curve = [
      { podSpeedMps: 2.5, factor: 0.9 },
      { podSpeedMps: 4, factor: 0.95 },
    ];
    await settings.update({ distanceUnit: 'mi', footpods: [{ id: POD_ID, name: 'Pod A', detected: 'steps', override: 'auto', calibration: curve }] });
    const pod = new ScriptedFootpod('Pod A');
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, null, {
      treadmill: (o) => new ScriptedTreadmill('treadmill-1', 'Belt 3000', o.rememberedId),
      'heart-rate': (o) => new ScriptedHeartRate('strap-1', 'Strap', o.rememberedId),
    });
    await services.settings.load();
    await services.footpod.simulate();
    const part = await fixture<StrideLiveSensors>(html`<stride-live-sensors style="width:390px" .services=${services}></stride-live-sensors>`);
    await waitUntil(() => part.shadowRoot!.querySelector('#calibration-now') !== null, 'the calibration line');
    const line = () => part.shadowRoot!.querySelector('#calibration-now')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(line()).to.equal('Footpod calibration: 90 % at 5.6 mph, 95 % at 8.9 mph');
    await services.settings.update({ distanceUnit: 'km' });
    await part.updateComplete;
    expect(line()).to.equal('Footpod calibration: 90 % at 9.0 km/h, 95 % at 14.4 km/h');
  });
});
