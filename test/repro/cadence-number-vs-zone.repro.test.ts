// The live page and the treadmill screen show the smoothed cadence rounded to a whole number, but
// judge its zone from the unrounded mean: with the default 5 s smoothing a runner alternating 169
// and 170 steps/min (mean 169.6) reads "170", "target 170–180", and the zone "Building", below the
// target, in the zone's colour. The number on screen and its zone must agree.
import { expect, fixture, html } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/app/services.js';
import type { StrideMetricTile } from '../../src/components/stride-metric-tile.js';
import '../../src/pages/stride-live-page.js';
import '../../src/pages/stride-treadmill-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import type { StrideTreadmillPage } from '../../src/pages/stride-treadmill-page.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { finishRun } from '../support/finish-run.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { CoachRules } from '../../src/coach/coach-rules.js';
import { defaultCoachSettings } from '../../src/session/coach-settings.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

useSeparateDatabase('stride-repro-cadence-zone');

describe('the cadence number and its zone on the live screens', () => {
  let services: AppServices;
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('puts a cadence shown as 170 in the target zone 170–180 (default 5 s smoothing)', async () => {
    const pod = new ScriptedFootpod('Test pod');
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
    await services.settings.update({ smoothingS: 5, autoStart: false, autoPauseAfterS: 0 });
    const live = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
    const treadmill = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
    await services.footpod.simulate();
    for (let t = 0; t <= 20; t++) pod.send(t, { cadence: t % 2 === 0 ? 170 : 169, speedMps: 3.1 });
    await live.updateComplete;
    await treadmill.updateComplete;
    const tile = (id: string) => live.shadowRoot!.querySelector<StrideMetricTile>(`#${id}`)!;
    const text = (sel: string) => treadmill.shadowRoot!.querySelector(sel)!.textContent!.replace(/\s+/g, ' ').trim();
    expect(tile('cadence').value).to.equal('170');
    expect(tile('zone').value, 'live page: the zone of the 170 shown').to.equal('Target');
    expect(text('#cadence')).to.equal('170');
    expect(text('#zone'), 'treadmill screen: the zone of the 170 shown').to.equal('● Target');
  });

  it('never tells a runner "Cadence 170. Quicker, shorter steps" when the target is 170–180', () => {
    const rules = new CoachRules(defaultCoachSettings, defaultCadenceZones, undefined, () => 0);
    const spoken: string[] = [];
    // 3 min running with the cue smoothing's mean at 169.6 steps/min.
    for (let t = 0; t <= 180; t++) {
      for (const e of rules.update({ timeS: t, cadence: 169.6, running: true, paused: false })) if (e.kind === 'cue') spoken.push(e.spoken);
    }
    expect(spoken.filter((words) => words.startsWith('Cadence 170.')), spoken.join(' | ')).to.deep.equal([]);
  });
});
