// The live run: measurement bytes in, samples, time in zone and the latest reading out.
// Every source (real pod or simulator) goes through here, so there is one parser path.

import { RscParseError, parseRscMeasurement } from '../ble/rsc.js';
import { CadenceUnitDecision } from './cadence-unit-decision.js';
import { DistanceTracker } from './distance.js';
import { SampleColumns } from './sample-columns.js';
import { trailingMean } from './smoothing.js';
import { type ZoneTimes, addZoneTime, emptyZoneTimes, zoneTimesOf } from './time-in-zone.js';
import type { CadenceZones } from './zones.js';

export interface LiveReading {
  timeS: number;
  speedMps: number;
  cadence: number;
  strideLengthM: number;
  /** True when the pod sent no stride length and it was derived from speed and cadence. */
  strideDerived: boolean;
  distanceM: number;
  running: boolean;
  /** What the pod sent, before the steps-or-strides decision; absent on readings made elsewhere. */
  sent?: { cadence: number; strideLengthM: number | null };
}

/** Events: 'sample' after each accepted measurement, 'problem' when one could not be read. */
export class LiveSession extends EventTarget {
  readonly samples = new SampleColumns();
  #zones: CadenceZones;
  #zoneTimes: ZoneTimes = emptyZoneTimes();
  #distance = new DistanceTracker();
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

  /** Another pod (or what is remembered about this one) decides the unit from the next reading on. */
  useCadenceUnit(decision: CadenceUnitDecision): void {
    this.#cadenceUnit = decision;
  }

  /** Takes one RSC measurement. A malformed one is counted and reported, never thrown. */
  ingest(view: DataView, timeMs: number): void {
    let measurement;
    try {
      measurement = parseRscMeasurement(view);
    } catch (error) {
      if (!(error instanceof RscParseError)) throw error;
      this.#malformed++;
      this.#problem = `Skipped a measurement the footpod sent that could not be read (${error.message}).`;
      this.dispatchEvent(new Event('problem'));
      return;
    }
    this.#startMs ??= timeMs;
    const previousS = this.#latest?.timeS;
    if (previousS !== undefined && timeMs - this.#startMs <= previousS * 1000) {
      // A new source (another simulator, a re-paired pod) starts its own clock: keep ours moving.
      this.#startMs = timeMs - (previousS + 1) * 1000;
    }
    const timeS = (timeMs - this.#startMs) / 1000;
    const { speedMps } = measurement;
    const sent = { cadence: measurement.cadence, strideLengthM: measurement.strideLengthM };
    const steps = this.#cadenceUnit.toSteps({ ...sent, speedMps, running: measurement.isRunning });
    const cadence = steps.cadence;
    const strideDerived = steps.strideLengthM === null;
    const strideLengthM = steps.strideLengthM ?? (cadence > 0 ? (speedMps * 60) / cadence : 0);
    const distanceM = this.#distance.add(timeS, speedMps, measurement.totalDistanceM);
    addZoneTime(this.#zoneTimes, this.#latest?.timeS ?? null, timeS, cadence, this.#zones);
    this.samples.push({ t: timeS, speedMps, cadence, strideLengthM, distanceM });
    this.#latest = { timeS, speedMps, cadence, strideLengthM, strideDerived, distanceM, running: measurement.isRunning, sent };
    this.#problem = null;
    this.dispatchEvent(new Event('sample'));
  }

  /**
   * A pod was (re)paired into this running session: its distance counter starts its own count
   * from its first reading, so another pod's odometer is never spliced into the run.
   */
  newSource(): void {
    this.#distance.newSource();
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
}
