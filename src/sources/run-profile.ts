// A treadmill run as a pure function of elapsed time: the simulated footpod turns these numbers
// into RSC bytes. The plan is a 60-minute session (warm-up, steady, 6 × 2 min intervals, steady,
// cool-down); past 60 minutes the steady block repeats so a 3-hour simulation stays plausible.

export type RunPhase = 'warm-up' | 'steady' | 'interval' | 'recovery' | 'cool-down';

export interface RunSample {
  elapsedS: number;
  phase: RunPhase;
  speedMps: number;
  /** Steps per minute, a whole number as a pod reports it. */
  cadence: number;
  /** Metres per step at the reported cadence, so it rises with pace as a pod's value does. */
  strideLengthM: number;
  isRunning: boolean;
}

/** Seeded PRNG (mulberry32): small, fast, and the same sequence in every browser. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Segment {
  phase: RunPhase;
  startS: number;
  endS: number;
  fromMps: number;
  toMps: number;
}

const WARM_UP_S = 8 * 60;
const STEADY_S = 15 * 60;
const REP_S = 2 * 60;
const EASY_S = 60;
// Reps get a little faster, as runners tend to push through a set.
const REP_SPEEDS = [3.9, 4.0, 4.05, 4.1, 4.15, 4.2];
const EASY_MPS = 2.8;
const COOL_DOWN_S = 5 * 60;
const COOL_DOWN_MPS = 2.5;

function steadyBlock(startS: number): Segment {
  return { phase: 'steady', startS, endS: startS + STEADY_S, fromMps: 3.15, toMps: 3.3 };
}

function buildPlan(): Segment[] {
  const plan: Segment[] = [{ phase: 'warm-up', startS: 0, endS: WARM_UP_S, fromMps: 2.6, toMps: 2.9 }];
  const add = (phase: RunPhase, durationS: number, fromMps: number, toMps = fromMps): void => {
    const startS = plan[plan.length - 1]!.endS;
    plan.push({ phase, startS, endS: startS + durationS, fromMps, toMps });
  };
  plan.push(steadyBlock(WARM_UP_S));
  REP_SPEEDS.forEach((speed, i) => {
    if (i > 0) add('recovery', EASY_S, EASY_MPS);
    add('interval', REP_S, speed);
  });
  plan.push(steadyBlock(plan[plan.length - 1]!.endS));
  add('cool-down', COOL_DOWN_S, COOL_DOWN_MPS);
  return plan;
}

const plan: readonly Segment[] = buildPlan();
/** Length of the planned session; after this the steady block repeats. */
export const plannedRunS = plan[plan.length - 1]!.endS;

function segmentsAround(elapsedS: number): { segment: Segment; previous: Segment | null } {
  if (elapsedS >= plannedRunS) {
    const k = Math.floor((elapsedS - plannedRunS) / STEADY_S);
    const segment = steadyBlock(plannedRunS + k * STEADY_S);
    const previous = k === 0 ? plan[plan.length - 1]! : steadyBlock(plannedRunS + (k - 1) * STEADY_S);
    return { segment, previous };
  }
  const i = plan.findIndex((s) => elapsedS < s.endS);
  return { segment: plan[i]!, previous: i > 0 ? plan[i - 1]! : null };
}

// A runner (and a treadmill belt) takes a while to change pace; a smoothstep over this long keeps
// the biggest change (recovery → fastest rep) near 0.1 m/s per second.
const TRANSITION_S = 20;

const smoothstep = (x: number): number => x * x * (3 - 2 * x);

/** Noise-free target speed at a moment of the run. */
export function plannedSpeedAt(elapsedS: number): number {
  const { segment, previous } = segmentsAround(Math.max(0, elapsedS));
  const into = Math.max(0, elapsedS) - segment.startS;
  const speed = segment.fromMps + ((segment.toMps - segment.fromMps) * into) / (segment.endS - segment.startS);
  if (previous === null || into >= TRANSITION_S) return speed;
  return previous.toMps + (speed - previous.toMps) * smoothstep(into / TRANSITION_S);
}

export function phaseAt(elapsedS: number): RunPhase {
  return segmentsAround(Math.max(0, elapsedS)).segment.phase;
}

/** Typical cadence for a speed: about 158 spm at 2.6 m/s rising to about 182 at 4.2 m/s. */
export function cadenceForSpeed(speedMps: number): number {
  return 158 + (speedMps - 2.6) * 15;
}

