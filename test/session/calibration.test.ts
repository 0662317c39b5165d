import { expect } from '@open-wc/testing';
import { AutoCalibration } from '../../src/session/auto-calibration.js';
import { calibratedDistance, describeCurve, factorAt } from '../../src/session/calibration.js';
import { withPoint } from '../../src/session/calibration-points.js';
import { factorFromDistances, guidedCalibration } from '../../src/session/guided-calibration.js';
import { mulberry32 } from '../../src/sources/run-profile.js';

/** A pod reading `high` too fast (e.g. 0.06), with ±2 % noise, at a belt speed, one reading a second. */
function podOnBelt(beltMps: number, seconds: number, high: (speed: number) => number, seed = 1, fromT = 0) {
  const random = mulberry32(seed);
  return Array.from({ length: seconds }, (_, i) => ({
    t: fromT + i,
    beltMps,
    podSpeedMps: beltMps * (1 + high(beltMps)) * (1 + (random() - 0.5) * 0.04),
  }));
}

/** How far the calibrated distance of a stretch is from the belt's, as a share. */
function distanceError(readings: ReturnType<typeof podOnBelt>, curve: Parameters<typeof factorAt>[0]): number {
  const calibrated = calibratedDistance(readings.map((r) => ({ rawStepM: r.podSpeedMps, podSpeedMps: r.podSpeedMps })), curve);
  const belt = readings.reduce((s, r) => s + r.beltMps, 0);
  return Math.abs(calibrated - belt) / belt;
}

describe('calibration curve', () => {
  it('is linear between calibrated speeds and flat outside them; empty is 100 %', () => {
    const curve = withPoint(withPoint([], { podSpeedMps: 4, factor: 0.95 }), { podSpeedMps: 2.5, factor: 0.9 });
    expect(curve.map((p) => p.podSpeedMps)).to.deep.equal([2.5, 4]);
    expect(factorAt(curve, 2)).to.equal(0.9);
    expect(factorAt(curve, 3.25)).to.be.closeTo(0.925, 1e-12);
    expect(factorAt(curve, 5)).to.equal(0.95);
    expect(factorAt([], 3)).to.equal(1);
    expect(describeCurve(curve, 'km')).to.equal('90 % at 9.0 km/h, 95 % at 14.4 km/h');
    expect(describeCurve(curve, 'mi')).to.equal('90 % at 5.6 mph, 95 % at 8.9 mph');
    expect(describeCurve([], 'km')).to.equal('100 % (not calibrated)');
  });

  it('replaces a point at about the same speed and refuses a factor no pod is off by', () => {
    const curve = withPoint([{ podSpeedMps: 3, factor: 0.9 }], { podSpeedMps: 3.1, factor: 0.94 });
    expect(curve).to.deep.equal([{ podSpeedMps: 3.1, factor: 0.94 }]);
    expect(() => withPoint(curve, { podSpeedMps: 3, factor: 1.6 })).to.throw(RangeError, /160 %/);
  });
});

