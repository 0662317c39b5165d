import { expect } from '@open-wc/testing';
import { SETTLE_S, STEADY_NEEDED_S } from '../../src/session/guided-calibration.js';
import { GuidedCheck } from '../../src/session/guided-check.js';
import { LiveSession } from '../../src/session/live-session.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { podBytes } from './sensor-bytes.js';

const feed = (s: LiveSession, from: number, seconds: number, podMps: number) => {
  for (let i = from; i < from + seconds; i++) s.ingest(podBytes(podMps, 170), i * 1000);
};

describe('GuidedCheck', () => {
  it('collects the raw pod speed of each row from its start and turns it into a factor with the belt speed', () => {
    const s = new LiveSession(defaultCadenceZones);
    feed(s, 0, 10, 2); // before the check: not part of it
    // An earlier calibration must not count twice: the check works on raw speeds.
    s.setCalibration([{ podSpeedMps: 3, factor: 0.9 }]);
    const check = new GuidedCheck(s);
    expect(check.neededS).to.equal(SETTLE_S + STEADY_NEEDED_S);
    feed(s, 10, 50, 3.25);
    s.setZones({ buildingFrom: 150, targetFrom: 160, targetTo: 180 }); // fires 'sample' with no new row
    expect(check.readingCount).to.equal(50);
    expect(check.elapsedS).to.equal(49);
    const result = check.finish(3);
    expect(result.ok).to.equal(true);
    if (result.ok) {
      expect(result.point.podSpeedMps).to.equal(3.25);
      expect(result.point.factor).to.be.closeTo(3 / 3.25, 1e-9);
    }
    expect(check.active).to.equal(false);
    feed(s, 60, 5, 3.25);
    expect(check.readingCount, 'nothing collected after finishing').to.equal(50);
  });

  it('says what is missing when the run was too short, and collects nothing once cancelled', () => {
    const s = new LiveSession(defaultCadenceZones);
    const check = new GuidedCheck(s);
    feed(s, 0, 20, 3);
    const early = check.finish(3);
    expect(early.ok).to.equal(false);
    if (!early.ok) expect(early.problem).to.match(/Run a little longer/);

    const cancelled = new GuidedCheck(s);
    feed(s, 20, 3, 3);
    cancelled.cancel();
    feed(s, 23, 3, 3);
    expect(cancelled.readingCount).to.equal(3);
    expect(cancelled.active).to.equal(false);
  });
});
