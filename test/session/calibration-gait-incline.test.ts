// What gait and incline do to calibration, through the live path (bytes from a pod and a treadmill
// into LiveSession): a point learned walking counts for walking only, and a point is never learned
// up an incline, where the pod reads differently than on the flat it would be applied to.

import { expect } from '@open-wc/testing';
import { AutoCalibration } from '../../src/session/auto-calibration.js';
import { WALKING_FASTEST_MPS, factorAt, gaitOf } from '../../src/session/calibration.js';
import { guidedCalibration } from '../../src/session/guided-calibration.js';
import { LiveSession } from '../../src/session/live-session.js';
import { ingestTreadmill } from '../../src/session/sensor-ingest.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { recordTreadmillRun, steadyTreadmillScript } from '../support/generated-treadmill-runs.js';
import { podBytes, treadmillBytes } from './sensor-bytes.js';

/** A belt run second by second; the pod reads `podOverBelt` of the belt. */
function beltRun(session: LiveSession, fromS: number, seconds: number, beltMps: number, podOverBelt: number, cadence: number, inclinePercent: number | null = null) {
  for (let s = fromS; s < fromS + seconds; s++) {
    ingestTreadmill(session, treadmillBytes({ speedMps: beltMps, inclinationPercent: inclinePercent }), s * 1000);
    session.ingest(podBytes(beltMps * podOverBelt, cadence), s * 1000 + 500);
  }
}

describe('calibration by gait', () => {
  it('a walking point does not pull the factor at jogging speeds', () => {
    const curve = [
      { podSpeedMps: 1.5, factor: 1.1, walking: true as const },
      { podSpeedMps: 3, factor: 0.95 },
    ];
    expect(factorAt(curve, 2.4, 'run')).to.equal(0.95);
    expect(factorAt(curve, 2.4)).to.equal(0.95);
    expect(factorAt(curve, 1.5, 'walk')).to.equal(1.1);
    expect(factorAt(curve, 2.4, 'walk'), 'flat beyond the walking points').to.equal(1.1);
    // A walk with no walking point takes the running curve; a run with only walking points is not calibrated.
    expect(factorAt([{ podSpeedMps: 3, factor: 0.95 }], 1.5, 'walk')).to.equal(0.95);
    expect(factorAt([curve[0]!], 3, 'run')).to.equal(1);
  });

  it('learns a walking point from the belt while walking, and jogging rows keep the running factor', () => {
    const session = new LiveSession(defaultCadenceZones);
    // A pod that cannot say walking or running (its "running" bit in every packet): judged by cadence.
    session.useRunningStatus('not-reported');
    session.setCalibration([{ podSpeedMps: 3, factor: 0.95 }]);
    session.setAutoCalibration([{ podSpeedMps: 3, factor: 0.95 }], false);
    // Walking at 1.5 m/s, 120 steps a minute, the pod reading 10 % low.
    beltRun(session, 0, 40, 1.5, 0.9, 120);
    const learned = session.autoCalibration.lastPoint!;
    expect(learned.walking).to.equal(true);
    expect(learned.factor).to.be.closeTo(1 / 0.9, 0.005);
    expect(session.latest!.speedMps, 'walking rows use it').to.be.closeTo(1.5, 0.01);
    // Jogging at 2.5 m/s raw, 160 steps a minute, the belt gone: the running point alone applies.
    session.forgetSensor('treadmill');
    session.ingest(podBytes(2.5, 160), 41_000);
    expect(session.latest!.speedMps).to.be.closeTo(2.5 * 0.95, 1e-9);
  });

  it('a row at 7.9 km/h or faster is running whatever its cadence; below it, under 140 steps a minute is walking', () => {
    expect(WALKING_FASTEST_MPS).to.equal(2.2);
    expect(gaitOf(138, 2.29)).to.equal('run');
    expect(gaitOf(138, 2.2)).to.equal('run');
    expect(gaitOf(138, 2.19)).to.equal('walk');
    expect(gaitOf(138)).to.equal('walk');
    expect(gaitOf(140, 1.5)).to.equal('run');
    expect(gaitOf(0, 1.5), 'no cadence').to.equal('run');
  });

  it('a slow jog at 138 steps a minute takes the running curve, not a walking point measured at 5.4 km/h', () => {
    // Walking 90 % at 1.5 m/s; running 105 % at 2.5 and 4.0 m/s. 35 min jog at 2.4 m/s on the belt
    // (8.6 km/h, 5040 m) at 138 steps a minute, a short-striding jogger (a 1.04 m step: nobody walks
    // that), the pod reading 1/1.05 of the belt. Taking the walking point flat, it read 4320 m.
    const curve = [
      { podSpeedMps: 1.5, factor: 0.9, walking: true as const },
      { podSpeedMps: 2.5, factor: 1.05 },
      { podSpeedMps: 4, factor: 1.05 },
    ];
    const run = recordTreadmillRun(
      steadyTreadmillScript([{ seconds: 2101, beltMps: 2.4, cadence: 138 }], { podErrorRunning: 1 / 1.05, podErrorWalking: 1 / 1.05 }),
      curve,
    );
    expect(run.meta.distanceM).to.be.closeTo(5040, 1);
    // A brisk walk below 7.9 km/h at 130 steps a minute still takes the walking point.
    const session = new LiveSession(defaultCadenceZones);
    session.useRunningStatus('not-reported');
    session.setCalibration(curve);
    session.ingest(podBytes(1.8, 130), 0);
    expect(session.latest!.speedMps).to.be.closeTo(session.latest!.rawSpeedMps * 0.9, 1e-9);
  });

  it('a guided check walked makes a walking point', () => {
    const readings = Array.from({ length: 60 }, (_, t) => ({ t, podSpeedMps: 1.4, cadence: 118 }));
    const result = guidedCalibration(readings, 1.5);
    expect(result.ok && result.point).to.deep.equal({ podSpeedMps: 1.4, factor: 1.5 / 1.4, walking: true });
    const ran = guidedCalibration(readings.map((r) => ({ ...r, cadence: 165 })), 1.5);
    expect(ran.ok && ran.point.walking).to.equal(undefined);
  });
});

