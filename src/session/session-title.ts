// A run's title as every screen shows it (History, the run's page, Compare, the import report):
// the runner's own name as typed, or, for a run nobody named, "Run <start>" made when shown, in
// today's locale and time zone. A run the app named stores no name (''), so its title follows the
// browser; names older versions stored for that start (date-format.ts isDefaultRunName) read so too.

import { isDefaultRunName, runTitle } from './date-format.js';
import type { SessionMeta, SessionSummary } from './recorded-session.js';

type Titled = Pick<SessionSummary, 'name' | 'startedAt'> & Pick<Partial<SessionSummary>, 'sport' | 'origin'>;

/**
 * The file named in an older import's stored name ("Run 7 Dec 2026, 02:45 (watch.fit)"), from
 * before the file's name was kept apart (importedFrom); null for any other name, and for any run
 * not imported, whose brackets are the runner's own ("… (tempo)").
 */
function fileInLegacyName({ name, startedAt, sport, origin }: Titled): string | null {
  if (origin !== 'import') return null;
  const open = name.indexOf(' (');
  return open > 0 && name.endsWith(')') && isDefaultRunName(name.slice(0, open), startedAt, sport) ? name.slice(open + 2, -1) : null;
}

/** The runner's name for a session, or, when it has none of the runner's, the one made from its start. */
export function sessionTitle(session: Titled): string {
  const { name, startedAt, sport } = session;
  if (isDefaultRunName(name, startedAt, sport) || fileInLegacyName(session) !== null) return runTitle(startedAt, sport);
  return name;
}

/** The file an imported run came from, for its details, or null. */
export const importedFileName = (meta: Pick<SessionMeta, 'name' | 'startedAt' | 'sport' | 'origin' | 'importedFrom'>): string | null =>
  meta.origin !== 'import' ? null : (meta.importedFrom ?? fileInLegacyName(meta));
