// Recorded sessions in the kv store. `sessions` is the one index the history and weeks views
// read (summaries only); each session's meta and its samples, in chunks of CHUNK_SIZE, have keys
// of their own. Whatever touches several keys does it in one transaction, so a failure or a
// second tab never leaves a session half-written or the index out of step with the metas.

import { get, promisifyRequest } from 'idb-keyval';
import {
  type RecordedColumns,
  type RecordedSession,
  type SessionMeta,
  type SessionSummary,
  channelColumnNames,
  recordedColumnNames,
} from '../session/recorded-session.js';
import { inOneTransaction, kvStore } from './kv.js';
import { CHUNK_SIZE, SESSIONS_KEY, chunkCountFor, chunkKey, indexFrom, metaKey } from './session-keys.js';
import { labelOf } from './session-label.js';
import { StoreError } from './store-error.js';
import { emptyColumns, sliceColumns } from '../session/recorded-columns.js';
import { summarizeSamples, summaryOf } from '../session/session-summary.js';

export { CHUNK_SIZE, SESSIONS_KEY, chunkCountFor, chunkKey, metaKey, recordingLockName } from './session-keys.js';
export { labelOf } from './session-label.js';
/** Every key of one session, chunks left over from an older copy included. */
const sessionKeys = (id: string): IDBKeyRange => IDBKeyRange.bound(`session/${id}/`, `session/${id}/\uffff`);

const isChannel = (name: string): boolean => (channelColumnNames as readonly string[]).includes(name);

export const columnTypes = {
  t: Float64Array,
  speedMps: Float32Array,
  cadence: Float32Array,
  strideLengthM: Float32Array,
  distanceM: Float64Array,
  flags: Uint8Array,
  heartRate: Float32Array,
  treadmillSpeedMps: Float32Array,
  inclinePercent: Float32Array,
  rawSpeedMps: Float32Array,
  rawDistanceM: Float64Array,
  powerW: Float32Array,
} as const;

/** The index with `summary` in place of any entry of the same id, oldest session first. */
export function indexWith(index: SessionSummary[], summary: SessionSummary): SessionSummary[] {
  return [...index.filter((s) => s.id !== summary.id), summary].sort((a, b) => a.startedAt - b.startedAt);
}

export async function listSessions(): Promise<SessionSummary[]> {
  return indexFrom(await get(SESSIONS_KEY, kvStore()));
}

/** Null when no such session is stored. Meta and chunks are read in one transaction, so a
 * recording that is being written meanwhile is seen as of one flush, never half of two. */
export function loadSession(id: string): Promise<RecordedSession | null> {
  return inOneTransaction('readonly', (store) => readSession(store, id, false));
}

/**
 * With `salvage`, a damaged session comes back cut short before its first bad chunk instead of
 * failing: what a delete hands back for undo.
 */
async function readSession(store: IDBObjectStore, id: string, salvage: boolean): Promise<RecordedSession | null> {
  const meta: unknown = await promisifyRequest(store.get(metaKey(id)));
  if (meta === undefined) return null;
  if (!isMetaLike(meta) || meta.id !== id) throw new StoreError(`The details of session ${id} are damaged, so it cannot be opened. You can delete it.`);
  const count = chunkCountFor(meta.sampleCount);
  const chunks = await Promise.all(
    Array.from({ length: count }, (_, n) => promisifyRequest<unknown>(store.get(chunkKey(id, n)))),
  );
  const samples = emptyColumns(meta.sampleCount);
  for (const [n, chunk] of chunks.entries()) {
    const problem = chunkProblem(chunk, Math.min(CHUNK_SIZE, meta.sampleCount - n * CHUNK_SIZE));
    if (problem !== null && salvage) {
      return { meta: { ...meta, sampleCount: n * CHUNK_SIZE }, samples: sliceColumns(samples, 0, n * CHUNK_SIZE) };
    }
    if (problem !== null) {
      throw new StoreError(
        `The session ${labelOf(meta)} is damaged: ${problem} in part ${n + 1} of ${count} of its samples. ` +
          'It cannot be opened; you can delete it, or restore a backup.',
      );
    }
    const columns = chunk as RecordedColumns;
    for (const name of recordedColumnNames) if (columns[name] !== undefined) samples[name].set(columns[name], n * CHUNK_SIZE);
  }
  return { meta, samples };
}

