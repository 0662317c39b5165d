import { expect } from '@open-wc/testing';
import { alignedChartData, beltPaceValues, chartDataWithGaps, chartValues } from '../../src/charts/chart-data.js';
import { columnsFrom } from '../../src/session/recorded-columns.js';
import { type RecordedColumns, SAMPLE_RUNNING } from '../../src/session/recorded-session.js';

/** Rows at the given times, cadence 170 + t, stride 1 + t/100, speed 3, distance given or 3 t. */
function columns(times: number[], distances: number[] = times.map((t) => 3 * t)): RecordedColumns {
  return columnsFrom(
    times.map((t, i) => ({ t, speedMps: 3, cadence: 170 + t, strideLengthM: 1 + t / 100, distanceM: distances[i]!, flags: SAMPLE_RUNNING })),
  );
}

describe('chartDataWithGaps', () => {
  it('passes samples through over time when there are no gaps', () => {
    const data = chartDataWithGaps(columns([0, 1, 2, 3]), [], 'time');
    expect(data.x).to.deep.equal([0, 1, 2, 3]);
    expect(data.cadence).to.deep.equal([170, 171, 172, 173]);
    expect(data.speedMps).to.deep.equal([3, 3, 3, 3]);
  });

  it('puts exactly one row of nulls in each gap, halfway between the samples around it', () => {
    const samples = columns([0, 1, 2, 10, 11, 30, 31]);
    const gaps = [
      { fromT: 2, toT: 10, reason: 'link-lost' as const },
      { fromT: 11, toT: 30, reason: 'paused' as const },
    ];
    const data = chartDataWithGaps(samples, gaps, 'time');
    expect(data.x).to.deep.equal([0, 1, 2, 6, 10, 11, 20.5, 30, 31]);
    expect(data.cadence).to.deep.equal([170, 171, 172, null, 180, 181, null, 200, 201]);
    expect(data.strideLengthM.map((v) => (v === null ? null : Math.round(v * 100) / 100))).to.deep.equal([1, 1.01, 1.02, null, 1.1, 1.11, null, 1.3, 1.31]);
    expect(data.speedMps.filter((v) => v === null)).to.have.length(2);
  });

  it('takes gaps in any order, and ignores gaps before the first or after the last sample', () => {
    const samples = columns([5, 6, 20, 21]);
    const data = chartDataWithGaps(samples, [
      { fromT: 30, toT: 40, reason: 'paused' },
      { fromT: 6, toT: 20, reason: 'paused' },
      { fromT: 0, toT: 5, reason: 'paused' },
    ], 'time');
    expect(data.x).to.deep.equal([5, 6, 13, 20, 21]);
    expect(data.cadence).to.deep.equal([175, 176, null, 190, 191]);
  });

  it('leaves out a sample that lies inside a gap', () => {
    const data = chartDataWithGaps(columns([0, 1, 5, 9, 10]), [{ fromT: 1, toT: 9, reason: 'link-lost' }], 'time');
    expect(data.x).to.deep.equal([0, 1, 5, 9, 10]);
    expect(data.cadence).to.deep.equal([170, 171, null, 179, 180]);
  });

  it('runs along distance, leaving out samples that add no distance', () => {
    const samples = columns([0, 1, 2, 3, 4, 5], [0, 3, 3, 3, 6.5, 10]);
    const data = chartDataWithGaps(samples, [], 'distance');
    expect(data.x).to.deep.equal([0, 3, 6.5, 10]);
    expect(data.cadence).to.deep.equal([170, 171, 174, 175]);
  });

  it('over distance, puts the gap row between the distances on either side, even after standing still', () => {
    // Paused at 3 m for a while, then stood still after the pause before moving on.
    const samples = columns([0, 1, 2, 60, 61, 62], [0, 1.5, 3, 3, 3, 7]);
    const data = chartDataWithGaps(samples, [{ fromT: 2, toT: 60, reason: 'paused' }], 'distance');
    expect(data.x).to.deep.equal([0, 1.5, 3, 5, 7]);
    expect(data.cadence).to.deep.equal([170, 171, 172, null, 232]);
  });
});

