import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { RunningCadence } from '../../src/coach/running-cadence.js';
import { invariantRuns } from '../support/invariant-runs.js';

describe('RunningCadence', () => {
  it('is null before any running, and leaves out the seconds stood or walked before the running', () => {
    const cadence = new RunningCadence(10);
    for (let t = 0; t < 7; t++) cadence.add(t, t < 4 ? 0 : 120, false);
    expect(cadence.spm).to.equal(null);
    for (let t = 7; t < 10; t++) cadence.add(t, 170, true);
    expect(cadence.spm).to.equal(170);
  });

  it('keeps the last running seconds’ cadence through a walk break, and forgets it when cleared', () => {
    const cadence = new RunningCadence(10);
    for (let t = 0; t < 60; t++) cadence.add(t, t < 50 ? 150 : 160, true);
    for (let t = 60; t < 120; t++) cadence.add(t, 110, false);
    expect(cadence.spm).to.equal(160);
    cadence.clear();
    expect(cadence.spm).to.equal(null);
  });

  it('is, over generated readings, the mean of the running cadences within the window of the last running one', () => {
    const reading = fc.record({
      stepS: fc.integer({ min: 0, max: 30 }).map((tenths) => tenths / 10),
      cadence: fc.oneof(fc.constant(0), fc.integer({ min: 400, max: 2200 }).map((tenths) => tenths / 10)),
      running: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(reading, { maxLength: 60 }), fc.integer({ min: 1, max: 15 }), (readings, windowS) => {
        const cadence = new RunningCadence(windowS);
        const seen: Array<{ t: number; cadence: number; running: boolean }> = [];
        let t = 0;
        for (const r of readings) {
          t += r.stepS;
          cadence.add(t, r.cadence, r.running);
          seen.push({ t, cadence: r.cadence, running: r.running });
        }
        const counted = seen.filter((r) => r.running && r.cadence > 0);
        const last = counted.at(-1);
        if (!last) {
          expect(cadence.spm).to.equal(null);
          return;
        }
        const inWindow = counted.filter((r) => r.t > last.t - windowS);
        const mean = inWindow.reduce((sum, r) => sum + r.cadence, 0) / inWindow.length;
        expect(cadence.spm).to.be.closeTo(mean, 1e-9);
      }),
      { numRuns: invariantRuns(300) },
    );
  });
});
