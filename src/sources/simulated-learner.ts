// The simulated footpod's runner when it does a cadence program on a treadmill, so "Try without a
// footpod" can go through a baseline, eight faded sessions and the retention tests as a runner would.
//
// The model, kept plain on purpose (it is a stand-in for a runner, not a claim about learning):
// - Speed: the belt at the program's speed, a little slower (97 %) in the warm-up and slower (90 %)
//   in the cool-down; the belt changes speed over a few seconds, not at once.
// - Own cadence: what the block began from (its test's cadence), or before any block the
//   simulated runner's own cadence at the belt speed (cadenceForSpeed, as the 60-minute run has it);
//   it moves with speed as cadenceForSpeed does.
// - Habit: each session done in the block makes a share of the step to the target the runner's own:
//   1 − (1 − 0.2)^sessions, about 83 % after eight, so the end-of-block test finds most of the
//   change kept, as the studies with faded feedback report (Willy et al. 2016 held at 30 days).
// - In a session's main part the runner follows the metronome within seconds while it plays; while
//   it is silent, they drift back part-way, over a minute or so, to halfway between habit and target.
//   Outside the main part, and in a test, they run at their habit.
// Nothing here is random: the footpod adds its seeded noise (pacedSampleAt), so a run is repeatable.

import { cadenceForSpeed, type PaceAim } from './run-profile.js';

/** What the runner knows of the program run this second. */
export interface LearnerSecond {
  kind: 'test' | 'session';
  phase: 'warm-up' | 'main' | 'cool-down';
  /** The belt speed the program runs at (its test speed), m/s. */
  beltMps: number;
  /** The cadence the block began from, at the belt speed; null before any block (a baseline). */
  fromSpm: number | null;
  /** The block's target; null before any block. */
  targetSpm: number | null;
  /** Sessions of the block done before this run. */
  sessionsDone: number;
  /** The rate the metronome plays now, or null while it is silent (off, or muted). */
  metronomeSpm: number | null;
}

export const LEARNED_PER_SESSION = 0.2;
/** With the metronome silent in a session, the share of the way from habit to target the runner holds. */
export const RECALL = 0.5;
const WARM_UP_SPEED = 0.97;
const COOL_DOWN_SPEED = 0.9;
/** Seconds for a change to go about two thirds of the way. */
const BELT_S = 3;
const ENTRAIN_S = 5;
const DRIFT_S = 60;
const HABIT_S = 20;

/** The share of the step to the target that is the runner's own after `sessions` sessions. */
export const learnedShare = (sessions: number): number => 1 - (1 - LEARNED_PER_SESSION) ** Math.max(0, sessions);

const toward = (from: number, to: number, timeS: number): number => from + (to - from) * (1 - Math.exp(-1 / timeS));

/** One program run's runner: make a new one for each run; `aim` once per second, in order. */
export class SimulatedLearner {
  #speedMps: number | null = null;
  #cadence: number | null = null;

  aim(second: LearnerSecond): PaceAim {
    const { kind, phase, beltMps, fromSpm, targetSpm, metronomeSpm } = second;
    const speedAim = beltMps * (phase === 'warm-up' ? WARM_UP_SPEED : phase === 'cool-down' ? COOL_DOWN_SPEED : 1);
    const speedMps = (this.#speedMps = this.#speedMps === null ? speedAim : toward(this.#speedMps, speedAim, BELT_S));

    const base = fromSpm ?? cadenceForSpeed(beltMps);
    const own = base + cadenceForSpeed(speedMps) - cadenceForSpeed(beltMps);
    const habit = targetSpm === null ? own : own + learnedShare(second.sessionsDone) * (targetSpm - base);
    const inMain = kind === 'session' && phase === 'main';
    let aim = habit;
    let timeS = HABIT_S;
    if (metronomeSpm !== null) [aim, timeS] = [metronomeSpm, ENTRAIN_S];
    else if (inMain && targetSpm !== null) [aim, timeS] = [habit + RECALL * (targetSpm - habit), DRIFT_S];
    const cadence = (this.#cadence = this.#cadence === null ? aim : toward(this.#cadence, aim, timeS));
    return { speedMps, cadence };
  }
}
