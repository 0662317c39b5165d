// A footpod with no hardware: it speaks RSC Measurement bytes like a real pod, so `npm start`
// works on any machine and the whole parse → session path is exercised. Its clock (SimulatedSensor's,
// shared with the simulated treadmill and strap) can run faster than real time, and tests can
// drive it synchronously with emitSeconds.

import { encodeCyclingPowerMeasurement, powerOnly } from '../ble/cycling-power-encode.js';
import { encodeRscMeasurement } from '../ble/rsc-encode.js';
import { emptyFootpodInfo, type FootpodInfo, type FootpodSource, MeasurementEvent, POWER_EVENT } from './footpod-source.js';
import type { FootpodControlPoint } from './footpod-control-point.js';
import { cadenceForSpeed, mulberry32, pacedSampleAt, PaceBlend, phaseAt, plannedSpeedAt, runSampleAt } from './run-profile.js';
import { SimulatedSensor, type SimulatedSensorOptions } from './simulated-sensor.js';

export interface SimulatedFootpodOptions extends SimulatedSensorOptions {
  /**
   * 'strides' acts as a pod that counts one foot: half the cadence, with a two-step stride length.
   * It has an identity and name of its own, so what the app learns about it stays apart. Default 'steps'.
   */
  cadenceUnit?: 'steps' | 'strides';
}

export const simulatedDeviceName = 'Simulated footpod';
export const simulatedStridesDeviceName = 'Simulated stride pod';
// Stride length, total distance and walking/running status supported (bits 0-2).
const FEATURE_BITS = 0x0007;
const IN_SHOE = 2;
// About 15 % over 3 hours, like a coin cell in a real pod.
const SECONDS_PER_BATTERY_PERCENT = 720;
const LOWEST_BATTERY = 5;
// A real pod takes a moment to indicate its answer; the page should show the wait too.
const CONTROL_POINT_ANSWER_MS = 150;
/**
 * Running power on the flat as a pod like a Stryd reports it: P = ECOR × m × v, the energy cost of
 * running (about 1.04 J per kg per metre, nearly the same at every pace) times the runner's mass
 * times speed. 70 kg at 12 km/h (3.33 m/s) is about 243 W.
 */
const ENERGY_COST_J_PER_KG_M = 1.04;
const RUNNER_KG = 70;

/** The simulated runner's power at `speedMps` on the flat, watts (see ENERGY_COST_J_PER_KG_M). */
export const simulatedPowerW = (speedMps: number): number => Math.round(ENERGY_COST_J_PER_KG_M * RUNNER_KG * Math.max(0, speedMps));


function featureView(): DataView {
  const view = new DataView(new ArrayBuffer(2));
  view.setUint16(0, FEATURE_BITS, true);
  return view;
}

export class SimulatedFootpod extends SimulatedSensor<FootpodInfo> implements FootpodSource {
  readonly sensor = 'footpod' as const;
  readonly #rng: () => number;
  readonly #countsStrides: boolean;
  // Going between a program's belt and the plan, the runner changes speed and cadence gradually.
  readonly #blend = new PaceBlend();
  // The pod's own counter survives a disconnect, as a real pod's does, so a reconnect continues
  // the same run and its distance never goes backwards.
  #distanceM = 0;
  /** The speed of the measurement being sent, for the power sent beside it. */
  #speedMps = 0;

  #controlPoint: FootpodControlPoint | undefined;
  #loading: Promise<FootpodControlPoint> | null = null;

  constructor(options: SimulatedFootpodOptions = {}) {
    super(options, emptyFootpodInfo());
    this.#rng = mulberry32(options.seed ?? 1);
    this.#countsStrides = options.cadenceUnit === 'strides';
  }

  /** Answers in SC Control Point bytes like a real pod, once loaded; its feature bits offer only the distance reset. */
  get controlPoint(): FootpodControlPoint | undefined {
    return this.#controlPoint;
  }

  loadControlPoint(): Promise<FootpodControlPoint> {
    this.#loading ??= import('./footpod-control-point.js').then(
      ({ FootpodControlPoint }) =>
        (this.#controlPoint ??= new FootpodControlPoint({
          connected: () => this.state === 'connected',
          feature: () => this.info.feature,
          send: (request) => {
            this.#answerControlPoint(request);
            return Promise.resolve();
          },
        })),
      (error: unknown) => {
        this.#loading = null;
        throw error;
      },
    );
    return this.#loading;
  }

  override disconnect(): void {
    super.disconnect();
    this.#controlPoint?.linkLost();
  }

  protected identity(): FootpodInfo {
    return {
      deviceId: this.#countsStrides ? 'simulated-strides' : 'simulated',
      deviceName: this.#countsStrides ? simulatedStridesDeviceName : simulatedDeviceName,
      feature: featureView(),
      sensorLocation: IN_SHOE,
      batteryLevel: this.#batteryLevel(),
    };
  }

  protected measurementAt(elapsedS: number): Uint8Array {
    // The pod alone asks for the runner's aim, once a second: the runner moves on with each ask.
    const paced = this.pace(elapsedS);
    const planned = plannedSpeedAt(elapsedS);
    const aim = this.#blend.next(paced ? 'paced' : 'plan', paced ?? { speedMps: planned, cadence: cadenceForSpeed(planned) });
    // The plan's own seeded run, except while the runner changes from a paced run to it.
    const sample = paced || this.#blend.blending ? pacedSampleAt(elapsedS, aim, this.#rng) : runSampleAt(elapsedS, this.#rng);
    if (!paced) sample.phase = phaseAt(elapsedS);
    // A strides pod counts one foot, so each of its strides is two of the profile's steps.
    const perCount = this.#countsStrides ? 2 : 1;
    const bytes = encodeRscMeasurement({
      speedMps: sample.speedMps,
      cadence: Math.round(sample.cadence / perCount),
      strideLengthM: sample.strideLengthM * perCount,
      totalDistanceM: this.#distanceM,
      isRunning: sample.isRunning,
    });
    // The distance in a measurement is what was covered before it, so the first one says 0 m.
    this.#distanceM += sample.speedMps;
    this.#speedMps = sample.speedMps;
    return bytes;
  }

  protected override sendingMeasurement(timeMs: number): void {
    // Like a Stryd, power comes on a characteristic of its own, in Cycling Power Measurement bytes,
    // beside each RSC one; sent first, so the row made of that RSC one carries it.
    const power = encodeCyclingPowerMeasurement(powerOnly(simulatedPowerW(this.#speedMps)));
    this.dispatchEvent(new MeasurementEvent(new DataView(power.buffer), timeMs, POWER_EVENT));
  }

  protected override measured(): void {
    const battery = this.#batteryLevel();
    if (this.info.batteryLevel !== null && this.info.batteryLevel !== battery) {
      this.setInfo({ ...this.info, batteryLevel: battery });
    }
  }

  #answerControlPoint(request: Uint8Array): void {
    const opCode = request[0] ?? 0;
    const setsDistance = opCode === 1 && request.length === 5;
    if (setsDistance) this.#distanceM = new DataView(request.buffer, request.byteOffset).getUint32(1, true) / 10;
    const answer = Uint8Array.of(0x10, opCode, setsDistance ? 1 : 2);
    setTimeout(() => this.#controlPoint?.indication(new DataView(answer.buffer)), CONTROL_POINT_ANSWER_MS);
  }

  #batteryLevel(): number {
    return Math.max(LOWEST_BATTERY, 100 - Math.floor(this.secondsEmitted / SECONDS_PER_BATTERY_PERCENT));
  }
}
