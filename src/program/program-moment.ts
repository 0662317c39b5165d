// Where a program run is, from its running seconds alone (the caller counts them: walking,
// standing and paused seconds left out), so a reload that restores the running seconds restores
// the phase, the feedback block and the metronome exactly where they were.

import { feedbackBlockAt, feedbackBlocks } from './feedback-fading.js';
import type { ProgramMoment } from './program-types.js';
import { metronomeShare, sessionMinutes, TEST_S, WARM_UP_S } from './session-plan.js';

export interface ProgramRun {
  kind: 'test' | 'session';
  /** The session's number (1-8); null for a test. */
  n: number | null;
}

/** Running seconds of the main part: a session's minutes at target, or the five-minute test. */
export function mainSecondsOf(run: ProgramRun): number {
  if (run.kind === 'test') return TEST_S;
  if (run.n === null) throw new RangeError('A program session needs its number');
  return sessionMinutes(run.n) * 60;
}

/**
 * The moment after `runningS` running seconds. Phases: warm-up for [0, WARM_UP_S), the main part
 * for the next mainSeconds, cool-down after. A test has no feedback blocks (block and blocks 0);
 * a session's `blocks` is its main part's count in every phase, `block` is 0 outside the main part.
 */
export function programMoment(run: ProgramRun, runningS: number): ProgramMoment {
  const mainS = mainSecondsOf(run);
  const cueFree = run.kind === 'test';
  const blocks = cueFree ? [] : feedbackBlocks(mainS, metronomeShare(run.n!));
  const s = Number.isFinite(runningS) ? Math.max(0, runningS) : 0;
  const quiet = { block: 0, blocks: blocks.length, metronomeOn: false, bandwidthCues: false, cueFree };

  if (s < WARM_UP_S) return { phase: 'warm-up', mainDoneS: 0, mainLeftS: mainS, ...quiet };
  const doneS = s - WARM_UP_S;
  if (doneS >= mainS) return { phase: 'cool-down', mainDoneS: mainS, mainLeftS: 0, ...quiet };

  const index = feedbackBlockAt(blocks, doneS);
  const metronomeOn = blocks[index]?.metronome ?? false;
  return {
    phase: 'main',
    mainDoneS: doneS,
    mainLeftS: mainS - doneS,
    block: index + 1,
    blocks: blocks.length,
    metronomeOn,
    bandwidthCues: !cueFree && !metronomeOn,
    cueFree,
  };
}
