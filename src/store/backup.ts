// Everything stored, as one JSON file, and back. Sample columns travel as base64 of their
// little-endian bytes with the array type named, so a restore is bit-exact. A restore checks the
// whole file before it touches the store, then replaces the store's contents in one transaction:
// a bad file, or a failure half-way, leaves the stored data exactly as it was.
//
// Format 2 carries a SHA-256 checksum of its payload (backup-checksum.ts) beside the data version;
// format 1 (no checksum) still restores, and data of an older version goes through the migrations.

import { promisifyRequest } from 'idb-keyval';
import {
  type RecordedColumns,
  type SessionGap,
  type SessionMeta,
  type SessionSport,
  type SessionSummary,
  channelColumnNames,
  gapReasons,
  sessionSports,
  recordedColumnNames,
} from '../session/recorded-session.js';
import { SCHEMA_KEY, SCHEMA_VERSION, inOneTransaction } from './kv.js';
import {
  CHUNK_SIZE,
  SESSIONS_KEY,
  chunkCountFor,
  chunkKey,
  chunkProblem,
  columnTypes,
  indexWith,
  labelOf,
  metaKey,
} from './session-store.js';
import { StoreError } from './store-error.js';
import { checksumMatches, withChecksum } from './backup-checksum.js';
import { migrateFrom } from './migrations.js';
import { summaryOf } from '../session/session-summary.js';
import { withValidProgramMark } from '../session/program-mark.js';
import { withValidWorkoutMark } from '../session/workout-mark.js';
import { isSpeedSource } from '../session/speed-source.js';
import { isStatedTotals } from '../session/stated-totals.js';
import { isSpread, isSpreadByBand } from '../session/running-time-in-zone.js';

export const BACKUP_FORMAT = 'stridewise-backup';
export const BACKUP_VERSION = 2;
/** The oldest data version a backup may hold: 1 held the settings only. */
const OLDEST_SCHEMA = 1;
const SETTINGS_KEY = 'settings';
const META_KEY = /^session\/(.+)\/meta$/;
const CHUNK_KEY = /^session\/(.+)\/chunk\/(\d+)$/;

interface EncodedColumn {
  type: string;
  base64: string;
}
type EncodedChunk = Record<string, EncodedColumn>;
interface BackupSession {
  meta: SessionMeta;
  chunks: EncodedChunk[];
}

/** The whole store as one file (settings, schema, index, every session's meta and samples). */
export async function createBackup(): Promise<Blob> {
  return (await createBackupWithReport()).blob;
}

/**
 * The backup, and what it had to leave out because it could not be restored as a session (a
 * session's damaged details, samples after a missing part, samples whose session is lost), one
 * sentence each, so the runner knows before relying on the file. The browser keeps all of it.
 */
export async function createBackupWithReport(): Promise<{ blob: Blob; leftOut: string[] }> {
  const stored = await inOneTransaction('readonly', async (store) => {
    const [keys, values] = await Promise.all([
      promisifyRequest(store.getAllKeys()),
      promisifyRequest<unknown[]>(store.getAll()),
    ]);
    return keys.map((key, i) => [key, values[i]] as const);
  });
  const byKey = new Map<IDBValidKey, unknown>(stored);
  const sessions: BackupSession[] = [];
  const other: { key: string; value: unknown }[] = [];
  const leftOut: string[] = [];
  const withMeta = new Set<string>();
  const lostChunks = new Map<string, number>();
  for (const [key, value] of stored) {
    if (typeof key !== 'string' || key === SCHEMA_KEY || key === SETTINGS_KEY || key === SESSIONS_KEY) continue;
    const chunkOf = CHUNK_KEY.exec(key)?.[1];
    if (chunkOf !== undefined) {
      lostChunks.set(chunkOf, (lostChunks.get(chunkOf) ?? 0) + 1);
      continue;
    }
    const id = META_KEY.exec(key)?.[1];
    if (id === undefined) {
      other.push({ key, value });
      continue;
    }
    withMeta.add(id);
    if (metaProblem(value) !== null) {
      leftOut.push(`The details of session ${id} are damaged, so it is left out.`);
      continue;
    }
    const meta = withValidWorkoutMark(withValidProgramMark(value as SessionMeta));
    const session = backupSession(meta, byKey);
    if (session.meta.sampleCount < meta.sampleCount) {
      const kept = session.chunks.length;
      leftOut.push(
        `${labelOf(meta)} goes in with its first ${session.meta.sampleCount} of ${meta.sampleCount} samples: ` +
          `part ${kept + 1} of ${chunkCountFor(meta.sampleCount)} is missing or damaged.`,
      );
    }
    sessions.push(session);
  }
  for (const [id, parts] of lostChunks) {
    if (withMeta.has(id)) continue;
    leftOut.push(`${parts} part${parts === 1 ? '' : 's'} of samples of a session whose details are lost (${id}) ${parts === 1 ? 'is' : 'are'} left out.`);
  }
  const head = { format: BACKUP_FORMAT, version: BACKUP_VERSION, schemaVersion: byKey.get(SCHEMA_KEY) ?? SCHEMA_VERSION };
  const rest = {
    createdAt: new Date().toISOString(),
    settings: byKey.get(SETTINGS_KEY) ?? null,
    // Rebuilt from the metas (the index's source), so it matches the sessions even where the
    // stored one was damaged or a session was cut short above.
    index: sessions.reduce<SessionSummary[]>((index, { meta }) => indexWith(index, summaryOf(meta)), []),
    sessions,
    other,
  };
  return { blob: new Blob([await withChecksum(head, rest)], { type: 'application/json' }), leftOut };
}

