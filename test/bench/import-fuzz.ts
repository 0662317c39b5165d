// Ten thousand damaged FIT and TCX files through the app's import path (the default test run does
// fifty, test/export/import-fuzz.test.ts): cases per second, the slowest case, and failures,
// which must be none. Runs inside headless Chromium, bundled the way test/bench/run.mjs does it:
// `window.stridewiseImportFuzz()` resolves to the lines to print.
import { clear } from 'idb-keyval';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
import { CASE_LIMIT_MS, runImportFuzz } from '../export/import-fuzz-checks.js';
import { syntheticSession } from '../store/fixtures.js';

const CASES = 10_000;
const SEED = 0x5eed_f17;

async function importFuzz(): Promise<string[]> {
  useSeparateDatabase('stride-bench-import-fuzz');
  await clear(kvStore());
  await saveSession(syntheticSession({ id: 'kept', seconds: 150, startedAt: Date.UTC(2026, 0, 5) }));
  const report = await runImportFuzz(CASES, SEED, (done) => console.log(`  … ${done} cases`));
  const perSecond = Math.round(report.cases / (report.ms / 1000));
  const lines = [
    `Import fuzz: ${report.cases.toLocaleString('en')} mutated FIT and TCX files through readRunFile and importRunFiles (seed 0x${SEED.toString(16)}):`,
    `  ${(report.ms / 1000).toFixed(1)} s, ${perSecond} cases/s; ${report.accepted} read, ${report.refused} refused in words`,
    `  slowest read or import ${Math.round(report.slowest.ms)} ms (limit ${CASE_LIMIT_MS} ms): ${report.slowest.name}`,
    `  failures: ${report.failures.length}`,
    ...report.failures.slice(0, 20).map((f) => `    ${f}`),
  ];
  if (report.failures.length > 0) throw new Error(lines.join('\n'));
  return lines;
}

(window as unknown as { stridewiseImportFuzz: () => Promise<string[]> }).stridewiseImportFuzz = importFuzz;
