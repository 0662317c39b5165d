// An imported run as the app stores it (src/services/data-files.ts stores importedSession's), so a
// test can export it again as the session page would.

import { importedSession } from '../../src/export/imported-session.js';
import type { ImportedRun } from '../../src/export/imported-run.js';
import type { RecordedSession } from '../../src/session/recorded-session.js';
import { type CadenceZones, defaultCadenceZones } from '../../src/session/zones.js';

export const storedImport = (run: ImportedRun, zones: CadenceZones = defaultCadenceZones): RecordedSession =>
  importedSession(run, zones, { id: 'imported-1', name: 'Imported' });