/** A damaged session goes in cut short before its first bad chunk, so every backup restores. */
function backupSession(meta: SessionMeta, byKey: Map<IDBValidKey, unknown>): BackupSession {
  const chunks: EncodedChunk[] = [];
  for (let n = 0; n < chunkCountFor(meta.sampleCount); n++) {
    const chunk = byKey.get(chunkKey(meta.id, n));
    if (chunkProblem(chunk, Math.min(CHUNK_SIZE, meta.sampleCount - n * CHUNK_SIZE)) !== null) {
      return { meta: { ...meta, sampleCount: n * CHUNK_SIZE }, chunks };
    }
    const columns = chunk as RecordedColumns;
    const encoded: EncodedChunk = {};
    for (const name of recordedColumnNames) {
      encoded[name] = { type: columnTypes[name].name, base64: toBase64(littleEndianBytes(columns[name])) };
    }
    chunks.push(encoded);
  }
  return { meta, chunks };
}

/**
 * Replaces everything stored with the backup's contents. Rejects with a StoreError naming the
 * problem, and changes nothing, when the file is not a complete, intact Stridewise backup.
 */
export async function restoreBackup(file: Blob): Promise<{ sessions: number }> {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    throw new StoreError('The backup file could not be read (it may have been moved or changed). Nothing was changed.', { cause: error });
  }
  const { entries, sessions, schemaVersion } = await entriesOf(text);
  await inOneTransaction('readwrite', async (store) => {
    store.clear();
    for (const [key, value] of entries) store.put(value, key);
    await migrateFrom(store, schemaVersion);
  });
  return { sessions };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const unchanged = ' Nothing was changed.';
const notOurs = (why: string) => new StoreError(`This is not a Stridewise backup (${why}).${unchanged}`);
const damaged = (what: string) => new StoreError(`The backup is damaged: ${what}.${unchanged}`);

