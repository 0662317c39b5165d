import { expect } from '@open-wc/testing';
import { timeWeightedMean } from '../../src/session/channel-averages.js';
import { emptyColumns } from '../../src/session/recorded-columns.js';

function columns(t: number[], values: number[]) {
  const c = emptyColumns(t.length);
  c.t.set(t);
  c.heartRate.set(values);
  return c;
}

describe('timeWeightedMean', () => {
  it('weighs a 1 Hz run by the second before each sample, as the cadence average always has', () => {
    const c = columns([0, 1, 2, 3], [100, 120, 140, 160]);
    expect(timeWeightedMean(c, c.heartRate)).to.equal((120 + 140 + 160) / 3);
  });

  it('gives a long step (smart recording) to the record that starts it, but for its last second', () => {
    // 0 → 10 s: 140 held for 9 s, then the record at 10 s shows its last second at 170.
    const c = columns([0, 10], [140, 170]);
    expect(timeWeightedMean(c, c.heartRate)).to.equal((140 * 9 + 170) / 10);
  });

  it('leaves out the time inside a pause, and time owned by a sample without a reading', () => {
    const c = columns([0, 1, 2, 30, 31, 32], [150, 150, Number.NaN, 160, 170, 170]);
    const pause = [{ fromT: 2, toT: 30, reason: 'paused' as const }];
    // Steps 0-1 (150), 1-2 (NaN: none), 2-30 paused, 30-31 (170), 31-32 (170).
    expect(timeWeightedMean(c, c.heartRate, pause)).to.equal((150 + 170 + 170) / 3);
  });

  it('is null when no measured time has a reading', () => {
    const c = columns([0, 0], [150, 150]);
    expect(timeWeightedMean(c, c.heartRate)).to.equal(null);
  });
});
