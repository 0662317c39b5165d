// A treadmill-sourced run shows the belt's count whatever the rates the pod and the treadmill
// notify at (generated: pods at 1, 2 and 4 Hz, a belt every 0.5-2.5 s, the pod 5-15 % off): a
// belt value stays fresh between two of its notifications, so the pod's metres never stand in.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { invariantRuns } from '../support/invariant-runs.js';
import { notificationRatesRun, recordAtRates } from '../support/generated-notification-rates.js';

describe('LiveSession channels (generated notification rates)', () => {
  it("a treadmill-sourced run shows the belt's count, whatever the pod's and the belt's notification rates", () => {
    fc.assert(
      fc.property(notificationRatesRun, (run) => {
        const { distanceM, beltCountM } = recordAtRates(run);
        // Rows after the belt's last count await its next one (up to 2.5 s of metres, not yet counted).
        const awaitedM = run.beltMps * 2.5;
        expect(distanceM).to.be.within(beltCountM - awaitedM - 1, beltCountM + 1);
      }),
      { numRuns: invariantRuns(25) },
    );
  });
});
