// One import fuzz run, shared by the test (a few hundred cases) and the bench (ten thousand).
// Each damaged file goes through the reader and then through the app's whole import path
// (importRunFiles: read, summarize, save), and the run fails a case when:
//   - the reader throws anything but an ImportError (a crash, not a refusal in words),
//   - the reader (on the page, DOMParser) and the import (in the worker, xml-tree.ts) differ on reading
//     it, or refuse it in different words,
//   - importRunFiles rejects (the importer must answer with an outcome, never throw),
//   - a refused file changed the store by a single byte (snapshotStore before and after),
//   - an accepted file left anything but its own new session, or a run with non-finite times,
//   - one case took longer than the time limit (a hang, or a file that costs far too much).

import { importRunFiles } from '../../src/services/data-files.js';
import { ImportError } from '../../src/export/import-error.js';
import { readRunFile } from '../../src/export/read-run-file.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { deleteSession, listSessions } from '../../src/store/session-store.js';
import { snapshotStore } from '../store/fixtures.js';
import { type MutatedFile, importMutations, seedFiles } from './import-mutations.js';

/**
 * The most one import may take: the reader alone, and the app's import path alone, are each held to
 * it (a runner imports a file once; the fuzz does it twice to check both). Above the slowest case
 * measured on a busy 2-core machine (a 1.6 MB TCX, about 1.1 s a read; a FIT file at the record
 * limit, about 2 s); a slower one is a hang or a file that costs far too much.
 */
export const CASE_LIMIT_MS = 5_000;

export interface FuzzReport {
  cases: number;
  accepted: number;
  refused: number;
  ms: number;
  slowest: { name: string; ms: number };
  failures: string[];
}

function sameExcept(before: Record<string, string>, after: Record<string, string>, ignored: (key: string) => boolean): boolean {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].every((key) => ignored(key) || before[key] === after[key]);
}

async function checkCase(file: MutatedFile, report: FuzzReport): Promise<void> {
  const fail = (why: string): void => void report.failures.push(`${file.name}: ${why}`);
  const started = performance.now();
  let readable = false;
  let refusal = '';
  try {
    // Named as the import's below, so a refusal that names the file's extension says it alike.
    const run = await readRunFile(new File([file.bytes as Uint8Array<ArrayBuffer>], 'mutated.fit'));
    readable = true;
    if (!Number.isFinite(run.startedAt)) fail(`read with a start of ${run.startedAt}`);
    if (!run.samples.t.every((t, i, all) => Number.isFinite(t) && (i === 0 || t >= all[i - 1]!))) fail('read with times out of order or not finite');
  } catch (error) {
    refusal = error instanceof Error ? error.message : String(error);
    if (!(error instanceof ImportError)) fail(`reader threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
  const read = performance.now() - started;

  const before = await snapshotStore();
  const sessionsBefore = new Set((await listSessions()).map((s) => s.id));
  const importStarted = performance.now();
  let outcome;
  try {
    [outcome] = await importRunFiles([new File([file.bytes as Uint8Array<ArrayBuffer>], 'mutated.fit')], defaultCadenceZones);
  } catch (error) {
    fail(`importRunFiles threw ${String(error)}`);
    return;
  }
  const imported = performance.now() - importStarted;
  const ms = Math.max(read, imported);
  if (ms > report.slowest.ms) report.slowest = { name: file.name, ms };
  if (read > CASE_LIMIT_MS) fail(`the reader took ${Math.round(read)} ms (limit ${CASE_LIMIT_MS} ms)`);
  if (imported > CASE_LIMIT_MS) fail(`the import took ${Math.round(imported)} ms (limit ${CASE_LIMIT_MS} ms)`);
  const after = await snapshotStore();
  if (!outcome?.ok) {
    report.refused++;
    if (readable) fail(`the reader accepted it but the import refused it: ${outcome?.message}`);
    else if (outcome && outcome.message !== refusal) fail(`the reader refused it with “${refusal}”, the import with “${outcome.message}”`);
    if (!sameExcept(before, after, () => false)) fail('a refused file changed the store');
    return;
  }
  report.accepted++;
  // The import reads in a worker with its own XML parser (xml-tree.ts); the reader above, on the page, with DOMParser.
  if (!readable) fail('the reader refused it but the import read it');
  const added = (await listSessions()).filter((s) => !sessionsBefore.has(s.id));
  if (added.length !== 1) {
    fail(`an accepted file added ${added.length} sessions`);
    return;
  }
  const id = added[0]!.id;
  if (!sameExcept(before, after, (key) => key === '"sessions"' || key.startsWith(`"session/${id}/`))) {
    fail('an accepted file changed stored data other than its own session');
  }
  await deleteSession(id);
  if (!sameExcept(before, await snapshotStore(), () => false)) fail('the store differs after deleting the imported session again');
}

/** Runs `count` cases from `seed`; `onProgress` is told every 500 cases. */
export async function runImportFuzz(count: number, seed: number, onProgress?: (done: number) => void): Promise<FuzzReport> {
  const report: FuzzReport = { cases: 0, accepted: 0, refused: 0, ms: 0, slowest: { name: '', ms: 0 }, failures: [] };
  const cases = importMutations(seedFiles(), seed);
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    await checkCase(cases.next().value as MutatedFile, report);
    report.cases++;
    if (onProgress && report.cases % 500 === 0) onProgress(report.cases);
  }
  report.ms = performance.now() - started;
  return report;
}
