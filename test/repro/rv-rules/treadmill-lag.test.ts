// rv-rules: LagLearner's "under 0.5 km/h" threshold is compared in floating point.
import { expect } from '@open-wc/testing';
import { LagLearner } from '../../../src/workout/treadmill-lag.js';

describe('rv-rules: LagLearner at exactly 0.5 km/h', () => {
  // Contract: "changes under 0.5 km/h teach nothing", so a change of exactly 0.5 km/h teaches.
  // The check `Math.abs(toKmh - fromKmh) >= 0.5` runs on floats: 8.2 - 7.7 is 0.4999999999999991,
  // so a belt going 7.7 -> 8.2 km/h (or 1.8 -> 2.3, 3.6 -> 4.1, 15.9 -> 16.4, and back) learns
  // nothing while 7.6 -> 8.1 does: whether a treadmill's lag is learned and shown depends on which
  // tenths the workout's steps happen to sit on.
  it('learns from every 0.5 km/h change between tenths of a km/h, up and down', () => {
    const unlearned: string[] = [];
    for (let tenths = 10; tenths <= 200; tenths++) {
      const low = tenths / 10;
      const high = (tenths + 5) / 10;
      for (const [from, to] of [[low, high], [high, low]] as const) {
        const learner = new LagLearner();
        learner.commanded(0, from, to);
        learner.observed(1000, from);
        learner.observed(3000, to);
        if (learner.lagS === null) unlearned.push(`${from} -> ${to}`);
      }
    }
    expect(unlearned).to.deep.equal([]);
  });
});
