// The summary of an imported run: the records' totals by the session's own rules, except where
// the file states its own (a FIT session message), which the summary shows instead; both are kept
// in `statedTotals`, so a page can say where they differ and a maintainer can see which is which.

import { timeWeightedMean } from '../session/channel-averages.js';
import { SAMPLE_RUNNING } from '../session/recorded-session.js';
import { type SessionTotals, summarizeSamples } from '../session/session-summary.js';
import { type StatedTotals, withFileTotals } from '../session/stated-totals.js';
import type { CadenceZones } from '../session/zones.js';
import type { ImportedRun } from './imported-run.js';

/** Whether any record with a cadence is walking: then a file's average cadence is not a running one. */
export function walksWithCadence({ cadence, flags }: ImportedRun['samples']): boolean {
  for (let i = 0; i < cadence.length; i++) if (cadence[i]! > 0 && (flags[i]! & SAMPLE_RUNNING) === 0) return true;
  return false;
}

export function importedSummary(run: ImportedRun, zones: CadenceZones): SessionTotals & { statedTotals?: StatedTotals } {
  const fromRecords = summarizeSamples(run.samples, zones, run.gaps);
  if (!run.statedTotals && !run.trimmedTotals) return fromRecords;
  const { avgCadence, ...rest } = run.statedTotals ?? {};
  // The watch averages cadence over every second its timer ran; the summary's is running only.
  const walked = avgCadence !== undefined && run.sport === 'run' && walksWithCadence(run.samples);
  const stated = walked ? rest : (run.statedTotals ?? {});
  const { heartRate } = run.samples;
  const avgHeartRate = timeWeightedMean(run.samples, heartRate, run.gaps, (i) => heartRate[i]! > 0);
  return {
    ...withFileTotals(fromRecords, stated),
    statedTotals: {
      stated: { ...stated },
      ...(walked ? { setAside: { avgCadence } } : {}),
      ...(run.trimmedTotals ? { leftOut: { ...run.trimmedTotals } } : {}),
      fromRecords: {
        movingS: fromRecords.movingS,
        distanceM: fromRecords.distanceM,
        avgCadence: fromRecords.avgCadence,
        avgHeartRate,
        avgPowerW: timeWeightedMean(run.samples, run.samples.powerW, run.gaps),
      },
    },
  };
}
