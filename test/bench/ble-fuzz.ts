// The million-packet fuzz of the RSC, Treadmill Data, Heart Rate Measurement and Cycling Power
// Measurement parsers (the default test run does 10 000 of each and `npm run bench -- invariants` 100 000, test/ble/rsc.property.test.ts,
// ftms-heart-rate.property.test.ts and cycling-power.property.test.ts), and each parser's
// throughput on its own. Runs inside headless Chromium, bundled the way test/bench/run.mjs does
// it: `window.stridewiseBleFuzz()` resolves to the lines to print.
import fc from 'fast-check';
import { parseTreadmillData } from '../../src/ble/ftms-treadmill.js';
import { parseHeartRateMeasurement } from '../../src/ble/heart-rate.js';
import { parseCyclingPowerMeasurement } from '../../src/ble/cycling-power.js';
import { checkCyclingPowerPacket, cyclingPowerPackets } from '../ble/cycling-power-fuzz-checks.js';
import { fuzzRsc } from '../ble/rsc-fuzz-checks.js';
import { checkHeartRatePacket, checkTreadmillPacket, fuzz, heartRatePackets, treadmillPackets } from '../ble/fuzz-checks.js';

const RUNS = 1_000_000;

const perSecond = (count: number, ms: number): string => `${Math.round(count / (ms / 1000)).toLocaleString('en')}/s`;

/** Parses the same sampled packets over and over: the parser's own cost, errors included. */
function throughput(packets: fc.Arbitrary<Uint8Array>, parse: (view: DataView) => unknown, seed: number): { all: string; valid: string } {
  const views = fc.sample(packets, { numRuns: 10_000, seed }).map((bytes) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const valid = views.filter((view) => {
    try {
      parse(view);
      return true;
    } catch {
      return false;
    }
  });
  const time = (set: DataView[]): string => {
    let started = performance.now();
    for (let i = 0; i < RUNS; i++) {
      try {
        parse(set[i % set.length]!);
      } catch {
        // Rejections are part of the workload.
      }
    }
    return perSecond(RUNS, performance.now() - started);
  };
  return { all: time(views), valid: time(valid) };
}

async function bleFuzz(): Promise<string[]> {
  // Errors thrown under a deep async stack cost far more with DevTools attached.
  await Promise.resolve();
  const lines = [`Random packets through the RSC, FTMS treadmill, heart-rate and cycling power parsers (${RUNS.toLocaleString('en')} each):`];
  {
    const started = performance.now();
    const report = fuzzRsc(RUNS);
    const ms = performance.now() - started;
    lines.push(
      `  ${'RSC (all four parsers)'.padEnd(28)} ${report.runs.toLocaleString('en')} checked in ${(ms / 1000).toFixed(1)} s (${perSecond(report.runs, ms)}), ` +
        `${report.locationLists.toLocaleString('en')} location lists: ${report.failure === null ? 'no failure' : `FAILED: ${report.failure}`}`,
    );
    if (report.failure !== null) throw new Error(report.failure);
  }
  for (const [name, packets, check, parse, seed] of [
    ['parseTreadmillData', treadmillPackets, checkTreadmillPacket, parseTreadmillData, 0x2acd],
    ['parseHeartRateMeasurement', heartRatePackets, checkHeartRatePacket, parseHeartRateMeasurement, 0x2a37],
    ['parseCyclingPowerMeasurement', cyclingPowerPackets, checkCyclingPowerPacket, parseCyclingPowerMeasurement, 0x2a63],
  ] as const) {
    const started = performance.now();
    const report = fuzz(packets, check, RUNS, seed + 1_000);
    const ms = performance.now() - started;
    const verdict = report.failure === null ? 'no failure' : `FAILED: ${report.failure}`;
    lines.push(
      `  ${name.padEnd(28)} ${report.runs.toLocaleString('en')} checked in ${(ms / 1000).toFixed(1)} s (${perSecond(report.runs, ms)} with generation and reference), ` +
        `${report.accepted.toLocaleString('en')} accepted, ${report.rejected.toLocaleString('en')} rejected: ${verdict}`,
    );
    const speed = throughput(packets, parse, seed);
    lines.push(`  ${''.padEnd(28)} parser alone: ${speed.all} on the random mix, ${speed.valid} on its valid packets`);
    if (report.failure !== null) throw new Error(report.failure);
  }
  return lines;
}

(window as unknown as { stridewiseBleFuzz: () => Promise<string[]> }).stridewiseBleFuzz = bleFuzz;
