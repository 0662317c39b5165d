// Sessions and store snapshots for the store tests and the store benchmark. Values are what a
// footpod run looks like (speed, cadence and stride drifting, a pause, a walk at the end), drawn
// from a seeded generator so every run of a test stores the same bytes.

import { clear, delMany, entries, set, setMany } from 'idb-keyval';
import {
  type CadenceBySpeedBand,
  type RecordedColumns,
  type RecordedSample,
  type RecordedSession,
  type SessionMeta,
  type SessionStatus,
  SAMPLE_RUNNING,
  SAMPLE_STRIDE_DERIVED,
  SPEED_BAND_MPS,
  recordedColumnNames,
} from '../../src/session/recorded-session.js';
import { addZoneTime, emptyZoneTimes } from '../../src/session/time-in-zone.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { SCHEMA_VERSION, kvStore } from '../../src/store/kv.js';
import { emptyColumns } from '../../src/session/recorded-columns.js';

export interface SyntheticOptions {
  id?: string;
  seconds?: number;
  startedAt?: number;
  name?: string;
  status?: SessionStatus;
  seed?: number;
}

/** One sample a second; a 90 s pause halfway; the last 5 % walking. */
export function syntheticSamples(seconds: number, seed = 1): RecordedSample[] {
  let state = seed >>> 0 || 1;
  const noise = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  const samples: RecordedSample[] = [];
  let distanceM = 0;
  let rawDistanceM = 0;
  for (let i = 0; i < seconds; i++) {
    const t = i + (i >= seconds / 2 ? 90 : 0) + 0.001 * Math.round(noise() * 40);
    const walking = i > seconds * 0.95;
    const speedMps = Math.fround(walking ? 1.4 + noise() * 0.1 : 2.9 + 0.4 * Math.sin(i / 300) + noise() * 0.2);
    const cadence = Math.fround(walking ? 112 + noise() * 4 : 168 + 7 * Math.sin(i / 410) + noise() * 3);
    const derived = i % 7 === 0;
    const strideLengthM = Math.fround(derived ? (speedMps * 60) / cadence : (speedMps * 60) / cadence + noise() * 0.02);
    distanceM += speedMps;
    // A pod calibrated to 97 %: what it sent is kept beside the calibrated values.
    const rawSpeedMps = Math.fround(speedMps / 0.97);
    rawDistanceM += rawSpeedMps;
    const flags = (walking ? 0 : SAMPLE_RUNNING) | (derived ? SAMPLE_STRIDE_DERIVED : 0);
    samples.push({ t, speedMps, cadence, strideLengthM, distanceM, flags, rawSpeedMps, rawDistanceM });
  }
  return samples;
}

export function columnsOf(samples: readonly RecordedSample[]): RecordedColumns {
  const columns = emptyColumns(samples.length);
  samples.forEach((sample, i) => {
    for (const name of recordedColumnNames) columns[name][i] = sample[name] ?? Number.NaN;
  });
  return columns;
}

export function syntheticSession(options: SyntheticOptions = {}): RecordedSession {
  const seconds = options.seconds ?? 600;
  const samples = syntheticSamples(seconds, options.seed);
  return { meta: metaFor(samples, options), samples: columnsOf(samples) };
}

