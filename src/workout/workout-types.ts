// What a treadmill workout is: steps by time or distance, each with a belt speed, an incline and
// a cadence target (any may be left to the runner), and repeats of steps. The editor, the library,
// FIT files and the runner that drives the belt all speak this shape. Speeds are km/h always,
// because that is what a treadmill takes; pace is only how a step may be typed or shown.

export type StepLength = { kind: 'time'; seconds: number } | { kind: 'distance'; metres: number };

export type StepIntensity = 'warmup' | 'active' | 'recovery' | 'cooldown';
export const stepIntensities: readonly StepIntensity[] = ['warmup', 'active', 'recovery', 'cooldown'];

export interface WorkoutStep {
  kind: 'step';
  /** "Hard", "Easy", "Hill": the runner's words, shown as text. */
  name: string;
  intensity: StepIntensity;
  length: StepLength;
  /** null: the belt keeps the speed it has (the runner's choice). */
  speedKmh: number | null;
  /** null: the belt keeps the incline it has. */
  inclinePercent: number | null;
  /** Steps/min the metronome plays in this step; null: none. */
  cadence: number | null;
}

export interface WorkoutRepeat {
  kind: 'repeat';
  times: number;
  steps: WorkoutStep[];
}

export type WorkoutItem = WorkoutStep | WorkoutRepeat;

export interface Workout {
  /** Stable: a random UUID for the runner's own, 'library-<slug>' for the library's. */
  id: string;
  name: string;
  items: WorkoutItem[];
  origin: 'library' | 'mine' | 'imported';
  /** Epoch milliseconds of the last change. */
  updatedAt: number;
}

/** One step of the flattened workout, in the order it runs. */
export interface PlannedStep extends Omit<WorkoutStep, 'kind'> {
  /** 0-based in the flattened list. */
  index: number;
  /** Inside a repeat: round n (1-based) of `of`; null outside one. */
  round: { n: number; of: number } | null;
}
