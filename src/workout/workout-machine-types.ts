// What the workout machine (workout-machine.ts) is told and what it hands back. Runner presses,
// the clock, the treadmill's status and link, the page's visibility and the outcome of each
// command go in; commands for the treadmill and sentences for the runner come out.

import type { FitnessMachineStatus } from '../ble/ftms-status.js';
import type { DistanceUnit } from '../session/units.js';
import type { BeltLimits } from './belt-limits.js';
import type { PlannedStep } from './workout-types.js';

export type CommandKind = 'request-control' | 'speed' | 'incline' | 'start' | 'stop' | 'pause';

export interface MachineCommand {
  kind: CommandKind;
  /** km/h for a speed, % for an incline, already clamped to the belt's limits. */
  value?: number;
  /** The step a speed or incline is for (sent at its start, or early by the learned lag). */
  step?: number;
  /** A hold-pace correction within the step, not the step's own speed. */
  correction?: boolean;
}

/** What came of a command: the treadmill control's outcome, reduced to what the rules read. */
export type CommandOutcome = { ok: true; message: string } | { ok: false; message: string; failure: string };

export interface MachineSettings {
  holdPace: boolean;
  sendEarly: boolean;
  /** This treadmill's learned lag (seconds from a command to 95 % of the change); null before any. */
  lagS: number | null;
  /** The runner's distance unit, for the sentences that name a speed. */
  unit: DistanceUnit;
}

export type Phase = 'idle' | 'confirm' | 'starting' | 'running' | 'paused' | 'finished';
export type Mode = 'belt' | 'voice';
export type PausedBy = 'runner' | 'treadmill' | 'link' | 'hidden' | 'failure';

export type MachineEvent =
  /** The runner's Start of a workout; `confirmed`: this treadmill was confirmed on an earlier start. */
  | { kind: 'start'; steps: readonly PlannedStep[]; mode: Mode; modeReason: string | null; limits: BeltLimits; confirmed: boolean; settings: MachineSettings }
  | { kind: 'confirm' }
  | { kind: 'cancel' }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'stop' }
  | { kind: 'skip' }
  /** The workout's recording was stopped (its Stop and save, its Discard): the workout ends with it. */
  | { kind: 'recording-ended' }
  /**
   * A clock tick: `atMs` on any monotonic clock, `distanceM` an odometer (the run's distance) or
   * null, the belt's speed and the pod's 30-second mean speed when known.
   */
  | { kind: 'tick'; atMs: number; distanceM: number | null; beltKmh: number | null; podKmh: number | null }
  | { kind: 'status'; status: FitnessMachineStatus }
  | { kind: 'link'; up: boolean }
  /** The footpod went silent or lost its link (up: false), or reads again: the workout's clock is the run's. */
  | { kind: 'pod'; up: boolean }
  | { kind: 'visibility'; hidden: boolean }
  | { kind: 'outcome'; command: MachineCommand; outcome: CommandOutcome }
  | { kind: 'lag'; lagS: number | null }
  /** The runner changed a maximum in Settings during the workout: what waits is clamped again. */
  | { kind: 'limits'; limits: BeltLimits };

export interface MachineState {
  phase: Phase;
  mode: Mode;
  modeReason: string | null;
  steps: readonly PlannedStep[];
  limits: BeltLimits;
  settings: MachineSettings;
  /** The step going on, and where it began on the workout's own clock and odometer. */
  stepIndex: number;
  stepStartS: number;
  stepStartM: number;
  /** Running time and distance of the workout, paused time left out. */
  runningS: number;
  coveredM: number;
  lastAtMs: number | null;
  lastDistanceM: number | null;
  pausedBy: PausedBy | null;
  linkUp: boolean;
  /** The footpod reads: without it the steps wait (no ticks), and the gap is not counted. */
  podUp: boolean;
  hidden: boolean;
  hasControl: boolean;
  /** Control was asked for in this workout: a Stop press then stops the belt. */
  requested: boolean;
  /** A runner's press allows one start of the belt; anything that stops the workout takes it away. */
  armed: boolean;
  /** The one ordinary command out, and a Stop or Pause sent past it. */
  inFlight: MachineCommand | null;
  urgent: MachineCommand | null;
  queue: readonly MachineCommand[];
  /** The step whose speed and incline were sent (at its start, early, or at a resume). */
  sentStep: number | null;
  beltTargetKmh: number | null;
  inclineTarget: number | null;
  /** What the app had set before beltTargetKmh, while the belt may still be on its way (belt-by-hand.ts). */
  beltFromKmh: number | null;
  /** The belt has been seen at beltTargetKmh since the app set it. */
  beltSettled: boolean;
  /** The runner changed the speed on the treadmill in this step: hold-pace leaves it alone. */
  overridden: boolean;
  lastCorrectionAtS: number | null;
  message: string | null;
}

export interface MachineStep {
  state: MachineState;
  commands: MachineCommand[];
  says: string[];
}
