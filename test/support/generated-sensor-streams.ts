// Runs made up of what a footpod, a smart treadmill and a heart-rate strap notify, second by
// second, as bytes: spells of running and walking on a belt, a pod that reads the belt a few per
// cent off (with or without its own distance counter), a treadmill that drops a notification now
// and then, loses its link for seconds, sends or leaves out its distance and splits records in
// two, and a strap that drops out or loses skin contact. Each notification keeps the time it
// arrived; what a test changes is only the order in which the three sensors' notifications of one
// second reach the session (each sensor's own notifications stay in their order, as BLE keeps them).

import fc from 'fast-check';
import { encodeTreadmillData } from '../../src/ble/ftms-treadmill-encode.js';
import { emptyTreadmillData } from '../../src/ble/ftms-treadmill.js';
import { encodeHeartRateMeasurement } from '../../src/ble/heart-rate-encode.js';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import type { CalibrationCurve } from '../../src/session/calibration.js';
import type { LiveSession } from '../../src/session/live-session.js';
import { ingestHeartRate, ingestTreadmill } from '../../src/session/sensor-ingest.js';
import type { SpeedSource } from '../../src/session/speed-source.js';
import { mulberry32 as random } from '../../src/sources/run-profile.js';

export type Sensor = 'pod' | 'treadmill' | 'strap';

export interface Notification {
  sensor: Sensor;
  /** When it arrived (ms), on the clock the app stamps notifications with. */
  timeMs: number;
  bytes: DataView;
}

/** What SensorLinks tells the session when a link goes or comes back, before that second's notifications. */
export type LinkEvent = 'treadmill-lost' | 'treadmill-back' | 'strap-lost';

export interface SecondOfNotifications {
  links: LinkEvent[];
  /** Each sensor's notifications of this second, in the order that sensor sent them. */
  bySensor: Record<Sensor, Notification[]>;
  /** Which sensor's notification comes next, in one order the three may interleave in. */
  interleaving: Sensor[];
}

export interface GeneratedSensorRun {
  speedFrom: SpeedSource;
  calibration: CalibrationCurve;
  seconds: SecondOfNotifications[];
}

interface Spell {
  seconds: number;
  beltMps: number;
  walking: boolean;
  inclinePercent: number;
  /** The runner holds the grips: the treadmill sends a heart rate, else 0. */
  grips: boolean;
  /** The strap touches the skin. */
  contact: boolean;
}

const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const spell: fc.Arbitrary<Spell> = fc.record({
  seconds: fc.integer({ min: 5, max: 40 }),
  beltMps: fc.double({ min: 1.0, max: 5.5, noNaN: true }),
  walking: fc.boolean(),
  inclinePercent: fc.constantFrom(0, 1, 2.5, 6),
  grips: fc.boolean(),
  contact: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
});


interface Shape {
  spells: Spell[];
  speedFrom: SpeedSource;
  calibration: CalibrationCurve;
  podRatio: number;
  podSendsDistance: boolean;
  treadmillSendsDistance: boolean;
  treadmillSplitsRecords: boolean;
  strap: boolean;
  dropout: { pod: number; treadmill: number; strap: number };
  seed: number;
}

const calibrationCurve: fc.Arbitrary<CalibrationCurve> = fc
  .uniqueArray(fc.record({ podSpeedMps: fc.double({ min: 1.2, max: 5.5, noNaN: true }), factor: fc.double({ min: 0.9, max: 1.1, noNaN: true }) }), {
    maxLength: 3,
    selector: (point) => Math.round(point.podSpeedMps),
  })
  .map((points) => [...points].sort((a, b) => a.podSpeedMps - b.podSpeedMps));

const shape: fc.Arbitrary<Shape> = fc.record({
  spells: fc.array(spell, { minLength: 2, maxLength: 8 }),
  speedFrom: fc.constantFrom<SpeedSource>('footpod', 'treadmill'),
  calibration: calibrationCurve,
  podRatio: fc.double({ min: 0.9, max: 1.1, noNaN: true }),
  podSendsDistance: fc.boolean(),
  treadmillSendsDistance: fc.boolean(),
  treadmillSplitsRecords: fc.boolean(),
  strap: fc.boolean(),
  dropout: fc.record({
    pod: fc.constantFrom(0, 0.02, 0.05),
    treadmill: fc.constantFrom(0, 0.05, 0.15, 0.3),
    strap: fc.constantFrom(0, 0.05, 0.2),
  }),
  seed: fc.integer(),
});

