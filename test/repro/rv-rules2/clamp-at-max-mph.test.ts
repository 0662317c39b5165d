import { expect } from '@open-wc/testing';
import { parseSpeed } from '../../../src/components/workout-fields.js';
import { type BeltLimits, clampSpeed } from '../../../src/workout/belt-limits.js';

// Issue 19: "a step above the maximum sets the maximum and says so". A runner in miles who types
// their maximum as 10.0 mph in Settings and a step of 10.0 mph in the editor asked for exactly
// their maximum, not more: both are stored as 16.093 km/h, but the clamp floors the maximum to
// 16.09 and then calls the step's 16.093 "above" it, so every such step is reported as limited:
// "The step asks 10.0 mph; the belt is set to your maximum of 10.0 mph." The runner is told their
// workout was cut down when it was not, and the two numbers in the sentence are the same.
describe('rv-rules2: a step at the runner’s maximum in mph', () => {
  it('is not reported as clamped when the step and the maximum were both typed as 10.0 mph', () => {
    const tenMph = (parseSpeed('10.0', 'speed', 'mi') as { ok: true; value: number }).value;
    const limits: BeltLimits = {
      speed: { minKmh: 0.5, maxKmh: 25, incrementKmh: 0.01 },
      incline: null,
      maxSpeedKmh: tenMph,
      maxInclinePercent: 10,
      maxSpeedSetByRunner: true,
    };
    const clamped = clampSpeed(tenMph, limits, 'mi');
    expect(clamped.message).to.equal(null);
    expect(clamped.changed).to.equal(null);
  });
});
