// Records a run from live readings: start, pause, resume, lap, stop, auto-start and auto-pause,
// gaps for pauses and lost links, and distance that leaves out whatever was covered while paused.
// Every method is safe to call in any state (it returns false when it does nothing), so buttons
// and key presses can call it without checking the state first.

import { MIN_MOVING_SPEED_MPS } from './gap-steps.js';
import type { CalibrationCurve, CalibrationPoint } from './calibration.js';
import type { LiveReading } from './live-reading.js';
import type {
  CheckInMark,
  ProgramMark,
  RecordedColumns,
  WorkoutMark,
  RecordedSample,
  SessionGap,
  SessionMeta,
  SessionOrigin,
} from './recorded-session.js';
import { type RunAndLapFigures, RecordingTrack } from './recording-track.js';
import { endedWorkoutMark } from './workout-mark-end.js';
import type { SpeedSource } from './speed-source.js';
import type { CadenceZones } from './zones.js';

export const RECORDED_SESSION_SCHEMA = 2;

export type RecorderState = 'idle' | 'recording' | 'paused' | 'stopped';

/** Below this speed, or with the pod saying walking, the runner counts as stopped for auto-pause. */
export const AUTO_PAUSE_SPEED_MPS = MIN_MOVING_SPEED_MPS;

export interface RecorderOptions {
  zones: CadenceZones;
  /** Start on the first reading that is running with some speed. */
  autoStart?: boolean;
  /** Pause after this many seconds of walking or standing; null or absent: never. */
  autoPauseAfterS?: number | null;
  deviceName?: string | null;
  origin?: SessionOrigin;
  /** Epoch milliseconds; Date.now by default. */
  now?: () => number;
  id?: string;
  /** The pod's calibration curve in use (kept in the meta; setCalibration when it changes). */
  calibration?: CalibrationCurve;
  /** The settings' source of speed and distance (kept in the meta; setSpeedFrom when it changes). */
  speedFrom?: SpeedSource;
  /** The footpod's identity (KnownFootpod.id). */
  podId?: string | null;
}

export type ResumeRecorderOptions = Partial<Pick<RecorderOptions, 'zones' | 'autoPauseAfterS' | 'deviceName' | 'now'>>;

/** Dispatched as 'sample' for every recorded sample. */
export class RecordedSampleEvent extends Event {
  readonly sample: RecordedSample;
  readonly index: number;
  constructor(sample: RecordedSample, index: number) {
    super('sample');
    this.sample = sample;
    this.index = index;
  }
}

const copyWorkoutMark = (mark: WorkoutMark): WorkoutMark => ({
  ...mark,
  steps: mark.steps.map((step) => ({ ...step })),
  ...(mark.pauses ? { pauses: mark.pauses.map((pause) => ({ ...pause })) } : {}),
});

const isStill = (r: LiveReading): boolean => !r.running || !(r.speedMps >= AUTO_PAUSE_SPEED_MPS);

/** Events: 'state' when the state (or whether a pause was automatic) changes, 'sample', 'lap'. */
export class Recorder extends EventTarget {
  readonly id: string;
  readonly #track: RecordingTrack;
  #zones: CadenceZones;
  readonly #autoStart: boolean;
  readonly #autoPauseAfterS: number | null;
  readonly #deviceName: string | null;
  readonly #origin: SessionOrigin;
  readonly #now: () => number;
  #name: string | null = null;
  #notes = '';
  #state: RecorderState = 'idle';
  #autoPaused = false;
  #linkDown = false;
  #startPressedAt: number | null = null;
  #stillSinceS: number | null = null;
  #checkIns: CheckInMark[] = [];
  #program: ProgramMark | null = null;
  #workout: WorkoutMark | null = null;
  #calibration: CalibrationPoint[] | null;
  #speedFrom: SpeedSource | null;
  #podId: string | null;
  #earlierPodIds: string[] = [];

  constructor(options: RecorderOptions) {
    super();
    this.#zones = options.zones;
    this.#autoStart = options.autoStart ?? false;
    this.#autoPauseAfterS = options.autoPauseAfterS ?? null;
    this.#deviceName = options.deviceName ?? null;
    this.#origin = options.origin ?? 'bluetooth';
    this.#now = options.now ?? Date.now;
    this.id = options.id ?? crypto.randomUUID();
    this.#calibration = options.calibration ? [...options.calibration] : null;
    this.#speedFrom = options.speedFrom ?? null;
    this.#podId = options.podId ?? null;
    this.#track = new RecordingTrack(this.#zones, this.#now);
  }

