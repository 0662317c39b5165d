// The parts of a live session that only matter once a treadmill or a heart-rate strap is
// connected, or the pod sends power: the latest value of each of their channels (fresh for a few pod rows or seconds), the
// treadmill's own distance count, and automatic calibration learning the pod's factor from the
// belt. Loaded with those sensors (by sensor-ingest.ts) and attached to the session then, so a
// footpod-only run never loads them; LiveSession knows this class by its type only.

import type { TreadmillData } from '../ble/ftms-treadmill.js';
import type { HeartRateMeasurement } from '../ble/heart-rate.js';
import { AutoCalibration } from './auto-calibration.js';
import type { CalibrationCurve, CalibrationPoint } from './calibration.js';
import type { PointChange } from './calibration-points.js';
import type { LatestChannels } from './live-reading.js';
import { type ArrivalClock, SensorChannels } from './sensor-channels.js';
import { TreadmillDistance } from './treadmill-distance.js';

/** What the treadmill and the strap give one pod row; null where nothing fresh. */
export interface SensorRow {
  beltSpeedMps: number | null;
  /** Metres the treadmill counted since the previous pod row, or null when it sent nothing since. */
  treadmillStepM: number | null;
  heartRate: number | null;
  inclinePercent: number | null;
  powerW: number | null;
}

/** A sensor whose values go at once when it goes; 'power' is the pod's own power, which goes with the pod. */
export type ForgettableSensor = 'treadmill' | 'heartRate' | 'power';

export class SessionSensors {
  readonly #channels = new SensorChannels();
  readonly #treadmill = new TreadmillDistance();
  #auto = new AutoCalibration();
  #lastLearned: CalibrationPoint | null = null;
  #lastChange: PointChange | null = null;

  get autoCalibrationCurve(): CalibrationCurve {
    return this.#auto.curve;
  }
  get autoCalibrationLocked(): boolean {
    return this.#auto.locked;
  }
  /** The point learned last, or null. */
  get lastLearned(): CalibrationPoint | null {
    return this.#lastLearned;
  }

  /** What the point learned last replaced or merged in the curve, or null. */
  get lastLearnedChange(): PointChange | null {
    return this.#lastChange;
  }

  /** The session's clock of arrival: each value is dated by when it reached the page beside the pod's rows. */
  useArrivalClock(clock: ArrivalClock | null): void {
    this.#channels.useArrivalClock(clock);
  }

  setAutoCalibration(curve: CalibrationCurve, locked: boolean): void {
    this.#auto = new AutoCalibration(curve);
    this.#auto.locked = locked;
  }

  takeTreadmillData(data: TreadmillData, timeMs: number): void {
    // A field left out of this notification (FTMS splits records) keeps its last value.
    if (data.speedMps !== null) this.#channels.hold('treadmillSpeedMps', data.speedMps);
    if (data.inclinationPercent !== null) this.#channels.hold('inclinePercent', data.inclinationPercent);
    // A treadmill's 0 bpm (no strap, hands off the grips) is no heart rate from now on, as a strap
    // off the skin: the last grip reading is not carried into the next rows.
    if (data.heartRateBpm !== null) this.#channels.hold('treadmillHeartRate', data.heartRateBpm);
    else if (data.heartRateNotAvailable) this.#channels.drop('treadmillHeartRate');
    this.#treadmill.add(timeMs / 1000, data.speedMps, data.totalDistanceM);
  }

  takeHeartRate(measurement: HeartRateMeasurement): void {
    // Off the skin a strap sends a number that is not a heart rate: no reading, never that number.
    if (measurement.sensorContact === 'not-detected' || !(measurement.heartRateBpm > 0)) this.#channels.drop('strapHeartRate');
    else this.#channels.hold('strapHeartRate', measurement.heartRateBpm);
  }

  /** Running power from the pod's Cycling Power service; it joins the pod's rows like the strap's heart rate. Null: no reading now. */
  takePower(powerW: number | null): void {
    if (powerW === null) this.#channels.drop('powerW');
    else this.#channels.hold('powerW', powerW);
  }

  /** A sensor disconnected: its values are gone at once. */
  forget(sensor: ForgettableSensor): void {
    if (sensor === 'power') {
      this.#channels.drop('powerW');
    } else if (sensor === 'heartRate') {
      this.#channels.drop('strapHeartRate');
    } else {
      for (const channel of ['treadmillSpeedMps', 'inclinePercent', 'treadmillHeartRate'] as const) this.#channels.drop(channel);
    }
  }

  /** A (re)connected treadmill: its counter starts its own count, nothing is spliced in. */
  newTreadmill(): void {
    this.#treadmill.newSource();
  }

  /** The values for the pod row being made at `timeS` (takes the treadmill's step since the previous row). */
  row(timeS: number): SensorRow {
    return {
      beltSpeedMps: this.#channels.fresh('treadmillSpeedMps', timeS),
      treadmillStepM: this.#treadmill.takeStep(),
      heartRate: this.#channels.heartRate(timeS),
      inclinePercent: this.#channels.fresh('inclinePercent', timeS),
      powerW: this.#channels.fresh('powerW', timeS),
    };
  }

  /** The pod row was made: every value is a row older; returns a point when calibration learned one. */
  rowDone(timeS: number, podSpeedMps: number, beltSpeedMps: number | null, cadence = 0, running?: boolean): CalibrationPoint | null {
    const inclinePercent = this.#channels.fresh('inclinePercent', timeS);
    const gait = running === undefined ? {} : { running };
    const learned = this.#auto.add({ t: timeS, podSpeedMps, treadmillSpeedMps: beltSpeedMps ?? Number.NaN, cadence, inclinePercent, ...gait });
    this.#channels.podRow(timeS);
    if (learned !== null) {
      this.#lastLearned = learned;
      this.#lastChange = this.#auto.lastChange;
    }
    return learned;
  }

  latest(): LatestChannels {
    return this.#channels.latest();
  }
}
