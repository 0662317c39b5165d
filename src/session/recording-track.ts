// What a recording has written so far: samples, gaps, laps and running totals, and the clock
// that turns live readings into session time. The Recorder decides when to write; this decides
// what a written sample is, so the state machine and the bookkeeping stay apart.

import type { LiveReading } from './live-reading.js';
import { RecordedColumnsBuilder, rowAtOrAfter, sliceColumns } from './recorded-columns.js';
import {
  type RecordedColumns,
  type RecordedSample,
  SAMPLE_RUNNING,
  SAMPLE_SPEED_FROM_TREADMILL,
  SAMPLE_STRIDE_DERIVED,
  type SessionGap,
  type SessionMeta,
} from './recorded-session.js';
import { MIN_MOVING_SPEED_MPS, stepAcross } from './gap-steps.js';
import { MAX_MOVING_STEP_S, SessionTotalsAccumulator, accumulatorOf } from './session-summary.js';
import { type ZoneTimes, emptyZoneTimes } from './time-in-zone.js';
import { type CadenceZones, zoneIds } from './zones.js';

/** A run's (or a lap's) figures as the live screens show them. */
export interface RunFigures {
  /** Pauses left out; a lost link counts when the pod's distance covered it, as in the summary. */
  movingS: number;
  distanceM: number;
  /** Measured time in each zone, as the summary counts it. */
  zoneTimes: ZoneTimes;
}

/** The run so far and its current lap (numbered from 1), from the recorded samples alone. */
export interface RunAndLapFigures extends RunFigures {
  lap: RunFigures & { number: number };
}

const noFigures = (): RunFigures => ({ movingS: 0, distanceM: 0, zoneTimes: emptyZoneTimes() });

type Channels = Pick<RecordedSample, 'heartRate' | 'treadmillSpeedMps' | 'inclinePercent' | 'powerW' | 'rawSpeedMps' | 'rawDistanceM'>;

/** A reading's other channels as a sample's, rounded as the float32 columns store them; absent where none. */
function channelsOf(reading: LiveReading, rawDistanceM: number): Channels {
  const channels: Channels = {};
  if (reading.heartRate !== null) channels.heartRate = Math.fround(reading.heartRate);
  if (reading.treadmillSpeedMps !== null) channels.treadmillSpeedMps = Math.fround(reading.treadmillSpeedMps);
  if (reading.inclinePercent !== null) channels.inclinePercent = Math.fround(reading.inclinePercent);
  if (reading.powerW !== null) channels.powerW = Math.fround(reading.powerW);
  if (Number.isFinite(reading.rawSpeedMps) && Number.isFinite(rawDistanceM)) {
    channels.rawSpeedMps = Math.fround(reading.rawSpeedMps);
    channels.rawDistanceM = rawDistanceM;
  }
  return channels;
}

/**
 * Over a lost link, wall-clock time beyond the live clock's by more than this is a computer that
 * slept. Only a lost link is read so: a wall clock set forward while samples flow moves nothing.
 */
const COMPUTER_ASLEEP_S = 2;
/** A pod standing still creeps its total a few cm a second; up to this much is no running. */
const STANDING_CREEP_M = 5;

export class RecordingTrack {
  readonly #builder = new RecordedColumnsBuilder();
  readonly #now: () => number;
  #totals: SessionTotalsAccumulator;
  #startedAt: number | null = null;
  /** Live-clock time of session t = 0. */
  #clockOffsetS: number | null = null;
  /** After a reload the live clock is new: the next reading fixes the offset from the wall clock. */
  #clockFromWall = false;
  /** The wall clock at the last recorded sample (null after a restore), to tell a computer that slept. */
  #lastWallMs: number | null = null;
  #pendingGap: SessionGap['reason'] | null = null;
  /** The live distance of the previous reading, while that reading was recorded; else null. */
  #previousLiveDistanceM: number | null = null;
  /** The same for the pod's raw distance, which leaves out what the recording leaves out. */
  #previousLiveRawDistanceM: number | null = null;
  #distanceM = 0;
  /** NaN once a resumed session without raw values is continued: a run is raw all through or not at all. */
  #rawDistanceM = 0;
  #laps: number[] = [];
  #gaps: SessionGap[] = [];
  #zones: CadenceZones;
  /** The run's figures where the current lap began; null: to be counted again (zones changed, a restore). */
  #atLapStart: RunFigures | null = noFigures();

