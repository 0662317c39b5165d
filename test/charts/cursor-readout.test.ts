import { expect } from '@open-wc/testing';
import { chartDataWithGaps } from '../../src/charts/chart-data.js';
import { cursorReadout, formatChartValue, nearestRow } from '../../src/charts/cursor-readout.js';
import { columnsFrom } from '../../src/session/recorded-columns.js';
import { SAMPLE_RUNNING } from '../../src/session/recorded-session.js';

const flat = (line: ReturnType<typeof cursorReadout>[number]) => line.map((i) => `${i.label} ${i.value}`.trim()).join(' · ');

describe('cursor readout', () => {
  it('finds the nearest row, and none outside the rows', () => {
    const xs = [0, 1, 2, 6, 10];
    expect([nearestRow(xs, 0), nearestRow(xs, 1.4), nearestRow(xs, 1.6), nearestRow(xs, 3.9), nearestRow(xs, 4.1), nearestRow(xs, 10)]).to.deep.equal([0, 1, 2, 2, 3, 4]);
    expect([nearestRow(xs, -0.1), nearestRow(xs, 10.1), nearestRow([], 0), nearestRow(xs, Number.NaN)]).to.deep.equal([-1, -1, -1, -1]);
  });

  it('writes values as a runner reads them', () => {
    expect(formatChartValue('cadence', 172.6, 'km')).to.equal('173 steps/min');
    expect(formatChartValue('stride', 1.034, 'km')).to.equal('1.03 m');
    expect(formatChartValue('pace', 332.6, 'mi')).to.equal('5:32 /mi');
    expect(formatChartValue('heart-rate', 151.4, 'km')).to.equal('151 bpm');
    expect(formatChartValue('incline', 1.25, 'km')).to.equal('1.3 %');
    expect(formatChartValue('pace', null, 'km')).to.equal('–');
  });

  it('reads a gap as nothing: the runner was paused there', () => {
    const samples = columnsFrom([0, 1, 2, 30, 31].map((t) => ({ t, speedMps: 3, cadence: 170, strideLengthM: 1.06, distanceM: 3 * t, flags: SAMPLE_RUNNING })));
    const data = chartDataWithGaps(samples, [{ fromT: 2, toT: 30, reason: 'paused' }], 'time');
    expect(flat(cursorReadout([data], 'cadence', 'km', 16)[0]!)).to.equal('Time – · Distance – · Cadence –');
    expect(flat(cursorReadout([data], 'pace', 'km', 30.4)[0]!)).to.equal('Time 0:30 · Distance 0.09 km · Pace 5:33 /km');
  });
});
