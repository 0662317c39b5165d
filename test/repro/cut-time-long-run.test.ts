import { expect } from '@open-wc/testing';
import { formatDuration } from '../../src/session/units.js';

// Times are not float32: the recorder's clock column `t` is a Float64Array (recorded-columns.ts),
// so a duration of 35 999.992 s is exactly that, 8 ms short of ten hours. A clock cut to whole
// seconds reads 9:59:59 until ten hours have passed. cutSteps multiplies every time by (1 + 2^-22),
// an allowance meant for float32 speeds, which at 36 000 s is 8.6 ms: the clock reads 10:00:00
// while 9:59:59.992 has elapsed (a second more than elapsed; likewise a 1 h lap of 3599.9996 s).
describe('a long run’s elapsed time, cut', () => {
  it('reads 9:59:59 at 35 999.992 s (8 ms short of 10 h)', () => {
    const elapsed = 36_000 - 0.008; // ms-granular clock: 35 999 992 ms
    expect(Math.floor(elapsed)).to.equal(35_999); // independent: whole seconds elapsed
    expect(formatDuration(elapsed)).to.equal('9:59:59');
  });
  it('reads 59:59 for a lap of 3599.9996 s', () => {
    expect(formatDuration(3599.9996)).to.equal('59:59');
  });
});