/** Every key and value the backup would store, after checking all of it. */
async function entriesOf(text: string): Promise<{ entries: [string, unknown][]; sessions: number; schemaVersion: number }> {
  if (text.trim() === '') throw notOurs('the file is empty');
  let backup: unknown;
  try {
    backup = JSON.parse(text);
  } catch {
    if (text.trimStart().startsWith(`{"format":"${BACKUP_FORMAT}"`)) {
      throw new StoreError(`The backup is truncated: the file ends part-way through. Use a complete copy of it.${unchanged}`);
    }
    throw notOurs('the file is not in the backup format');
  }
  if (!isRecord(backup) || backup['format'] !== BACKUP_FORMAT) throw notOurs('it has no Stridewise backup header');
  const { version, schemaVersion, settings, index, sessions, other } = backup;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new StoreError(`This backup was made by a newer Stridewise (backup format ${version}); update the app to restore it.${unchanged}`);
  }
  if (version !== 1 && version !== BACKUP_VERSION) throw damaged(`its format version reads ${JSON.stringify(version)}`);
  // Before anything in it is believed; format 1 had no checksum.
  if (version !== 1 && !(await checksumMatches(backup))) {
    throw damaged('its checksum does not match its contents (it was changed or corrupted after it was made)');
  }
  if (typeof schemaVersion === 'number' && schemaVersion > SCHEMA_VERSION) {
    throw new StoreError(`This backup holds data of a newer Stridewise (data version ${schemaVersion}); update the app to restore it.${unchanged}`);
  }
  if (!Number.isSafeInteger(schemaVersion) || (schemaVersion as number) < OLDEST_SCHEMA) {
    throw damaged(`its data version reads ${JSON.stringify(schemaVersion)}`);
  }
  if (settings !== null && !isRecord(settings)) throw damaged('the settings are not a set of settings');
  // Data version 1 held no sessions: its backups have none (nor a list of them) to restore.
  const noSessions = (value: unknown) => value === undefined || (Array.isArray(value) && value.length === 0);
  if (schemaVersion === 1 && !(noSessions(index) && noSessions(sessions))) {
    throw damaged('it says data version 1, which held no sessions, yet it holds sessions');
  }
  const indexList = schemaVersion === 1 ? [] : index;
  const sessionList = schemaVersion === 1 ? [] : sessions;
  if (!Array.isArray(indexList) || !indexList.every((s) => isRecord(s) && typeof s['id'] === 'string')) {
    throw damaged('the list of sessions is not a list');
  }
  if (!Array.isArray(sessionList)) throw damaged('the sessions are missing');
  if (!Array.isArray(other)) throw damaged('the other stored values are missing');

  const entries: [string, unknown][] = [[SCHEMA_KEY, schemaVersion]];
  if (settings !== null) entries.push([SETTINGS_KEY, settings]);
  let summaries: SessionSummary[] = [];
  for (const [i, session] of sessionList.entries()) {
    const given = isRecord(session) ? session['meta'] : undefined;
    const problem = metaProblem(given);
    if (problem !== null) throw damaged(`session ${i + 1} ${problem}`);
    // A damaged program or workout mark is dropped: the run goes in as an ordinary run.
    const meta = withValidWorkoutMark(withValidProgramMark(given as SessionMeta));
    const { id } = meta;
    if (summaries.some((s) => s.id === id)) throw damaged(`session ${labelOf(meta as SessionMeta)} is in it twice`);
    const chunks = (session as Record<string, unknown>)['chunks'];
    entries.push(...chunkEntries(meta as SessionMeta, chunks), [metaKey(id), meta]);
    summaries = indexWith(summaries, summaryOf(meta as SessionMeta));
  }
  const listed = new Set(indexList.map((s) => (s as Record<string, unknown>)['id']));
  if (listed.size !== summaries.length || !summaries.every((s) => listed.has(s.id))) {
    throw damaged('its list of sessions does not match the sessions in it');
  }
  // A version 1 backup gets its (empty) list from the migrations, as a version 1 store does.
  if (schemaVersion !== 1) entries.push([SESSIONS_KEY, summaries]);
  const taken = new Set(entries.map(([key]) => key));
  for (const item of other) {
    const key = isRecord(item) ? item['key'] : undefined;
    if (typeof key !== 'string' || !('value' in (item as object)) || taken.has(key) || key.startsWith('session')) {
      throw damaged('one of its other stored values has no proper key');
    }
    taken.add(key);
    entries.push([key, (item as Record<string, unknown>)['value']]);
  }
  return { entries, sessions: summaries.length, schemaVersion: schemaVersion as number };
}

