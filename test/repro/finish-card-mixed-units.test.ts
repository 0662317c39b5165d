// Issue 17's finish card stays on the live page until it is closed or the next run starts. Its
// distance and pace follow the unit in Settings (the live page hands the card `unit`), but the
// matched-pace sentence is worked out once, at save, with the unit of that moment
// (RunFinish#show → finishFigures(run, sessions, unit)). A runner who switches to miles after the
// run reads one card in two units: distance in mi and pace in min/mi above "… at 5:33–4:46/km".
// The run: 120 s at 3.2 m/s (band 6, 3.0–3.5 m/s) and 170 steps/min, no earlier runs.
// Expected after the switch to miles: the band's paces per mile, 1609.344 / 3.0 = 536.4 s = 8:56
// and 1609.344 / 3.5 = 459.8 s = 7:40, i.e. "… at 8:56–7:40/mi"; actual: still "… /km".
import { expect, fixture, html } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import '../../src/components/stride-finish-card.js';
import { type AppServices, createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { finishRun } from '../support/finish-run.js';

useSeparateDatabase('stride-test-repro-finish-mixed-units');

describe('repro: the finish card after switching km to mi', () => {
  let services: AppServices;
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('says the matched pace in the unit its distance and pace are in', async () => {
    const pod = new ScriptedFootpod('Pod');
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 });
    await services.settings.load();
    await services.footpod.simulate();
    await services.recording.start();
    for (let t = 0; t <= 120; t++) pod.send(t, { cadence: 170, speedMps: 3.2 });
    const shown = new Promise((resolve) => services.finish.addEventListener('change', resolve, { once: true }));
    services.recording.stop();
    await shown;
    expect(services.finish.card!.matched.sentence).to.contain('/km');

    await services.settings.update({ distanceUnit: 'mi' });
    const unit = services.settings.settings.distanceUnit;
    const card = await fixture(html`<stride-finish-card .figures=${services.finish.card} unit=${unit}></stride-finish-card>`);
    const root = card.shadowRoot!;
    expect(root.querySelector('#distance small')!.textContent).to.equal('mi');
    expect(root.querySelector('#pace small')!.textContent).to.equal('min/mi');
    expect(root.querySelector('#matched')!.textContent, 'the matched-pace sentence').to.contain('at 8:56–7:40/mi');
  });
});