describe('channels from other sensors', () => {
  it('carries heart rate, belt speed and incline, null where no sensor gave them, in gaps, and for a strap reading 0', () => {
    const samples = columns([0, 1, 2, 10, 11]);
    samples.heartRate.set([150, Number.NaN, 152, 0, 155]);
    samples.treadmillSpeedMps.set([3, 3, 3, 3.125, 3.125]);
    samples.inclinePercent.set([1, 1, Number.NaN, 2, 2]);
    const data = chartDataWithGaps(samples, [{ fromT: 2, toT: 10, reason: 'link-lost' }], 'time');
    expect(data.x).to.deep.equal([0, 1, 2, 6, 10, 11]);
    expect(data.heartRate).to.deep.equal([150, null, 152, null, null, 155]);
    expect(data.inclinePercent).to.deep.equal([1, 1, null, null, 2, 2]);
    expect(chartValues(data, 'heart-rate', 'km')).to.equal(data.heartRate);
    expect(chartValues(data, 'incline', 'km')).to.equal(data.inclinePercent);
    expect(beltPaceValues(data, 'km').map((v) => (v === null ? null : Math.round(v)))).to.deep.equal([333, 333, 333, null, 320, 320]);
  });

  it('gives every channel as null on a run with none (sessions stored before channels existed)', () => {
    const data = chartDataWithGaps(columns([0, 1]), [], 'time');
    expect(data.heartRate).to.deep.equal([null, null]);
    expect(data.treadmillSpeedMps).to.deep.equal([null, null]);
    expect(data.inclinePercent).to.deep.equal([null, null]);
  });

  it('puts the belt pace after the pod pace only on a pace chart asked for it', () => {
    const samples = columns([0, 1]);
    samples.treadmillSpeedMps.set([2.5, 2.5]);
    const data = chartDataWithGaps(samples, [], 'time');
    expect(alignedChartData([data], 'pace', 'km', true).map((c) => Array.from(c))).to.deep.equal([[0, 1], [1000 / 3, 1000 / 3], [400, 400]]);
    expect(alignedChartData([data], 'pace', 'km')).to.have.length(2);
    expect(alignedChartData([data], 'cadence', 'km', true)).to.have.length(2);
  });
});

describe('chart values and aligned data', () => {
  it('gives pace in seconds per km or mile, and none when standing', () => {
    const samples = columnsFrom([
      { t: 0, speedMps: 3.125, cadence: 170, strideLengthM: 1, distanceM: 0, flags: SAMPLE_RUNNING },
      { t: 1, speedMps: 0.2, cadence: 0, strideLengthM: 0, distanceM: 3, flags: 0 },
    ]);
    const data = chartDataWithGaps(samples, [], 'time');
    expect(chartValues(data, 'pace', 'km')).to.deep.equal([320, null]);
    expect(chartValues(data, 'pace', 'mi')[0]).to.be.closeTo(514.99, 0.01);
    expect(chartValues(data, 'cadence', 'km')).to.equal(data.cadence);
  });

  it('lines two sessions up on one x axis: joined rows are undefined (drawn across), gap nulls stay null', () => {
    const a = chartDataWithGaps(columns([0, 2, 4, 20, 22]), [{ fromT: 4, toT: 20, reason: 'paused' }], 'time');
    const b = chartDataWithGaps(columns([1, 2, 3]), [], 'time');
    const [x, ya, yb] = alignedChartData([a, b], 'cadence', 'km');
    expect(Array.from(x!)).to.deep.equal([0, 1, 2, 3, 4, 12, 20, 22]);
    expect(Array.from(ya!)).to.deep.equal([170, undefined, 172, undefined, 174, null, 190, 192]);
    expect(Array.from(yb!)).to.deep.equal([undefined, 171, 172, 173, undefined, undefined, undefined, undefined]);
  });

  it('gives one session its own columns unchanged', () => {
    const a = chartDataWithGaps(columns([0, 1]), [], 'distance');
    const aligned = alignedChartData([a], 'stride', 'km');
    expect(aligned).to.have.length(2);
    expect(aligned[0]).to.equal(a.x);
    expect(aligned[1]).to.equal(a.strideLengthM);
  });
});
