// A smart treadmill with no hardware: its belt follows the simulated footpod's run profile
// exactly (a belt holds the set speed; the runner's noise is the footpod's), or, while a program
// run is on, the belt speed the program sets (its pace, level: a test is judged on this belt), and
// it speaks Treadmill Data (0x2ACD) bytes like a real FTMS treadmill, so the same parser reads both.
// Once a workout takes control, the belt is the simulated control point's (simulated-belt.ts):
// it answers every command as a treadmill would and the Treadmill Data follows it instead, from
// then on: a lost link and a reconnect leave the belt as the workout set it.

import { encodeTreadmillData } from '../ble/ftms-treadmill-encode.js';
import { emptyTreadmillData } from '../ble/ftms-treadmill.js';
import { plannedSpeedAt } from './run-profile.js';
import { emptySensorInfo, type SensorInfo } from './sensor-source.js';
import { SIMULATED_INCLINE_RANGE, SIMULATED_SPEED_RANGE, SimulatedBelt } from './simulated-belt.js';
import { SimulatedSensor, type SimulatedSensorOptions } from './simulated-sensor.js';
import { type TreadmillCapabilities, type TreadmillControl, TreadmillControlPoint } from './treadmill-control.js';

export const simulatedTreadmillName = 'Simulated treadmill';
/** The incline most runners set to make up for the missing air resistance; a program's belt is level. */
export const SIMULATED_INCLINE_PERCENT = 1;

const simulatedCapabilities = (): TreadmillCapabilities => ({
  // Average speed, total distance, inclination; target speed and inclination (FTMS 4.3.1).
  feature: { machineFeatures: 0x0d, targetSettingFeatures: 0x03, speedTargetSupported: true, inclinationTargetSupported: true },
  speed: { ...SIMULATED_SPEED_RANGE },
  incline: { ...SIMULATED_INCLINE_RANGE },
  controlPoint: true,
});

const viewOf = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export class SimulatedTreadmill extends SimulatedSensor {
  readonly sensor = 'treadmill' as const;
  readonly #control: TreadmillControlPoint;
  // The belt once a workout took control (it stays the workout's over a reconnect, as a real
  // belt keeps running); null: the profile (or program) runs it.
  #belt: SimulatedBelt | null = null;
  #lastKmh = 0;
  #lastInclinePercent = SIMULATED_INCLINE_PERCENT;
  // The belt's own odometer, from the first second the simulation ran.
  #distanceM = 0;
  #secondsSinceStart = 0;

  constructor(options: SimulatedSensorOptions = {}) {
    super(options, emptySensorInfo());
    this.#control = new TreadmillControlPoint({ write: (bytes) => this.#write(bytes) });
    this.addEventListener('statechange', () => {
      if (this.state === 'connected') {
        this.#control.connected(simulatedCapabilities());
      } else if (this.#control.capabilities) {
        // A lost link sends nothing new: the belt keeps the speed and incline it was given.
        this.#belt?.linkLost();
        this.#control.linkLost();
      }
    });
  }

  get control(): TreadmillControl {
    return this.#control;
  }

  protected identity(): SensorInfo {
    return { deviceId: 'simulated-treadmill', deviceName: simulatedTreadmillName, batteryLevel: null };
  }

  protected measurementAt(elapsedS: number): Uint8Array {
    const aim = this.pace(elapsedS);
    const belt = this.#belt;
    belt?.second();
    const speedMps = belt ? belt.speedKmh / 3.6 : (aim?.speedMps ?? plannedSpeedAt(elapsedS));
    const inclinationPercent = belt ? belt.inclinePercent : aim ? 0 : SIMULATED_INCLINE_PERCENT;
    this.#lastKmh = speedMps * 3.6;
    this.#lastInclinePercent = inclinationPercent;
    const bytes = encodeTreadmillData({
      ...emptyTreadmillData(),
      speedMps,
      // As with the footpod, the distance is what was covered before this second.
      totalDistanceM: Math.floor(this.#distanceM),
      inclinationPercent,
      elapsedTimeS: this.#secondsSinceStart,
    });
    this.#distanceM += speedMps;
    this.#secondsSinceStart++;
    return bytes;
  }

  /** The simulated control point: answers a moment later, as an indication and a status would arrive. */
  #write(request: Uint8Array): Promise<void> {
    if (this.state !== 'connected') return Promise.reject(new DOMException('The simulated treadmill is not connected.', 'NetworkError'));
    // The belt carries on from where the profile had it, so taking control moves nothing by itself.
    this.#belt ??= new SimulatedBelt(this.#lastKmh, this.#lastInclinePercent);
    const { indication, status } = this.#belt.answer(request);
    queueMicrotask(() => {
      this.#control.indication(viewOf(indication));
      if (status) this.#control.status(viewOf(status));
    });
    return Promise.resolve();
  }
}
