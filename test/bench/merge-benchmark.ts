// What merging three sensors costs: 3 hours of 1 Hz data (10,800 s) as bytes from a footpod (RSC),
// a treadmill (FTMS Treadmill Data) and a heart-rate strap, through one LiveSession with
// calibration, the treadmill as the source of speed and automatic calibration learning. The
// bytes are made before the clock starts, so the figure is parsing and merging only.

import { encodeTreadmillData } from '../../src/ble/ftms-treadmill-encode.js';
import { emptyTreadmillData } from '../../src/ble/ftms-treadmill.js';
import { encodeHeartRateMeasurement } from '../../src/ble/heart-rate-encode.js';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { LiveSession } from '../../src/session/live-session.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { ingestHeartRate, ingestTreadmill } from '../../src/session/sensor-ingest.js';

const SECONDS = 3 * 3600;
const RUNS = 5;

interface SecondOfBytes {
  pod: DataView;
  treadmill: DataView;
  heartRate: DataView;
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function threeHoursOfBytes(): SecondOfBytes[] {
  let podM = 0;
  let beltM = 0;
  return Array.from({ length: SECONDS }, (_, s) => {
    const belt = 2.5 + 1.5 * ((Math.floor(s / 600) % 3) / 2); // 2.5, 3.25, 4 m/s in 10-minute blocks
    const podMps = belt * 1.06 * (1 + 0.01 * Math.sin(s / 7));
    podM += podMps;
    beltM += belt;
    return {
      pod: view(encodeRscMeasurement({ speedMps: podMps, cadence: 170 + (s % 9), strideLengthM: null, totalDistanceM: podM, isRunning: true })),
      treadmill: view(
        encodeTreadmillData({
          ...emptyTreadmillData(),
          speedMps: belt,
          totalDistanceM: Math.round(beltM),
          inclinationPercent: 1,
          elapsedTimeS: s,
        }),
      ),
      heartRate: view(encodeHeartRateMeasurement({ heartRateBpm: 140 + (s % 20), sensorContact: 'detected', energyExpendedKj: null, rrIntervalsS: [0.42] })),
    };
  });
}

function mergeOnce(data: readonly SecondOfBytes[], podOnly: boolean): number {
  const session = new LiveSession(defaultCadenceZones);
  session.setCalibration([{ podSpeedMps: 3, factor: 0.95 }]);
  if (!podOnly) session.setSpeedFrom('treadmill');
  const started = performance.now();
  for (let s = 0; s < data.length; s++) {
    const second = data[s]!;
    if (!podOnly) {
      ingestTreadmill(session, second.treadmill, s * 1000 + 3);
      ingestHeartRate(session, second.heartRate);
    }
    session.ingest(second.pod, s * 1000 + 11);
  }
  const ms = performance.now() - started;
  if (session.samples.length !== data.length) throw new Error(`merge benchmark: ${session.samples.length} rows for ${data.length} s`);
  if (!podOnly && !Number.isFinite(session.samples.at('heartRate', data.length - 1))) throw new Error('merge benchmark: the strap did not join');
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function mergeBenchmark(): Promise<string[]> {
  const data = threeHoursOfBytes();
  mergeOnce(data, false); // warm up the JIT
  const lines = ['Merging sensors in LiveSession (3 h = 10,800 s of bytes, median of 5 runs):'];
  for (const podOnly of [false, true]) {
    const times = Array.from({ length: RUNS }, () => mergeOnce(data, podOnly));
    const ms = median(times);
    lines.push(
      `  ${podOnly ? 'footpod alone (for comparison)' : 'footpod + treadmill + strap   '}: ${((ms * 1000) / SECONDS).toFixed(2)} µs per second of data, ` +
        `${ms.toFixed(1)} ms in all (runs ${times.map((t) => t.toFixed(1)).join(', ')} ms)`,
    );
  }
  return lines;
}

(window as unknown as { stridewiseMergeBench: () => Promise<string[]> }).stridewiseMergeBench = mergeBenchmark;
