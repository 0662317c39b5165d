// A run restored on a second browser must read as the original does wherever a FIT round trip can
// keep it (issue 21: "a second browser can restore from it"). These compare the original's summary
// and what its page says with the restored run's.

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { statedTotalsNotes } from '../../../src/session/stated-totals.js';
import { defaultCadenceZones } from '../../../src/session/zones.js';
import { generatedBreaks, generatedRunningSeconds, generatedZones, runOf, withBreaks } from '../../support/generated-runs-with-walks.js';
import { invariantRuns } from '../../support/invariant-runs.js';
import { restoredOnce } from './restore-rig.js';

const START = Date.UTC(2026, 5, 1, 7, 0);

describe('r-restore: figures of a restored run', () => {
  // The runner's own zones are a setting of the first browser; a second browser restoring the
  // folder has the default ones (or others). The original's page counted time in zones by the zones
  // it was recorded with (meta.zones); the restored one recounts them with whatever the restoring
  // browser holds, so "time in target" of every restored run changes, silently.
  it('a restored run keeps the zones it was recorded with and its time in each zone', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(generatedRunningSeconds, generatedZones, async (running, zones) => {
        fc.pre(JSON.stringify(zones) !== JSON.stringify(defaultCadenceZones));
        const original = runOf(running, { startedAt: START, zones, id: 'zones-run' });
        const back = await restoredOnce(original, defaultCadenceZones);
        expect(back.zones, 'zones').to.deep.equal(original.meta.zones);
        expect(back.zoneTimes, 'time in zones').to.deep.equal(original.meta.zoneTimes);
      }),
      { numRuns: invariantRuns(10) },
    );
  });

  // A run recorded with a footpod and walked in parts showed no note under its summary. Restored,
  // its own FIT session message reads as a watch's stated totals, and the page says "the watch's
  // own, 158, counts walking too" of a run no watch recorded: words the original never said.
  it('a restored footpod run with walks shows the notes its original showed (none about a watch)', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(generatedRunningSeconds, generatedBreaks, generatedZones, async (running, breaks, zones) => {
        const original = runOf(withBreaks(running, breaks), { startedAt: START, zones, id: 'walk-run' });
        const before = original.meta.statedTotals ? statedTotalsNotes(original.meta.statedTotals) : [];
        const back = await restoredOnce(original);
        const after = back.statedTotals ? statedTotalsNotes(back.statedTotals) : [];
        expect(after).to.deep.equal(before);
      }),
      { numRuns: invariantRuns(20) },
    );
  });
});
