// How the store's messages name a session, apart from its keys (session-keys.ts): a title reads
// the runner's date words, which the first load does without (start-up reads keys, not titles).

import type { SessionMeta } from '../session/recorded-session.js';
import { sessionTitle } from '../session/session-title.js';

/** A session as the runner knows it in the store's messages: its title (an unnamed run by its start), else its id. */
export const labelOf = (meta: Pick<SessionMeta, 'id' | 'name' | 'startedAt'> & Partial<Pick<SessionMeta, 'sport' | 'origin'>>): string =>
  `“${meta.name || Number.isFinite(meta.startedAt) ? sessionTitle(meta) : meta.id}”`;
