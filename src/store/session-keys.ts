// The keys of recorded sessions and the index's stored form, apart from the code that reads and
// writes them, so start-up checks (the schema, runs a closed tab left unfinished) can read a key
// without loading the store.

import type { SessionSummary } from '../session/recorded-session.js';
import { StoreError } from './store-error.js';

export const SESSIONS_KEY = 'sessions';
export const metaKey = (id: string): string => `session/${id}/meta`;
export const chunkKey = (id: string, n: number): string => `session/${id}/chunk/${n}`;
/** Either key of a session: its id, then 'meta' or 'chunk/<n>' with n in the third group. */
export const SESSION_KEY = /^session\/([^/]+)\/(meta|chunk\/(\d+))$/;

/** Samples per chunk: a minute at 1 Hz, so one write of a running session is small. */
export const CHUNK_SIZE = 60;
export const chunkCountFor = (sampleCount: number): number => Math.ceil(sampleCount / CHUNK_SIZE);

/** Held by the tab recording a session, so other tabs do not offer to recover it. */
export const recordingLockName = (id: string): string => `stridewise-recording/${id}`;

/** The index as stored: nothing yet is an empty history, anything but a list is damage. */
export function indexFrom(stored: unknown): SessionSummary[] {
  if (stored === undefined) return [];
  if (!Array.isArray(stored)) throw new StoreError('The list of sessions is damaged, so history cannot be shown. Restoring a backup replaces it.');
  // A program mark is checked where it is shown (History, Weeks), not on every read at start-up.
  return stored as SessionSummary[];
}
