// Invariant: adding running power to a run leaves every other figure unchanged. The same pod
// readings (steady 1 s or irregular steps, running and walking, a pause and a lap) go to two live
// sessions, one of them also fed Cycling Power packets between the rows (none, one or several
// before a row, any watts a pod may send, malformed ones too); each is recorded, and the recorded
// run is written to FIT and TCX and read back. Every column but powerW, the zone times, the run's
// meta and summary, and the files' other columns are the same with or without power.

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { decodeFit, encodeFit } from '../../src/export/fit.js';
import { decodeTcx, encodeTcx } from '../../src/export/tcx.js';
import { LiveSession } from '../../src/session/live-session.js';
import { ingestPower } from '../../src/session/power-ingest.js';
import { type RecordedColumns, recordedColumnNames } from '../../src/session/recorded-session.js';
import { Recorder } from '../../src/session/recorder.js';
import { columnNames } from '../../src/session/sample-columns.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { invariantRuns } from '../support/invariant-runs.js';
import { powerBytes } from './sensor-bytes.js';

interface Row {
  stepMs: number;
  speed256: number;
  cadence: number;
  running: boolean;
  /** Power packets before this row: watts, or null for one too short to read. */
  power: (number | null)[];
  press: 'pause' | 'resume' | 'lap' | null;
}

const row: fc.Arbitrary<Row> = fc.record({
  stepMs: fc.oneof(fc.constant(1000), fc.integer({ min: 250, max: 3000 })),
  speed256: fc.integer({ min: 0, max: 6 * 256 }),
  cadence: fc.integer({ min: 0, max: 210 }),
  running: fc.boolean(),
  power: fc.array(fc.option(fc.integer({ min: -50, max: 900 }), { nil: null, freq: 8 }), { maxLength: 3 }),
  press: fc.option(fc.constantFrom('pause' as const, 'resume' as const, 'lap' as const), { nil: null, freq: 6 }),
});

const START = Date.UTC(2026, 11, 7, 6, 0);
const podView = (r: Row) => {
  const bytes = encodeRscMeasurement({ speedMps: r.speed256 / 256, cadence: r.cadence, strideLengthM: null, totalDistanceM: null, isRunning: r.running });
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
};

function record(rows: readonly Row[], withPower: boolean) {
  const live = new LiveSession(defaultCadenceZones);
  let nowMs = START;
  const recorder = new Recorder({ zones: defaultCadenceZones, id: 'run', now: () => nowMs, deviceName: 'Stryd' });
  recorder.start();
  let timeMs = 0;
  for (const r of rows) {
    if (withPower) for (const watts of r.power) ingestPower(live, watts === null ? new DataView(new ArrayBuffer(3)) : powerBytes(watts));
    if (r.press === 'pause') recorder.pause();
    if (r.press === 'resume') recorder.resume();
    if (r.press === 'lap') recorder.lap();
    timeMs += r.stepMs;
    nowMs += r.stepMs;
    live.ingest(podView(r), timeMs);
    recorder.addReading(live.latest!);
  }
  recorder.stop();
  return { live, session: { meta: recorder.meta(), samples: recorder.samples } };
}

/** Columns equal value for value (NaN equal to NaN), powerW left out. */
function expectSameColumns(a: RecordedColumns, b: RecordedColumns, where: string): void {
  for (const name of recordedColumnNames) {
    if (name === 'powerW') continue;
    expect(Array.from(a[name]), `${where}: ${name}`).to.deep.equal(Array.from(b[name]));
  }
}

describe('Running power never shifts the other figures of a run', () => {
  it('live rows, zone times, the recorded run and its summary, and the FIT and TCX files are the same with power added', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 40 }), (rows) => {
        const without = record(rows, false);
        const withPower = record(rows, true);
        for (const name of columnNames) {
          if (name === 'powerW') continue;
          expect(Array.from(withPower.live.samples.column(name)), `live ${name}`).to.deep.equal(Array.from(without.live.samples.column(name)));
        }
        expect(withPower.live.zoneTimes).to.deep.equal(without.live.zoneTimes);
        const { powerW: _p, ...latest } = withPower.live.latest!;
        const { powerW: _q, ...latestWithout } = without.live.latest!;
        expect(latest).to.deep.equal(latestWithout);
        expect(withPower.session.meta, 'meta and summary').to.deep.equal(without.session.meta);
        expectSameColumns(withPower.session.samples, without.session.samples, 'recorded');
        if (without.session.samples.t.length === 0) return;
        expectSameColumns(decodeFit(encodeFit(withPower.session)).samples, decodeFit(encodeFit(without.session)).samples, 'FIT');
        const [tcxWith, tcxWithout] = [decodeTcx(encodeTcx(withPower.session)), decodeTcx(encodeTcx(without.session))];
        expectSameColumns(tcxWith.samples, tcxWithout.samples, 'TCX');
        expect(tcxWith.gaps).to.deep.equal(tcxWithout.gaps);
      }),
      { numRuns: invariantRuns(60) },
    );
  });
});
