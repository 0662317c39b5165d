// Invariant: the order in which the pod, the strap and the treadmill notify within a second does
// not change the merged 1 Hz timeline beyond one sample. Over generated runs (test/support/
// generated-sensor-streams.ts: walking and running spells, dropouts, link losses, split treadmill
// records, a strap losing contact, the speed from the pod or the belt), the same notifications are
// fed to two live sessions, each second's in a different order, and the recorded rows compared:
// the pod's own columns are the same, every value of a sensor's channel is one the other order has
// a row before or after (or one missing sample), and the distance is the other's a row before or
// after, give or take a row's metres (and the metre the belt's whole-metre count may be off), and a
// row's more for each splice between the pod and the belt and each new belt speed.
// A deliberate mutation that adds the pod's stand-in metres on top of the treadmill's late count
// (speed-distance-merge.ts) fails it within a few dozen runs.

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseTreadmillData } from '../../src/ble/ftms-treadmill.js';
import { parseHeartRateMeasurement } from '../../src/ble/heart-rate.js';
import { factorAt } from '../../src/session/calibration.js';
import { LiveSession } from '../../src/session/live-session.js';
import { FRESH_POD_ROWS } from '../../src/session/sensor-channels.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import {
  type GeneratedSensorRun,
  type SecondOfNotifications,
  type Sensor,
  feed,
  generatedSensorRuns,
  podFirst,
  sensorsFirst,
} from '../support/generated-sensor-streams.js';
import { invariantRuns } from '../support/invariant-runs.js';

/** Across both orders compared; about 3 s in all. */
const RUNS = 150;

type Order = (second: SecondOfNotifications) => readonly Sensor[];
const orders: Record<string, Order> = {
  'sensors before the pod': sensorsFirst,
  'the pod first': podFirst,
  'as generated': (second) => second.interleaving,
};

const channels = ['heartRate', 'treadmillSpeedMps', 'inclinePercent'] as const;
const podColumns = ['t', 'cadence', 'rawSpeedMps', 'rawDistanceM'] as const;

function recorded(run: GeneratedSensorRun, order: Order): LiveSession {
  const session = new LiveSession(defaultCadenceZones);
  feed(session, run, order);
  return session;
}

