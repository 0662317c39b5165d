// Steps or strides for one pod, decided from many readings. One reading can be noise (a stumble,
// a treadmill belt change), so the decision waits for several agreeing readings and, once made,
// only a long run of contrary evidence changes it: never a flip-flop between two readings.

import {
  type CadenceUnit,
  type CadenceUnitOverride,
  type SentReading,
  type StepsReading,
  classifyReading,
  inSteps,
  lengthScaleOf,
} from './cadence-unit.js';

/** What is known about a pod before its first reading. */
export interface PodCadenceMemory {
  /** What an earlier run detected, applied from the first reading. */
  remembered?: CadenceUnit | null;
  override?: CadenceUnitOverride;
}

export interface StepsReadingOf extends StepsReading {
  /** The unit this reading was taken to be in (the pod's, or the reading's own before a decision). */
  unit: CadenceUnit;
}

// Readings that must agree before a first decision, and the share of them that may disagree.
const DECIDE_AFTER = 5;
const AGREEING_PER_DISAGREEING = 4;
// Overturning a decision (remembered or made) takes this many contrary readings at the same share.
const REVISE_AFTER = 20;

export class CadenceUnitDecision {
  override: CadenceUnitOverride;
  #detected: CadenceUnit | null;
  readonly #votes: Record<CadenceUnit, number> = { steps: 0, strides: 0 };
  #lengthScale: -1 | 0 | 1 = 0;

  constructor(memory: PodCadenceMemory = {}) {
    this.#detected = memory.remembered ?? null;
    this.override = memory.override ?? 'auto';
  }

  /** The pod's unit from the readings so far (or remembered); null while undecided. */
  get detected(): CadenceUnit | null {
    return this.#detected;
  }

  /** The unit every reading is taken in: the runner's override, else the detection; null while undecided. */
  get applied(): CadenceUnit | null {
    return this.override === 'auto' ? this.#detected : this.override;
  }

  /** Takes one reading as evidence and gives it back in steps/min and metres per step. */
  toSteps(reading: SentReading): StepsReadingOf {
    const verdict = classifyReading(reading);
    if (verdict !== 'unknown') {
      this.#votes[verdict]++;
      this.#reconsider(verdict);
    }
    // The length keeps its meaning while standing, when a reading cannot show it.
    this.#lengthScale = lengthScaleOf(reading) ?? this.#lengthScale;
    // Before a decision a reading that is on its own clearly strides is doubled, so no plainly
    // halved cadence is shown; anything less clear is passed on as sent.
    const unit = this.applied ?? (verdict === 'strides' ? 'strides' : 'steps');
    return { ...inSteps(reading, unit, this.#lengthScale), unit };
  }

  #reconsider(candidate: CadenceUnit): void {
    if (candidate === this.#detected) return;
    const agreeing = this.#votes[candidate];
    const disagreeing = this.#votes[candidate === 'steps' ? 'strides' : 'steps'];
    const needed = this.#detected === null ? DECIDE_AFTER : REVISE_AFTER;
    if (agreeing >= needed && disagreeing * AGREEING_PER_DISAGREEING <= agreeing) this.#detected = candidate;
  }
}