  /**
   * Picks up a stored unfinished session after a reload, paused so the runner chooses when to go
   * on. The time until the next recorded sample shows as a lost link.
   */
  static resume(meta: SessionMeta, samples: RecordedColumns, options: ResumeRecorderOptions = {}): Recorder {
    const recorder = new Recorder({
      zones: options.zones ?? meta.zones,
      autoPauseAfterS: options.autoPauseAfterS ?? null,
      deviceName: options.deviceName !== undefined ? options.deviceName : meta.deviceName,
      origin: meta.origin,
      id: meta.id,
      ...(options.now ? { now: options.now } : {}),
      ...(meta.calibration ? { calibration: meta.calibration } : {}),
      ...(meta.speedFrom ? { speedFrom: meta.speedFrom } : {}),
      podId: meta.podId ?? null,
    });
    recorder.#track.restore(meta, samples, recorder.#zones);
    recorder.#name = meta.name;
    recorder.#notes = meta.notes;
    recorder.#checkIns = (meta.checkIns ?? []).map((mark) => ({ ...mark }));
    recorder.#program = meta.program ? { ...meta.program } : null;
    recorder.#workout = meta.workout ? copyWorkoutMark(meta.workout) : null;
    recorder.#earlierPodIds = [...(meta.earlierPodIds ?? [])];
    recorder.#startPressedAt = meta.startedAt;
    recorder.#state = 'paused';
    return recorder;
  }

  get state(): RecorderState {
    return this.#state;
  }
  /** Paused by auto-pause, so the next running reading resumes. */
  get autoPaused(): boolean {
    return this.#autoPaused;
  }
  get linkDown(): boolean {
    return this.#linkDown;
  }
  get zones(): CadenceZones {
    return this.#zones;
  }
  /** Views of the recorded columns; they stop following new samples once the buffers grow. */
  get samples(): RecordedColumns {
    return this.#track.columns();
  }
  get sampleCount(): number {
    return this.#track.length;
  }
  /** Session times at which lap was pressed; the first lap's start (0) is implied. */
  get laps(): number[] {
    return this.#track.laps();
  }
  get gaps(): SessionGap[] {
    return this.#track.gaps();
  }
  /** Epoch milliseconds of the first sample. */
  get startedAt(): number | null {
    return this.#track.startedAt;
  }
  /** From the start to the last sample, pauses included. */
  get elapsedS(): number {
    return this.#track.length > 0 ? this.#track.lastT : 0;
  }
  get movingS(): number {
    return this.#track.totals.movingS;
  }
  get distanceM(): number {
    return this.#track.distanceM;
  }
  /** Moving time, distance and zone times of the run and of its current lap, as recorded. */
  figures(): RunAndLapFigures {
    return this.#track.figures();
  }

