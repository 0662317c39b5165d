// A run's title as every screen shows it (History, the run's page, Compare, the import report):
// the runner's own name as typed, or, for a run nobody named, "Run <start>" made when shown, in
// today's locale and time zone. A run the app named stores no name (''), so its title follows the
// browser; the fixed English name released versions stored for that start (date-format.ts
// isDefaultRunName) reads so too.

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

/** The name the runner gave a session, or null when it has none of the runner's and is titled by its start. */
export const runnersName = (session: Titled): string | null =>
  isDefaultRunName(session.name, session.startedAt, session.sport) || fileInLegacyName(session) !== null ? null : session.name;

/** The runner's name for a session, or, when it has none of the runner's, the one made from its start. */
export const sessionTitle = (session: Titled): string => runnersName(session) ?? runTitle(session.startedAt, session.sport);

/** The file an imported run came from, for its details, or null. */
export const importedFileName = (meta: Pick<SessionMeta, 'name' | 'startedAt' | 'sport' | 'origin' | 'importedFrom'>): string | null =>
  meta.origin !== 'import' ? null : (meta.importedFrom ?? fileInLegacyName(meta));
