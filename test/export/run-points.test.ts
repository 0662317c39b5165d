import { expect } from '@open-wc/testing';
import { type RunPoint, columnsFromPoints, gapsOf, lapStartsOf, missingRecordsIn, orderedPoints, samplingLimitS } from '../../src/export/run-points.js';
import { SAMPLE_RUNNING, SAMPLE_STRIDE_DERIVED } from '../../src/session/recorded-session.js';

const point = (t: number, fields: Partial<RunPoint> = {}): RunPoint => ({
  t,
  speedMps: null,
  cadence: null,
  strideLengthM: null,
  distanceM: null,
  running: null,
  ...fields,
});

describe('columnsFromPoints', () => {
  it('integrates distance from speed where the file has none, but not across a gap', () => {
    const points = [0, 1, 2, 10, 11].map((t) => point(t, { speedMps: 2, cadence: 160 }));
    const c = columnsFromPoints(points, [{ fromT: 2, toT: 10, reason: 'paused' }]);
    expect(Array.from(c.distanceM)).to.deep.equal([0, 2, 4, 4, 6]);
    expect(Array.from(c.strideLengthM)).to.deep.equal([0.75, 0.75, 0.75, 0.75, 0.75]);
    expect(Array.from(c.flags)).to.deep.equal(Array(5).fill(SAMPLE_RUNNING | SAMPLE_STRIDE_DERIVED));
  });

  it('judges points that do not say walking or running by the gait rule in a run, and as the activity in a walk', () => {
    // Walking 118 steps/min at 1.4 m/s, running 172 at 3.2, a 138 steps/min jog at 2.4 m/s, standing.
    const points = [
      point(0, { speedMps: 1.4, cadence: 118 }),
      point(1, { speedMps: 3.2, cadence: 172 }),
      point(2, { speedMps: 2.4, cadence: 138 }),
      point(3, { speedMps: 0, cadence: 0 }),
      point(4, { speedMps: 1.4, cadence: 118, running: true }),
    ];
    const running = (sport: 'run' | 'walk') =>
      Array.from(columnsFromPoints(points, [], sport).flags, (f) => (f & SAMPLE_RUNNING) !== 0);
    expect(running('run'), 'a run').to.deep.equal([false, true, true, false, true]);
    expect(running('walk'), 'a walk').to.deep.equal([true, true, true, false, true]);
  });

  it('integrates speed-only points by the held-speed rule, so smart recording gives the distance 1 s points give', () => {
    // 30 s at 4 m/s and 30 s at 2 m/s for 20 min: 3600 m. A point shows the second just ended, so
    // one written at a change holds the new speed for its last second only, the speed before it
    // for the rest of the step (gap-steps.ts's ownership rule); smart recording writes a point on
    // a change and else every 8 s.
    const speedAt = (second: number): number => (Math.floor(second / 30) % 2 === 0 ? 4 : 2);
    const pointsAt = (times: number[]): RunPoint[] => times.map((s) => point(s, { speedMps: speedAt(Math.max(0, s - 1)), cadence: 170 }));
    const smart: number[] = [0];
    for (let s = 1; s <= 1200; s++) {
      const changed = speedAt(s - 1) !== speedAt(Math.max(0, smart.at(-1)! - 1));
      if (changed || s - smart.at(-1)! >= 8 || s === 1200) smart.push(s);
    }
    const everySecond = columnsFromPoints(pointsAt(Array.from({ length: 1201 }, (_, s) => s)), []);
    const smartly = columnsFromPoints(pointsAt(smart), []);
    expect(everySecond.distanceM.at(-1), '1 s points').to.be.closeTo(3600, 1e-9);
    expect(smartly.distanceM.at(-1), 'smart recording').to.be.closeTo(3600, 1e-9);
  });

  it('keeps a given stride and running state, and a walking point stays walking', () => {
    const c = columnsFromPoints(
      [
        point(0, { speedMps: 1.5, cadence: 120, strideLengthM: 0.7, running: false, distanceM: 0 }),
        point(1, { speedMps: 3, cadence: 170, strideLengthM: 1.1, running: true, distanceM: 3 }),
      ],
      [],
    );
    expect(Array.from(c.flags)).to.deep.equal([0, SAMPLE_RUNNING]);
    expect(c.strideLengthM[1]).to.be.closeTo(1.1, 1e-6);
  });

  it('gives standing points no stride and no running flag', () => {
    const c = columnsFromPoints([point(0, { distanceM: 5 }), point(1, { distanceM: 5 })], []);
    expect(Array.from(c.speedMps)).to.deep.equal([0, 0]);
    expect(Array.from(c.strideLengthM)).to.deep.equal([0, 0]);
    expect(Array.from(c.flags)).to.deep.equal([SAMPLE_STRIDE_DERIVED, SAMPLE_STRIDE_DERIVED]);
  });
});

