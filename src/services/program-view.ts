// What the pages read of the program and may ask of it (program-service.ts), and what the service
// is made of; apart so the service and its working part (program-live.ts) share it without a circle.

import type { ActiveProgramRun, ProgramMoment, ProgramState, ScheduleItem, SessionAnswers, TargetPercent, TestKind } from '../program/program-types.js';
import type { TestOutcome } from '../program/test-result.js';
import type { CoachService } from './coach-service.js';
import type { FootpodService } from './footpod-service.js';
import type { HistoryService } from './history-service.js';
import type { RecordingService } from './recording-service.js';
import type { SensorService } from './sensor-service.js';
import type { SettingsService } from './settings-service.js';
import type { WorkoutService } from './workout-service.js';

export type JustFinished = { kind: 'test'; outcome: TestOutcome; test: TestKind } | { kind: 'session'; block: number; index: number };

/** Everything the pages read of the program. */
export interface ProgramView {
  /** Null: not started. */
  program: ProgramState | null;
  /** A store problem, or why the last action was refused, in words. */
  problem: string | null;
  /**
   * Something is stored under the program's key that is not a program: Begin would replace it, so
   * the page warns first (a restore gets it back).
   */
  damaged: boolean;
  schedule: ScheduleItem[];
  /** Today's or the next item. */
  next: ScheduleItem | null;
  /** The effort rule's. */
  suggestion: { repeat: number; why: string } | null;
  /** Live, while a program run records. */
  moment: ProgramMoment | null;
  active: ActiveProgramRun | null;
  /** The last program run's outcome, for the answers and the reveal: null when none is waiting. */
  justFinished: JustFinished | null;
}

export interface ProgramParts {
  recording: RecordingService;
  coach: CoachService;
  history: HistoryService;
  settings: SettingsService;
  /** Its simulator's runner does the program's runs (program-pace.ts); none in tests that need no pod. */
  footpod?: Pick<FootpodService, 'simulatedPace'>;
  /** Epoch ms; Date.now unless a test hands in its clock. */
  now?: () => number;
  /** A test's fixed belt speed is set through the workout runner when the treadmill can be driven. */
  workouts?: WorkoutService;
  sensors?: SensorService;
}

/** What the pages ask of the program; each waits for the program's code to load first. */
export interface ProgramActions {
  /**
   * Reads the stored program. A run left over is measured first: one whose last recording was saved
   * by Stop before its tab went, or one from an earlier day that no tab is recording (what was run
   * counts if it is enough; else it stays planned and `problem` says so).
   */
  load(): Promise<void>;
  /** Creates the program. */
  begin(): Promise<void>;
  setTestSpeed(speedMps: number): Promise<void>;
  /**
   * Arms today's item: the next recording started (or the one running) is that test or session.
   * Only an item due (planned for today or earlier) is armed; otherwise `problem` says when it is
   * planned ("Rest today: session 4 is planned for Thursday."). Call it from the Start press: that
   * gesture also lets the metronome sound later.
   */
  startNext(): Promise<void>;
  /**
   * Every recording of the run (before a reload too) goes on as an ordinary run; so do those of a
   * run that does not count (a session under half its minutes at target, a test not valid).
   */
  cancelRun(): Promise<void>;
  answer(block: number, index: number, answers: SessionAnswers): Promise<void>;
  chooseRepeat(repeat: boolean): Promise<void>;
  startBlock(percent: TargetPercent): Promise<void>;
  /** Also disarms a run armed or going on: while paused nothing is due. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Ends the program (the page asks first). */
  reset(): Promise<void>;
}
