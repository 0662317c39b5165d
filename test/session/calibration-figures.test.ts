// The figures calibration promises, measured through the whole live path: encoded bytes from a pod
// that reads wrong, a treadmill and a strap, through LiveSession, against the treadmill's own count.

import { expect } from '@open-wc/testing';
import { withPoint } from '../../src/session/calibration-points.js';
import { LiveSession } from '../../src/session/live-session.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { heartRateBytes, podBytes, treadmillBytes } from './sensor-bytes.js';
import { ingestHeartRate, ingestTreadmill } from '../../src/session/sensor-ingest.js';
import { GuidedCheck } from '../../src/session/guided-check.js';
import { SessionSensors } from '../../src/session/session-sensors.js';

/** A treadmill run second by second; the pod reads `podError(belt)` too high, with a little noise. */
class TreadmillRun {
  readonly session = new LiveSession(defaultCadenceZones);
  treadmillM = 0;
  #podM = 0;
  #second = 0;
  #seed = 7;

  constructor(readonly podError: (beltMps: number) => number) {
    // The treadmill's and strap's parts, as SensorLinks' first bytes attach them.
    this.session.attachSensors(new SessionSensors());
  }

  /** Runs `seconds` at `beltMps`; returns [session metres, treadmill metres] covered meanwhile. */
  run(seconds: number, beltMps: number): [number, number] {
    const sessionBefore = this.session.latest?.distanceM ?? 0;
    const treadmillBefore = Math.round(this.treadmillM);
    for (let i = 0; i < seconds; i++, this.#second++) {
      this.treadmillM += beltMps;
      const podMps = beltMps * (1 + this.podError(beltMps)) * (1 + 0.02 * this.#noise());
      this.#podM += podMps;
      const ms = this.#second * 1000;
      ingestTreadmill(this.session, treadmillBytes({ speedMps: beltMps, totalDistanceM: Math.round(this.treadmillM) }), ms + 3);
      ingestHeartRate(this.session, heartRateBytes(150));
      this.session.ingest(podBytes(podMps, 170, null, this.#podM), ms + 11);
    }
    return [this.session.latest!.distanceM - sessionBefore, Math.round(this.treadmillM) - treadmillBefore];
  }

  #noise(): number {
    this.#seed = (Math.imul(this.#seed, 1664525) + 1013904223) >>> 0;
    return this.#seed / 2 ** 32 - 0.5;
  }
}

const within1Percent = (measured: number, truth: number, what: string) =>
  expect(Math.abs(measured / truth - 1), `${what}: ${measured.toFixed(1)} m against the treadmill's ${truth} m`).to.be.below(0.01);

describe('calibration figures (bytes through LiveSession)', () => {
  it('a pod reading 6 % high ends within 1 % of the treadmill after the guided check', () => {
    const rig = new TreadmillRun(() => 0.06);
    const check = new GuidedCheck(rig.session);
    rig.run(check.neededS + 5, 3);
    const result = check.finish(3);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    rig.session.setCalibration(withPoint(rig.session.calibration, result.point));
    rig.run(30 * 60, 3);
    within1Percent(rig.session.latest!.distanceM, Math.round(rig.treadmillM), 'whole run');
    // Uncalibrated, the same pod is 6 % out: the check is what brings it within 1 %.
    expect(rig.session.latest!.rawDistanceM / rig.treadmillM).to.be.above(1.05);
  });

  it('a pod reading 6 % high ends within 1 % of the treadmill after the automatic calibration', () => {
    const rig = new TreadmillRun(() => 0.06);
    rig.run(30 * 60, 3);
    expect(rig.session.autoCalibration.lastPoint).to.not.equal(null);
    expect(rig.session.speedFrom, 'the pod gives the speed; the treadmill only teaches it').to.equal('footpod');
    within1Percent(rig.session.latest!.distanceM, Math.round(rig.treadmillM), 'whole run');
  });

  it('a pod reading 10 % high at 2.5 m/s and 5 % high at 4 m/s ends within 1 % at both after a two-speed check', () => {
    const podError = (belt: number) => 0.1 + ((0.05 - 0.1) * (belt - 2.5)) / (4 - 2.5);
    const rig = new TreadmillRun(podError);
    rig.session.setAutoCalibration([], true); // only the guided checks calibrate here
    for (const belt of [2.5, 4]) {
      const check = new GuidedCheck(rig.session);
      rig.run(check.neededS + 5, belt);
      const result = check.finish(belt);
      expect(result.ok, `check at ${belt} m/s`).to.equal(true);
      if (result.ok) rig.session.setCalibration(withPoint(rig.session.calibration, result.point));
    }
    expect(rig.session.calibration).to.have.length(2);
    const [easyM, easyTruth] = rig.run(15 * 60, 2.5);
    within1Percent(easyM, easyTruth, 'at 2.5 m/s');
    const [fastM, fastTruth] = rig.run(10 * 60, 4);
    within1Percent(fastM, fastTruth, 'at 4 m/s');
  });
});
