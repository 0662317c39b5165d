// A heart-rate strap with no hardware: the heart follows the simulated footpod's run profile (or,
// while a program run is on, the belt speed the program sets: its pace) with a lag (it takes about
// half a minute to settle after a change of pace) and a beat of noise, and the strap speaks Heart
// Rate Measurement (0x2A37) bytes with RR intervals.

import { encodeHeartRateMeasurement } from '../ble/heart-rate-encode.js';
import { mulberry32, plannedSpeedAt } from './run-profile.js';
import { emptySensorInfo, type SensorInfo } from './sensor-source.js';
import { SimulatedSensor, type SimulatedSensorOptions } from './simulated-sensor.js';

export const simulatedHeartRateName = 'Simulated strap';

const STARTING_BPM = 95;
// About 125 bpm at an easy 2.6 m/s, 145 at a steady 3.3 m/s and 170 at 4.2 m/s.
export const bpmForSpeed = (speedMps: number): number => 125 + (speedMps - 2.6) * 28;
// The heart closes this share of the gap to its target each second (a time constant of 30 s).
const SETTLE_PER_SECOND = 1 - Math.exp(-1 / 30);
const NOISE_BPM = 1;

export class SimulatedHeartRate extends SimulatedSensor {
  readonly sensor = 'heart-rate' as const;
  readonly #rng: () => number;
  #bpm = STARTING_BPM;

  constructor(options: SimulatedSensorOptions = {}) {
    super(options, emptySensorInfo());
    this.#rng = mulberry32(options.seed ?? 1);
    // Starting mid-run starts with a heart already working.
    if (this.startAtS > 0) this.#bpm = bpmForSpeed(this.#speedAt(this.startAtS));
  }

  #speedAt(elapsedS: number): number {
    return this.pace(elapsedS)?.speedMps ?? plannedSpeedAt(elapsedS);
  }

  protected identity(): SensorInfo {
    return { deviceId: 'simulated-heart-rate', deviceName: simulatedHeartRateName, batteryLevel: 100 };
  }

  protected measurementAt(elapsedS: number): Uint8Array {
    this.#bpm += (bpmForSpeed(this.#speedAt(elapsedS)) - this.#bpm) * SETTLE_PER_SECOND;
    const heartRateBpm = Math.round(this.#bpm + (this.#rng() * 2 - 1) * NOISE_BPM);
    return encodeHeartRateMeasurement({
      heartRateBpm,
      sensorContact: 'detected',
      energyExpendedKj: null,
      rrIntervalsS: [60 / heartRateBpm],
    });
  }
}
