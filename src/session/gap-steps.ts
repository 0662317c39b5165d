// How much of a step between two samples the runner spent moving, and how much of it the samples
// measured. One rule for the summary, splits, laps and exports, so they always add up:
// - a step with no gap in it is moving time, measured by its samples;
// - the part of a step inside a pause counts as nothing;
// - the part inside a lost link or missing records counts as moving time when the pod's (or the
//   watch's) own counter covered distance across it, because that distance is in the run too; its
//   cadence was not measured, so averages and zones leave it out.
// Who owns a step's measured time (whose cadence, heart rate, zone it counts as):
// - a step of 1 Hz sampling (up to 1.5 s, jitter included) belongs to the sample that ends it,
//   the reading of the second before it, as it always has;
// - a longer step is a watch's smart recording, which writes a record only when something
//   changed: the record that ends it stands for its last second (what the watch showed as it
//   wrote it), and the record that starts it for the rest, as its value held until the watch saw
//   a change. So 8 s between two records weigh 8 s, not 1, and not 0; and a 2 s step is one
//   second each, not two of the new value (a live recording has a gap on any step over 2.5 s).

import type { SessionGap } from './recorded-session.js';

export interface StepSeconds {
  /** Seconds that count toward moving time (and pace). */
  movingS: number;
  /** Seconds with a sample on either side: what cadence, zones and stride averages weigh. */
  measuredS: number;
}

/** At 1 Hz a longer step between live readings means samples were lost (the recorder marks a gap). */
export const LIVE_STEP_S = 2.5;
/** Up to this, a step is one sample's: 1 Hz sampling with its jitter. */
const ONE_SAMPLE_STEP_S = 1.5;
/** What the record ending a longer step stands for: the second before it. */
const RECORD_SPAN_S = 1;

/**
 * The share (0 to 1) at the start of a step that belongs to the sample starting it; the rest
 * belongs to the sample ending it. Judged on the step's measured seconds, not its length: a 1 Hz
 * step across a pause is still one sample's second (0 here), so live runs sum as before.
 */
export const heldShareOf = (measuredS: number): number =>
  measuredS > ONE_SAMPLE_STEP_S ? (measuredS - RECORD_SPAN_S) / measuredS : 0;

/** Measured seconds of a step, split between the sample that starts it and the one that ends it. */
export function ownedSeconds(step: Readonly<StepSeconds>): { byPrevious: number; bySample: number } {
  const byPrevious = step.measuredS * heldShareOf(step.measuredS);
  return { byPrevious, bySample: step.measuredS - byPrevious };
}

export { MIN_MOVING_SPEED_MPS } from './moving-speed.js';

/** Whether the time of a gap counts as moving: never a pause; a break the counter ran through. */
export const gapTimeCounts = (gap: Readonly<SessionGap>): boolean => gap.reason !== 'paused' && (gap.coveredM ?? 0) > 0;

/** The step across one gap that spans it exactly, as the live recorder writes them. */
export function stepAcross(gap: Readonly<SessionGap> | null, fromT: number, toT: number): StepSeconds {
  const dt = Math.max(0, toT - fromT);
  if (gap === null) return { movingS: dt, measuredS: dt };
  return { movingS: gapTimeCounts(gap) ? dt : 0, measuredS: 0 };
}

/** Answers steps asked in time order against a session's gaps, in O(1) amortized per step. */
export class GapCursor {
  readonly #gaps: SessionGap[];
  #next = 0;

  constructor(gaps: readonly SessionGap[]) {
    this.#gaps = [...gaps].sort((a, b) => a.fromT - b.fromT);
  }

  /** Does a gap overlap the step? */
  overlaps(fromT: number, toT: number): boolean {
    this.#skipBefore(fromT);
    return this.#next < this.#gaps.length && this.#gaps[this.#next]!.fromT < toT;
  }

  step(fromT: number, toT: number): StepSeconds {
    this.#skipBefore(fromT);
    const dt = Math.max(0, toT - fromT);
    let movingS = dt;
    let measuredS = dt;
    for (let j = this.#next; j < this.#gaps.length && this.#gaps[j]!.fromT < toT; j++) {
      const gap = this.#gaps[j]!;
      const inside = Math.max(0, Math.min(toT, gap.toT) - Math.max(fromT, gap.fromT));
      measuredS -= inside;
      if (!gapTimeCounts(gap)) movingS -= inside;
    }
    return { movingS: Math.max(0, movingS), measuredS: Math.max(0, measuredS) };
  }

  #skipBefore(fromT: number): void {
    while (this.#next < this.#gaps.length && this.#gaps[this.#next]!.toT <= fromT) this.#next++;
  }
}
