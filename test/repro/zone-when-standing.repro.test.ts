// Standing on the belt before it starts, the pod sends cadence 0. The treadmill screen says
// "Waiting for steps"; the live page's Zone tile says "Low" (zoneFor(0) is 'low') in the low zone's
// colour, as if the runner were running at a low cadence.
import { expect, fixture, html } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/app/services.js';
import type { StrideMetricTile } from '../../src/components/stride-metric-tile.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { finishRun } from '../support/finish-run.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-repro-zone-standing');

describe('the zone of no steps', () => {
  let services: AppServices;
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('shows no zone on the live page while the pod sends cadence 0', async () => {
    const pod = new ScriptedFootpod('Test pod');
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
    await services.settings.update({ smoothingS: 0, autoStart: false, autoPauseAfterS: 0 });
    const live = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
    await services.footpod.simulate();
    for (let t = 0; t <= 10; t++) pod.send(t, { cadence: 0, speedMps: 0, isRunning: false });
    await live.updateComplete;
    const zone = live.shadowRoot!.querySelector<StrideMetricTile>('#zone')!;
    expect(zone.value).to.equal('–');
  });
});