const same = (a: number, b: number): boolean => (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= 1e-9;

type Channel = (typeof channels)[number];

/** What each second's treadmill and strap notifications carry, read by the app's own parsers. */
function sentValues(second: SecondOfNotifications): Record<Channel, number[]> {
  const sent: Record<Channel, number[]> = { heartRate: [], treadmillSpeedMps: [], inclinePercent: [] };
  for (const { bytes } of second.bySensor.treadmill) {
    const data = parseTreadmillData(bytes);
    if (data.heartRateBpm !== null) sent.heartRate.push(data.heartRateBpm);
    if (data.speedMps !== null) sent.treadmillSpeedMps.push(data.speedMps);
    if (data.inclinationPercent !== null) sent.inclinePercent.push(data.inclinationPercent);
  }
  for (const { bytes } of second.bySensor.strap) {
    const measurement = parseHeartRateMeasurement(bytes);
    if (measurement.sensorContact !== 'not-detected') sent.heartRate.push(measurement.heartRateBpm);
  }
  return sent;
}

/**
 * What tells two recordings of one run apart beyond one sample, in words; null when nothing does.
 * A sensor's value joins the first pod row after it arrived, so another order moves it by one row:
 * a value in row i of one recording must be in rows i - 1 to i + 1 of the other, or be one its
 * sensor sent since the oldest pod row whose values are still fresh a row later, up to row i + 1
 * (where the pod skipped a second, two of a sensor's values fall between two rows and the order
 * decides which one a row shows; where the strap and the treadmill both give heart rate, the
 * strap gone a row sooner shows the treadmill's last), or be one missing sample between two values.
 */
function beyondOneSample(run: GeneratedSensorRun, a: LiveSession, b: LiveSession): string | null {
  if (a.samples.length !== b.samples.length) return `${a.samples.length} rows against ${b.samples.length}`;
  const n = a.samples.length;
  const col = (s: LiveSession, name: Parameters<LiveSession['samples']['column']>[0]) => s.samples.column(name);
  // The pod makes the rows: its own values never depend on the others.
  for (const name of podColumns) {
    for (let i = 0; i < n; i++) if (!same(col(a, name)[i]!, col(b, name)[i]!)) return `${name} row ${i}: ${col(a, name)[i]} against ${col(b, name)[i]}`;
  }
  const podSeconds = run.seconds.flatMap((second, index) => (second.bySensor.pod.length > 0 ? [index] : []));
  const sent = run.seconds.map(sentValues);
  // Back to the oldest value still fresh a row later: held one row longer as its successor came a
  // row later, or shown as the treadmill's last heart rate when the strap's went a row sooner.
  const back = FRESH_POD_ROWS + 1;
  const sentAround = (channel: Channel, i: number): number[] =>
    sent.slice(i < back ? 0 : podSeconds[i - back]!, podSeconds[Math.min(n - 1, i + 1)]! + 1).flatMap((values) => values[channel]);
  const nearby = (name: Parameters<LiveSession['samples']['column']>[0], i: number, also: number[]): boolean => {
    const column = col(a, name);
    const mine = column[i]!;
    const theirs = col(b, name);
    // Before the first row and after the last, nothing is shown: a value may move off either end.
    if ([i - 1, i, i + 1].some((j) => same(mine, j >= 0 && j < n ? theirs[j]! : Number.NaN))) return true;
    // One missing sample: a value aged out a row sooner, or a sensor took over a row later.
    if (Number.isNaN(mine)) return i > 0 && i < n - 1 && !Number.isNaN(column[i - 1]!) && !Number.isNaN(column[i + 1]!);
    return also.some((value) => same(mine, value));
  };
  const around = (name: Parameters<LiveSession['samples']['column']>[0], i: number): string =>
    Array.from(col(b, name).slice(Math.max(0, i - 1), i + 2)).join(', ');
  for (const name of channels) {
    for (let i = 0; i < n; i++) if (!nearby(name, i, sentAround(name, i))) return `${name} row ${i}: ${col(a, name)[i]}, against ${around(name, i)}`;
  }
  // Speed is the belt's (moved as above) or the calibrated pod's of that very row.
  const raw = col(a, 'rawSpeedMps');
  for (let i = 0; i < n; i++) {
    const pod = raw[i]! * factorAt(run.calibration, raw[i]!);
    if (!nearby('speedMps', i, [pod, ...sentAround('treadmillSpeedMps', i)])) return `speedMps row ${i}: ${col(a, 'speedMps')[i]}, against ${around('speedMps', i)} (pod ${pod})`;
  }
  // Distance: a row's distance is the other order's of the row before or after, give or take one
  // row's metres (the treadmill's count lags the pod's rows by up to one), and give or take one
  // row's metres at each time so far the source went from the pod to the belt or back: the order
  // moves each such splice by a row, so one order counts that row with the pod and the other with
  // the belt, and from there one is a row ahead of the other at the speed of the splice. The pod
  // alone, or the belt throughout, leaves no room beyond the one row.
  const da = col(a, 'distanceM');
  const db = col(b, 'distanceM');
  const t = col(a, 't');
  const fresh = (s: LiveSession, i: number): boolean => i >= 0 && i < n && !Number.isNaN(col(s, 'treadmillSpeedMps')[i]!);
  // A new belt speed moves by a row too, and the row between counts at the old speed in one order
  // and the new in the other: like a splice, a row's metres apart from there on.
  const belt = (s: LiveSession, i: number): number => col(s, 'treadmillSpeedMps')[i]!;
  const spliced = (s: LiveSession, i: number): boolean =>
    fresh(s, i) !== fresh(s, i - 1) || (fresh(s, i) && fresh(s, i - 1) && belt(s, i) !== belt(s, i - 1));
  let splices = 0;
  for (let i = 0; i < n; i++) {
    if (run.speedFrom === 'treadmill' && i > 0 && (spliced(a, i) || spliced(b, i))) {
      let rowM = 0;
      for (let j = Math.max(1, i - 1); j <= Math.min(n - 1, i + 1); j++) {
        const podStep = (col(a, 'rawDistanceM')[j]! - col(a, 'rawDistanceM')[j - 1]!) * factorAt(run.calibration, raw[j]!);
        const beltMps = [a, b].map((s) => col(s, 'treadmillSpeedMps')[j]!).find((value) => !Number.isNaN(value)) ?? 0;
        rowM = Math.max(rowM, podStep, beltMps * (t[j]! - t[j - 1]!), da[j]! - da[j - 1]!, db[j]! - db[j - 1]!);
      }
      // The treadmill counts whole metres.
      splices += rowM + 1;
    }
    let oneRow = 0;
    for (let j = Math.max(1, i - 3); j <= Math.min(n - 1, i + 3); j++) oneRow = Math.max(oneRow, da[j]! - da[j - 1]!, db[j]! - db[j - 1]!);
    const low = Math.min(db[Math.max(0, i - 1)]!, db[i]!);
    const high = Math.max(db[Math.min(n - 1, i + 1)]!, db[i]!);
    const outside = Math.max(0, low - da[i]!, da[i]! - high);
    // The belt's count is whole metres, so a row it gives is a step of up to a metre off its speed.
    const countM = run.speedFrom === 'treadmill' ? 1 : 0;
    if (outside > oneRow + countM + splices + 1e-6) return `distanceM row ${i}: ${da[i]}, ${outside} m outside ${low}-${high}, more than one row's ${oneRow} m and ${splices} m for the splices`;
  }
  return null;
}

describe('LiveSession: the order of notifications within a second', () => {
  for (const [first, second] of [
    ['sensors before the pod', 'the pod first'],
    ['sensors before the pod', 'as generated'],
  ] as const) {
    it(`${first} or ${second}: the same timeline within one sample (${RUNS / 2} generated runs)`, function () {
      this.timeout(60_000);
      fc.assert(
        fc.property(generatedSensorRuns, (run) => {
          const difference = beyondOneSample(run, recorded(run, orders[first]!), recorded(run, orders[second]!));
          if (difference !== null) expect.fail(difference);
        }),
        { numRuns: invariantRuns(RUNS / 2) },
      );
    });
  }
});
