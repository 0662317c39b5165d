// What the simulated footpod's runner does while a program run is armed or going on: the program's
// belt speed, block and sessions, and the metronome as the coach plays it, handed to a
// SimulatedLearner (src/sources/simulated-learner.ts) made afresh for each run. Null without a
// program run: the simulator then runs its own 60-minute plan. A baseline after blocks starts from
// the cadence the last block left (its last test, else what its sessions taught), not the cadence
// from before the program: what a block taught is kept. A simulated treadmill and strap read the
// belt under that runner (belt), which moves nothing on: the pod's asks alone move the runner, once
// a second, whatever the other simulators' clocks.

import { testSpeedFor } from '../program/test-speed.js';
import type { ActiveProgramRun, ProgramBlock, ProgramMoment, ProgramState } from '../program/program-types.js';
import { cadenceForSpeed, type PaceAim } from '../sources/run-profile.js';
import { type LearnerSecond, learnedShare, SimulatedLearner } from '../sources/simulated-learner.js';

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
  /** The runner's last aim in #run. */
  #last: PaceAim | null = null;

  constructor(private readonly metronome: HeardMetronome) {}

  /** This second's aim; `phase` null while the run is armed and no recording follows it yet (warming up). */
  aim(state: ProgramState | null, phase: ProgramMoment['phase'] | null): PaceAim | null {
    const run = runOf(state);
    if (!run) {
      this.#learner = this.#run = this.#last = null;
      return null;
    }
    // A new run (or the same one armed again) is a new runner's day; the stored copy of a run changes with its progress.
    if (this.#run !== run.key) [this.#learner, this.#run] = [new SimulatedLearner(), run.key];
    return (this.#last = this.#learner!.aim(this.#second(run, phase)));
  }

  /**
   * The belt under the runner now (the aim's speed): the runner's last aim in this run; before the
   * pod's first ask, the aim a fresh runner would start with. Null without a program run.
   */
  belt(state: ProgramState | null, phase: ProgramMoment['phase'] | null): PaceAim | null {
    const run = runOf(state);
    if (!run) return null;
    return run.key === this.#run && this.#last ? this.#last : new SimulatedLearner().aim(this.#second(run, phase));
  }

  #second({ state, active, block, beltMps }: ArmedRun, phase: ProgramMoment['phase'] | null): LearnerSecond {
    const baseline = active.kind === 'test' && active.test === 'baseline';
    return {
      kind: active.kind,
      phase: phase ?? 'warm-up',
      beltMps,
      fromSpm: baseline ? leftByBlocks(state, beltMps) : (block?.from.cadenceSpm ?? null),
      targetSpm: baseline ? null : (block?.targetSpm ?? null),
      sessionsDone: baseline ? 0 : (block?.sessions.length ?? 0),
      metronomeSpm: this.metronome.metronomeOn ? this.metronome.metronomeRateSpm : null,
    };
  }
}

interface ArmedRun {
  state: ProgramState;
  active: ActiveProgramRun;
  block: ProgramBlock | null;
  beltMps: number;
  /** The same for every second of one run, whatever its stored progress. */
  key: string;
}

/** The run armed or going on, with its block and belt; null without one (or without a belt speed). */
function runOf(state: ProgramState | null): ArmedRun | null {
  const active = state?.active ?? null;
  if (!state || !active) return null;
  const block = state.blocks.find((b) => b.number === active.block) ?? null;
  const beltMps = active.kind === 'test' ? (active.speedMps ?? testSpeedFor(state, active)) : (block?.from.speedMps ?? null);
  if (!beltMps) return null;
  return { state, active, block, beltMps, key: `${active.kind} ${active.test} ${active.n} ${active.block} ${active.startedAtMs}` };
}