describe('guidedCalibration', () => {
  it('brings a pod that reads 6 % high to within 1 % of the belt', () => {
    const readings = podOnBelt(3, 75, () => 0.06);
    const result = guidedCalibration(readings, 3);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.point.factor).to.be.closeTo(1 / 1.06, 0.005);
    expect(distanceError(podOnBelt(3, 1800, () => 0.06, 9), [result.point])).to.be.below(0.01);
  });

  it('with two belt speeds, fixes a pod 10 % high at 2.5 m/s and 5 % high at 4 m/s to within 1 % at both', () => {
    const high = (speed: number) => (speed <= 2.5 ? 0.1 : speed >= 4 ? 0.05 : 0.1 - ((speed - 2.5) / 1.5) * 0.05);
    const easy = guidedCalibration(podOnBelt(2.5, 75, high, 2), 2.5);
    const fast = guidedCalibration(podOnBelt(4, 75, high, 3), 4);
    if (!easy.ok || !fast.ok) throw new Error('both checks calibrate');
    const curve = withPoint(withPoint([], easy.point), fast.point);
    const oneFactor = [easy.point]; // what a watch's single factor would do
    for (const belt of [2.5, 4]) {
      expect(distanceError(podOnBelt(belt, 1200, high, 7), curve), `${belt} m/s`).to.be.below(0.01);
    }
    expect(distanceError(podOnBelt(4, 1200, high, 7), oneFactor), 'one factor misses the fast pace').to.be.above(0.03);
  });

  it('says why it cannot calibrate: a belt speed not typed, too short, not steady, or a factor no pod has', () => {
    const fail = (result: ReturnType<typeof guidedCalibration>) => (result.ok ? '' : result.problem);
    expect(fail(guidedCalibration(podOnBelt(3, 75, () => 0.06), 0))).to.match(/Type the belt speed/);
    expect(fail(guidedCalibration(podOnBelt(3, 30, () => 0.06), 3))).to.match(/Run a little longer/);
    const changing = [...podOnBelt(2.5, 40, () => 0), ...podOnBelt(3.5, 40, () => 0, 2, 40)];
    expect(fail(guidedCalibration(changing, 3))).to.match(/not steady enough/);
    expect(fail(guidedCalibration(podOnBelt(3, 75, () => 0.5), 3))).to.match(/150 % of the belt speed/);
    expect(fail(guidedCalibration([], 3))).to.match(/sent nothing/);
  });

  it('after a run: the treadmill distance over the pod distance, or null when it makes no sense', () => {
    expect(factorFromDistances(5300, 5000)).to.be.closeTo(0.9434, 1e-4);
    expect(factorFromDistances(5000, 0)).to.equal(null);
    expect(factorFromDistances(5000, 9000)).to.equal(null);
  });
});

describe('AutoCalibration from a smart treadmill', () => {
  it('learns 6 % high over steady stretches and brings the pod within 1 % of the treadmill', () => {
    const auto = new AutoCalibration();
    const run = podOnBelt(3, 600, () => 0.06, 4);
    for (const r of run) auto.add({ t: r.t, podSpeedMps: r.podSpeedMps, treadmillSpeedMps: r.beltMps });
    expect(auto.curve).to.have.length(1);
    expect(distanceError(podOnBelt(3, 1800, () => 0.06, 11), auto.curve)).to.be.below(0.01);
  });

  it('learns a factor per speed across a run with two paces, and nothing while the belt changes speed', () => {
    const high = (speed: number) => (speed <= 2.5 ? 0.1 : 0.05);
    const auto = new AutoCalibration();
    const ramp = Array.from({ length: 20 }, (_, i) => ({ t: 300 + i, beltMps: 2.5 + (1.5 * i) / 20, podSpeedMps: (2.5 + (1.5 * i) / 20) * 1.08 }));
    const readings = [...podOnBelt(2.5, 300, high, 5), ...ramp, ...podOnBelt(4, 300, high, 6, 320)];
    for (const r of readings) auto.add({ t: r.t, podSpeedMps: r.podSpeedMps, treadmillSpeedMps: r.beltMps });
    // one point per pace (the pod's raw speed there: 2.5 × 1.10 and 4 × 1.05), none from the ramp
    expect(auto.curve).to.have.length(2);
    expect(auto.curve[0]!.podSpeedMps).to.be.closeTo(2.75, 0.05);
    expect(auto.curve[1]!.podSpeedMps).to.be.closeTo(4.2, 0.05);
    for (const belt of [2.5, 4]) expect(distanceError(podOnBelt(belt, 1200, high, 8), auto.curve), `${belt} m/s`).to.be.below(0.01);
  });

  it('learns nothing once locked, and drops a factor outside the sane range', () => {
    const auto = new AutoCalibration();
    auto.locked = true;
    for (const r of podOnBelt(3, 120, () => 0.06)) auto.add({ t: r.t, podSpeedMps: r.podSpeedMps, treadmillSpeedMps: r.beltMps });
    expect(auto.curve).to.deep.equal([]);
    auto.locked = false;
    for (const r of podOnBelt(3, 120, () => 0.6)) auto.add({ t: r.t, podSpeedMps: r.podSpeedMps, treadmillSpeedMps: r.beltMps });
    expect(auto.curve).to.deep.equal([]);
  });
});