function runFrom(s: Shape): GeneratedSensorRun {
  const rnd = random(s.seed);
  const seconds: SecondOfNotifications[] = [];
  let podM = 0;
  let beltM = 0;
  let treadmillLinkDownFor = 0;
  let treadmillWasDown = false;
  let strapLinkDownFor = 0;
  let t = 0;
  for (const current of s.spells) {
    for (let i = 0; i < current.seconds; i++, t++) {
      const jitter = (): number => Math.floor(rnd() * 950);
      const links: LinkEvent[] = [];
      const bySensor: Record<Sensor, Notification[]> = { pod: [], treadmill: [], strap: [] };

      // Link losses: a few seconds with nothing, told to the session as SensorLinks tells it.
      if (treadmillLinkDownFor === 0 && rnd() < 0.02) {
        treadmillLinkDownFor = 3 + Math.floor(rnd() * 10);
        links.push('treadmill-lost');
      }
      if (strapLinkDownFor === 0 && s.strap && rnd() < 0.02) {
        strapLinkDownFor = 3 + Math.floor(rnd() * 10);
        links.push('strap-lost');
      }

      const podMps = current.beltMps * s.podRatio * (1 + 0.02 * (rnd() - 0.5));
      const cadence = current.walking ? 105 + Math.floor(rnd() * 15) : 160 + Math.floor(rnd() * 25);
      if (rnd() >= s.dropout.pod) {
        bySensor.pod.push({
          sensor: 'pod',
          timeMs: t * 1000 + jitter(),
          bytes: view(
            encodeRscMeasurement({ speedMps: podMps, cadence, strideLengthM: null, totalDistanceM: s.podSendsDistance ? podM : null, isRunning: !current.walking }),
          ),
        });
      }
      podM += podMps;

      if (treadmillLinkDownFor > 0) {
        treadmillLinkDownFor--;
        treadmillWasDown = true;
      } else {
        if (treadmillWasDown) {
          links.push('treadmill-back');
          treadmillWasDown = false;
        }
        if (rnd() >= s.dropout.treadmill) {
          const at = t * 1000 + jitter();
          const heartRateBpm = current.grips ? 120 + Math.floor(rnd() * 50) : 0;
          const record = {
            ...emptyTreadmillData(),
            speedMps: current.beltMps,
            totalDistanceM: s.treadmillSendsDistance ? Math.floor(beltM) : null,
            elapsedTimeS: t,
          };
          const rest = { inclinationPercent: current.inclinePercent, heartRateBpm };
          if (s.treadmillSplitsRecords) {
            // FTMS splits a record that does not fit: the second part has More Data set and no speed.
            bySensor.treadmill.push({ sensor: 'treadmill', timeMs: at, bytes: view(encodeTreadmillData(record)) });
            bySensor.treadmill.push({ sensor: 'treadmill', timeMs: at + 5, bytes: view(encodeTreadmillData({ ...emptyTreadmillData(true), ...rest })) });
          } else {
            bySensor.treadmill.push({ sensor: 'treadmill', timeMs: at, bytes: view(encodeTreadmillData({ ...record, ...rest })) });
          }
        }
      }
      beltM += current.beltMps;

      if (strapLinkDownFor > 0) {
        strapLinkDownFor--;
      } else if (s.strap && rnd() >= s.dropout.strap) {
        const heartRateBpm = 110 + Math.floor(rnd() * 70);
        bySensor.strap.push({
          sensor: 'strap',
          timeMs: t * 1000 + jitter(),
          bytes: view(
            encodeHeartRateMeasurement({
              heartRateBpm: current.contact ? heartRateBpm : 0,
              sensorContact: current.contact ? 'detected' : 'not-detected',
              energyExpendedKj: null,
              rrIntervalsS: [60 / heartRateBpm],
            }),
          ),
        });
      }

      const interleaving = (['pod', 'treadmill', 'strap'] as const).flatMap((sensor) => bySensor[sensor].map(() => sensor));
      for (let k = interleaving.length - 1; k > 0; k--) {
        const j = Math.floor(rnd() * (k + 1));
        [interleaving[k], interleaving[j]] = [interleaving[j]!, interleaving[k]!];
      }
      seconds.push({ links, bySensor, interleaving });
    }
  }
  return { speedFrom: s.speedFrom, calibration: s.calibration, seconds };
}

export const generatedSensorRuns: fc.Arbitrary<GeneratedSensorRun> = shape.map(runFrom);

/** A second's notifications in the given interleaving (each sensor's own order kept). */
export function inOrder(second: SecondOfNotifications, interleaving: readonly Sensor[]): Notification[] {
  const next: Record<Sensor, number> = { pod: 0, treadmill: 0, strap: 0 };
  return interleaving.map((sensor) => second.bySensor[sensor][next[sensor]++]!);
}

/** The same second with the treadmill and the strap before the pod, or after it. */
export const sensorsFirst = (second: SecondOfNotifications): Sensor[] =>
  [...second.interleaving].sort((a, b) => Number(a === 'pod') - Number(b === 'pod'));
export const podFirst = (second: SecondOfNotifications): Sensor[] =>
  [...second.interleaving].sort((a, b) => Number(b === 'pod') - Number(a === 'pod'));

/**
 * Feeds a run into a live session, each second's notifications in the order `order` gives, and
 * each link event where SensorLinks would tell the session of it.
 */
export function feed(session: LiveSession, run: GeneratedSensorRun, order: (second: SecondOfNotifications) => readonly Sensor[]): void {
  session.setCalibration(run.calibration);
  // Learning from the belt is a test of its own: here the curve stays the one the run was given.
  session.setAutoCalibration(run.calibration, true);
  session.setSpeedFrom(run.speedFrom);
  for (const second of run.seconds) {
    for (const link of second.links) {
      if (link === 'treadmill-lost') session.forgetSensor('treadmill');
      else if (link === 'treadmill-back') session.newTreadmillSource();
      else session.forgetSensor('heartRate');
    }
    for (const notification of inOrder(second, order(second))) {
      if (notification.sensor === 'pod') session.ingest(notification.bytes, notification.timeMs);
      else if (notification.sensor === 'treadmill') ingestTreadmill(session, notification.bytes, notification.timeMs);
      else ingestHeartRate(session, notification.bytes);
    }
  }
}