  constructor(zones: CadenceZones, now: () => number) {
    this.#now = now;
    this.#zones = zones;
    this.#totals = new SessionTotalsAccumulator(zones);
  }

  get totals(): SessionTotalsAccumulator {
    return this.#totals;
  }
  get length(): number {
    return this.#builder.length;
  }
  /** Time of the last sample, or NaN before the first. */
  get lastT(): number {
    return this.#builder.lastT;
  }
  get startedAt(): number | null {
    return this.#startedAt;
  }
  get distanceM(): number {
    return this.#distanceM;
  }
  columns(): RecordedColumns {
    return this.#builder.columns();
  }
  laps(): number[] {
    return [...this.#laps];
  }
  gaps(): SessionGap[] {
    return this.#gaps.map((gap) => ({ ...gap }));
  }

  /** The next sample follows a gap for this reason (the first reason given wins). */
  expectGap(reason: SessionGap['reason']): void {
    if (this.#builder.length > 0) this.#pendingGap ??= reason;
  }

  /** Readings are being skipped: the distance they cover must not reach the recording. */
  breakDistance(): void {
    this.#previousLiveDistanceM = null;
    this.#previousLiveRawDistanceM = null;
  }

  /** Every reading passes here, recorded or not, so a resumed session's clock is set at once. */
  see(reading: LiveReading): void {
    if (!this.#clockFromWall) return;
    this.#clockFromWall = false;
    const wallT = (this.#now() - (this.#startedAt ?? 0)) / 1000;
    // A wall clock set back while the tab was closed must still not send time backwards.
    this.#clockOffsetS = reading.timeS - Math.max(wallT, this.#builder.lastT + 1);
  }

  /** Writes one reading as a sample; null when it is out of time order and was dropped. */
  record(reading: LiveReading): { sample: RecordedSample; index: number } | null {
    this.#clockOffsetS ??= reading.timeS;
    let t = reading.timeS - this.#clockOffsetS;
    const index = this.#builder.length;
    const lastT = this.#builder.lastT;
    const wallMs = this.#now();
    let gap: SessionGap | null = null;
    if (index === 0) {
      this.#startedAt = wallMs;
    } else {
      const asleepS = this.#pendingGap === 'link-lost' && this.#lastWallMs !== null ? (wallMs - this.#lastWallMs) / 1000 - (t - lastT) : 0;
      if (asleepS > COMPUTER_ASLEEP_S) {
        // The computer slept: the live clock (monotonic, like performance.now) stopped with it and
        // the link dropped, but the wall clock went on. The runner was away that long, so the gap is.
        this.#clockOffsetS -= asleepS;
        t += asleepS;
      }
      if (!(t > lastT)) return null;
      // Readings more than a sample step apart with nobody saying why: the link dropped silently.
      const reason = this.#pendingGap ?? (t - lastT > MAX_MOVING_STEP_S ? 'link-lost' : null);
      if (reason !== null) gap = { fromT: lastT, toT: t, reason };
    }
    this.#pendingGap = null;
    let stepM = this.#previousLiveDistanceM === null ? 0 : Math.max(0, reading.distanceM - this.#previousLiveDistanceM);
    const rawPrevious = this.#previousLiveRawDistanceM;
    let rawStepM = rawPrevious === null || !Number.isFinite(reading.rawDistanceM) ? 0 : Math.max(0, reading.rawDistanceM - rawPrevious);
    if (gap !== null && stepM > 0) {
      // The pod counted on through the break: keep its distance and, with it, the break's time,
      // unless the runner was no faster than standing about, when neither counts.
      if (gap.reason !== 'paused' && stepM / (t - lastT) >= MIN_MOVING_SPEED_MPS) gap.coveredM = stepM;
      else stepM = rawStepM = 0;
    }
    if (gap !== null) this.#gaps.push(gap);
    this.#lastWallMs = wallMs;
    this.#distanceM += stepM;
    this.#rawDistanceM += rawStepM;
    this.#previousLiveDistanceM = reading.distanceM;
    this.#previousLiveRawDistanceM = Number.isFinite(reading.rawDistanceM) ? reading.rawDistanceM : null;
    const fromTreadmill = reading.speedFrom === 'treadmill';
    // Rounded as the float32 columns store them, so the running totals equal a later summary.
    const sample: RecordedSample = {
      t,
      speedMps: Math.fround(reading.speedMps),
      cadence: Math.fround(reading.cadence),
      strideLengthM: Math.fround(reading.strideLengthM),
      distanceM: this.#distanceM,
      flags:
        (reading.running ? SAMPLE_RUNNING : 0) |
        (reading.strideDerived ? SAMPLE_STRIDE_DERIVED : 0) |
        (fromTreadmill ? SAMPLE_SPEED_FROM_TREADMILL : 0),
      ...channelsOf(reading, this.#rawDistanceM),
    };
    this.#builder.push(sample);
    this.#totals.add(sample, stepAcross(gap, lastT, t));
    return { sample, index };
  }

  /** A lap starting at the last sample; false when there is none or a lap already starts there. */
  lap(): boolean {
    const t = this.#builder.lastT;
    if (!(t > (this.#laps.at(-1) ?? 0))) return false;
    this.#laps.push(t);
    this.#atLapStart = this.#runFigures();
    return true;
  }

  /**
   * The run is over: a last lap in which the runner did not move began no lap, so its press is
   * dropped: pressed at the last sample (nothing follows it), or at the finish line before
   * standing until auto-pause and Stop (11 s of standing, 0.00 km). Not moving is no step (every
   * row's cadence 0) and no distance beyond a standing pod's creep; a walk on a pod without speed
   * (0 m, never "running") has steps, so its last lap is kept. The last lap's figures are then
   * those of the laps the saved run, its page and files have.
   */
  finish(): void {
    const lapT = this.#laps.at(-1);
    if (lapT === undefined) return;
    const { t, distanceM, cadence } = this.#builder.columns();
    const from = rowAtOrAfter(t, lapT);
    const last = t.length - 1;
    if (from > last || distanceM[last]! - distanceM[from]! > STANDING_CREEP_M) return;
    for (let i = from + 1; i <= last; i++) if (cadence[i]! > 0) return;
    this.#laps.pop();
    this.#atLapStart = null;
  }

  /**
   * The run's moving time, distance and zone times, and the current lap's: the lap's are the
   * run's less the run's where the lap began, so the laps of a run always add up to it.
   */
  figures(): RunAndLapFigures {
    const run = this.#runFigures();
    const start = (this.#atLapStart ??= this.#figuresAtLapStart());
    const zoneTimes = emptyZoneTimes();
    for (const zone of zoneIds) zoneTimes[zone] = run.zoneTimes[zone] - start.zoneTimes[zone];
    const lap = { number: this.#laps.length + 1, movingS: run.movingS - start.movingS, distanceM: run.distanceM - start.distanceM, zoneTimes };
    return { ...run, lap };
  }

  setZones(zones: CadenceZones): void {
    this.#zones = zones;
    this.#totals = accumulatorOf(this.#builder.columns(), zones, this.#gaps);
    this.#atLapStart = null;
  }

  #runFigures(): RunFigures {
    const { movingS, zoneTimes } = this.#totals.totals();
    return { movingS, distanceM: this.#distanceM, zoneTimes };
  }

  /** Counted again from the samples up to the last lap press (after new zones or a restore). */
  #figuresAtLapStart(): RunFigures {
    const lapT = this.#laps.at(-1);
    if (lapT === undefined) return noFigures();
    const columns = this.#builder.columns();
    const end = Math.min(columns.t.length, rowAtOrAfter(columns.t, lapT) + 1);
    if (end === 0) return noFigures();
    const { movingS, zoneTimes } = accumulatorOf(sliceColumns(columns, 0, end), this.#zones, this.#gaps).totals();
    return { movingS, distanceM: columns.distanceM[end - 1]!, zoneTimes };
  }

  /** Loads a stored unfinished session; the next sample follows a 'link-lost' gap. */
  restore(meta: SessionMeta, samples: RecordedColumns, zones: CadenceZones): void {
    this.#builder.pushColumns(samples);
    this.#laps = [...meta.laps];
    this.#gaps = meta.gaps.map((gap) => ({ ...gap }));
    this.#zones = zones;
    this.#totals = accumulatorOf(samples, zones, this.#gaps);
    this.#atLapStart = null;
    if (samples.t.length === 0) return;
    this.#startedAt = meta.startedAt;
    this.#distanceM = samples.distanceM[samples.distanceM.length - 1]!;
    this.#rawDistanceM = samples.rawDistanceM[samples.rawDistanceM.length - 1]!;
    this.#pendingGap = 'link-lost';
    this.#clockFromWall = true;
  }
}
