// Totals of a recorded run: moving time, distance, averages, time in zone and cadence per speed
// band. The recorder keeps them up to date one sample at a time and a stored or imported session
// is summarized from its columns, through the same accumulator, so the two can never disagree.

import {
  type CadenceBySpeedBand,
  type RecordedColumns,
  type RecordedSample,
  type RunningCadenceByBand,
  type RunningCadenceSeconds,
  SAMPLE_RUNNING,
  SPEED_BAND_MPS,
  type SessionGap,
  type SessionMeta,
  type SessionSummary,
} from './recorded-session.js';
import { distanceOrigin } from './distance-origin.js';
import { GapCursor, LIVE_STEP_S, type StepSeconds, ownedSeconds } from './gap-steps.js';
import { addRunningSeconds } from './running-time-in-zone.js';
import { type ZoneTimes, emptyZoneTimes } from './time-in-zone.js';
import { type CadenceZones, zoneFor } from './zones.js';

export type SessionTotals = Pick<
  SessionSummary,
  'movingS' | 'elapsedS' | 'distanceM' | 'avgSpeedMps' | 'avgCadence' | 'zoneTimes' | 'cadenceBySpeedBand' | 'sampleCount'
> & { runningCadence: RunningCadenceSeconds; runningCadenceByBand: RunningCadenceByBand };

/**
 * At 1 Hz a longer step between live readings means samples were lost: the recorder marks a gap
 * there, and the gap rules (gap-steps.ts) decide what its time counts as.
 */
export const MAX_MOVING_STEP_S = LIVE_STEP_S;

/** Speed band of a speed, as used by `CadenceBySpeedBand`. */
export const speedBandOf = (speedMps: number): number => Math.floor(speedMps / SPEED_BAND_MPS);

/** What the accumulator keeps of the previous sample, to credit it the time its value held. */
interface HeldSample {
  cadence: number;
  flags: number;
  speedMps: number;
}

/**
 * Samples in, totals out, in O(1) per sample. The measured time of each step is shared between
 * the samples on either side of it by the rule in gap-steps.ts (`ownedSeconds`): at 1 Hz each
 * sample owns the time since the previous one.
 */
export class SessionTotalsAccumulator {
  #zones: CadenceZones;
  #count = 0;
  #lastT = 0;
  #lastDistanceM = 0;
  /** Where the run's distance counts from (distance-origin.ts). */
  #originM = 0;
  #held: HeldSample = { cadence: 0, flags: 0, speedMps: 0 };
  #movingS = 0;
  #cadenceS = 0;
  #cadenceSum = 0;
  #zoneTimes: ZoneTimes = emptyZoneTimes();
  #bands: CadenceBySpeedBand = {};
  #runningCadence: RunningCadenceSeconds = {};
  #runningCadenceByBand: RunningCadenceByBand = {};

  constructor(zones: CadenceZones) {
    this.#zones = zones;
  }

  get movingS(): number {
    return this.#movingS;
  }

  /** `step`: what the time since the previous sample counts as (ignored for the first sample). */
  add(sample: Readonly<RecordedSample>, step: StepSeconds): void {
    if (this.#count > 0) {
      this.#movingS += step.movingS;
      const { byPrevious, bySample } = ownedSeconds(step);
      this.#credit(this.#held, byPrevious);
      this.#credit(sample, bySample);
    }
    else this.#originM = distanceOrigin(sample.t, sample.speedMps, sample.distanceM);
    this.#count++;
    this.#lastT = sample.t;
    this.#lastDistanceM = sample.distanceM;
    this.#held.cadence = sample.cadence;
    this.#held.flags = sample.flags;
    this.#held.speedMps = sample.speedMps;
  }

  /** Seconds measured at a sample's cadence: its zone, and the running averages when it ran. */
  #credit({ cadence, flags, speedMps }: Readonly<HeldSample>, measured: number): void {
    if (!(measured > 0 && cadence > 0)) return;
    this.#zoneTimes[zoneFor(cadence, this.#zones)] += measured;
    if ((flags & SAMPLE_RUNNING) === 0) return;
    this.#cadenceS += measured;
    this.#cadenceSum += cadence * measured;
    const bandIndex = speedBandOf(speedMps);
    const band = (this.#bands[bandIndex] ??= { seconds: 0, cadenceSeconds: 0 });
    band.seconds += measured;
    band.cadenceSeconds += cadence * measured;
    addRunningSeconds(this.#runningCadence, cadence, measured);
    addRunningSeconds((this.#runningCadenceByBand[bandIndex] ??= {}), cadence, measured);
  }

  /** A snapshot: later samples do not change what it returned. */
  totals(): SessionTotals {
    const distanceM = this.#count > 0 ? this.#lastDistanceM - this.#originM : 0;
    const bands: CadenceBySpeedBand = {};
    for (const [band, value] of Object.entries(this.#bands)) bands[Number(band)] = { ...value };
    const byBand: RunningCadenceByBand = {};
    for (const [band, spread] of Object.entries(this.#runningCadenceByBand)) byBand[Number(band)] = { ...spread };
    return {
      movingS: this.#movingS,
      elapsedS: this.#count > 0 ? this.#lastT : 0,
      distanceM,
      avgSpeedMps: this.#movingS > 0 ? distanceM / this.#movingS : 0,
      avgCadence: this.#cadenceS > 0 ? this.#cadenceSum / this.#cadenceS : 0,
      zoneTimes: { ...this.#zoneTimes },
      cadenceBySpeedBand: bands,
      runningCadence: { ...this.#runningCadence },
      runningCadenceByBand: byBand,
      sampleCount: this.#count,
    };
  }
}

const NO_STEP: StepSeconds = { movingS: 0, measuredS: 0 };

/**
 * An accumulator fed with whole columns, ready to take more samples (a resumed recording).
 * Steps across gaps count by the rules in gap-steps.ts.
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
    accumulator.add(row, i > 0 ? cursor.step(samples.t[i - 1]!, row.t) : NO_STEP);
  }
  return accumulator;
}

/** Totals of whole columns. Steps across gaps count by the rules in gap-steps.ts. */
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
    ...(meta.sport === undefined ? {} : { sport: meta.sport }),
    ...(meta.treadmill === undefined ? {} : { treadmill: meta.treadmill }),
    status: meta.status,
    movingS: meta.movingS,
    elapsedS: meta.elapsedS,
    distanceM: meta.distanceM,
    avgSpeedMps: meta.avgSpeedMps,
    avgCadence: meta.avgCadence,
    zoneTimes: { ...meta.zoneTimes },
    zones: { ...meta.zones },
    cadenceBySpeedBand: meta.cadenceBySpeedBand,
    ...(meta.runningCadence === undefined ? {} : { runningCadence: meta.runningCadence }),
    ...(meta.runningCadenceByBand === undefined ? {} : { runningCadenceByBand: meta.runningCadenceByBand }),
    sampleCount: meta.sampleCount,
    ...(meta.damage === undefined ? {} : { damage: meta.damage }),
    ...(meta.program ? { program: { ...meta.program } } : {}),
    ...(meta.changedAt === undefined ? {} : { changedAt: meta.changedAt }),
  };
}
