// What a recorded run is, for every layer that keeps, shows, exports or imports one.
// Samples are columns (typed arrays) so a 3-hour run is a handful of small structured clones,
// and charts take them without copying.

import type { CalibrationPoint } from './calibration.js';
import type { SpeedSource } from './speed-source.js';
import type { StatedTotals } from './stated-totals.js';
import type { ZoneTimes } from './time-in-zone.js';
import type { CadenceZones } from './zones.js';

/** Bits of `RecordedColumns.flags`. */
export const SAMPLE_RUNNING = 1;
/** The pod sent no stride length; it was derived as speed × 60 / cadence. */
export const SAMPLE_STRIDE_DERIVED = 2;
/** Speed and distance of this sample are the treadmill's, not the (calibrated) pod's. */
export const SAMPLE_SPEED_FROM_TREADMILL = 4;

/** One recorded second (or so). `t` is seconds since the session started, pauses included. */
export interface RecordedSample {
  t: number;
  speedMps: number;
  /** Steps per minute. */
  cadence: number;
  strideLengthM: number;
  /** Metres since the session started: continuous across pod counter wraps, resets and pauses. */
  distanceM: number;
  /** Bitwise SAMPLE_RUNNING | SAMPLE_STRIDE_DERIVED | SAMPLE_SPEED_FROM_TREADMILL. */
  flags: number;
  /** Channels from other sensors; absent (NaN in the columns) when no sensor gave them. */
  heartRate?: number;
  treadmillSpeedMps?: number;
  inclinePercent?: number;
  /** Running power the pod sent (Cycling Power 0x2A63), watts. */
  powerW?: number;
  /** The pod's speed and distance before calibration; absent on imported and older sessions. */
  rawSpeedMps?: number;
  rawDistanceM?: number;
}

/** Parallel columns, index i across all of them is one sample; times only increase. */
export interface RecordedColumns {
  t: Float64Array;
  speedMps: Float32Array;
  cadence: Float32Array;
  strideLengthM: Float32Array;
  distanceM: Float64Array;
  flags: Uint8Array;
  /** Beats per minute from a heart-rate strap (or the treadmill); NaN where none. */
  heartRate: Float32Array;
  /** The treadmill's own belt speed (FTMS); NaN where none. */
  treadmillSpeedMps: Float32Array;
  /** The treadmill's incline, percent; NaN where none. */
  inclinePercent: Float32Array;
  /** Running power from a pod that sends it (Cycling Power 0x2A63), watts; NaN where none. */
  powerW: Float32Array;
  /** The pod's speed before calibration, so a factor changed later can re-scale the run; NaN where none. */
  rawSpeedMps: Float32Array;
  /** The pod's distance before calibration, pauses left out as for distanceM; NaN where none. */
  rawDistanceM: Float64Array;
}

/**
 * Columns only some sessions have: a missing channel is empty (NaN), never zero, and sessions
 * stored before a channel existed load with it empty.
 */
export const channelColumnNames = ['heartRate', 'treadmillSpeedMps', 'inclinePercent', 'rawSpeedMps', 'rawDistanceM', 'powerW'] as const;
export type ChannelName = (typeof channelColumnNames)[number];

export const recordedColumnNames = ['t', 'speedMps', 'cadence', 'strideLengthM', 'distanceM', 'flags', ...channelColumnNames] as const;

/**
 * A stretch with no samples that a chart must not draw a line across: the runner paused, the
 * Bluetooth link was lost (samples resume after the reconnect), or a watch file has no records
 * there although its timer ran.
 */
export interface SessionGap {
  fromT: number;
  toT: number;
  reason: 'paused' | 'link-lost' | 'missing-records';
  /**
   * Metres the pod's or watch's own counter covered across the gap, kept in the run's distance.
   * Above 0 the runner was moving, so the gap's time is moving time too (never for a pause).
   */
  coveredM?: number;
}

export const gapReasons: readonly SessionGap['reason'][] = ['paused', 'link-lost', 'missing-records'];

export type SessionStatus = 'recording' | 'complete' | 'recovered';
export type SessionOrigin = 'bluetooth' | 'simulator' | 'import';
/** Cadence is steps/min for both. */
export type SessionSport = 'run' | 'walk';
export const sessionSports: readonly SessionSport[] = ['run', 'walk'];

/**
 * Per 0.5 m/s speed band (band index = floor(speed / 0.5)): running seconds and the sum of
 * cadence × seconds in it. Kept in the summary so "cadence at matched pace" week by week
 * needs no samples.
 */
export type CadenceBySpeedBand = Record<number, { seconds: number; cadenceSeconds: number }>;

export const SPEED_BAND_MPS = 0.5;

/**
 * Running seconds by cadence. A whole-number cadence is kept under itself; any other under the
 * middle of the two whole numbers around it (171.3 and 171.8 under 171.5), see cadenceKey in
 * running-time-in-zone.ts.
 */
export type RunningCadenceSeconds = Record<number, number>;

/** Running seconds by cadence in each speed band (keys as CadenceBySpeedBand's). */
export type RunningCadenceByBand = Record<number, RunningCadenceSeconds>;

