// "Try without a footpod" during a workout: the simulated runner runs on the simulated belt, at
// the belt's speed (and the step's cadence, the metronome's), so the pod and the treadmill agree
// as a runner on a driven belt would; a program run's own simulated runner goes first. The pace
// the program (or nothing) set is given back after.

import { cadenceForSpeed, type PaceAim } from '../sources/run-profile.js';
import type { SensorSource } from '../sources/sensor-source.js';
import type { FootpodService, SimulatedPace } from './footpod-service.js';

export class SimulatedBeltRunner {
  readonly #before: SimulatedPace | null;

  /** Null unless both the pod and the treadmill are simulated. */
  static follow(footpod: FootpodService, treadmill: SensorSource | null, cadence: () => number | null): SimulatedBeltRunner | null {
    if (footpod.source?.kind !== 'simulator' || treadmill?.kind !== 'simulator') return null;
    return new SimulatedBeltRunner(footpod, cadence);
  }

  private constructor(
    private readonly footpod: FootpodService,
    private readonly cadence: () => number | null,
  ) {
    this.#before = footpod.simulatedPace;
    // A program run's own runner (its test at the belt's speed) goes on as it was.
    const before = this.#before;
    footpod.simulatedPace = {
      runner: (s) => before?.runner(s) ?? this.#aim(),
      belt: (s) => before?.belt(s) ?? this.#aim(),
    };
  }

  release(): void {
    this.footpod.simulatedPace = this.#before;
  }

  #aim(): PaceAim | null {
    const beltMps = this.footpod.session?.latest?.treadmillSpeedMps ?? null;
    if (beltMps === null || beltMps <= 0) return null;
    return { speedMps: beltMps, cadence: this.cadence() ?? cadenceForSpeed(beltMps) };
  }
}
