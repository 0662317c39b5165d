import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { runningInTarget } from '../../src/components/session-format.js';
import { finishFigures, matchedPaceChange } from '../../src/services/finish-figures.js';
import type { LiveReading } from '../../src/session/live-reading.js';
import type { SessionSummary } from '../../src/session/recorded-session.js';
import { Recorder } from '../../src/session/recorder.js';
import { summaryOf } from '../../src/session/session-summary.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { invariantRuns } from '../support/invariant-runs.js';
import { summary } from '../support/session-summaries.js';

const DAY = 24 * 3600 * 1000;
const at = (day: number) => new Date(2026, 10, 1).getTime() + day * DAY;
/** Band 5 is 2.5-3.0 m/s: 6:40-5:33 per km. */
const EASY = 5;

describe('finishFigures', () => {
  it('gives the run’s moving time, distance, pace, average cadence and running time in target', () => {
    const run = summary(at(10), {
      movingS: 1500, distanceM: 4200, avgCadence: 164.6, zoneTimes: { low: 300, building: 600, target: 540, high: 60 },
      bands: [[EASY, 1400, 164]], runningCadence: { 150: 300, 165: 600, 172: 440, 185: 60 },
    });
    const figures = finishFigures(run, [run], 'km');
    expect(figures).to.include({ id: run.id, movingS: 1500, distanceM: 4200, avgSpeedMps: 2.8, avgCadence: 164.6, targetS: 440 });
    expect(figures.zones).to.deep.equal({ buildingFrom: 160, targetFrom: 170, targetTo: 180 });
  });

  it('says when there are no earlier runs at this pace, leaving out runs at other paces, walks and later runs', () => {
    const run = summary(at(10), { bands: [[EASY, 1400, 164]] });
    const others = [
      summary(at(1), { bands: [[7, 1800, 176]] }),
      summary(at(2), { sport: 'walk', bands: [[EASY, 1800, 130]] }),
      summary(at(3), { bands: [[EASY, 50, 150]] }),
      summary(at(12), { bands: [[EASY, 1800, 160]] }),
    ];
    const change = matchedPaceChange(run, [run, ...others], 'km');
    expect(change.kind).to.equal('first');
    expect(change.sentence).to.equal('164 steps/min at 6:40–5:33/km. No earlier runs at this pace yet: the next one will be compared with this.');
  });

  it('compares with the last three runs at this pace, weighted by their time in it', () => {
    const run = summary(at(10), { bands: [[EASY, 1400, 166], [6, 200, 175]] });
    const earlier = [
      summary(at(1), { bands: [[EASY, 1800, 150]] }), // a fourth run back: left out
      summary(at(2), { bands: [[EASY, 600, 160]] }),
      summary(at(3), { bands: [[EASY, 1200, 163]] }),
      summary(at(4), { bands: [[EASY, 1200, 161]] }),
    ];
    const change = matchedPaceChange(run, [...earlier, run], 'km');
    expect(change).to.deep.include({ kind: 'compared', cadence: 166, before: 162, runs: 3, change: 4 });
    expect(change.sentence).to.equal('166 steps/min at 6:40–5:33/km: 4 steps/min quicker than your last 3 runs at this pace (162).');
    expect(matchedPaceChange(run, [earlier[3]!], 'mi').sentence).to.equal('166 steps/min at 10:43–8:56/mi: 5 steps/min quicker than your last run at this pace (161).');
  });

  it('counts time in target over running seconds only, as the run’s page and History do', () => {
    // 10 min running at 175 steps/min, then 5 min flagged walking at 172 (in the zone, not running).
    const T0 = new Date(2026, 10, 25, 7, 54, 12).getTime();
    const reading = (timeS: number, over: Partial<LiveReading>): LiveReading => ({
      timeS, speedMps: 3, cadence: 175, strideLengthM: 1, strideDerived: false, distanceM: 0, running: true,
      rawSpeedMps: Number.NaN, rawDistanceM: Number.NaN, heartRate: null, treadmillSpeedMps: null, inclinePercent: null, powerW: null,
      speedFrom: 'footpod', ...over,
    });
    const recorder = new Recorder({ zones: defaultCadenceZones, id: 'run-1', now: () => T0 });
    recorder.start();
    let d = 0;
    for (let t = 0; t <= 600; t++) recorder.addReading(reading(t, { distanceM: (d = t * 3) }));
    for (let t = 601; t <= 900; t++) recorder.addReading(reading(t, { speedMps: 1.6, cadence: 172, running: false, distanceM: (d += 1.6) }));
    recorder.stop();
    const meta = recorder.meta();
    expect(meta.zoneTimes.target, 'every second in the zone, walking too').to.equal(900);
    const figures = finishFigures(meta, [summaryOf(meta)], 'km');
    expect(figures.targetS).to.equal(600);
    expect(figures.targetS, 'the run’s page and History').to.equal(runningInTarget(summaryOf(meta)).targetS);
  });

  it('says a run under a minute at any pace is too short to compare', () => {
    const run = summary(at(10), { movingS: 40, bands: [[EASY, 40, 164]] });
    expect(matchedPaceChange(run, [run], 'km').kind).to.equal('too-short');
  });

  it('says a run with no running cadence has none to compare, not that it was too short', () => {
    // 30 min at a steady 3 m/s from a pod that sent no cadence (or flagged it all walking).
    const run = summary(at(10), { movingS: 1800, distanceM: 5400, avgSpeedMps: 3, avgCadence: 0, bands: [] });
    expect(matchedPaceChange(run, [run], 'km')).to.deep.equal({
      kind: 'no-cadence',
      sentence: 'No running cadence recorded in this run, so there is nothing to compare at matched pace.',
    });
  });

  it('says a run with cadence and no speed has no pace, and matches no other such run at one', () => {
    // 20 min at 170 steps/min, every running second under 0.5 m/s (band 0): no pace to show.
    const earlier = summary(at(5), { distanceM: 0, avgSpeedMps: 0, bands: [[0, 1200, 166]] });
    const run = summary(at(10), { distanceM: 0, avgSpeedMps: 0, bands: [[0, 1200, 170]] });
    const change = matchedPaceChange(run, [earlier, run], 'km');
    expect(change).to.deep.equal({ kind: 'no-pace', sentence: 'No pace recorded in this run, so its cadence cannot be compared at matched pace.' });
    // A minute at a pace beside it is matched there, the seconds without pace left out.
    const partly = summary(at(10), { bands: [[0, 1200, 170], [EASY, 120, 164]] });
    expect(matchedPaceChange(partly, [partly], 'km')).to.deep.include({ kind: 'first', cadence: 164, pace: '6:40–5:33/km' });
  });

  it('is, over generated histories, the run’s cadence at its pace less the last three earlier runs’ there, in whole steps', () => {
    // Band 0 (under 0.5 m/s) is running with no pace.
    const band = fc.oneof(fc.constant(0), fc.integer({ min: 4, max: 7 }));
    const shape = fc.record({
      day: fc.integer({ min: 0, max: 60 }),
      walk: fc.boolean(),
      bands: fc.array(fc.tuple(band, fc.integer({ min: 0, max: 2400 }), fc.integer({ min: 1300, max: 1900 }).map((t) => t / 10)), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(shape, fc.array(shape, { maxLength: 8 }), (runShape, historyShapes) => {
        const make = (s: typeof runShape, i: number): SessionSummary =>
          summary(at(s.day) + i, { id: `r${i}`, sport: s.walk ? 'walk' : 'run', bands: s.bands });
        const run = make({ ...runShape, walk: false }, 99);
        const history = historyShapes.map(make);
        const change = matchedPaceChange(run, [...history, run], 'km');
        // The model: the band at a pace with the most seconds (ties to the slower), earlier runs with a minute in it.
        const all = Object.entries(run.cadenceBySpeedBand).map(([b, v]) => [Number(b), v.seconds, v.cadenceSeconds] as const);
        const bands = all.filter(([b]) => b > 0);
        const best = bands.reduce<(typeof bands)[number] | null>((a, b) => (a === null || b[1] > a[1] || (b[1] === a[1] && b[0] < a[0]) ? b : a), null);
        if (!best || best[1] < 60) {
          const noPaceS = run.cadenceBySpeedBand[0]?.seconds ?? 0;
          expect(change.kind).to.equal(noPaceS >= 60 ? 'no-pace' : all.length === 0 ? 'no-cadence' : 'too-short');
          return;
        }
        const inBand = history
          .filter((h) => h.sport !== 'walk' && h.startedAt < run.startedAt && (h.cadenceBySpeedBand[best[0]]?.seconds ?? 0) >= 60)
          .sort((a, b) => a.startedAt - b.startedAt)
          .slice(-3);
        const cadence = Math.round(best[2] / best[1]);
        if (inBand.length === 0) {
          expect(change).to.deep.include({ kind: 'first', cadence });
          return;
        }
        const seconds = inBand.reduce((sum, h) => sum + h.cadenceBySpeedBand[best[0]]!.seconds, 0);
        const before = Math.round(inBand.reduce((sum, h) => sum + h.cadenceBySpeedBand[best[0]]!.cadenceSeconds, 0) / seconds);
        expect(change).to.deep.include({ kind: 'compared', cadence, before, change: cadence - before, runs: inBand.length });
      }),
      { numRuns: invariantRuns(300) },
    );
  });
});
