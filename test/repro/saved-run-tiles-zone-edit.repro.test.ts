// After Stop the live page and the treadmill screen show "the run just saved". Editing the zones
// then recounts the stopped recorder's time in zone with the new zones (recording-service.ts calls
// setZones on any recorder), while the saved run keeps the zones and time in target it was saved
// with: the tile labelled "saved run" no longer shows the saved run's number.
import { expect, fixture, html } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/app/services.js';
import type { StrideMetricTile } from '../../src/components/stride-metric-tile.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import { listSessions } from '../../src/store/session-store.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { finishRun } from '../support/finish-run.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-repro-saved-run-tiles');

describe('the saved run on the live page after a zone edit', () => {
  let services: AppServices;
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('still shows the saved run’s 0:30 in target (what History shows), not 0:00 recounted with zones edited after Stop', async () => {
    const pod = new ScriptedFootpod('Test pod');
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
    await services.settings.update({ smoothingS: 0, autoStart: false, autoPauseAfterS: 0 });
    const live = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
    await services.footpod.simulate();
    await services.recording.start();
    for (let t = 0; t <= 30; t++) pod.send(t, { cadence: 175, speedMps: 3.125 });
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
    // After the run the runner moves the target up for next time.
    await services.settings.update({ zones: { buildingFrom: 168, targetFrom: 178, targetTo: 188 } });
    await live.updateComplete;
    const tile = live.shadowRoot!.querySelector<StrideMetricTile>('#in-target')!;
    const [stored] = await listSessions();
    expect(stored!.zoneTimes.target, 'the saved run').to.equal(30);
    expect(tile.detail).to.equal('saved run');
    expect(tile.value, 'the tile that says "saved run"').to.equal('0:30');
  });
});
