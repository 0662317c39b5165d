// An imported run as the app stores it: the file's samples, laps and breaks, and the summary by
// importedSummary (the watch's own totals where the file states them), with origin 'import'.

import type { RecordedSession } from '../session/recorded-session.js';
import { RECORDED_SESSION_SCHEMA } from '../session/recorder.js';
import type { CadenceZones } from '../session/zones.js';
import type { ImportedRun } from './imported-run.js';
import { importedSummary } from './imported-summary.js';

export function importedSession(run: ImportedRun, zones: CadenceZones, { id, name }: { id: string; name: string }): RecordedSession {
  return {
    meta: {
      id,
      startedAt: run.startedAt,
      name,
      notes: '',
      deviceName: run.deviceName,
      origin: 'import',
      sport: run.sport,
      treadmill: run.treadmill,
      status: 'complete',
      ...importedSummary(run, zones),
      zones: { ...zones },
      laps: run.laps,
      gaps: run.gaps,
      schemaVersion: RECORDED_SESSION_SCHEMA,
    },
    samples: run.samples,
  };
}
