// A stored or restored program, checked field by field: a damaged field becomes null or is left
// out, so one bad value costs that value, not the runner's whole program. Only a value that is
// not a program at all (no version 1, no start time) gives null.

import type {
  ActiveProgramRun,
  DoneSession,
  DoneTest,
  ProgramBlock,
  ProgramPause,
  ProgramState,
  SessionAnswers,
  TargetPercent,
  TestKind,
  TestResult,
} from './program-types.js';
import { targetPercents, testKinds } from './program-types.js';
import { SESSIONS_PER_BLOCK } from './session-plan.js';
import { isTestSpeed } from './test-speed.js';

/** Cadences outside this are not running (the tapped-cadence bounds of the plan). */
const MIN_SPM = 60;
const MAX_SPM = 260;
const MAX_SPEED_MPS = 10;

type Fields = Record<string, unknown>;
const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const inRange = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
const isSpeed = (value: unknown): value is number => inRange(value, 0, MAX_SPEED_MPS) && value > 0;
const isSessionNumber = (value: unknown): value is number => Number.isInteger(value) && inRange(value, 1, SESSIONS_PER_BLOCK);
const listOf = <T>(value: unknown, item: (v: unknown) => T | null): T[] =>
  Array.isArray(value) ? value.map(item).filter((v): v is T => v !== null) : [];
const sessionIdsFrom = (value: unknown): string[] => listOf(value, (v) => (typeof v === 'string' && v !== '' ? v : null));

function testResultFrom(value: unknown): TestResult | null {
  if (!isRecord(value)) return null;
  const { sessionId, atMs, speedMps, cadenceSpm, strideLengthM, keptMinutes, discardedMinutes } = value;
  // A test's speed is a test speed: the later tests of its block are run at it.
  if (typeof sessionId !== 'string' || sessionId === '' || !isTime(atMs) || !isTestSpeed(speedMps)) return null;
  if (!inRange(cadenceSpm, MIN_SPM, MAX_SPM) || !inRange(strideLengthM, 0, 5) || strideLengthM === 0) return null;
  if (!isCount(keptMinutes) || !isCount(discardedMinutes)) return null;
  return { sessionId, atMs, speedMps, cadenceSpm, strideLengthM, keptMinutes, discardedMinutes };
}

function answersFrom(value: unknown): SessionAnswers | null {
  if (!isRecord(value)) return null;
  const { effort, natural } = value;
  return Number.isInteger(effort) && inRange(effort, 1, 10) && Number.isInteger(natural) && inRange(natural, 1, 5) ? { effort, natural } : null;
}

function doneSessionFrom(value: unknown): DoneSession | null {
  if (!isRecord(value)) return null;
  const { n, atMs, mainRunningS, plannedMinutes, cadenceSpm, speedMps, metronomeShare } = value;
  if (!isSessionNumber(n) || !isTime(atMs) || !isTime(mainRunningS) || !inRange(plannedMinutes, 1, 600) || !inRange(metronomeShare, 0, 1)) return null;
  return {
    n,
    sessionIds: sessionIdsFrom(value['sessionIds']),
    atMs,
    mainRunningS,
    plannedMinutes,
    cadenceSpm: inRange(cadenceSpm, MIN_SPM, MAX_SPM) ? cadenceSpm : null,
    speedMps: isSpeed(speedMps) ? speedMps : null,
    metronomeShare,
    answers: answersFrom(value['answers']),
  };
}

const isTestKind = (value: unknown): value is TestKind => testKinds.includes(value as TestKind);

function doneTestFrom(value: unknown): DoneTest | null {
  if (!isRecord(value)) return null;
  const result = testResultFrom(value['result']);
  const kind = value['kind'];
  // A block's own tests are its retention tests; its baseline is `from`.
  return result !== null && isTestKind(kind) && kind !== 'baseline' ? { kind, result } : null;
}

function blockFrom(value: unknown): ProgramBlock | null {
  if (!isRecord(value)) return null;
  const { number, startedAtMs, targetPercent, targetSpm, repeatChosen } = value;
  const from = testResultFrom(value['from']);
  if (!Number.isInteger(number) || !inRange(number, 1, Number.MAX_SAFE_INTEGER) || !isTime(startedAtMs) || from === null) return null;
  if (!targetPercents.includes(targetPercent as TargetPercent) || !Number.isInteger(targetSpm) || !inRange(targetSpm, MIN_SPM, MAX_SPM)) return null;
  const kinds = new Set<TestKind>();
  const tests = listOf(value['tests'], doneTestFrom).filter((t) => !kinds.has(t.kind) && kinds.add(t.kind));
  return {
    number,
    startedAtMs,
    from,
    targetPercent: targetPercent as TargetPercent,
    targetSpm,
    sessions: listOf(value['sessions'], doneSessionFrom),
    tests,
    repeatChosen: typeof repeatChosen === 'boolean' ? repeatChosen : null,
  };
}

function pausesFrom(value: unknown): ProgramPause[] {
  const pauses = listOf(value, (p): ProgramPause | null => {
    if (!isRecord(p) || !isTime(p['fromMs'])) return null;
    const toMs = p['toMs'];
    if (toMs === null) return { fromMs: p['fromMs'], toMs: null };
    return isTime(toMs) && toMs >= p['fromMs'] ? { fromMs: p['fromMs'], toMs } : null;
  }).sort((a, b) => a.fromMs - b.fromMs);
  // Only the newest pause can still be going on.
  return pauses.filter((p, i) => p.toMs !== null || i === pauses.length - 1);
}

function activeFrom(value: unknown): ActiveProgramRun | null {
  if (!isRecord(value)) return null;
  const { kind, test, n, block, startedAtMs, warmUpRunningS, mainRunningS } = value;
  if (!isCount(block) || !isTime(startedAtMs) || !isTime(warmUpRunningS) || !isTime(mainRunningS)) return null;
  const sessionIds = sessionIdsFrom(value['sessionIds']);
  if (kind === 'test' && isTestKind(test) && n === null) {
    const speedMps = value['speedMps'];
    return { kind, test, n: null, block, startedAtMs, sessionIds, warmUpRunningS, mainRunningS, ...(isSpeed(speedMps) ? { speedMps } : {}) };
  }
  if (kind === 'session' && test === null && isSessionNumber(n)) return { kind, test: null, n, block, startedAtMs, sessionIds, warmUpRunningS, mainRunningS };
  return null;
}

/** The program in a stored value, with damaged fields null or left out; null when it is no program. */
export function programStateFrom(value: unknown): ProgramState | null {
  if (!isRecord(value) || value['version'] !== 1 || !isTime(value['createdAtMs'])) return null;
  // Blocks count up; one out of order is damage, not a block to plan from.
  const blocks = listOf(value['blocks'], blockFrom).filter((b, i, all) => all.slice(0, i).every((a) => a.number < b.number));
  return {
    version: 1,
    createdAtMs: value['createdAtMs'],
    // Only a speed withTestSpeed would take: a test at 0.1 m/s is no test.
    testSpeedMps: isTestSpeed(value['testSpeedMps']) ? value['testSpeedMps'] : null,
    baseline: testResultFrom(value['baseline']),
    blocks,
    pauses: pausesFrom(value['pauses']),
    active: activeFrom(value['active']),
  };
}
