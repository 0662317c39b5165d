// The finish card as the runner reads it: the same time in target as the run's page, and a plain
// sentence, not a bogus pace band, for a run that has no cadence or no pace to match.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-finish-card.js';
import '../../src/components/stride-session-summary.js';
import { finishFigures } from '../../src/services/finish-figures.js';
import type { LiveReading } from '../../src/session/live-reading.js';
import { Recorder } from '../../src/session/recorder.js';
import { summaryOf } from '../../src/session/session-summary.js';
import type { SessionSummary } from '../../src/session/recorded-session.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { summary } from '../support/session-summaries.js';

const T0 = new Date(2026, 10, 25, 7, 54, 12).getTime();
const reading = (timeS: number, over: Partial<LiveReading>): LiveReading => ({
  timeS, speedMps: 3, cadence: 175, strideLengthM: 1, strideDerived: false, distanceM: 0, running: true,
  rawSpeedMps: Number.NaN, rawDistanceM: Number.NaN, heartRate: null, treadmillSpeedMps: null, inclinePercent: null, powerW: null,
  speedFrom: 'footpod', ...over,
});

/** A run recorded from readings at 1 Hz, t = 0…, as the card gets it at Stop and save. */
function recorded(readings: (t: number) => Partial<LiveReading>, lastS: number): SessionSummary {
  const recorder = new Recorder({ zones: defaultCadenceZones, id: 'run-1', now: () => T0 });
  recorder.start();
  for (let t = 0; t <= lastS; t++) recorder.addReading(reading(t, readings(t)));
  recorder.stop();
  return summaryOf(recorder.meta());
}

const card = (run: SessionSummary) => fixture(html`<stride-finish-card .figures=${finishFigures(run, [run], 'km')} unit="km"></stride-finish-card>`);
const text = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector)!.textContent!.replace(/\s+/g, ' ').trim();

/** A figure's value without its unit (the <small> or <span> after it). */
function value(dd: Element): string {
  const copy = dd.cloneNode(true) as Element;
  for (const unit of copy.querySelectorAll('small, span')) unit.remove();
  return copy.textContent!.trim();
}

describe('stride-finish-card', () => {
  it('shows the same time in target as the run’s page: running seconds only', async () => {
    // 10 min running at 175 steps/min, then 5 min at 172 the pod flags walking.
    const run = recorded((t) => (t <= 600 ? { distanceM: t * 3 } : { speedMps: 1.6, cadence: 172, running: false, distanceM: 1800 + (t - 600) * 1.6 }), 900);
    const el = await card(run);
    const page = await fixture(html`<stride-session-summary .summary=${run} unit="km"></stride-session-summary>`);
    expect(value(el.shadowRoot!.querySelector('#moving dd')!)).to.equal('15:00');
    expect(value(page.shadowRoot!.querySelector('[data-stat="target"]')!), 'the run’s page').to.equal('10:00');
    expect(value(el.shadowRoot!.querySelector('#in-target dd')!), 'the card').to.equal('10:00');
  });

  it('says a 30 min run with no running cadence recorded none, not that it was under a minute at any pace', async () => {
    const run = summary(new Date(2026, 10, 20).getTime(), { movingS: 1800, elapsedS: 1800, distanceM: 5400, avgSpeedMps: 3, avgCadence: 0, bands: [] });
    const el = await card(run);
    expect(text(el, '#moving dd')).to.equal('30:00');
    expect(text(el, '#pace dd')).to.equal('5:33 min/km');
    expect(text(el, '#cadence dd')).to.equal('– steps/min');
    expect(text(el, '#matched')).to.equal('No running cadence recorded in this run, so there is nothing to compare at matched pace.');
  });

  it('says a run with cadence and no speed recorded no pace, naming no pace band of placeholders', async () => {
    // 20 min at 170 steps/min from a pod that says running and sends speed 0.
    const run = recorded(() => ({ speedMps: 0, cadence: 170, strideLengthM: 0, strideDerived: true, rawSpeedMps: 0, rawDistanceM: 0 }), 1200);
    const el = await card(run);
    expect(text(el, '#pace dd')).to.equal('–:–– min/km');
    expect(text(el, '#matched')).to.equal('No pace recorded in this run, so its cadence cannot be compared at matched pace.');
  });
});
