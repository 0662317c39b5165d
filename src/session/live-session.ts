// The live run: measurement bytes from every sensor in, one merged 1 Hz timeline out. The pod's
// rows drive the timeline; the treadmill's and the strap's latest values join each row while
// fresh. Every source (real sensor or simulator) goes through here, so there is one parser path.

import type { TreadmillData } from '../ble/ftms-treadmill.js';
import type { HeartRateMeasurement } from '../ble/heart-rate.js';
import { RscParseError, parseRscMeasurement } from '../ble/rsc.js';
import { AutoCalibration } from './auto-calibration.js';
import type { CalibrationCurve, CalibrationPoint } from './calibration.js';
import { CadenceUnitDecision } from './cadence-unit-decision.js';
import type { LatestChannels, LiveReading } from './live-reading.js';
import { SampleColumns } from './sample-columns.js';
import { SensorChannels } from './sensor-channels.js';
import { trailingMean } from './smoothing.js';
import { SpeedDistanceMerge } from './speed-distance-merge.js';
import type { SpeedSource } from './speed-source.js';
import { type ZoneTimes, addZoneTime, emptyZoneTimes, zoneTimesOf } from './time-in-zone.js';
import type { CadenceZones } from './zones.js';

export type { LatestChannels, LiveReading } from './live-reading.js';

/** What automatic calibration has learned in this session. */
export interface AutoCalibrationState {
  curve: CalibrationCurve;
  locked: boolean;
  /** The point learned last in this session, or null. */
  lastPoint: CalibrationPoint | null;
}

export type UnreadableFrom = 'footpod' | 'treadmill' | 'heart-rate strap';

const orNaN = (value: number | null): number => value ?? Number.NaN;

/**
 * Events: 'sample' after each pod row, 'problem' when a measurement of any sensor could not be
 * read, 'channels' when `latestChannels` changes, 'autocalibration' when a point was learned.
 */
export class LiveSession extends EventTarget {
  readonly samples = new SampleColumns();
  #zones: CadenceZones;
  #zoneTimes: ZoneTimes = emptyZoneTimes();
  #merge = new SpeedDistanceMerge();
  #channels = new SensorChannels();
  #shownChannels: LatestChannels = { heartRate: null, treadmillSpeedMps: null, inclinePercent: null };
  #autoCalibration = new AutoCalibration();
  #lastLearned: CalibrationPoint | null = null;
  #startMs: number | null = null;
  #latest: LiveReading | null = null;
  #malformed = 0;
  #problem: string | null = null;
  #cadenceUnit = new CadenceUnitDecision();

  constructor(zones: CadenceZones) {
    super();
    this.#zones = zones;
  }