  start(): boolean {
    if (this.#state !== 'idle') return false;
    this.#startPressedAt = this.#now();
    this.#setState('recording');
    return true;
  }

  pause(): boolean {
    if (this.#state === 'paused' && this.#autoPaused) {
      // Pressing pause during an auto-pause makes it a manual one, which only resume() ends.
      this.#autoPaused = false;
      this.dispatchEvent(new Event('state'));
      return true;
    }
    if (this.#state !== 'recording') return false;
    this.#pause(false);
    return true;
  }

  resume(): boolean {
    if (this.#state !== 'paused') return false;
    this.#autoPaused = false;
    this.#stillSinceS = null;
    this.#setState('recording');
    return true;
  }

  /** What the one start/pause key does: start when idle, pause when recording, resume when paused. */
  toggle(): boolean {
    if (this.#state === 'idle') return this.start();
    if (this.#state === 'recording') return this.pause();
    return this.resume();
  }

  stop(): boolean {
    if (this.#state === 'stopped') return false;
    this.#autoPaused = false;
    this.#track.finish();
    // A workout going on ends for this run here: what the run saves shows where its plan stopped.
    if (this.#workout && this.#track.length > 0) this.#workout = endedWorkoutMark(this.#workout, this.#track.lastT);
    this.#setState('stopped');
    return true;
  }

  /** Logs a technique check-in at the latest sample, so the session's charts can mark it. */
  checkIn(promptId: string): boolean {
    if (this.#state !== 'recording' || this.#track.length === 0) return false;
    this.#checkIns.push({ t: this.#track.lastT, promptId });
    return true;
  }

  /**
   * Marks the run as a test or session of the retraining program, with where its main part lies so
   * far; the program service moves the mark as the run goes on. Kept once the run has stopped too:
   * the mark is only final when the program has seen the last second.
   */
  setProgram(mark: ProgramMark | null): void {
    this.#program = mark ? { ...mark } : null;
  }

  /** Marks the run with the treadmill workout run in it (the workout runner adds each step as it begins). */
  setWorkout(mark: WorkoutMark | null): void {
    this.#workout = mark ? copyWorkoutMark(mark) : null;
  }

  /** Starts a new lap at the latest sample; only while recording, and never twice at one time. */
  lap(): boolean {
    if (this.#state !== 'recording' || !this.#track.lap()) return false;
    this.dispatchEvent(new Event('lap'));
    return true;
  }

  linkLost(): void {
    if (this.#state === 'stopped') return;
    // The distance chain is kept: the pod's own counter covers the outage, as in the live view.
    this.#linkDown = true;
    this.#track.expectGap('link-lost');
    this.#stillSinceS = null;
  }

  linkRestored(): void {
    this.#linkDown = false;
  }

  /** Zones changed mid-run: time in zone is recounted over the whole run so far. */
  setZones(zones: CadenceZones): void {
    this.#zones = zones;
    this.#track.setZones(zones);
  }

  /** The pod's calibration changed (by hand or learned): the meta keeps the curve in use at the end. */
  setCalibration(curve: CalibrationCurve): void {
    this.#calibration = curve.map((point) => ({ ...point }));
  }

  /**
   * The pod feeding the run from now on. Another pod paired mid-run becomes the run's pod (its curve
   * is the run's from then on) and the one before is remembered, so no correction teaches one pod
   * what the other's metres say.
   */
  usePod(podId: string | null): void {
    if (podId === null || podId === this.#podId) return;
    if (this.#state !== 'idle' && this.#podId !== null && !this.#earlierPodIds.includes(this.#podId)) this.#earlierPodIds.push(this.#podId);
    this.#podId = podId;
  }

  /** The runner chose another source of speed and distance mid-run; each sample says which it used. */
  setSpeedFrom(from: SpeedSource): void {
    this.#speedFrom = from;
  }

  addReading(reading: LiveReading): void {
    if (this.#state === 'stopped' || !Number.isFinite(reading.timeS)) return;
    if (this.#state === 'idle') {
      if (!(this.#autoStart && reading.running && reading.speedMps > 0)) return;
      this.start();
    }
    this.#track.see(reading);
    if (this.#state === 'paused') {
      if (!this.#autoPaused || this.#linkDown || isStill(reading)) {
        this.#track.breakDistance();
        return;
      }
      this.resume();
    }
    if (this.#linkDown) {
      this.#track.breakDistance();
      return;
    }
    const recorded = this.#track.record(reading);
    if (recorded === null) return;
    this.dispatchEvent(new RecordedSampleEvent(recorded.sample, recorded.index));
    this.#autoPauseIfStill(reading);
  }

  /** The stored form of the session as it stands; 'recording' until stopped. */
  meta(): SessionMeta {
    const startedAt = this.#track.startedAt ?? this.#startPressedAt ?? this.#now();
    return {
      id: this.id,
      startedAt,
      // Unnamed until the runner names it: its title is made from its start when shown (session-title.ts).
      name: this.#name ?? '',
      notes: this.#notes,
      deviceName: this.#deviceName,
      origin: this.#origin,
      // A footpod run with no position: on a treadmill, as the app is made for.
      sport: 'run',
      treadmill: true,
      status: this.#state === 'stopped' ? 'complete' : 'recording',
      ...this.#track.totals.totals(),
      zones: { ...this.#zones },
      laps: this.laps,
      gaps: this.gaps,
      ...(this.#checkIns.length > 0 ? { checkIns: this.#checkIns.map((mark) => ({ ...mark })) } : {}),
      ...(this.#program !== null ? { program: { ...this.#program } } : {}),
      ...(this.#workout !== null ? { workout: copyWorkoutMark(this.#workout) } : {}),
      ...(this.#calibration !== null ? { calibration: this.#calibration.map((point) => ({ ...point })) } : {}),
      ...(this.#speedFrom !== null ? { speedFrom: this.#speedFrom } : {}),
      ...(this.#podId !== null ? { podId: this.#podId } : {}),
      ...(this.#earlierPodIds.length > 0 ? { earlierPodIds: [...this.#earlierPodIds] } : {}),
      schemaVersion: RECORDED_SESSION_SCHEMA,
    };
  }

  #autoPauseIfStill(reading: LiveReading): void {
    if (this.#autoPauseAfterS === null) return;
    if (!isStill(reading)) {
      this.#stillSinceS = null;
      return;
    }
    this.#stillSinceS ??= reading.timeS;
    if (reading.timeS - this.#stillSinceS >= this.#autoPauseAfterS) this.#pause(true);
  }

  #pause(auto: boolean): void {
    this.#autoPaused = auto;
    this.#track.expectGap('paused');
    this.#track.breakDistance();
    this.#stillSinceS = null;
    this.#setState('paused');
  }

  #setState(state: RecorderState): void {
    this.#state = state;
    this.dispatchEvent(new Event('state'));
  }
}
