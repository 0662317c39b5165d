// Repro: chartYLimits fits a session's axis to its running rows whenever at least one row is
// marked running. A 30-minute walk where the pod flagged 5 seconds as running (stepping off a
// kerb, a few jogging steps) gets an axis fitted to those 5 seconds: the other 99.7 % of the
// session, the walk itself, lies outside the limits and is drawn as a flat line on the edge.
// With 0 running rows the same walk is fitted to all rows, so one flag flips the whole chart.
// Expected (independent): the contract of robustLimits is "at least 98 % of the values drawn lie
// within the limits"; a walk at 116-120 steps/min and 1.4-1.6 m/s (10:25-11:54 /km) must be in view.
import { expect } from '@open-wc/testing';
import { chartDataWithGaps, chartValues } from '../../src/charts/chart-data.js';
import { chartYLimits } from '../../src/charts/chart-y-limits.js';
import { columnsFrom } from '../../src/session/recorded-columns.js';
import { type RecordedSample, SAMPLE_RUNNING } from '../../src/session/recorded-session.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

function walk(runningRows: number): RecordedSample[] {
  const samples: RecordedSample[] = [];
  let distanceM = 0;
  for (let t = 0; t < 1800; t++) {
    const running = t >= 600 && t < 600 + runningRows;
    const speedMps = running ? 2.2 : 1.5 + 0.1 * Math.sin(t / 7);
    const cadence = running ? 150 : 118 + 2 * Math.sin(t / 5);
    distanceM += speedMps;
    samples.push({ t, speedMps, cadence, strideLengthM: speedMps / (cadence / 120), distanceM, flags: running ? SAMPLE_RUNNING : 0 });
  }
  return samples;
}

const shareInside = (values: Array<number | null>, limits: { min: number; max: number }) => {
  const drawn = values.filter((v): v is number => v !== null);
  return drawn.filter((v) => v >= limits.min && v <= limits.max).length / drawn.length;
};

describe('repro: a walk with a few rows flagged running', () => {
  for (const kind of ['cadence', 'pace'] as const) {
    it(`keeps the walk in view on the ${kind} axis`, () => {
      const none = chartDataWithGaps(columnsFrom(walk(0)), [], 'time');
      const five = chartDataWithGaps(columnsFrom(walk(5)), [], 'time');
      const noneLimits = chartYLimits([none], kind, 'km', defaultCadenceZones)!;
      const fiveLimits = chartYLimits([five], kind, 'km', defaultCadenceZones)!;
      // Sanity: with no running rows the whole walk is in view.
      expect(shareInside(chartValues(none, kind, 'km'), noneLimits)).to.be.at.least(0.98);
      // Actual: cadence {145..185} holds 5 of 1800 samples (0.3 %); pace {420..510 s} the same.
      expect(shareInside(chartValues(five, kind, 'km'), fiveLimits), `limits ${JSON.stringify(fiveLimits)}`).to.be.at.least(0.98);
    });
  }
});
