import { expect } from '@open-wc/testing';
import { spokenSteps } from '../../src/workout/workout-machine-voice.js';
import { limits, planned, timed } from './workout-machine-driver.js';

describe('spokenSteps: what voice mode tells the runner to set', () => {
  it('says a step above the runner’s maximum at the maximum, and names the cap', () => {
    const { steps, caps } = spokenSteps(timed(60, 10, 22), limits({ maxSpeedKmh: 16 }), 'km');
    expect(steps.map((s) => s.speedKmh)).to.deep.equal([10, 16]);
    expect(caps[0]).to.equal(null);
    expect(caps[1]).to.equal('your maximum; the step asks 22.0 km/h');
  });

  it('names the cap in the runner’s unit, and an incline above the maximum too', () => {
    const { steps, caps } = spokenSteps([planned({ kind: 'time', seconds: 60 }, 22, 14)], limits({ maxSpeedKmh: 16, maxInclinePercent: 10 }), 'mi');
    expect(steps[0]).to.include({ speedKmh: 16, inclinePercent: 10 });
    expect(caps[0]).to.contain('13.7 mph').and.contain('14.0 %');
  });

  it('leaves steps without a speed or incline as they are', () => {
    const { steps, caps } = spokenSteps(timed(60, null), limits(), 'km');
    expect(steps[0]!.speedKmh).to.equal(null);
    expect(caps).to.deep.equal([null]);
  });
});