describe('calibration and incline', () => {
  it('learns nothing up an incline steeper than 2 %, and learns on the flat or at 1 %', () => {
    for (const [incline, learns] of [[6, false], [-3, false], [2.5, false], [1, true], [0, true], [null, true]] as const) {
      const session = new LiveSession(defaultCadenceZones);
      session.setAutoCalibration([], false);
      beltRun(session, 0, 90, 3, 1.05, 170, incline);
      expect(session.autoCalibration.lastPoint !== null, `incline ${incline} %`).to.equal(learns);
      expect(session.autoCalibration.curve.length > 0, `incline ${incline} %`).to.equal(learns);
    }
  });

  it('a stretch that climbs mid-way teaches nothing from its climbing part', () => {
    const auto = new AutoCalibration();
    for (let t = 0; t < 20; t++) auto.add({ t, podSpeedMps: 3.15, treadmillSpeedMps: 3, cadence: 170, inclinePercent: 0 });
    for (let t = 20; t < 60; t++) auto.add({ t, podSpeedMps: 3.3, treadmillSpeedMps: 3, cadence: 170, inclinePercent: 5 });
    expect(auto.curve).to.deep.equal([]);
  });

  it('a guided check on an 8 % incline calibrates nothing, and says so', () => {
    const readings = (inclinePercent: number | null) => Array.from({ length: 60 }, (_, t) => ({ t, podSpeedMps: 2.7, cadence: 172, inclinePercent }));
    expect(guidedCalibration(readings(8), 3)).to.deep.equal({
      ok: false,
      problem:
        "The treadmill was at 8 % incline: a footpod reads differently on a slope, so a check there would be wrong on the flat. Set the incline to 2 % or less and try again; the footpod's calibration stays as it was.",
    });
    expect(guidedCalibration(readings(-3), 3).ok, 'downhill').to.equal(false);
    for (const flat of [2, 1, 0, null]) expect(guidedCalibration(readings(flat), 3).ok, `incline ${flat}`).to.equal(true);
  });
});
