// Outside review of issue 16: the live page describes the pod's curve in m/s, where every other
// calibration panel (Settings, the learning line, the guided check) uses the runner's km/h or mph.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/app/services.js';
import { SettingsService } from '../../src/app/settings-service.js';
import '../../src/pages/stride-live-sensors.js';
import type { StrideLiveSensors } from '../../src/pages/stride-live-sensors.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { appTheme } from '../support/app-theme.js';
import { finishRun } from '../support/finish-run.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { ScriptedHeartRate, ScriptedTreadmill } from '../support/scripted-sensor.js';

useSeparateDatabase('stride-test-repro-live-units');
const POD_ID = 'simulator-name:Pod A';

describe('live page: the footpod calibration line in the runner’s unit', () => {
  let services: AppServices;
  before(() => appTheme);
  beforeEach(() => clear(kvStore()));
  afterEach(async () => {
    await finishRun(services);
  });

  it('a runner in miles reads the curve in mph, as Settings lists it', async () => {
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
    const line = part.shadowRoot!.querySelector('#calibration-now')!.textContent!.replace(/\s+/g, ' ');
    // Settings shows "90 % at 5.6 mph", "95 % at 8.9 mph"; today the live page says "at 2.5 m/s, … at 4.0 m/s".
    expect(line).to.contain('mph');
    expect(line).not.to.contain('m/s');
  });
});