describe('gapsOf', () => {
  it('marks records missing for every step longer than the file samples that no marked gap covers, in time order', () => {
    const t = new Float64Array([0, 1, 2, 30, 31, 40, 41, 42, 45.1]);
    expect(gapsOf(t, [{ fromT: 2, toT: 30, reason: 'paused' }])).to.deep.equal([
      { fromT: 2, toT: 30, reason: 'paused' },
      { fromT: 31, toT: 40, reason: 'missing-records' },
      { fromT: 42, toT: 45.1, reason: 'missing-records' },
    ]);
  });

  it("follows the file's own sampling: a watch recording every 1-8 s has no break at those steps", () => {
    const steps = [1, 4, 8, 3, 6, 2, 7, 5, 8, 4, 1, 6, 3, 8, 2, 5, 7, 4, 6, 3, 8, 9.5, 30];
    const t = new Float64Array(steps.length + 1);
    steps.forEach((step, i) => (t[i + 1] = t[i]! + step));
    expect(samplingLimitS(t)).to.equal(12.5); // 2.5 × its median step of 5 s
    const gaps = gapsOf(t, []);
    expect(gaps.map((g) => g.toT - g.fromT)).to.deep.equal([30]);
    // every second: 2.5 s, as live
    expect(samplingLimitS(Float64Array.from({ length: 100 }, (_, i) => i))).to.equal(2.5);
  });
});

describe("samplingLimitS: a file without timer events, read by its own habit", () => {
  const timesOf = (steps: readonly number[]): Float64Array => {
    const t = new Float64Array(steps.length + 1);
    steps.forEach((step, i) => (t[i + 1] = t[i]! + step));
    return t;
  };

  it('smart recording (1000 steps of 1 s, then 100 of 8 s) is its sampling, whatever share of steps the long ones are', () => {
    const t = timesOf([...Array<number>(1000).fill(1), ...Array<number>(100).fill(8)]);
    expect(samplingLimitS(t)).to.equal(10); // a quarter more than 8 s
    expect(gapsOf(t, [])).to.deep.equal([]);
  });

  it('one 60 s hole in a 1 Hz file is records missing: a long step it does not make a habit of', () => {
    const t = timesOf([...Array<number>(600).fill(1), 60, ...Array<number>(540).fill(1)]);
    expect(samplingLimitS(t)).to.equal(2.5);
    expect(gapsOf(t, [])).to.deep.equal([{ fromT: 600, toT: 660, reason: 'missing-records' }]);
  });

  it('a few long steps among many are records missing, even when they hold much of the time', () => {
    const t = timesOf([...Array<number>(1000).fill(1), ...Array<number>(19).fill(30)]);
    expect(samplingLimitS(t)).to.equal(2.5);
    expect(gapsOf(t, []).length).to.equal(19);
  });
});

describe('missingRecordsIn: a long step in a file without timer events', () => {
  /** 1 Hz at 3 m/s for 300 s, one step of `stepS` covering `coveredM`, 1 Hz at 3 m/s for 300 s more. */
  function withStep(stepS: number, coveredM: number, speedAfter = 3): RunPoint[] {
    const points: RunPoint[] = [];
    const at = (t: number, distanceM: number, speedMps: number): RunPoint => ({ t, speedMps, cadence: 170, strideLengthM: null, distanceM, running: null });
    for (let s = 0; s <= 300; s++) points.push(at(s, 3 * s, 3));
    for (let k = 0; k <= 300; k++) points.push(at(300 + stepS + k, 900 + coveredM + speedAfter * k, speedAfter));
    return points;
  }

  it('is running when a minute or less and its distance is what the speeds at its ends give (smart recording)', () => {
    expect(missingRecordsIn(withStep(40, 120))(300, 340)).to.equal(false);
    expect(missingRecordsIn(withStep(60, 150, 2.5))(300, 360), 'between the speeds at its ends').to.equal(false);
  });

  it('is records missing when its distance disagrees with the speeds around it, or it lasts over a minute', () => {
    expect(missingRecordsIn(withStep(40, 0))(300, 340), 'the counter stood still').to.equal(true);
    expect(missingRecordsIn(withStep(40, 200))(300, 340), 'the counter ran 5 m/s between records at 3').to.equal(true);
    expect(missingRecordsIn(withStep(90, 270))(300, 390), 'longer than a watch leaves between records').to.equal(true);
  });

  it('is records missing when the file has no distance to show the runner ran on', () => {
    const points = withStep(40, 120).map((p) => ({ ...p, distanceM: null }));
    expect(missingRecordsIn(points)(300, 340)).to.equal(true);
  });
});

describe('orderedPoints and lapStartsOf', () => {
  it('sorts by time, keeps the first of equal times and drops times that are not numbers', () => {
    const out = orderedPoints([{ t: 2, k: 'a' }, { t: 1, k: 'b' }, { t: 2, k: 'c' }, { t: Number.NaN, k: 'd' }]);
    expect(out).to.deep.equal([{ t: 1, k: 'b' }, { t: 2, k: 'a' }]);
  });

  it('keeps lap starts inside the run, ascending, once each', () => {
    expect(lapStartsOf([300, -5, 0, 120, 300, Number.NaN, 900, 601], 600)).to.deep.equal([120, 300]);
  });
});
