// The coach during a program run. A session: the zone cues are off (the program's target is the
// aim, not the zones), the metronome plays at the block's target exactly while the feedback
// schedule says so (started and stopped at the blocks' edges), bandwidth cues may sound while it
// is off, and check-ins go on; while the recording is paused it is silent. A test: nothing sounds
// at all, so the runner runs at their own cadence. The runner's mute silences all of it.

import type { CoachEvent, CoachInput } from '../coach/coach-events.js';
import type { Metronome } from '../outputs/outputs.js';
import { BandwidthCues } from '../program/bandwidth-cues.js';
import type { ProgramMoment } from '../program/program-types.js';
import type { CoachSettings } from '../session/coach-settings.js';
import type { CoachGuide } from './coach-service.js';

export class ProgramCoach implements CoachGuide {
  /** Null until the run's first recorded second. */
  moment: ProgramMoment | null = null;
  readonly #cues: BandwidthCues | null;

  constructor(
    /** The block's target, steps/min; null for a test. */
    readonly targetSpm: number | null,
    /** The runner's coach settings as they are now (mute, click step and volume). */
    private readonly settings: () => CoachSettings,
  ) {
    this.#cues = targetSpm !== null ? new BandwidthCues(targetSpm) : null;
  }

  get metronomeSpm(): number | null {
    return this.moment?.metronomeOn ? this.targetSpm : null;
  }

  events(own: CoachEvent[], input: CoachInput, metronome: Metronome): CoachEvent[] {
    // A paused recording stands the program's clock still: no beats outside the running minutes.
    this.#play(metronome, input.paused);
    if (!this.#cues) return [];
    const cues = this.#cues.update({ ...input, allowed: this.moment?.bandwidthCues ?? false });
    return [...cues, ...own.filter((event) => event.kind === 'check-in')];
  }

  #play(metronome: Metronome, paused: boolean): void {
    const { muted, metronome: chosen } = this.settings();
    const rateSpm = this.metronomeSpm;
    if (rateSpm === null || muted || paused) {
      if (metronome.running) metronome.stop();
      return;
    }
    const options = { rateSpm, everyStep: chosen.everyStep, volume: chosen.volume };
    if (metronome.running) metronome.update(options);
    else void metronome.start(options);
  }
}
