// Recorded sessions made up for tests and benchmarks: 1 Hz samples with a known cadence and
// speed, optional laps and gaps, and a meta summarized by the app's own summarizeSamples, so the
// totals are what a recorded session of those samples would hold.

import {
  type RecordedColumns,
  type RecordedSession,
  SAMPLE_RUNNING,
  type SessionGap,
} from '../../src/session/recorded-session.js';
import { summarizeSamples } from '../../src/session/session-summary.js';
import { type CadenceZones, defaultCadenceZones } from '../../src/session/zones.js';
import { SCHEMA_VERSION } from '../../src/store/kv.js';
import { emptyColumns } from '../../src/session/recorded-columns.js';

export interface GeneratedSessionOptions {
  /** Epoch ms of the first sample. */
  startedAt: number;
  /** Samples at 1 Hz from t = 0 to t = minutes × 60 (inclusive), gaps left out. */
  minutes: number;
  /** Cadence goes base − 2, base − 1, base, base + 1, base + 2 in turn: its average is `base`. */
  cadenceBase: number;
  /** Metres per second, constant. */
  speed: number;
  /** Lap presses (seconds). */
  laps?: number[];
  /** No samples strictly inside a gap; distance does not advance across one. */
  gaps?: SessionGap[];
  id?: string;
  name?: string;
  notes?: string;
  deviceName?: string | null;
  zones?: CadenceZones;
}

export const cadenceAt = (base: number, i: number): number => base - 2 + (i % 5);

export function generatedColumns(options: Pick<GeneratedSessionOptions, 'minutes' | 'cadenceBase' | 'speed' | 'gaps'>): RecordedColumns {
  const gaps = options.gaps ?? [];
  const last = Math.round(options.minutes * 60);
  const inGap = (t: number) => gaps.some((g) => t > g.fromT && t < g.toT);
  let n = 0;
  for (let t = 0; t <= last; t++) if (!inGap(t)) n++;
  const c: RecordedColumns = emptyColumns(n);
  let i = 0;
  let distance = 0;
  let previous = -1;
  for (let t = 0; t <= last; t++) {
    if (inGap(t)) continue;
    // Distance grows only over a one-second step between neighbouring samples, not across a gap.
    if (previous >= 0 && t - previous === 1) distance += options.speed;
    const cadence = cadenceAt(options.cadenceBase, i);
    c.t[i] = t;
    c.speedMps[i] = options.speed;
    c.cadence[i] = cadence;
    c.strideLengthM[i] = (options.speed * 60) / cadence;
    c.distanceM[i] = distance;
    c.flags[i] = SAMPLE_RUNNING;
    previous = t;
    i++;
  }
  return c;
}

export function generatedSession(options: GeneratedSessionOptions): RecordedSession {
  const zones = options.zones ?? defaultCadenceZones;
  const gaps = options.gaps ?? [];
  const samples = generatedColumns(options);
  return {
    meta: {
      id: options.id ?? `generated-${options.startedAt}`,
      startedAt: options.startedAt,
      name: options.name ?? '',
      notes: options.notes ?? '',
      deviceName: options.deviceName === undefined ? 'Test footpod' : options.deviceName,
      origin: 'simulator',
      status: 'complete',
      ...summarizeSamples(samples, zones, gaps),
      zones: { ...zones },
      laps: options.laps ?? [],
      gaps,
      schemaVersion: SCHEMA_VERSION,
    },
    samples,
  };
}
