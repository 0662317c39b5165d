// Totals of a recorded run: moving time, distance, averages, time in zone and cadence per speed
// band. The recorder keeps them up to date one sample at a time and a stored or imported session
// is summarized from its columns, through the same accumulator, so the two can never disagree.

import {
  type CadenceBySpeedBand,
  type RecordedColumns,
  type RecordedSample,
  SAMPLE_RUNNING,
  SPEED_BAND_MPS,
  type SessionGap,
  type SessionMeta,
  type SessionSummary,
} from './recorded-session.js';
import { type ZoneTimes, addZoneTime, emptyZoneTimes } from './time-in-zone.js';
import type { CadenceZones } from './zones.js';

export type SessionTotals = Pick<
  SessionSummary,
  'movingS' | 'elapsedS' | 'distanceM' | 'avgSpeedMps' | 'avgCadence' | 'zoneTimes' | 'cadenceBySpeedBand' | 'sampleCount'
>;

/**
 * Longest step between two samples that counts as moving. At 1 Hz a longer one means samples
 * were lost, and nobody knows what the runner did meanwhile.
 */
export const MAX_MOVING_STEP_S = 2.5;

/** The moving seconds a sample owns: the time since the previous one, capped; none after a gap. */
export function movingStep(previousT: number, t: number, afterGap: boolean): number {
  if (afterGap) return 0;
  return Math.min(MAX_MOVING_STEP_S, Math.max(0, t - previousT));
}

/** Answers "does this step overlap a gap?" for steps asked in time order, in O(1) amortized. */
export class GapCursor {
  readonly #gaps: SessionGap[];
  #next = 0;

  constructor(gaps: readonly SessionGap[]) {
    this.#gaps = [...gaps].sort((a, b) => a.fromT - b.fromT);
  }

  overlaps(fromT: number, toT: number): boolean {
    const gaps = this.#gaps;
    while (this.#next < gaps.length && gaps[this.#next]!.toT <= fromT) this.#next++;
    return this.#next < gaps.length && gaps[this.#next]!.fromT < toT;
  }
}

/** Speed band of a speed, as used by `CadenceBySpeedBand`. */
export const speedBandOf = (speedMps: number): number => Math.floor(speedMps / SPEED_BAND_MPS);

/** Samples in, totals out, in O(1) per sample. Each sample owns the time since the previous one. */
export class SessionTotalsAccumulator {
  #zones: CadenceZones;
  #count = 0;
  #lastT = 0;
  #lastDistanceM = 0;
  #movingS = 0;
  #cadenceS = 0;
  #cadenceSum = 0;
  #zoneTimes: ZoneTimes = emptyZoneTimes();
  #bands: CadenceBySpeedBand = {};

  constructor(zones: CadenceZones) {
    this.#zones = zones;
  }

  get movingS(): number {
    return this.#movingS;
  }

  /** `afterGap`: the stretch since the previous sample was a pause or a lost link. */
  add(sample: Readonly<RecordedSample>, afterGap: boolean): void {
    const { t, cadence } = sample;
    if (this.#count > 0) {
      const step = movingStep(this.#lastT, t, afterGap);
      this.#movingS += step;
      addZoneTime(this.#zoneTimes, afterGap ? null : this.#lastT, t, cadence, this.#zones);
      if (step > 0 && cadence > 0 && (sample.flags & SAMPLE_RUNNING) !== 0) {
        this.#cadenceS += step;
        this.#cadenceSum += cadence * step;
        const band = (this.#bands[speedBandOf(sample.speedMps)] ??= { seconds: 0, cadenceSeconds: 0 });
        band.seconds += step;
        band.cadenceSeconds += cadence * step;
      }
    }
    this.#count++;
    this.#lastT = t;
    this.#lastDistanceM = sample.distanceM;
  }

  /** A snapshot: later samples do not change what it returned. */
  totals(): SessionTotals {
    const distanceM = this.#count > 0 ? this.#lastDistanceM : 0;
    const bands: CadenceBySpeedBand = {};
    for (const [band, value] of Object.entries(this.#bands)) bands[Number(band)] = { ...value };
    return {
      movingS: this.#movingS,
      elapsedS: this.#count > 0 ? this.#lastT : 0,
      distanceM,
      avgSpeedMps: this.#movingS > 0 ? distanceM / this.#movingS : 0,
      avgCadence: this.#cadenceS > 0 ? this.#cadenceSum / this.#cadenceS : 0,
      zoneTimes: { ...this.#zoneTimes },
      cadenceBySpeedBand: bands,
      sampleCount: this.#count,
    };
  }
}

/**
 * An accumulator fed with whole columns, ready to take more samples (a resumed recording).
 * Steps that overlap a gap count as no time at all.
 */
export function accumulatorOf(
  samples: RecordedColumns,
  zones: CadenceZones,
  gaps: readonly SessionGap[] = [],
): SessionTotalsAccumulator {
  const cursor = new GapCursor(gaps);
  const accumulator = new SessionTotalsAccumulator(zones);
  // One row object reused for every sample, so summarizing 10,800 rows allocates nothing per row.
  const row: RecordedSample = { t: 0, speedMps: 0, cadence: 0, strideLengthM: 0, distanceM: 0, flags: 0 };
  for (let i = 0; i < samples.t.length; i++) {
    row.t = samples.t[i]!;
    row.speedMps = samples.speedMps[i]!;
    row.cadence = samples.cadence[i]!;
    row.strideLengthM = samples.strideLengthM[i]!;
    row.distanceM = samples.distanceM[i]!;
    row.flags = samples.flags[i]!;
    accumulator.add(row, i > 0 && cursor.overlaps(samples.t[i - 1]!, row.t));
  }
  return accumulator;
}

/** Totals of whole columns. Steps that overlap a gap count as no time at all. */
export function summarizeSamples(
  samples: RecordedColumns,
  zones: CadenceZones,
  gaps: readonly SessionGap[] = [],
): SessionTotals {
  return accumulatorOf(samples, zones, gaps).totals();
}

/** Exactly the fields of SessionSummary, for the history index (laps, gaps and version stay out). */
export function summaryOf(meta: SessionMeta): SessionSummary {
  return {
    id: meta.id,
    startedAt: meta.startedAt,
    name: meta.name,
    notes: meta.notes,
    deviceName: meta.deviceName,
    origin: meta.origin,
    status: meta.status,
    movingS: meta.movingS,
    elapsedS: meta.elapsedS,
    distanceM: meta.distanceM,
    avgSpeedMps: meta.avgSpeedMps,
    avgCadence: meta.avgCadence,
    zoneTimes: { ...meta.zoneTimes },
    zones: { ...meta.zones },
    cadenceBySpeedBand: meta.cadenceBySpeedBand,
    sampleCount: meta.sampleCount,
  };
}
