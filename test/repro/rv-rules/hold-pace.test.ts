// rv-rules: hold-pace corrections are whole tenths of a km/h, but the belt takes only its increment.
import { expect } from '@open-wc/testing';
import { type BeltLimits, clampSpeed } from '../../../src/workout/belt-limits.js';
import { holdPaceSpeed } from '../../../src/workout/hold-pace.js';

const limits = (incrementKmh: number): BeltLimits => ({
  speed: { minKmh: 0.5, maxKmh: 18.5, incrementKmh },
  incline: null,
  maxSpeedKmh: 18.5,
  maxInclinePercent: 15,
});

/** One hold-pace correction as the belt gets it: every command is clamped and put on the increment. */
function corrected(stepKmh: number, podKmh: number, incrementKmh: number): { belt: number; sent: number } {
  const belt = clampSpeed(stepKmh, limits(incrementKmh)).value; // what the step set
  const wanted = holdPaceSpeed({ stepKmh, beltKmh: belt, podKmh, nowS: 60, stepEndsAtS: 600, lastCorrectionAtS: 0 });
  expect(wanted, 'a correction is due').to.not.equal(null);
  return { belt, sent: clampSpeed(wanted!, limits(incrementKmh)).value };
}

describe('rv-rules: hold the footpod’s pace on a treadmill’s increment', () => {
  // Issue 19: the optional mode "may correct the belt by at most 0.3 km/h per 30 s within 5 % of
  // the step's speed", and "every command is clamped and rounded to the supported range and
  // increment". holdPaceSpeed picks a correction in tenths of a km/h knowing nothing of the belt's
  // increment, so once the correction is put on the increment the belt moves by more than 0.3 km/h,
  // and for a slow step leaves the 5 % band (the runner feels the belt jump by the increment).
  it('moves a belt with a 0.16 km/h increment (a treadmill counting 0.1 mph) by at most 0.3 km/h', () => {
    const { belt, sent } = corrected(10, 9, 0.16); // the pod reads the runner 1 km/h short
    expect(sent - belt, `belt ${belt} -> ${sent}`).to.be.at.most(0.3 + 1e-9);
  });

  it('moves a belt with a 0.5 km/h increment by at most 0.3 km/h and within 5 % of a 6.0 km/h step', () => {
    const { belt, sent } = corrected(6, 5.5, 0.5);
    expect(Math.abs(sent - belt), `belt ${belt} -> ${sent}`).to.be.at.most(0.3 + 1e-9);
    expect(Math.abs(sent - 6), 'off the step’s speed').to.be.at.most(6 * 0.05 + 1e-9);
  });
});
