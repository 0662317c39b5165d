import { expect } from '@open-wc/testing';
import { ActiveClock, isActive, maxStepS } from '../../src/coach/active-time.js';

const at = (timeS: number, changes: { cadence?: number; running?: boolean; paused?: boolean } = {}) => ({
  timeS,
  cadence: 172,
  running: true,
  paused: false,
  ...changes,
});

describe('isActive', () => {
  it('is running, not paused, with a cadence', () => {
    expect(isActive(at(0))).to.equal(true);
    expect(isActive(at(0, { running: false }))).to.equal(false);
    expect(isActive(at(0, { paused: true }))).to.equal(false);
    expect(isActive(at(0, { cadence: 0 }))).to.equal(false);
    expect(isActive(at(0, { cadence: Number.NaN }))).to.equal(false);
  });
});

describe('ActiveClock', () => {
  it('sums steps between running inputs and leaves out steps into or out of a pause', () => {
    const clock = new ActiveClock();
    for (const t of [0, 1, 2.5, 3]) clock.advance(at(t));
    expect(clock.activeS).to.equal(3);
    clock.advance(at(4, { paused: true }));
    clock.advance(at(5, { paused: true }));
    clock.advance(at(6));
    clock.advance(at(7));
    expect(clock.activeS).to.equal(4);
  });

  it(`calls a step over ${maxStepS} s or backwards a gap, and does not count it`, () => {
    const clock = new ActiveClock();
    expect(clock.advance(at(0))).to.deep.equal({ active: true, gap: false });
    expect(clock.advance(at(maxStepS))).to.deep.equal({ active: true, gap: false });
    expect(clock.advance(at(2 * maxStepS + 0.5))).to.deep.equal({ active: true, gap: true });
    expect(clock.advance(at(3))).to.deep.equal({ active: true, gap: true });
    expect(clock.activeS).to.equal(maxStepS);
  });

  it('ignores an input without a time, and reset starts again', () => {
    const clock = new ActiveClock();
    clock.advance(at(0));
    expect(clock.advance(at(Number.NaN))).to.deep.equal({ active: false, gap: false });
    clock.advance(at(1));
    expect(clock.activeS).to.equal(1);
    clock.reset();
    clock.advance(at(10));
    clock.advance(at(11));
    expect(clock.activeS).to.equal(1);
  });
});