/** Everything the history and weeks views need about a session: one index read, no samples. */
export interface SessionSummary {
  id: string;
  /** Epoch milliseconds of the first sample. */
  startedAt: number;
  name: string;
  notes: string;
  deviceName: string | null;
  origin: SessionOrigin;
  /** Absent on sessions stored before it was kept: those are runs. */
  sport?: SessionSport;
  /** On a treadmill (no position; exported as an indoor run). Absent: not known. */
  treadmill?: boolean;
  status: SessionStatus;
  /** Time spent recording (pauses and gaps left out), seconds. */
  movingS: number;
  /** From start to the last sample, seconds. */
  elapsedS: number;
  distanceM: number;
  /** distanceM / movingS, or 0. */
  avgSpeedMps: number;
  /** Time-weighted mean over running samples with cadence > 0, or 0. */
  avgCadence: number;
  zoneTimes: ZoneTimes;
  /** The zones the time in zone was counted with. */
  zones: CadenceZones;
  cadenceBySpeedBand: CadenceBySpeedBand;
  /**
   * Running seconds by cadence (the seconds avgCadence weighs), so time in any zone can be counted
   * over running alone; absent on sessions stored before it was kept.
   */
  runningCadence?: RunningCadenceSeconds;
  /**
   * The same seconds kept apart by speed band, so time in a zone can be counted at one pace (the
   * plan's usual pace); absent on sessions stored before it was kept.
   */
  runningCadenceByBand?: RunningCadenceByBand;
  sampleCount: number;
  /** Set by the store check when parts of the samples are missing, in words ("samples are missing in part 2 of 5"). */
  damage?: string;
  /** A test or session of the cadence retraining program; absent on every other run. */
  program?: ProgramMark;
  /** A treadmill workout run in this recording: its steps as they began, for the planned speed. */
  workout?: WorkoutMark;
  /**
   * Epoch ms of the last change to the stored finished run (saved, recovered, renamed, corrected,
   * imported; a run restored from a backup folder keeps its file's), set by the store. Absent on
   * runs stored before it was kept and while a run records: read through changedAtOf.
   */
  changedAt?: number;
}

/** One step of a workout as it ran: from the sample time it began, with what it asked of the belt. */
export interface WorkoutMarkStep {
  /** Session time (t, as the samples') the step began. */
  fromT: number;
  name: string;
  speedKmh: number | null;
  inclinePercent: number | null;
  cadence: number | null;
}

/** A stretch of session time (t) the workout stood paused: its clock did not run, nothing was planned. */
export interface WorkoutMarkPause {
  fromT: number;
  /** Null while the pause goes on (a recording stopped during it: paused to the recording's end). */
  toT: number | null;
}

/** A treadmill workout run in a recording (issue 19), so the session page draws its planned speed. */
export interface WorkoutMark {
  workoutId: string;
  name: string;
  steps: WorkoutMarkStep[];
  /**
   * Session time the workout ended (finished, stopped, or its recording stopped): the running after
   * it is the runner's own, not the plan's. Absent on marks recorded before it was kept, and while
   * the workout goes on: the last step is then drawn to the recording's end.
   */
  toT?: number;
  /** The workout's own pauses (not the recording's); absent on marks recorded before they were kept. */
  pauses?: WorkoutMarkPause[];
}

/** A technique check-in shown during the run, for a marker on the session's charts. */
export interface CheckInMark {
  t: number;
  /** TechniquePrompt id (src/coach/technique-prompts.ts). */
  promptId: string;
}

/**
 * A run that was part of the cadence retraining program (src/program): a cue-free test or one of a
 * block's sessions, and where its main part lay, so a test is measured over its five minutes alone
 * and History and Weeks can mark it.
 */
export interface ProgramMark {
  kind: 'test' | 'session';
  /** 'baseline', 'end-of-block', 'one-week' or 'four-weeks' for a test; null for a session. */
  test: 'baseline' | 'end-of-block' | 'one-week' | 'four-weeks' | null;
  /** Which of the block's eight sessions (1-8); null for a test. */
  n: number | null;
  /** The block (1, 2, ...); 0 for a baseline taken before any block. */
  block: number;
  /** Session times (t, as the samples') where the main part (the test, or the minutes at target) began and ended; null when it did not. */
  mainFromT: number | null;
  mainToT: number | null;
}

/** The rest of what is stored about a session, beside its samples. */
export interface SessionMeta extends SessionSummary {
  /** Times (t) at which the runner pressed lap; the first lap starts at 0. */
  laps: number[];
  /** Technique check-ins shown during the run; absent on sessions recorded without the coach. */
  checkIns?: CheckInMark[];
  gaps: SessionGap[];
  /** The pod's calibration curve in use at the end of the run; absent on imported and older sessions. */
  calibration?: CalibrationPoint[];
  /** Which sensor the settings chose for speed and distance (rows say which one gave each). */
  speedFrom?: SpeedSource;
  /** The footpod's identity (KnownFootpod.id), to find its calibration again: the last pod that fed the run. */
  podId?: string;
  /** Pods that fed the run before `podId` (one swapped in mid-run); absent when one pod did. */
  earlierPodIds?: string[];
  /**
   * An imported file's own totals (a FIT session message) that the summary shows in place of the
   * ones summed from its records, with those sums; absent when the summary is the records' own.
   */
  statedTotals?: StatedTotals;
  /** The name of the file an imported run came from; absent on recorded runs and older imports. */
  importedFrom?: string;
  /** Stored format version, so later versions can migrate old sessions. */
  schemaVersion: number;
}

/** A whole session in memory: what export writes and import produces. */
export interface RecordedSession {
  meta: SessionMeta;
  samples: RecordedColumns;
}
