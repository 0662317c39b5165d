import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { type CalibrationPoint, calibratedDistance, factorAt } from '../../src/session/calibration.js';
import { MOST_CALIBRATION_POINTS, addPoint, describeChange, thinnedCurve, withPoint } from '../../src/session/calibration-points.js';
import { invariantRuns } from '../support/invariant-runs.js';

/** Walking and easy paces that fill a curve: 8 points from 1.0 to 2.35 m/s, 93.5 % at the fastest. */
const fullSlowCurve = [1.0, 1.2, 1.4, 1.6, 1.8, 2.0, 2.2, 2.35].map((podSpeedMps, i) => ({ podSpeedMps, factor: 0.9 + i * 0.005 }));

describe('a curve taking a new point', () => {
  it('keeps a new point at 4.5 m/s on a full curve: 5 km at that pace reads 5 km, and says what made room', () => {
    expect(fullSlowCurve).to.have.length(MOST_CALIBRATION_POINTS);
    expect(factorAt(fullSlowCurve, 4.5)).to.equal(0.935);
    const added = addPoint(fullSlowCurve, { podSpeedMps: 4.5, factor: 1.05 });
    expect(added.curve).to.have.length(MOST_CALIBRATION_POINTS);
    expect(factorAt(added.curve, 4.5)).to.equal(1.05);
    // 5 km at 4.5 m/s true pace: the pod counts 5000 / 1.05 m raw.
    const rawSteps = Array.from({ length: 1000 }, () => ({ rawStepM: 5000 / 1.05 / 1000, podSpeedMps: 4.5 }));
    expect(calibratedDistance(rawSteps, added.curve)).to.be.closeTo(5000, 1e-6);
    // The two old points closest in speed (2.2 and 2.35 m/s) became one between them.
    expect(added.replaced).to.deep.equal([]);
    expect(added.merged).to.have.length(1);
    expect(added.curve.map((p) => Math.round(p.podSpeedMps * 1000) / 1000)).to.deep.equal([1.0, 1.2, 1.4, 1.6, 1.8, 2.0, 2.275, 4.5]);
    expect(describeChange(added, 'km')).to.equal(
      'To keep 8 speeds, 93\u00a0% at 7.9\u00a0km/h and 93.5\u00a0% at 8.5\u00a0km/h became one point, 93.3\u00a0% at 8.2\u00a0km/h.',
    );
  });

  it('never merges the two points either side of the new one, which would put one at its speed', () => {
    const full = [1, 1.7, 2.6, 4.2, 4.8, 6, 6.8, 7.6].map((podSpeedMps) => ({ podSpeedMps, factor: 0.95 }));
    const { curve, merged } = addPoint(full, { podSpeedMps: 4.5, factor: 1.02 });
    expect(curve.map((p) => p.podSpeedMps)).to.deep.equal([1.35, 2.6, 4.2, 4.5, 4.8, 6, 6.8, 7.6]);
    expect(merged.map((m) => m.from.map((p) => p.podSpeedMps))).to.deep.equal([[1, 1.7]]);
  });

  it('replaces a point of its gait at about the same speed, and says so', () => {
    const added = addPoint([{ podSpeedMps: 3, factor: 0.9 }, { podSpeedMps: 3.05, factor: 1.1, walking: true }], { podSpeedMps: 3.1, factor: 0.94 });
    expect(added.curve).to.deep.equal([{ podSpeedMps: 3.05, factor: 1.1, walking: true }, { podSpeedMps: 3.1, factor: 0.94 }]);
    expect(describeChange(added, 'km')).to.equal('It replaces 90\u00a0% at 10.8\u00a0km/h.');
    expect(describeChange(addPoint([], { podSpeedMps: 3, factor: 0.9 }), 'km')).to.equal(null);
  });

  it('never loses the newest point, whatever the curve it joins (every speed, every gait)', () => {
    const point = fc.record(
      { podSpeedMps: fc.double({ min: 0.8, max: 6, noNaN: true }), factor: fc.double({ min: 0.8, max: 1.2, noNaN: true }), walking: fc.constant(true as const) },
      { requiredKeys: ['podSpeedMps', 'factor'] },
    );
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 24 }), (points) => {
        let curve: CalibrationPoint[] = [];
        for (const p of points) {
          curve = withPoint(curve, p);
          expect(curve.length).to.be.at.most(MOST_CALIBRATION_POINTS);
          expect(factorAt(curve, p.podSpeedMps, p.walking ? 'walk' : 'run')).to.equal(p.factor);
          expect(thinnedCurve(curve), 'a curve of 8 is stored as it is').to.deep.equal(curve);
        }
      }),
      { numRuns: invariantRuns(200) },
    );
  });
});
