// An imported run as the app stores it: the file's samples, laps and breaks, and the summary by
// importedSummary (the watch's own totals where the file states them), with origin 'import'.
// It is named as a recorded run is: by the title the file carries, else no name, so its title is
// made from its start when shown (session-title.ts); the file's name is kept beside it for the
// run's page, not worked into the title.

import { isDefaultRunName, runTitle } from '../session/date-format.js';
import type { RecordedSession } from '../session/recorded-session.js';
import { RECORDED_SESSION_SCHEMA } from '../session/recorder.js';
import type { CadenceZones } from '../session/zones.js';
import type { ImportedRun } from './imported-run.js';
import { importedSummary } from './imported-summary.js';

export interface ImportedNaming {
  id: string;
  /** The runner's own name for it; by default the file's title, else none (titled by its start). */
  name?: string;
  /** The name of the file it came from. */
  fileName?: string;
}

const fileTitle = ({ name, startedAt, sport }: ImportedRun): string => {
  const title = name?.trim() ?? '';
  // Ours: the title our TCX gives an unnamed run (in this browser's format), or an older version's name.
  return title === runTitle(startedAt, sport) || isDefaultRunName(title, startedAt, sport) ? '' : title;
};

export function importedSession(run: ImportedRun, zones: CadenceZones, { id, name, fileName }: ImportedNaming): RecordedSession {
  return {
    meta: {
      id,
      startedAt: run.startedAt,
      // A title made from the start ("Run <start>", as our TCX writes an unnamed run) is no name.
      name: name ?? fileTitle(run),
      notes: '',
      deviceName: run.deviceName,
      origin: 'import',
      ...(fileName ? { importedFrom: fileName } : {}),
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
