// The summary of an imported run: the records' totals by the session's own rules, except where
// the file states its own (a FIT session message), which the summary shows instead; both are kept
// in `statedTotals`, so a page can say where they differ and a maintainer can see which is which.

import { timeWeightedMean } from '../session/channel-averages.js';
import { type SessionTotals, summarizeSamples } from '../session/session-summary.js';
import { type StatedTotals, withFileTotals } from '../session/stated-totals.js';
import type { CadenceZones } from '../session/zones.js';
import type { ImportedRun } from './imported-run.js';

export function importedSummary(run: ImportedRun, zones: CadenceZones): SessionTotals & { statedTotals?: StatedTotals } {
  const fromRecords = summarizeSamples(run.samples, zones, run.gaps);
  const stated = run.statedTotals;
  if (!stated) return fromRecords;
  const { heartRate } = run.samples;
  const avgHeartRate = timeWeightedMean(run.samples, heartRate, run.gaps, (i) => heartRate[i]! > 0);
  return {
    ...withFileTotals(fromRecords, stated),
    statedTotals: {
      stated: { ...stated },
      fromRecords: {
        movingS: fromRecords.movingS,
        distanceM: fromRecords.distanceM,
        avgCadence: fromRecords.avgCadence,
        avgHeartRate,
      },
    },
  };
}
