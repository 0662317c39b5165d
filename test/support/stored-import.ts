// An imported run as the app stores it (src/services/data-files.ts: the summary by importedSummary,
// origin 'import'), so a test can export it again as the session page would.

import type { ImportedRun } from '../../src/export/imported-run.js';
import { importedSummary } from '../../src/export/imported-summary.js';
import type { RecordedSession } from '../../src/session/recorded-session.js';
import { RECORDED_SESSION_SCHEMA } from '../../src/session/recorder.js';
import { type CadenceZones, defaultCadenceZones } from '../../src/session/zones.js';

export function storedImport(run: ImportedRun, zones: CadenceZones = defaultCadenceZones): RecordedSession {
  return {
    meta: {
      id: 'imported-1',
      startedAt: run.startedAt,
      name: 'Imported',
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
