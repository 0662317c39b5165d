// Issue 17: the finish card shows "time in target" for the run just saved. The run's own page
// (stride-session-summary "In target, running") and the History list count running seconds only
// (formatRunningInTarget, the rule Weeks and the plan use), while the card shows
// summary.zoneTimes.target, which also counts every non-running second with a cadence in the zone.
//
// The run: 10 min running at 175 steps/min (3 m/s), then 5 min of slow jogging at 172 steps/min
// that the pod flags "walking" (a pod that fills in the walking/running bit, at 1.6 m/s; or a
// runner jogging on the spot at a crossing, under 0.5 m/s, for a pod that does not).
// Samples at 1 Hz, t = 0…900: 600 running steps (t = 1…600, each owns its second) and 300
// non-running ones (t = 601…900).
// Expected (the run's page and History): in target, running = 600 s = "10:00".
// Actual card: zoneTimes.target = 900 s = "15:00" for the same run.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-finish-card.js';
import '../../src/components/stride-session-summary.js';
import { finishFigures } from '../../src/services/finish-figures.js';
import type { LiveReading } from '../../src/session/live-reading.js';
import { Recorder } from '../../src/session/recorder.js';
import { summaryOf } from '../../src/session/session-summary.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

const T0 = new Date(2026, 10, 25, 7, 54, 12).getTime();
const reading = (timeS: number, over: Partial<LiveReading>): LiveReading => ({
  timeS, speedMps: 3, cadence: 175, strideLengthM: 1, strideDerived: false, distanceM: 0, running: true,
  rawSpeedMps: Number.NaN, rawDistanceM: Number.NaN, heartRate: null, treadmillSpeedMps: null, inclinePercent: null,
  speedFrom: 'footpod', ...over,
});

describe('repro: finish card time in target vs the run’s page', () => {
  it('shows the same time in target as the run’s page and History', async () => {
    const recorder = new Recorder({ zones: defaultCadenceZones, id: 'run-1', now: () => T0 });
    recorder.start();
    let d = 0;
    for (let t = 0; t <= 600; t++) recorder.addReading(reading(t, { distanceM: (d = t * 3) }));
    for (let t = 601; t <= 900; t++) recorder.addReading(reading(t, { speedMps: 1.6, cadence: 172, running: false, distanceM: (d += 1.6) }));
    recorder.stop();
    const meta = recorder.meta();
    const figures = finishFigures(meta, [summaryOf(meta)], 'km');

    const card = await fixture(html`<stride-finish-card .figures=${figures} unit="km"></stride-finish-card>`);
    const page = await fixture(html`<stride-session-summary .summary=${summaryOf(meta)} unit="km"></stride-session-summary>`);
    /** A figure's value without its unit (the <small> or <span> after it). */
    const value = (dd: Element): string => {
      const copy = dd.cloneNode(true) as Element;
      for (const unit of copy.querySelectorAll('small, span')) unit.remove();
      return copy.textContent!.trim();
    };
    const cardText = value(card.shadowRoot!.querySelector('#in-target dd')!);
    const pageText = value(page.shadowRoot!.querySelector('[data-stat="target"]')!);
    // Moving time and distance agree (a control): the card reads the same summary.
    expect(value(card.shadowRoot!.querySelector('#moving dd')!)).to.equal('15:00');
    expect(pageText, 'run page, in target running').to.equal('10:00');
    expect(cardText, 'finish card, in target').to.equal(pageText);
  });
});
