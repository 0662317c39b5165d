// What the cadence retraining program is, for every layer that keeps, runs or shows it. The
// program follows the gait-retraining studies: a cue-free baseline test at a fixed belt speed,
// eight sessions at a target a few percent above the runner's own cadence at that speed, with the
// metronome faded over the last four, then the same test again to see whether the change held.
//
// Plain data only (stored in IndexedDB under one key, and in the backup); the rules that read and
// change it live beside this file and are pure.

/** How far above the baseline a block aims; never more than 10 %. */
export type TargetPercent = 5 | 7.5 | 10;
export const targetPercents: readonly TargetPercent[] = [5, 7.5, 10];
export const DEFAULT_TARGET_PERCENT: TargetPercent = 5;

/** The cue-free test: the first one of a block, then the three that check what was kept. */
export type TestKind = 'baseline' | 'end-of-block' | 'one-week' | 'four-weeks';
export const testKinds: readonly TestKind[] = ['baseline', 'end-of-block', 'one-week', 'four-weeks'];

/** What a test measured at the test speed, from the minutes it kept. */
export interface TestResult {
  /** The saved run it was measured in. */
  sessionId: string;
  /** Epoch ms the run started. */
  atMs: number;
  /** The belt speed the test was run at, m/s. */
  speedMps: number;
  /** Time-weighted mean running cadence over the kept minutes, steps/min, unrounded. */
  cadenceSpm: number;
  /** Time-weighted mean stride length over the kept minutes, metres. */
  strideLengthM: number;
  /** Whole minutes of the test kept (speed within ±3 % of the test speed throughout). */
  keptMinutes: number;
  /** Whole minutes left out because the speed was off (or the pod silent or walking). */
  discardedMinutes: number;
}

export interface DoneTest {
  kind: TestKind;
  result: TestResult;
}

/** The runner's two taps after a session. */
export interface SessionAnswers {
  /** How hard it felt, 1 (very easy) to 10 (maximal). */
  effort: number;
  /** How natural the new rhythm felt, 1 (not at all) to 5 (like my own). */
  natural: number;
}

/** A program session the runner ran (saved), with its figures. */
export interface DoneSession {
  /** Which of the eight it was (1-8); a repeated session has the same number as the one before. */
  n: number;
  /** The saved runs it was run in (more than one when a reload or a crash split it). */
  sessionIds: string[];
  /** Epoch ms the (first) run started. */
  atMs: number;
  /** Running seconds in the main part (warm-up and cool-down not counted). */
  mainRunningS: number;
  /** The planned minutes at target. */
  plannedMinutes: number;
  /** Mean running cadence in the main part, steps/min; null when the pod sent none. */
  cadenceSpm: number | null;
  /** Mean speed in the main part, m/s (the effort rule compares sessions at the same speed). */
  speedMps: number | null;
  /** The metronome's planned share of the main part, 0-1. */
  metronomeShare: number;
  /** Null until the runner answers (or when they skipped it). */
  answers: SessionAnswers | null;
}

/** One block: a target from a test, eight sessions, then the retention tests. */
export interface ProgramBlock {
  /** 1 for the first block. */
  number: number;
  /** Epoch ms the runner chose the target and the block began. */
  startedAtMs: number;
  /** The test the target came from: the baseline, or the retention test that held. */
  from: TestResult;
  targetPercent: TargetPercent;
  /** Whole steps/min. */
  targetSpm: number;
  sessions: DoneSession[];
  /** Retention tests of this block, in the order taken. */
  tests: DoneTest[];
  /**
   * The runner's answer to the effort rule's suggestion after the last session: repeat it or move
   * on. Null when no suggestion is pending or it was not answered.
   */
  repeatChosen: boolean | null;
}

/** A stretch when the runner put the program aside (injury, travel); `toMs` null while paused. */
export interface ProgramPause {
  fromMs: number;
  toMs: number | null;
}

/** The program run going on now (a test or a session), kept so a reload resumes it. */
export interface ActiveProgramRun {
  kind: 'test' | 'session';
  /** For a test. */
  test: TestKind | null;
  /** For a session: which of the eight. */
  n: number | null;
  /** The block it belongs to (0 for a baseline before any block). */
  block: number;
  /** Epoch ms the runner pressed Start. */
  startedAtMs: number;
  /** Runs saved so far for it (a reload splits a session into two runs). */
  sessionIds: string[];
  /** Running seconds of warm-up done, kept at least every 15 s. */
  warmUpRunningS: number;
  /** Running seconds of the main part (the session at target, or the 5-minute test) done. */
  mainRunningS: number;
  /**
   * A test: the belt speed it is judged at, m/s, as its schedule item showed it when armed (a test
   * speed changed since does not change it). Absent on runs armed before it was kept.
   */
  speedMps?: number;
}

export interface ProgramState {
  version: 1;
  /** Epoch ms the runner started the program. */
  createdAtMs: number;
  /**
   * The belt speed of the next new baseline, m/s; null until chosen. Every test after a baseline is
   * at that baseline's speed (its block's `from.speedMps`), whatever this says now: see test-speed.ts.
   */
  testSpeedMps: number | null;
  /** The newest baseline not yet turned into a block (a block's own baseline is in `from`). */
  baseline: TestResult | null;
  blocks: ProgramBlock[];
  pauses: ProgramPause[];
  active: ActiveProgramRun | null;
}

/** One thing on the schedule, planned or done. */
export type ScheduleItem =
  | {
      kind: 'session';
      block: number;
      n: number;
      /** Local midnight of the day it is planned for (or was run on). */
      dayMs: number;
      minutes: number;
      targetSpm: number;
      /** 0-1. */
      metronomeShare: number;
      done: DoneSession | null;
    }
  | {
      kind: 'test';
      block: number;
      test: TestKind;
      dayMs: number;
      /** The belt speed to run it at (`testSpeedFor`), m/s; 0 for a baseline before the runner chose one. */
      speedMps: number;
      done: TestResult | null;
    };

/** What a program run asks of the coach at one moment, for the treadmill screen and the outputs. */
export interface ProgramMoment {
  phase: 'warm-up' | 'main' | 'cool-down';
  /** Running seconds of the main part done, and left (0 once in the cool-down). */
  mainDoneS: number;
  mainLeftS: number;
  /** The feedback block the runner is in (1-based), and how many the main part has; 0 outside it. */
  block: number;
  blocks: number;
  /** Whether the metronome should be playing now. */
  metronomeOn: boolean;
  /** Whether a bandwidth cue may sound now (metronome off in a faded session's main part). */
  bandwidthCues: boolean;
  /** A test: no metronome, no cues, no check-ins, no cadence on screen. */
  cueFree: boolean;
}
