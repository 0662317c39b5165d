// When the metronome plays in a session's main part. Feedback that stays on throughout is learnt
// least well once it is gone, and none at all is learnt least of all (Crowell and Davis 2010;
// Davis et al. 2020): so the last sessions play it for less each time, in blocks of a few minutes
// (never under two), always starting with it on, so the runner hears the rhythm before keeping it alone.

/** One stretch of the main part, in its running seconds: [fromS, toS). */
export interface FeedbackBlock {
  fromS: number;
  toS: number;
  metronome: boolean;
}

/** The main part of a faded session always begins with the metronome on for this long. */
export const FIRST_ON_S = 180;
/**
 * After the first minutes each ON stretch lasts at least this long: a block of a few minutes the
 * runner can settle into, not a few bars of the metronome between long silences.
 */
export const MIN_ON_S = 120;
/** How long one ON-then-OFF cycle lasts when its ON part is longer than MIN_ON_S anyway. */
const CYCLE_S = 240;

/**
 * The main part's stretches, contiguous from 0 to `mainS`, neighbours never the same (two ON
 * stretches side by side are one block to the runner). The ON time adds up to exactly
 * share × mainS: the first FIRST_ON_S seconds (or the whole ON time, when the share is smaller
 * than that), then equal cycles, each ON first for the same part r of itself (r: the share of the
 * rest that keeps the total exact). A cycle is ON for max(MIN_ON_S, r × 4 min), so it lasts that
 * over r; the rest holds a whole number of them (rounded, but never so many that the ON parts fall
 * under MIN_ON_S: only a rest too short for one full cycle plays less).
 */
/** Shorter than any second the runner could hear: a rounding residue, not a block. */
const SLIVER_S = 1e-3;

export function feedbackBlocks(mainS: number, share: number): FeedbackBlock[] {
  if (!Number.isFinite(mainS) || !(mainS > 0)) return [];
  if (Number.isNaN(share)) throw new RangeError('The metronome share is not a number');
  if (share >= 1) return [{ fromS: 0, toS: mainS, metronome: true }];
  if (share <= 0) return [{ fromS: 0, toS: mainS, metronome: false }];

  const onS = share * mainS;
  const firstS = Math.min(FIRST_ON_S, onS);
  const restS = mainS - firstS;
  // The share of each cycle that makes the total ON time exact, whatever the first minutes took.
  const cycleShare = restS > 0 ? (onS - firstS) / restS : 0;
  let cycles = 1;
  if (cycleShare > 0) {
    const cycleOnS = Math.max(MIN_ON_S, cycleShare * CYCLE_S);
    cycles = Math.max(1, Math.round(restS / (cycleOnS / cycleShare)));
    if (cycles > 1 && (cycleShare * restS) / cycles < MIN_ON_S) cycles -= 1;
  }
  const cycleS = restS / cycles;

  const blocks: FeedbackBlock[] = [];
  const add = (fromS: number, toS: number, metronome: boolean): void => {
    if (!(toS > fromS)) return;
    const last = blocks[blocks.length - 1];
    // A sliver left by float arithmetic (a share a hair under 1) is no block: its neighbour takes it.
    if (toS - fromS < SLIVER_S && last) {
      last.toS = toS;
      return;
    }
    if (last?.metronome === metronome) last.toS = toS;
    else blocks.push({ fromS, toS, metronome });
  };
  add(0, firstS, true);
  for (let k = 0; k < cycles; k++) {
    const fromS = firstS + k * cycleS;
    const toS = k === cycles - 1 ? mainS : firstS + (k + 1) * cycleS;
    const onToS = Math.min(toS, fromS + cycleShare * cycleS);
    add(fromS, onToS, true);
    add(onToS, toS, false);
  }
  return blocks;
}

/** The block holding running second `mainS` of the main part (the last one at its end and after). */
export function feedbackBlockAt(blocks: readonly FeedbackBlock[], mainS: number): number {
  if (blocks.length === 0) return -1;
  const index = blocks.findIndex((block) => mainS < block.toS);
  return index === -1 ? blocks.length - 1 : index;
}

/** Whether the metronome plays at running second `mainS` of the main part. */
export function metronomeOnAt(blocks: readonly FeedbackBlock[], mainS: number): boolean {
  return blocks[feedbackBlockAt(blocks, mainS)]?.metronome ?? false;
}
