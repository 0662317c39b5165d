// The coach during a workout with cadence targets: the metronome plays each step's cadence while
// the workout runs (off in a step without one, and while paused), the runner's −/+ and toggle wait
// (as in a program run), zone cues give way to the steps' targets; check-ins go on. A workout
// without any cadence target leaves the coach alone (WorkoutCoach.for gives null).

import type { CoachEvent, CoachInput } from '../coach/coach-events.js';
import type { Metronome } from '../outputs/outputs.js';
import type { CoachSettings } from '../session/coach-settings.js';
import type { PlannedStep } from '../workout/workout-types.js';
import type { CoachGuide } from './coach-service.js';

export class WorkoutCoach implements CoachGuide {
  /** The step going on; null while paused or between steps. */
  step: PlannedStep | null = null;

  static for(steps: readonly PlannedStep[], settings: () => CoachSettings): WorkoutCoach | null {
    return steps.some((s) => s.cadence !== null) ? new WorkoutCoach(settings) : null;
  }

  private constructor(private readonly settings: () => CoachSettings) {}

  get metronomeSpm(): number | null {
    return this.step?.cadence ?? null;
  }

  get targetSpm(): number | null {
    return this.step?.cadence ?? null;
  }

  events(own: CoachEvent[], input: CoachInput, metronome: Metronome): CoachEvent[] {
    const { muted, metronome: chosen } = this.settings();
    const rateSpm = this.metronomeSpm;
    if (rateSpm === null || muted || input.paused) {
      if (metronome.running) metronome.stop();
    } else {
      const options = { rateSpm, everyStep: chosen.everyStep, volume: chosen.volume };
      if (metronome.running) metronome.update(options);
      else void metronome.start(options);
    }
    return own.filter((event) => event.kind === 'check-in');
  }
}
