// The watch invariants (test/export/watch-invariants.ts) over many more generated runs than the
// default test run's 20 each: smart recording against every second through FIT and TCX, and the
// page against our exports' re-imports. Runs inside headless Chromium, bundled the way
// test/bench/run.mjs does it: `window.stridewiseWatchInvariants()` resolves to the lines to print.
import fc from 'fast-check';
import { pageExportsAndReimportsAgree, smartRecordingAgreesInFit, smartRecordingAgreesInTcx } from '../export/watch-invariants.js';

const RUNS = 1000;
const SEED = 0x16_5a7;

async function watchInvariants(): Promise<string[]> {
  const lines = [`Watch invariants over ${RUNS.toLocaleString('en')} generated runs each (seed 0x${SEED.toString(16)}):`];
  for (const [name, property] of [
    ['smart recording against every second, FIT', smartRecordingAgreesInFit],
    ['smart recording against every second, TCX', smartRecordingAgreesInTcx],
    ['page against our FIT and TCX re-imported', pageExportsAndReimportsAgree],
  ] as const) {
    const started = performance.now();
    const result = fc.check(property as fc.IProperty<unknown>, { numRuns: RUNS, seed: SEED });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.failed) {
      const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
      throw new Error(`${name}: failed after ${result.numRuns} runs (${seconds} s) on ${JSON.stringify(result.counterexample)}: ${error}`);
    }
    lines.push(`  ${name}: held, ${seconds} s`);
  }
  return lines;
}

(window as unknown as { stridewiseWatchInvariants: () => Promise<string[]> }).stridewiseWatchInvariants = watchInvariants;