/** A meta whose totals agree with the samples, as the recorder would write it. */
export function metaFor(samples: readonly RecordedSample[], options: SyntheticOptions = {}): SessionMeta {
  const zones = { ...defaultCadenceZones };
  const zoneTimes = emptyZoneTimes();
  const bands: CadenceBySpeedBand = {};
  let movingS = 0;
  let cadenceSeconds = 0;
  let runningSeconds = 0;
  for (let i = 1; i < samples.length; i++) {
    const step = Math.min(2, samples[i]!.t - samples[i - 1]!.t);
    const { speedMps, cadence, flags } = samples[i]!;
    movingS += step;
    addZoneTime(zoneTimes, samples[i - 1]!.t, samples[i]!.t, cadence, zones);
    if (flags & SAMPLE_RUNNING && cadence > 0) {
      const band = (bands[Math.floor(speedMps / SPEED_BAND_MPS)] ??= { seconds: 0, cadenceSeconds: 0 });
      band.seconds += step;
      band.cadenceSeconds += cadence * step;
      runningSeconds += step;
      cadenceSeconds += cadence * step;
    }
  }
  const last = samples[samples.length - 1];
  const distanceM = last?.distanceM ?? 0;
  const id = options.id ?? 'run-1';
  return {
    id,
    startedAt: options.startedAt ?? Date.UTC(2025, 2, 3, 6, 30),
    name: options.name ?? `Run ${id}`,
    notes: 'Treadmill, 1 % incline.',
    deviceName: 'Stryd',
    origin: 'bluetooth',
    status: options.status ?? 'complete',
    movingS,
    elapsedS: last?.t ?? 0,
    distanceM,
    avgSpeedMps: movingS > 0 ? distanceM / movingS : 0,
    avgCadence: runningSeconds > 0 ? cadenceSeconds / runningSeconds : 0,
    zoneTimes,
    zones,
    cadenceBySpeedBand: bands,
    sampleCount: samples.length,
    laps: [0, 1000, 2000].filter((t) => t < (last?.t ?? 0)),
    gaps: samples.length > 2 ? [{ fromT: samples[Math.floor(samples.length / 2) - 1]!.t, toT: samples[Math.floor(samples.length / 2)]!.t, reason: 'paused' }] : [],
    schemaVersion: SCHEMA_VERSION,
  };
}

/** Where two sets of columns differ (type, length or any byte), or null when they are identical. */
export function columnDifference(expected: RecordedColumns, actual: RecordedColumns): string | null {
  for (const name of recordedColumnNames) {
    const a = expected[name];
    const b = actual[name];
    if (a.constructor !== b.constructor) return `${name}: ${b.constructor.name} instead of ${a.constructor.name}`;
    if (a.length !== b.length) return `${name}: ${b.length} values instead of ${a.length}`;
    const bytesA = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const bytesB = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    for (let i = 0; i < bytesA.length; i++) {
      if (bytesA[i] !== bytesB[i]) return `${name}[${Math.floor(i / a.BYTES_PER_ELEMENT)}]: ${b[Math.floor(i / a.BYTES_PER_ELEMENT)]} instead of ${a[Math.floor(i / a.BYTES_PER_ELEMENT)]}`;
    }
  }
  return null;
}

/**
 * Every stored entry as text that shows typed arrays' type and exact bytes, so two snapshots are
 * equal only when the store holds the same keys with byte-for-byte the same values.
 */
export async function snapshotStore(): Promise<Record<string, string>> {
  const all = await entries<IDBValidKey, unknown>(kvStore());
  const snapshot: Record<string, string> = {};
  for (const [key, value] of all) {
    snapshot[JSON.stringify(key)] = JSON.stringify(value, (_, v: unknown) =>
      ArrayBuffer.isView(v) ? { [v.constructor.name]: Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) } : v,
    );
  }
  return snapshot;
}

/**
 * A store as a crash, a bug or a hand edit could leave it: the sessions saved whole, then keys
 * taken away or added behind the store's back. `without` lists keys to delete; `extra` keys to set.
 */
export async function craftedStore(
  sessions: readonly RecordedSession[],
  damage: { without?: readonly string[]; extra?: ReadonlyArray<readonly [string, unknown]> } = {},
): Promise<void> {
  const { saveSession } = await import('../../src/store/session-store.js');
  await clear(kvStore());
  await set('schema', SCHEMA_VERSION, kvStore());
  for (const session of sessions) await saveSession(session);
  if (damage.without?.length) await delMany([...damage.without], kvStore());
  if (damage.extra?.length) await setMany(damage.extra.map(([key, value]) => [key, value]), kvStore());
}