  get latest(): LiveReading | null {
    return this.#latest;
  }
  get zoneTimes(): Readonly<ZoneTimes> {
    return this.#zoneTimes;
  }
  get zones(): CadenceZones {
    return this.#zones;
  }
  /** Unreadable measurements of every sensor. */
  get malformedCount(): number {
    return this.#malformed;
  }
  /** The latest unreadable measurement, in words; cleared by the next good one. */
  get problem(): string | null {
    return this.#problem;
  }
  get elapsedS(): number {
    return this.#latest?.timeS ?? 0;
  }
  /** Whether the pod feeding the session counts steps or strides; cadence is always steps here. */
  get cadenceUnit(): CadenceUnitDecision {
    return this.#cadenceUnit;
  }
  /** The strap's and the treadmill's values as they stand, pod rows or not; null where none is fresh. */
  get latestChannels(): LatestChannels {
    return { ...this.#shownChannels };
  }
  get speedFrom(): SpeedSource {
    return this.#merge.speedFrom;
  }
  /** The pod's calibration applied to its speed, distance and stride from the next row. */
  get calibration(): CalibrationCurve {
    return this.#merge.calibration;
  }
  get autoCalibration(): AutoCalibrationState {
    return { curve: this.#autoCalibration.curve, locked: this.#autoCalibration.locked, lastPoint: this.#lastLearned };
  }

  /** Another pod (or what is remembered about this one) decides the unit from the next reading on. */
  useCadenceUnit(decision: CadenceUnitDecision): void {
    this.#cadenceUnit = decision;
  }

  /** Which sensor gives speed and distance from the next row; the pod stands in while the treadmill is silent. */
  setSpeedFrom(from: SpeedSource): void {
    this.#merge.speedFrom = from;
  }

  setCalibration(curve: CalibrationCurve): void {
    this.#merge.calibration = [...curve];
  }

  /**
   * What automatic calibration starts from (the pod's saved curve) and whether it may learn:
   * locked, it learns nothing. Unlocked, a learned point applies from the next row.
   */
  setAutoCalibration(curve: CalibrationCurve, locked: boolean): void {
    this.#autoCalibration = new AutoCalibration(curve);
    this.#autoCalibration.locked = locked;
  }

  /** Takes one RSC measurement: one row of the timeline. A malformed one is counted and reported, never thrown. */
  ingest(view: DataView, timeMs: number): void {
    let measurement;
    try {
      measurement = parseRscMeasurement(view);
    } catch (error) {
      if (!(error instanceof RscParseError)) throw error;
      this.skipped('footpod', error.message);
      return;
    }
    this.#startMs ??= timeMs;
    const previousS = this.#latest?.timeS;
    if (previousS !== undefined && timeMs - this.#startMs <= previousS * 1000) {
      // A new source (another simulator, a re-paired pod) starts its own clock: keep ours moving.
      this.#startMs = timeMs - (previousS + 1) * 1000;
    }
    const timeS = (timeMs - this.#startMs) / 1000;
    const rawSpeedMps = measurement.speedMps;
    const sent = { cadence: measurement.cadence, strideLengthM: measurement.strideLengthM };
    // The pod's own speed and stride agree with each other, so the unit is decided on them uncalibrated.
    const steps = this.#cadenceUnit.toSteps({ ...sent, speedMps: rawSpeedMps, running: measurement.isRunning });
    const beltSpeedMps = this.#channels.fresh('treadmillSpeedMps');
    const { speedMps, distanceM, rawDistanceM, factor, speedFrom } = this.#merge.row(
      timeS,
      rawSpeedMps,
      measurement.totalDistanceM,
      beltSpeedMps,
    );
    const cadence = steps.cadence;
    const strideDerived = steps.strideLengthM === null;
    const strideLengthM = steps.strideLengthM !== null ? steps.strideLengthM * factor : cadence > 0 ? (speedMps * 60) / cadence : 0;
    const heartRate = this.#channels.heartRate();
    const inclinePercent = this.#channels.fresh('inclinePercent');
    addZoneTime(this.#zoneTimes, this.#latest?.timeS ?? null, timeS, cadence, this.#zones);
    this.samples.push({
      t: timeS,
      speedMps,
      cadence,
      strideLengthM,
      distanceM,
      heartRate: orNaN(heartRate),
      treadmillSpeedMps: orNaN(beltSpeedMps),
      inclinePercent: orNaN(inclinePercent),
      rawSpeedMps,
      rawDistanceM,
    });
    this.#latest = {
      timeS,
      speedMps,
      cadence,
      strideLengthM,
      strideDerived,
      distanceM,
      running: measurement.isRunning,
      rawSpeedMps,
      rawDistanceM,
      heartRate,
      treadmillSpeedMps: beltSpeedMps,
      inclinePercent,
      speedFrom,
      sent,
    };
    const learned = this.#autoCalibration.add({ t: timeS, podSpeedMps: rawSpeedMps, treadmillSpeedMps: orNaN(beltSpeedMps) });
    this.#channels.podRow();
    this.#problem = null;
    this.dispatchEvent(new Event('sample'));
    if (learned !== null) this.#learned(learned);
    this.#channelsChanged();
  }

  /**
   * Takes one parsed FTMS Treadmill Data notification: its latest values join the next pod rows.
   * The bytes are parsed by sensor-ingest.ts, which loads with the treadmill, not with every run.
   */
  takeTreadmillData(data: TreadmillData, timeMs: number): void {
    // A field left out of this notification (FTMS splits records) keeps its last value.
    if (data.speedMps !== null) this.#channels.hold('treadmillSpeedMps', data.speedMps);
    if (data.inclinationPercent !== null) this.#channels.hold('inclinePercent', data.inclinationPercent);
    if (data.heartRateBpm !== null && data.heartRateBpm > 0) this.#channels.hold('treadmillHeartRate', data.heartRateBpm);
    this.#merge.addTreadmill(timeMs / 1000, data.speedMps, data.totalDistanceM);
    this.#problem = null;
    this.#channelsChanged();
  }

  /**
   * Takes one parsed Heart Rate Measurement: its value joins the next pod rows. Freshness is
   * counted in pod rows, so the strap's clock is not needed.
   */
  takeHeartRate(measurement: HeartRateMeasurement): void {
    // Off the skin a strap sends a number that is not a heart rate: no reading, never that number.
    if (measurement.sensorContact === 'not-detected' || !(measurement.heartRateBpm > 0)) this.#channels.drop('strapHeartRate');
    else this.#channels.hold('strapHeartRate', measurement.heartRateBpm);
    this.#problem = null;
    this.#channelsChanged();
  }

  /**
   * A pod was (re)paired into this running session: its distance counter starts its own count
   * from its first reading, so another pod's odometer is never spliced into the run.
   */
  newSource(): void {
    this.#merge.newPod();
  }

  /** The same for a (re)connected treadmill's distance counter. */
  newTreadmillSource(): void {
    this.#merge.newTreadmill();
  }

  /** A sensor disconnected: its values are gone at once, not after they age out. */
  forgetSensor(sensor: 'treadmill' | 'heartRate'): void {
    if (sensor === 'heartRate') {
      this.#channels.drop('strapHeartRate');
    } else {
      for (const channel of ['treadmillSpeedMps', 'inclinePercent', 'treadmillHeartRate'] as const) this.#channels.drop(channel);
    }
    this.#channelsChanged();
  }

  /** Cadence and speed as displayed: the trailing mean over `windowS` seconds (0: as measured). */
  displayed(windowS: number): { cadence: number; speedMps: number } {
    const t = this.samples.column('t');
    return {
      cadence: trailingMean(t, this.samples.column('cadence'), windowS),
      speedMps: trailingMean(t, this.samples.column('speedMps'), windowS),
    };
  }

  /** New zones apply to the whole run so far, so the time-in-zone bar stays honest. */
  setZones(zones: CadenceZones): void {
    this.#zones = zones;
    this.#zoneTimes = zoneTimesOf(this.samples.column('t'), this.samples.column('cadence'), zones);
    this.dispatchEvent(new Event('sample'));
  }

  /** A sensor sent something unreadable: counted and said, never thrown. */
  skipped(sensor: UnreadableFrom, why: string): void {
    this.#malformed++;
    this.#problem = `Skipped a measurement the ${sensor} sent that could not be read (${why}).`;
    this.dispatchEvent(new Event('problem'));
  }

  #learned(point: CalibrationPoint): void {
    this.#lastLearned = point;
    this.#merge.calibration = [...this.#autoCalibration.curve];
    this.dispatchEvent(new Event('autocalibration'));
  }

  #channelsChanged(): void {
    const now = this.#channels.latest();
    const before = this.#shownChannels;
    if (now.heartRate === before.heartRate && now.treadmillSpeedMps === before.treadmillSpeedMps && now.inclinePercent === before.inclinePercent) {
      return;
    }
    this.#shownChannels = now;
    this.dispatchEvent(new Event('channels'));
  }
}
