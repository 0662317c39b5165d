// Tap-along cadence: "a missed tap or a double tap moves it by nothing". The double-tap filter's
// threshold is half the median interval, and that median is taken over intervals that include the
// double taps' own short halves, so once a third of the steps are tapped twice (a finger that
// bounces), the median falls and the second halves count as steps: the rate doubles.
import { expect } from '@open-wc/testing';
import { tapCadence } from '../../src/coach/tap-cadence.js';

describe('tap-along with a bouncing finger', () => {
  it('reads 171 steps/min from 40 steps 350 ms apart with every third step tapped twice (150 ms apart), not 343', () => {
    const taps: number[] = [];
    for (let i = 0; i < 40; i++) {
      taps.push(i * 350);
      // The bounce: 150 ms after the step, under half the 350 ms beat, i.e. a double tap by the filter's own rule.
      if (i % 3 === 1) taps.push(i * 350 + 150);
    }
    const result = tapCadence(taps, 'every-step');
    // 40 steps, one every 350 ms: 60000 / 350 = 171.4 steps/min. Nobody runs at 343.
    expect(result.kind === 'cadence' ? result.spm : result.kind).to.be.closeTo(171.4, 0.5);
  });
});