function chunkEntries(meta: SessionMeta, chunks: unknown): [string, RecordedColumns][] {
  const expected = chunkCountFor(meta.sampleCount);
  if (!Array.isArray(chunks)) throw damaged(`session ${labelOf(meta)} has no samples`);
  if (chunks.length < expected) throw damaged(`session ${labelOf(meta)} is missing chunk ${chunks.length + 1} of ${expected}`);
  if (chunks.length > expected) throw damaged(`session ${labelOf(meta)} has ${chunks.length} chunks where its details say ${expected}`);
  return chunks.map((chunk: unknown, n) => {
    const rows = Math.min(CHUNK_SIZE, meta.sampleCount - n * CHUNK_SIZE);
    const columns = {} as Record<string, unknown>;
    for (const name of recordedColumnNames) {
      if (isRecord(chunk) && chunk[name] === undefined && (channelColumnNames as readonly string[]).includes(name)) {
        // A backup made before this channel existed: the channel is empty.
        columns[name] = new columnTypes[name](rows).fill(Number.NaN);
        continue;
      }
      const column = isRecord(chunk) ? decodeColumn(chunk[name], columnTypes[name]) : null;
      if (column === null) throw damaged(`session ${labelOf(meta)} has an unreadable ${name} column in chunk ${n + 1}`);
      if (column.length !== rows) {
        throw damaged(`session ${labelOf(meta)} has ${column.length} ${name} values in chunk ${n + 1} instead of ${rows}`);
      }
      columns[name] = column;
    }
    return [chunkKey(meta.id, n), columns as unknown as RecordedColumns];
  });
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const numbersIn = (value: unknown, fields: readonly string[]) => isRecord(value) && fields.every((f) => isNumber(value[f]));

/** What is wrong with a stored session's meta ("its … is …"), or null when it has every field. */
function metaProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'has no details';
  const { id, name, notes, deviceName, origin, status, sampleCount, laps, gaps, cadenceBySpeedBand } = value;
  if (typeof id !== 'string' || id === '' || id.includes('/')) return 'has no proper id';
  const numbers = ['startedAt', 'movingS', 'elapsedS', 'distanceM', 'avgSpeedMps', 'avgCadence', 'schemaVersion'];
  const notNumber = numbers.find((field) => !isNumber(value[field]));
  if (notNumber !== undefined) return `has no number for ${notNumber}`;
  if (typeof name !== 'string' || typeof notes !== 'string' || (deviceName !== null && typeof deviceName !== 'string')) {
    return 'has a name, notes or device name that is not text';
  }
  if (origin !== 'bluetooth' && origin !== 'simulator' && origin !== 'import') return 'has an unknown origin';
  if (status !== 'recording' && status !== 'complete' && status !== 'recovered') return 'has an unknown status';
  if (value['sport'] !== undefined && !sessionSports.includes(value['sport'] as SessionSport)) return 'has an unknown sport';
  if (value['treadmill'] !== undefined && typeof value['treadmill'] !== 'boolean') return 'has a treadmill mark that is not yes or no';
  if (!Number.isSafeInteger(sampleCount) || (sampleCount as number) < 0) return 'has no proper sample count';
  if (!numbersIn(value['zoneTimes'], ['low', 'building', 'target', 'high'])) return 'has damaged zone times';
  if (!numbersIn(value['zones'], ['buildingFrom', 'targetFrom', 'targetTo'])) return 'has damaged zones';
  if (!isRecord(cadenceBySpeedBand) || !Object.values(cadenceBySpeedBand).every((b) => numbersIn(b, ['seconds', 'cadenceSeconds']))) {
    return 'has damaged cadence by speed';
  }
  if (!Array.isArray(laps) || !laps.every(isNumber)) return 'has damaged laps';
  const gapOk = (g: unknown) =>
    numbersIn(g, ['fromT', 'toT']) &&
    gapReasons.includes((g as Record<string, unknown>)['reason'] as SessionGap['reason']) &&
    ((g as Record<string, unknown>)['coveredM'] === undefined || isNumber((g as Record<string, unknown>)['coveredM']));
  if (!Array.isArray(gaps) || !gaps.every(gapOk)) return 'has damaged gaps';
  const checkIns = value['checkIns'];
  const checkInOk = (c: unknown) => numbersIn(c, ['t']) && typeof (c as Record<string, unknown>)['promptId'] === 'string';
  if (checkIns !== undefined && !(Array.isArray(checkIns) && checkIns.every(checkInOk))) return 'has damaged check-ins';
  const calibration = value['calibration'];
  if (calibration !== undefined && !(Array.isArray(calibration) && calibration.every((p) => numbersIn(p, ['podSpeedMps', 'factor'])))) {
    return 'has a damaged footpod calibration';
  }
  if (value['speedFrom'] !== undefined && !isSpeedSource(value['speedFrom'])) return 'has an unknown source of speed';
  if (value['podId'] !== undefined && typeof value['podId'] !== 'string') return 'has a footpod id that is not text';
  if (value['importedFrom'] !== undefined && typeof value['importedFrom'] !== 'string') return 'has a file name that is not text';
  if (value['changedAt'] !== undefined && !isNumber(value['changedAt'])) return 'has a time of its last change that is not a number';
  if (value['statedTotals'] !== undefined && !isStatedTotals(value['statedTotals'])) return "has damaged totals from the watch's file";
  if (value['runningCadence'] !== undefined && !isSpread(value['runningCadence'])) return 'has damaged running cadences';
  if (value['runningCadenceByBand'] !== undefined && !isSpreadByBand(value['runningCadenceByBand'])) {
    return 'has damaged running cadences by speed';
  }
  return null;
}

type ColumnType = (typeof columnTypes)[keyof typeof columnTypes];

function decodeColumn(value: unknown, type: ColumnType): InstanceType<ColumnType> | null {
  if (!isRecord(value) || value['type'] !== type.name || typeof value['base64'] !== 'string') return null;
  const bytes = fromBase64(value['base64']);
  if (bytes === null || bytes.length % type.BYTES_PER_ELEMENT !== 0) return null;
  return new type(fromLittleEndian(bytes, type.BYTES_PER_ELEMENT).buffer);
}

const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function littleEndianBytes(array: Float64Array | Float32Array | Uint8Array): Uint8Array {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  return littleEndianHost ? bytes : swapEach(bytes.slice(), array.BYTES_PER_ELEMENT);
}

/** A fresh copy in host order, whose buffer holds exactly these bytes. */
function fromLittleEndian(bytes: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer> {
  return littleEndianHost ? bytes : swapEach(bytes, size);
}

function swapEach<T extends Uint8Array>(bytes: T, size: number): T {
  for (let i = 0; i < bytes.length; i += size) bytes.subarray(i, i + size).reverse();
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
