// The program's transitions: each takes the stored state and returns the next one, never changing
// the one it was given, so the service can store exactly what it shows and a reload resumes it.

import { RETENTION_TESTS, blockSource, canStartBlock } from './block-start.js';
import type {
  ActiveProgramRun,
  DoneSession,
  ProgramBlock,
  ProgramState,
  ScheduleItem,
  SessionAnswers,
  TargetPercent,
  TestKind,
  TestResult,
} from './program-types.js';
import type { TestOutcome } from './test-result.js';
import { blockTarget, nextBlockTarget } from './targets.js';
import { TEST_SPEED_MAX_MPS, TEST_SPEED_MIN_MPS, isTestSpeed } from './test-speed.js';

export { programStateFrom } from './program-state-from.js';
export { needsNewBaseline, canStartBlock, blockSource } from './block-start.js';

export { TEST_SPEED_MAX_MPS, TEST_SPEED_MIN_MPS, testSpeedFor } from './test-speed.js';

export function newProgram(nowMs: number): ProgramState {
  return { version: 1, createdAtMs: nowMs, testSpeedMps: null, baseline: null, blocks: [], pauses: [], active: null };
}

/**
 * The speed of the next new baseline. Tests already planned keep the speed of the baseline their
 * block began from (`testSpeedFor`): a retention test at another speed says nothing about the change.
 */
export function withTestSpeed(state: ProgramState, speedMps: number): ProgramState {
  if (!isTestSpeed(speedMps)) {
    throw new RangeError(`A test speed is ${TEST_SPEED_MIN_MPS} to ${TEST_SPEED_MAX_MPS} m/s, not ${speedMps}`);
  }
  return { ...state, testSpeedMps: speedMps };
}

export function withRunStarted(state: ProgramState, item: ScheduleItem, nowMs: number): ProgramState {
  const active: ActiveProgramRun = {
    kind: item.kind,
    test: item.kind === 'test' ? item.test : null,
    n: item.kind === 'session' ? item.n : null,
    block: item.block,
    startedAtMs: nowMs,
    sessionIds: [],
    warmUpRunningS: 0,
    mainRunningS: 0,
    ...(item.kind === 'test' ? { speedMps: item.speedMps } : {}),
  };
  return { ...state, active };
}

export function withProgress(state: ProgramState, warmUpRunningS: number, mainRunningS: number): ProgramState {
  if (state.active === null) return state;
  return { ...state, active: { ...state.active, warmUpRunningS, mainRunningS } };
}

const replaceLastBlock = (state: ProgramState, change: (block: ProgramBlock) => ProgramBlock): ProgramState => {
  const last = state.blocks.at(-1);
  if (last === undefined) throw new Error('The program has no block yet');
  return { ...state, blocks: [...state.blocks.slice(0, -1), change(last)] };
};

/** The test the program is waiting for: a baseline before and after blocks, else the last block's next retention test. */
function pendingTest(state: ProgramState): TestKind {
  const last = state.blocks.at(-1);
  if (last === undefined || state.baseline !== null || last.tests.length >= RETENTION_TESTS) return 'baseline';
  const taken = new Set(last.tests.map((t) => t.kind));
  return (['end-of-block', 'one-week', 'four-weeks'] as const).find((kind) => !taken.has(kind)) ?? 'baseline';
}

/** An invalid test records nothing: it stays planned, to be taken again. */
export function withTestDone(state: ProgramState, outcome: TestOutcome, sessionId: string): ProgramState {
  const finished = { ...state, active: null };
  if (!outcome.ok) return finished;
  const kind = state.active?.kind === 'test' && state.active.test !== null ? state.active.test : pendingTest(state);
  const result: TestResult = { ...outcome.result, sessionId };
  if (kind === 'baseline') return { ...finished, baseline: result };
  return replaceLastBlock(finished, (block) => ({ ...block, tests: [...block.tests, { kind, result }] }));
}

export function withSessionDone(state: ProgramState, done: Omit<DoneSession, 'answers'>): ProgramState {
  // The repeat the runner chose (if any) is now run; the next session's rule starts afresh.
  return replaceLastBlock({ ...state, active: null }, (block) => ({ ...block, sessions: [...block.sessions, { ...done, answers: null }], repeatChosen: null }));
}

export function withRunCancelled(state: ProgramState): ProgramState {
  return { ...state, active: null };
}

export function withAnswers(state: ProgramState, block: number, index: number, answers: SessionAnswers): ProgramState {
  const { effort, natural } = answers;
  if (!Number.isInteger(effort) || effort < 1 || effort > 10) throw new RangeError(`Effort is 1 to 10, not ${effort}`);
  if (!Number.isInteger(natural) || natural < 1 || natural > 5) throw new RangeError(`How natural it felt is 1 to 5, not ${natural}`);
  const at = state.blocks.findIndex((b) => b.number === block);
  const target = state.blocks[at];
  if (target === undefined || target.sessions[index] === undefined) throw new RangeError(`Block ${block} has no session ${index + 1}`);
  const sessions = target.sessions.map((s, i) => (i === index ? { ...s, answers: { effort, natural } } : s));
  return { ...state, blocks: state.blocks.map((b, i) => (i === at ? { ...b, sessions } : b)) };
}

export function withRepeatChoice(state: ProgramState, repeat: boolean): ProgramState {
  return replaceLastBlock(state, (block) => ({ ...block, repeatChosen: repeat }));
}

/**
 * A new block from the newest baseline (target at most `percent` above it, from that baseline
 * alone), or from the last block's held retention test (the next step: at most 5 % above the held
 * cadence and at most 5 % above the last block's target). Throws when no fresh test allows one:
 * the page offers a block only when `canStartBlock` says so.
 */
export function withBlockStarted(state: ProgramState, percent: TargetPercent, nowMs: number): ProgramState {
  const source = blockSource(state);
  if (source === null || !canStartBlock(state, nowMs)) throw new Error('No fresh test to start a block from: take a baseline test first');
  const last = state.blocks.at(-1);
  // A new baseline (after a change that faded, or a test too old) starts afresh from where the
  // runner is today: an older target must not hold it below the cadence they already run.
  const startSpm = source.from.cadenceSpm;
  const targetSpm = source.lastTargetSpm !== null ? nextBlockTarget(source.lastTargetSpm, startSpm) : blockTarget(startSpm, percent);
  const block: ProgramBlock = {
    number: (last?.number ?? 0) + 1,
    startedAtMs: nowMs,
    from: source.from,
    targetPercent: percent,
    targetSpm,
    sessions: [],
    tests: [],
    repeatChosen: null,
  };
  return { ...state, baseline: null, blocks: [...state.blocks, block] };
}

export function withPaused(state: ProgramState, nowMs: number): ProgramState {
  if (state.pauses.at(-1)?.toMs === null) return state;
  return { ...state, pauses: [...state.pauses, { fromMs: nowMs, toMs: null }] };
}

export function withResumed(state: ProgramState, nowMs: number): ProgramState {
  const last = state.pauses.at(-1);
  if (last === undefined || last.toMs !== null) return state;
  return { ...state, pauses: [...state.pauses.slice(0, -1), { fromMs: last.fromMs, toMs: Math.max(nowMs, last.fromMs) }] };
}

