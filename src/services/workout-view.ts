// What the pages read of the workout going on (workout-service.ts) and what the service is made
// of; apart so the service and its working part (workout-run.ts) share it without a circle.

import type { WorkoutSettings } from '../store/workout-settings.js';
import type { WorkoutPosition } from '../workout/workout-position.js';
import type { PlannedStep, Workout } from '../workout/workout-types.js';
import type { CoachService } from './coach-service.js';
import type { FootpodService } from './footpod-service.js';
import type { RecordingService } from './recording-service.js';
import type { SensorService } from './sensor-service.js';
import type { SettingsService } from './settings-service.js';

export interface WorkoutView {
  workout: Workout | null;
  phase: 'idle' | 'confirm' | 'starting' | 'running' | 'paused' | 'finished';
  /** belt: drives the treadmill; voice: screen and voice only. */
  mode: 'belt' | 'voice';
  /** Why voice ("This treadmill takes no commands."). */
  modeReason: string | null;
  steps: PlannedStep[];
  position: WorkoutPosition | null;
  /** The speed (and incline) the treadmill last took: a refused one is never shown. */
  beltTargetKmh: number | null;
  inclineTarget: number | null;
  /**
   * The last thing that happened, in words (status, clamping, refusal); while a workout runs
   * unrecorded (no footpod), followed by that.
   */
  message: string | null;
  /** This treadmill's learned lag. */
  lagS: number | null;
}

/** Where the workout settings are kept (the workout store); tests hand in their own. */
export interface WorkoutSettingsStore {
  load(): Promise<{ settings: WorkoutSettings; problems: string[] }>;
  /**
   * Changes only what the run learned (a confirmed treadmill, a lag), worked out from the settings
   * as stored now: anything the runner changed in Settings during the workout stays.
   */
  change(change: (stored: WorkoutSettings) => Partial<WorkoutSettings>): Promise<string | null>;
}

export interface WorkoutParts {
  footpod: FootpodService;
  sensors: SensorService;
  recording: RecordingService;
  coach: CoachService;
  settings: SettingsService;
  store?: WorkoutSettingsStore;
  /** A program test is armed or going on: no workout starts beside it (its own one-step workout aside). */
  programTest?: () => boolean;
  /** How long without a footpod reading before the workout waits for it; tests shorten it. */
  podSilentAfterMs?: number;
}