const SPEED_NOISE_MPS = 0.05;
const CADENCE_NOISE_SPM = 1.5;
const RUNNING_ABOVE_MPS = 1.8;

/**
 * One second of the run. Draws exactly two numbers from `rng`, so the same seed called for the
 * same seconds in the same order gives the same run.
 */
export function runSampleAt(elapsedS: number, rng: () => number): RunSample {
  const planned = plannedSpeedAt(elapsedS);
  const speedMps = Math.max(0, planned + (rng() * 2 - 1) * SPEED_NOISE_MPS);
  const cadence = Math.round(cadenceForSpeed(planned) + (rng() * 2 - 1) * CADENCE_NOISE_SPM);
  return {
    elapsedS,
    phase: phaseAt(elapsedS),
    speedMps,
    cadence,
    strideLengthM: cadence > 0 ? (speedMps * 60) / cadence : 0,
    isRunning: speedMps > RUNNING_ABOVE_MPS,
  };
}

/** What a runner on a belt aims at for one second, noise-free: handed to the simulator instead of the plan. */
export interface PaceAim {
  /** The belt's speed, m/s. */
  speedMps: number;
  /** Steps per minute, unrounded. */
  cadence: number;
}

/** A runner (and a belt) changes pace by about this much a second at most, as the plan's transitions do. */
export const PACE_CHANGE_MPS_PER_S = 0.1;
/** Cadence follows the speed (cadenceForSpeed: 15 steps/min per m/s), so about 1.5 steps/min a second. */
export const CADENCE_CHANGE_SPM_PER_S = PACE_CHANGE_MPS_PER_S * 15;

/** Whole seconds a change of pace from `from` to `to` takes at those rates (1 when it is small). */
export function blendSeconds(from: PaceAim, to: PaceAim): number {
  const speed = Math.abs(to.speedMps - from.speedMps) / PACE_CHANGE_MPS_PER_S;
  const cadence = Math.abs(to.cadence - from.cadence) / CADENCE_CHANGE_SPM_PER_S;
  return Math.max(1, Math.ceil(Math.max(speed, cadence) - 1e-9));
}

/**
 * A runner going from one source of pace to another (the 60-minute plan, a program's paced run):
 * when the source changes, the noise-free speed and cadence go from the last second's values to
 * the new source's over the seconds the change needs (blendSeconds), never in one leap. Call
 * `next` once a second, in order.
 */
export class PaceBlend {
  #last: PaceAim | null = null;
  #source: string | null = null;
  #from: PaceAim | null = null;
  #seconds = 0;
  #done = 0;

  /** True while this second is part of a change from one source to the other. */
  get blending(): boolean {
    return this.#from !== null;
  }

  /** This second's aim, from `source`'s own `aim` now. */
  next(source: string, aim: PaceAim): PaceAim {
    if (this.#last && this.#source !== null && source !== this.#source) {
      this.#from = this.#last;
      this.#seconds = blendSeconds(this.#last, aim);
      this.#done = 0;
    }
    this.#source = source;
    let now = aim;
    if (this.#from) {
      this.#done++;
      const k = this.#done / this.#seconds;
      if (k >= 1) this.#from = null;
      else now = { speedMps: this.#from.speedMps + (aim.speedMps - this.#from.speedMps) * k, cadence: this.#from.cadence + (aim.cadence - this.#from.cadence) * k };
    }
    this.#last = now;
    return now;
  }
}

// A belt holds its speed far more closely than a runner outdoors: half a percent of reading noise.
const BELT_NOISE = 0.005;
const PACED_CADENCE_NOISE_SPM = 1;

/**
 * One second of running at `aim` (e.g. a program's test on a belt). Draws exactly two numbers from
 * `rng`, as runSampleAt does, so a run that goes from the plan to an aim and back stays seeded. The
 * runner on the belt runs, whatever its speed: the pod says so.
 */
export function pacedSampleAt(elapsedS: number, aim: PaceAim, rng: () => number): RunSample {
  const speedMps = Math.max(0, aim.speedMps * (1 + (rng() * 2 - 1) * BELT_NOISE));
  const cadence = Math.max(0, Math.round(aim.cadence + (rng() * 2 - 1) * PACED_CADENCE_NOISE_SPM));
  return {
    elapsedS,
    phase: 'steady',
    speedMps,
    cadence,
    strideLengthM: cadence > 0 ? (speedMps * 60) / cadence : 0,
    isRunning: speedMps > 0 && cadence > 0,
  };
}