/**
 * Stores a whole session, replacing any of the same id. `changedAt`: when the run changed, for
 * the backup folder (now for an import or a correction; the file's for a run restored from a
 * folder); left out, the session is stored exactly as given (an undo of a delete brings back the
 * run as it was, changedAt and all).
 */
export async function saveSession(session: RecordedSession, changedAt?: number): Promise<void> {
  const meta: SessionMeta = changedAt === undefined ? session.meta : { ...session.meta, changedAt };
  const { samples } = session;
  const lengths = recordedColumnNames.map((name) => samples[name].length);
  if (lengths.some((length) => length !== meta.sampleCount)) {
    throw new StoreError(`The session ${labelOf(meta)} was not saved: it says ${meta.sampleCount} samples but holds ${lengths.join('/')}.`);
  }
  return inOneTransaction('readwrite', async (store) => {
    store.delete(sessionKeys(meta.id));
    for (let n = 0; n < chunkCountFor(meta.sampleCount); n++) {
      store.put(sliceColumns(samples, n * CHUNK_SIZE, Math.min(meta.sampleCount, (n + 1) * CHUNK_SIZE)), chunkKey(meta.id, n));
    }
    store.put(meta, metaKey(meta.id));
    await putInIndex(store, summaryOf(meta));
  });
}

/**
 * One write of a recording in progress: the chunks it changed and its meta, together. The index
 * entry only when asked (begin, finish): a flush each second must not rewrite the whole index.
 */
export function saveRecordingProgress(
  meta: SessionMeta,
  chunks: ReadonlyArray<readonly [number, RecordedColumns]>,
  withSummary: boolean,
): Promise<void> {
  // A run changes for the backup folder once it is finished: while it records it is never written there.
  const stored: SessionMeta = meta.status === 'recording' ? meta : { ...meta, changedAt: Date.now() };
  const entries: [IDBValidKey, unknown][] = chunks.map(([n, columns]) => [chunkKey(meta.id, n), columns]);
  entries.push([metaKey(meta.id), stored]);
  return inOneTransaction('readwrite', async (store) => {
    for (const [key, value] of entries) store.put(value, key);
    if (withSummary) await putInIndex(store, summaryOf(stored));
    // Committed as soon as the last request is made, not when the page hears back from them: a
    // write started as the page goes away (SessionWriter.writeBeforeLeaving) still lands.
    store.transaction.commit();
  });
}

export function updateSessionInfo(id: string, change: { name?: string; notes?: string }): Promise<SessionSummary> {
  return changeMeta(id, (meta) => ({
    ...meta,
    ...(change.name === undefined ? {} : { name: change.name }),
    ...(change.notes === undefined ? {} : { notes: change.notes }),
  }));
}

/** A program run cancelled: its recordings go on as ordinary runs, without the program's mark. */
export function withoutProgramMark(id: string): Promise<SessionSummary> {
  return changeMeta(id, ({ program: _mark, ...meta }) => meta);
}

/**
 * An unfinished run's summary, counted from its stored samples: its index entry is as it was when
 * the run began (a flush each second leaves the index alone), and samples a leaving page journaled
 * join the run without its meta's totals. Null when it is not stored.
 */
export async function unfinishedSummary(id: string): Promise<SessionSummary | null> {
  const session = await loadSession(id);
  return session && summaryOf(withTotalsOfSamples(session));
}

