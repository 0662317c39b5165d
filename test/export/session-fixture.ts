// A realistic recorded run for the export tests, built sample by sample: 30 minutes at 1 Hz,
// three laps, one pause and one lost link, a walking stretch, a standstill, half-step cadences,
// and a pod that stops sending stride length part way (stride derived from then on).

import {
  type RecordedColumns,
  type RecordedSession,
  SAMPLE_RUNNING,
  SAMPLE_STRIDE_DERIVED,
  type SessionGap,
  type SessionMeta,
} from '../../src/session/recorded-session.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { emptyColumns } from '../../src/session/recorded-columns.js';

export const FIXTURE_START = Date.UTC(2026, 10, 25, 7, 54, 0);
export const FIXTURE_LAPS = [420, 1200];
export const FIXTURE_GAPS: SessionGap[] = [
  { fromT: 600, toT: 660, reason: 'paused' },
  { fromT: 1300, toT: 1310, reason: 'link-lost' },
];

export interface SampleSpec {
  t: number;
  speedMps: number;
  cadence: number;
  strideLengthM: number | null;
  running: boolean;
}

function specAt(t: number): SampleSpec {
  if (t >= 900 && t < 960) return { t, speedMps: 1.4, cadence: 118, strideLengthM: 0.71, running: false };
  if (t >= 1500 && t < 1510) return { t, speedMps: 0, cadence: 0, strideLengthM: null, running: false };
  const speedMps = 3.1 + 0.5 * Math.sin(t / 97);
  // Odd whole numbers (half strides in FIT) and a stretch of half steps per minute.
  const cadence = t >= 100 && t < 110 ? 171.5 : 172 + Math.round(9 * Math.sin(t / 53));
  const measured = t < 1000;
  return { t, speedMps, cadence, strideLengthM: measured ? (speedMps * 60) / cadence + 0.013 : null, running: true };
}

/** Columns from sample specs: distance integrated from speed; over a gap, only what it says it covered. */
export function columnsOf(specs: readonly SampleSpec[], gaps: readonly SessionGap[] = []): RecordedColumns {
  const n = specs.length;
  const c: RecordedColumns = emptyColumns(n);
  let distance = 0;
  specs.forEach((s, i) => {
    if (i > 0) {
      const prev = specs[i - 1]!;
      const gap = gaps.find((g) => g.fromT < s.t && g.toT > prev.t);
      distance += gap ? (gap.coveredM ?? 0) : prev.speedMps * (s.t - prev.t);
    }
    c.t[i] = s.t;
    c.speedMps[i] = s.speedMps;
    c.cadence[i] = s.cadence;
    c.strideLengthM[i] = s.strideLengthM ?? (s.cadence > 0 ? (s.speedMps * 60) / s.cadence : 0);
    c.distanceM[i] = distance;
    c.flags[i] = (s.running ? SAMPLE_RUNNING : 0) | (s.strideLengthM === null ? SAMPLE_STRIDE_DERIVED : 0);
  });
  return c;
}

/** Totals the way the recorder's summary counts them, written out plainly for the tests. */
export function metaOf(samples: RecordedColumns, overrides: Partial<SessionMeta> = {}): SessionMeta {
  const gaps = overrides.gaps ?? [];
  const n = samples.t.length;
  let movingS = 0;
  let cadenceS = 0;
  let cadenceSum = 0;
  for (let i = 1; i < n; i++) {
    const from = samples.t[i - 1]!;
    const to = samples.t[i]!;
    // Gaps here span whole steps: a pause counts nothing, a break the counter covered counts its
    // time but no cadence, any other step counts all of it.
    const gap = gaps.find((g) => g.fromT < to && g.toT > from);
    movingS += gap && !(gap.reason !== 'paused' && (gap.coveredM ?? 0) > 0) ? 0 : to - from;
    const step = gap ? 0 : to - from;
    if (step > 0 && samples.cadence[i]! > 0 && (samples.flags[i]! & SAMPLE_RUNNING) !== 0) {
      cadenceS += step;
      cadenceSum += samples.cadence[i]! * step;
    }
  }
  const distanceM = n > 0 ? samples.distanceM[n - 1]! : 0;
  return {
    id: 'session-fixture-1',
    startedAt: FIXTURE_START,
    name: 'Tuesday treadmill',
    notes: '',
    deviceName: 'Stryd footpod',
    origin: 'bluetooth',
    status: 'complete',
    movingS,
    elapsedS: n > 0 ? samples.t[n - 1]! : 0,
    distanceM,
    avgSpeedMps: movingS > 0 ? distanceM / movingS : 0,
    avgCadence: cadenceS > 0 ? cadenceSum / cadenceS : 0,
    zoneTimes: { low: 0, building: 0, target: 0, high: 0 },
    zones: { ...defaultCadenceZones },
    cadenceBySpeedBand: {},
    sampleCount: n,
    laps: [],
    gaps: [],
    schemaVersion: 1,
    ...overrides,
  };
}

/** The 30-minute run described at the top of this file. */
export function fixtureSession(): RecordedSession {
  const specs: SampleSpec[] = [];
  for (let t = 0; t < 1800; t++) {
    if (FIXTURE_GAPS.some((g) => t > g.fromT && t < g.toT)) continue;
    specs.push(specAt(t));
  }
  const samples = columnsOf(specs, FIXTURE_GAPS);
  return { meta: metaOf(samples, { laps: [...FIXTURE_LAPS], gaps: FIXTURE_GAPS.map((g) => ({ ...g })) }), samples };
}

/** A few samples for tests that want every value in view. */
export function tinySession(specs: readonly SampleSpec[], overrides: Partial<SessionMeta> = {}): RecordedSession {
  const samples = columnsOf(specs, overrides.gaps ?? []);
  return { meta: metaOf(samples, overrides), samples };
}

/** The first row at or after time t. */
export const indexAt = (samples: RecordedColumns, t: number): number => samples.t.findIndex((x) => x >= t);
