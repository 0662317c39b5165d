// Issue 17's matched-pace sentence for a run with cadence but no speed: 20 min at 170 steps/min
// from a pod that says "running" (its walking/running bit) but sends speed 0 (no speed measured,
// e.g. before any calibration; distance 0). Every running second lands in speed band 0
// (0–0.5 m/s), usualBand picks it, and the card reads "170 steps/min at –:–––33:20/km. No earlier
// runs at this pace yet…", a pace range that starts with a dash placeholder, beside Pace "–:––"
// and Distance 0.00. The next such run is then "compared at the same pace" with this one although
// neither had a pace. Expected: no pace named for a run with no pace (band 0 is below the
// 0.5 m/s under which units.ts gives no pace at all), so no "–:––" inside the sentence.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-finish-card.js';
import { finishFigures } from '../../src/services/finish-figures.js';
import type { LiveReading } from '../../src/session/live-reading.js';
import { Recorder } from '../../src/session/recorder.js';
import { summaryOf } from '../../src/session/session-summary.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

const T0 = new Date(2026, 10, 25, 7, 54, 12).getTime();
const reading = (timeS: number): LiveReading => ({
  timeS, speedMps: 0, cadence: 170, strideLengthM: 0, strideDerived: true, distanceM: 0, running: true,
  rawSpeedMps: 0, rawDistanceM: 0, heartRate: null, treadmillSpeedMps: null, inclinePercent: null, speedFrom: 'footpod',
});

describe('repro: finish card for a run with cadence and no speed', () => {
  it('names no pace range made of a placeholder', async () => {
    const recorder = new Recorder({ zones: defaultCadenceZones, id: 'run-1', now: () => T0 });
    recorder.start();
    for (let t = 0; t <= 1200; t++) recorder.addReading(reading(t));
    recorder.stop();
    const meta = recorder.meta();
    const card = await fixture(html`<stride-finish-card .figures=${finishFigures(meta, [summaryOf(meta)], 'km')} unit="km"></stride-finish-card>`);
    const text = (sel: string) => card.shadowRoot!.querySelector(sel)!.textContent!.replace(/\s+/g, ' ').trim();
    expect(text('#pace dd')).to.equal('–:–– min/km');
    expect(text('#matched')).not.to.contain('–:––');
  });
});
