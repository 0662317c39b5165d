// The live run: measurement bytes from every sensor in, one merged 1 Hz timeline out. The pod's
// rows drive the timeline; the treadmill's and the strap's latest values join each row while
// fresh. Every source (real sensor or simulator) goes through here, so there is one parser path.
// What only matters with a treadmill or strap (their channels, the treadmill's distance count,
// automatic calibration) is a SessionSensors attached when their code loads: until then the
// session is a footpod-only one, and it imports that code by type only, so the first load holds none of it.

import type { TreadmillData } from '../ble/ftms-treadmill.js';
import type { HeartRateMeasurement } from '../ble/heart-rate.js';
import { RscParseError, parseRscMeasurement } from '../ble/rsc.js';
import { type CalibrationCurve, type CalibrationPoint } from './calibration.js';
import type { PointChange } from './calibration-points.js';
import { CadenceUnitDecision } from './cadence-unit-decision.js';
import { type RunningStatus, believesRunningBit, gaitOfRow, isRunning } from './gait.js';
import type { LatestChannels, LiveReading } from './live-reading.js';
import type { ArrivalClock } from './sensor-channels.js';
import type { ForgettableSensor, SessionSensors } from './session-sensors.js';
import { SampleColumns } from './sample-columns.js';
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
  /** What that point replaced or merged in the curve, or null. */
  lastChange: PointChange | null;
}

export type UnreadableFrom = 'footpod' | 'treadmill' | 'heart-rate strap';

const orNaN = (value: number | null): number => value ?? Number.NaN;

/** A pod row's sensor values while no treadmill or strap code has loaded. */
const noSensors = { beltSpeedMps: null, treadmillStepM: null, heartRate: null, inclinePercent: null, powerW: null } as const;
const noChannels: LatestChannels = { heartRate: null, treadmillSpeedMps: null, inclinePercent: null, powerW: null };

/**
 * Events: 'sample' after each pod row (and only then), 'zones' when the zone times were counted
 * again, 'problem' when a measurement of any sensor could not be read, 'channels' when
 * `latestChannels` changes, 'autocalibration' when a point was learned.
 */
export class LiveSession extends EventTarget {
  readonly samples = new SampleColumns();
  #zones: CadenceZones;
  #zoneTimes: ZoneTimes = emptyZoneTimes();
  #merge = new SpeedDistanceMerge();
  #shownChannels: LatestChannels = noChannels;
  /** The treadmill's and strap's parts, once attached; null in a footpod-only session. */
  #sensors: SessionSensors | null = null;
  /** What `setAutoCalibration` asked for, kept until the sensor parts are attached. */
  #autoCurve: CalibrationCurve = [];
  #autoLocked = false;
  /** `forgetSensor` and `newTreadmillSource` calls made before the sensor parts were attached. */
  #forgotten = new Set<ForgettableSensor>();
  #newTreadmill = false;
  #startMs: number | null = null;
  #latest: LiveReading | null = null;
  #malformed = 0;
  #problem: string | null = null;
  #cadenceUnit = new CadenceUnitDecision();
  #runningStatus: RunningStatus = null;
  /** Whether the pod in use has sent "running": with its feature unknown, from then on its bit counts. */
  #podSentRunning = false;

  readonly #arrivalClock: ArrivalClock | null;

