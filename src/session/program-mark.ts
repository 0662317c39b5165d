// A program mark read back from storage or a backup is checked field by field: History and Weeks
// name a run by it ("Program 5/8", "Baseline test"), so a damaged one would show an empty or
// "undefined" tag. A damaged mark is dropped; the run itself stays, as an ordinary run.

import type { ProgramMark } from './recorded-session.js';

const testKinds: readonly (ProgramMark['test'] & string)[] = ['baseline', 'end-of-block', 'one-week', 'four-weeks'];
/** The sessions of a block, 1-8 (kept here so the session layer does not reach into the program's). */
const SESSIONS = 8;

const timeOrNull = (value: unknown): boolean => value === null || (typeof value === 'number' && Number.isFinite(value));

/** The mark when every field is one a program run can have; null otherwise. */
export function programMarkFrom(value: unknown): ProgramMark | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kind, test, n, block, mainFromT, mainToT } = value as Record<string, unknown>;
  if (!Number.isSafeInteger(block) || (block as number) < 0) return null;
  if (!timeOrNull(mainFromT) || !timeOrNull(mainToT)) return null;
  const testOk = kind === 'test' && testKinds.includes(test as (typeof testKinds)[number]) && n === null;
  const sessionOk = kind === 'session' && test === null && Number.isSafeInteger(n) && (n as number) >= 1 && (n as number) <= SESSIONS;
  if (!testOk && !sessionOk) return null;
  return { kind, test, n, block, mainFromT, mainToT } as ProgramMark;
}

/** The same details, with a damaged program mark left out (and none added where there was none). */
export function withValidProgramMark<T extends { program?: ProgramMark }>(meta: T): T {
  if (meta.program === undefined) return meta;
  const mark = programMarkFrom(meta.program);
  if (mark !== null) return meta;
  const { program: _, ...rest } = meta;
  return rest as T;
}
