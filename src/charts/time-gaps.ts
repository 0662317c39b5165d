// Breaks a line where samples stop for a while (a dropped link, a pause), so the chart shows the
// gap instead of a straight line across it. uPlot's gaps refiner clips in canvas pixels; doing it
// there keeps the data as plain typed arrays (typed arrays cannot hold the nulls uPlot would need).

import uPlot from 'uplot';

/** Samples arrive about once a second; anything longer than this between two is a gap. */
export const MAX_SAMPLE_STEP_S = 2.5;

/** `maxStepS` may be a function, for charts whose point spacing changes (decimated whole runs). */
export function timeJumpGaps(maxStepS: number | (() => number) = MAX_SAMPLE_STEP_S): uPlot.Series.GapsRefiner {
  return (u, _seriesIdx, idx0, idx1, nullGaps) => {
    const limit = typeof maxStepS === 'function' ? maxStepS() : maxStepS;
    const xs = u.data[0];
    const gaps = nullGaps;
    for (let i = idx0 + 1; i <= idx1; i++) {
      const before = xs[i - 1]!;
      const after = xs[i]!;
      if (after - before > limit) {
        uPlot.addGap(gaps, Math.round(u.valToPos(before, 'x', true)), Math.round(u.valToPos(after, 'x', true)));
      }
    }
    return gaps;
  };
}