  /**
   * `arrivalClock`: the page's monotonic clock (performance.now in the app), read as each pod row
   * and sensor value arrives to date the sensors' values beside the pod's rows; without one (rows
   * fed by hand) they are dated by the rows around them alone (sensor-channels.ts).
   */
  constructor(zones: CadenceZones, arrivalClock: ArrivalClock | null = null) {
    super();
    this.#zones = zones;
    this.#arrivalClock = arrivalClock;
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
  /**
   * How many measurements were skipped so far, in words, or null while none were: unlike
   * `problem` it stays once good ones follow, so a pod sending garbage now and then shows.
   */
  get skippedNote(): string | null {
    const n = this.#malformed;
    if (n === 0) return null;
    return `${n.toLocaleString('en')} unreadable ${n === 1 ? 'measurement' : 'measurements'} skipped in this run.`;
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
    const sensors = this.#sensors;
    if (sensors === null) return { curve: this.#autoCurve, locked: this.#autoLocked, lastPoint: null, lastChange: null };
    return {
      curve: sensors.autoCalibrationCurve,
      locked: sensors.autoCalibrationLocked,
      lastPoint: sensors.lastLearned,
      lastChange: sensors.lastLearnedChange,
    };
  }
  /** The treadmill's and strap's parts, or null while none are attached. */
  get sensors(): SessionSensors | null {
    return this.#sensors;
  }

  /**
   * Hands the session the treadmill's and strap's parts (loaded with their code): from the next
   * row their values join the pod's. What was set before (automatic calibration, sensors forgotten,
   * a new treadmill) applies to them now. Attaching the same parts again changes nothing.
   */
  attachSensors(sensors: SessionSensors): SessionSensors {
    if (this.#sensors === sensors) return sensors;
    if (this.#sensors !== null) throw new Error('This live session already has its sensor parts.');
    sensors.useArrivalClock(this.#arrivalClock);
    sensors.setAutoCalibration(this.#autoCurve, this.#autoLocked);
    for (const sensor of this.#forgotten) sensors.forget(sensor);
    if (this.#newTreadmill) sensors.newTreadmill();
    this.#forgotten.clear();
    this.#newTreadmill = false;
    this.#sensors = sensors;
    this.#channelsChanged();
    return sensors;
  }

  /** Another pod (or what is remembered about this one) decides the unit from the next reading on. */
  useCadenceUnit(decision: CadenceUnitDecision): void {
    this.#cadenceUnit = decision;
  }

  /**
   * Whether the pod in use fills in the walking/running bit (its RSC Feature bit 2), from the next
   * reading on: a pod that does not is judged by cadence and speed (gait.ts).
   */
  useRunningStatus(status: RunningStatus): void {
    this.#runningStatus = status;
    this.#podSentRunning = false;
  }
  get runningStatus(): RunningStatus {
    return this.#runningStatus;
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
    this.#autoCurve = [...curve];
    this.#autoLocked = locked;
    this.#sensors?.setAutoCalibration(curve, locked);
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
    // The pod's own speed and stride agree with each other, so the unit is decided on them uncalibrated,
    // and on its bit only where the gait rule believes it.
    const believed = believesRunningBit(this.#runningStatus, this.#podSentRunning, measurement.isRunning);
    const steps = this.#cadenceUnit.toSteps({ ...sent, speedMps: rawSpeedMps, running: believed && measurement.isRunning });
    const { beltSpeedMps, treadmillStepM, heartRate, inclinePercent, powerW } = this.#sensors?.row(timeS) ?? noSensors;
    const cadence = steps.cadence;
    // One answer for the row (gait.ts), on the pod's raw speed: its calibration, its stored flag, the coach, auto-start.
    const running = isRunning({ cadence, speedMps: rawSpeedMps, sentRunning: measurement.isRunning }, this.#runningStatus, this.#podSentRunning);
    this.#podSentRunning ||= measurement.isRunning;
    const { speedMps, distanceM, rawDistanceM, factor, speedFrom } = this.#merge.row(
      timeS,
      rawSpeedMps,
      measurement.totalDistanceM,
      beltSpeedMps,
      treadmillStepM,
      gaitOfRow(running),
    );
    const strideDerived = steps.strideLengthM === null;
    const strideLengthM = steps.strideLengthM !== null ? steps.strideLengthM * factor : cadence > 0 ? (speedMps * 60) / cadence : 0;
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
      powerW: orNaN(powerW),
    });
    this.#latest = {
      timeS,
      speedMps,
      cadence,
      strideLengthM,
      strideDerived,
      distanceM,
      running,
      rawSpeedMps,
      rawDistanceM,
      heartRate,
      treadmillSpeedMps: beltSpeedMps,
      inclinePercent,
      powerW,
      speedFrom,
      sent,
    };
    const learned = this.#sensors?.rowDone(timeS, rawSpeedMps, beltSpeedMps, cadence, running) ?? null;
    this.#problem = null;
    this.dispatchEvent(new Event('sample'));
    if (learned !== null) this.#learned();
    this.#channelsChanged();
  }

  /**
   * Takes one parsed FTMS Treadmill Data notification: its latest values join the next pod rows.
   * The bytes are parsed by sensor-ingest.ts, which loads with the treadmill, not with every run,
   * and attaches the sensor parts before the first; without them this throws.
   */
  takeTreadmillData(data: TreadmillData, timeMs: number): void {
    this.#attached().takeTreadmillData(data, timeMs);
    this.#problem = null;
    this.#channelsChanged();
  }

  /**
   * Takes one parsed Heart Rate Measurement: its value joins the next pod rows. Freshness is
   * counted on the pod's rows and their clock, so the strap's clock is not needed.
   */
  takeHeartRate(measurement: HeartRateMeasurement): void {
    this.#attached().takeHeartRate(measurement);
    this.#problem = null;
    this.#channelsChanged();
  }

  /**
   * Takes the running power of one Cycling Power Measurement from the pod (parsed by
   * power-ingest.ts, which loads with the first one): it joins the next pod rows while fresh. Null:
   * the pod says it has no reading now (compensating its offset), so no row carries the last one.
   */
  takePower(powerW: number | null): void {
    this.#attached().takePower(powerW);
    this.#problem = null;
    this.#channelsChanged();
  }

  /**
   * A pod was (re)paired into this running session: its distance counter starts its own count
   * from its first reading, so another pod's odometer is never spliced into the run.
   */
  newSource(): void {
    this.#merge.newPod();
    this.#podSentRunning = false;
    // Power is the pod's own: another pod (or this one back) sends its own, or has none.
    this.forgetSensor('power');
  }

  /** The same for a (re)connected treadmill's distance counter. */
  newTreadmillSource(): void {
    if (this.#sensors === null) this.#newTreadmill = true;
    else this.#sensors.newTreadmill();
  }

  /** A sensor (or the pod, for its power) disconnected: its values are gone at once, not after they age out. */
  forgetSensor(sensor: ForgettableSensor): void {
    if (this.#sensors === null) this.#forgotten.add(sensor);
    else this.#sensors.forget(sensor);
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

  /**
   * New zones apply to the whole run so far, so the time-in-zone bar stays honest. This is 'zones',
   * not 'sample': no row came, and a listener that takes the latest row on 'sample' (the recorder)
   * would take the same one twice, or one from before Start as the run's first.
   */
  setZones(zones: CadenceZones): void {
    this.#zones = zones;
    this.#zoneTimes = zoneTimesOf(this.samples.column('t'), this.samples.column('cadence'), zones);
    this.dispatchEvent(new Event('zones'));
  }

  /** A sensor sent something unreadable: counted and said, never thrown. */
  skipped(sensor: UnreadableFrom, why: string): void {
    this.#malformed++;
    this.#problem = `Skipped a measurement the ${sensor} sent that could not be read (${why}).`;
    this.dispatchEvent(new Event('problem'));
  }

  #attached(): SessionSensors {
    if (this.#sensors === null) throw new Error('Attach the sensor parts (attachSensors) before taking treadmill, strap or power data.');
    return this.#sensors;
  }

  #learned(): void {
    this.#merge.calibration = [...this.#attached().autoCalibrationCurve];
    this.dispatchEvent(new Event('autocalibration'));
  }

  #channelsChanged(): void {
    const now = this.#sensors?.latest() ?? noChannels;
    const before = this.#shownChannels;
    if ((Object.keys(now) as (keyof LatestChannels)[]).every((key) => now[key] === before[key])) return;
    this.#shownChannels = now;
    this.dispatchEvent(new Event('channels'));
  }
}