/** For an unfinished session the runner chose to keep as it is: kept with the totals of what was saved. */
export function markRecovered(id: string): Promise<SessionSummary> {
  return inOneTransaction('readwrite', async (store) => {
    const session = await readSession(store, id, false);
    if (!session) throw new StoreError('This session is no longer stored (it may have been deleted in another tab).');
    const meta: SessionMeta = { ...withTotalsOfSamples(session), status: 'recovered', changedAt: changedNow(session.meta) };
    store.put(meta, metaKey(id));
    const summary = summaryOf(meta);
    await putInIndex(store, summary);
    return summary;
  });
}

const withTotalsOfSamples = ({ meta, samples }: RecordedSession): SessionMeta => ({
  ...meta,
  ...summarizeSamples(samples, meta.zones, meta.gaps),
});

/**
 * Deletes a session and resolves to what was deleted, so the UI can undo with saveSession. A
 * damaged session is deleted all the same (the runner must be able to get rid of it) and comes
 * back cut short before its first bad chunk. Rejects only when nothing of it is stored, after
 * dropping any index entry left without its session.
 */
export async function deleteSession(id: string): Promise<RecordedSession> {
  const deleted = await inOneTransaction('readwrite', async (store) => {
    const session = await readSession(store, id, true).catch((error: unknown) => {
      if (error instanceof StoreError) return null;
      throw error;
    });
    store.delete(sessionKeys(id));
    const index = indexFrom(await promisifyRequest<unknown>(store.get(SESSIONS_KEY)));
    store.put(index.filter((s) => s.id !== id), SESSIONS_KEY);
    return session;
  });
  if (deleted === null) throw new StoreError('This session is no longer stored (it may have been deleted in another tab).');
  return deleted;
}


/**
 * The changedAt of a change made now: now, and always after the run's last change, so a run
 * restored from a computer whose clock runs ahead (or two changes within a millisecond) still
 * reads as changed to the backup folder. Every change of a stored run is stamped with it.
 */
export const changedNow = (meta: Pick<SessionMeta, 'changedAt'>, now = Date.now()): number => Math.max(now, Math.floor(meta.changedAt ?? 0) + 1);

async function changeMeta(id: string, change: (meta: SessionMeta) => SessionMeta): Promise<SessionSummary> {
  return inOneTransaction('readwrite', async (store) => {
    const stored: unknown = await promisifyRequest(store.get(metaKey(id)));
    if (!isMetaLike(stored)) throw new StoreError('This session is no longer stored (it may have been deleted in another tab).');
    const meta: SessionMeta = { ...change(stored), changedAt: changedNow(stored) };
    store.put(meta, metaKey(id));
    const summary = summaryOf(meta);
    await putInIndex(store, summary);
    return summary;
  });
}

async function putInIndex(store: IDBObjectStore, summary: SessionSummary): Promise<void> {
  const index = indexFrom(await promisifyRequest<unknown>(store.get(SESSIONS_KEY)));
  store.put(indexWith(index, summary), SESSIONS_KEY);
}

function isMetaLike(value: unknown): value is SessionMeta {
  if (typeof value !== 'object' || value === null) return false;
  const { id, sampleCount } = value as Record<string, unknown>;
  return typeof id === 'string' && Number.isSafeInteger(sampleCount) && (sampleCount as number) >= 0;
}

/** What is wrong with a stored chunk that should hold `expected` samples, or null. */
export function chunkProblem(chunk: unknown, expected: number): string | null {
  if (chunk === undefined) return 'samples are missing';
  if (typeof chunk !== 'object' || chunk === null) return 'the samples are not columns';
  const columns = chunk as Record<string, unknown>;
  for (const name of recordedColumnNames) {
    const column = columns[name];
    // Chunks stored before a channel existed have none: it loads empty.
    if (column === undefined && isChannel(name)) continue;
    if (!(column instanceof columnTypes[name])) return `the ${name} column is missing or of the wrong type`;
    if (column.length !== expected) return `the ${name} column holds ${column.length} samples instead of ${expected}`;
  }
  return null;
}
