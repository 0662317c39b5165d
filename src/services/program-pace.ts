// What the simulated footpod's runner does while a program run is armed or going on: the program's
// belt speed, block and sessions, and the metronome as the coach plays it, handed to a
// SimulatedLearner (src/sources/simulated-learner.ts) made afresh for each run. Null without a
// program run: the simulator then runs its own 60-minute plan. A baseline after blocks starts from
// the cadence the last block left (its last test, else what its sessions taught), not the cadence
// from before the program: what a block taught is kept.

import { testSpeedFor } from '../program/test-speed.js';
import type { ProgramMoment, ProgramState } from '../program/program-types.js';
import { cadenceForSpeed, type PaceAim } from '../sources/run-profile.js';
import { learnedShare, SimulatedLearner } from '../sources/simulated-learner.js';

/** The cadence at `beltMps` the last block left the runner with; null before any block. */
function leftByBlocks(state: ProgramState, beltMps: number): number | null {
  const last = state.blocks.at(-1);
  if (!last) return null;
  const test = last.tests.at(-1)?.result;
  if (test) return test.cadenceSpm + cadenceForSpeed(beltMps) - cadenceForSpeed(test.speedMps);
  const from = last.from.cadenceSpm + cadenceForSpeed(beltMps) - cadenceForSpeed(last.from.speedMps);
  return from + learnedShare(last.sessions.length) * (last.targetSpm - last.from.cadenceSpm);
}

/** The metronome as the runner hears it. */
export interface HeardMetronome {
  readonly metronomeOn: boolean;
  readonly metronomeRateSpm: number;
}

export class ProgramPace {
  #learner: SimulatedLearner | null = null;
  #run: string | null = null;

  constructor(private readonly metronome: HeardMetronome) {}

  /** This second's aim; `phase` null while the run is armed and no recording follows it yet (warming up). */
  aim(state: ProgramState | null, phase: ProgramMoment['phase'] | null): PaceAim | null {
    const active = state?.active ?? null;
    const block = state?.blocks.find((b) => b.number === active?.block) ?? null;
    const beltMps = !state || !active ? null : active.kind === 'test' ? (active.speedMps ?? testSpeedFor(state, active)) : (block?.from.speedMps ?? null);
    if (!active || !beltMps) {
      this.#learner = this.#run = null;
      return null;
    }
    // A new run (or the same one armed again) is a new runner's day; the stored copy of a run changes with its progress.
    const run = `${active.kind} ${active.test} ${active.n} ${active.block} ${active.startedAtMs}`;
    if (this.#run !== run) [this.#learner, this.#run] = [new SimulatedLearner(), run];
    const baseline = active.kind === 'test' && active.test === 'baseline';
    return this.#learner!.aim({
      kind: active.kind,
      phase: phase ?? 'warm-up',
      beltMps,
      fromSpm: baseline ? leftByBlocks(state!, beltMps) : (block?.from.cadenceSpm ?? null),
      targetSpm: baseline ? null : (block?.targetSpm ?? null),
      sessionsDone: baseline ? 0 : (block?.sessions.length ?? 0),
      metronomeSpm: this.metronome.metronomeOn ? this.metronome.metronomeRateSpm : null,
    });
  }
}
