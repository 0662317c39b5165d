// A smart treadmill with no hardware: its belt follows the simulated footpod's run profile
// exactly (a belt holds the set speed; the runner's noise is the footpod's), or, while a program
// run is on, the belt speed the program sets (its pace, level: a test is judged on this belt), and
// it speaks Treadmill Data (0x2ACD) bytes like a real FTMS treadmill, so the same parser reads both.

import { encodeTreadmillData } from '../ble/ftms-treadmill-encode.js';
import { emptyTreadmillData } from '../ble/ftms-treadmill.js';
import { plannedSpeedAt } from './run-profile.js';
import { emptySensorInfo, type SensorInfo } from './sensor-source.js';
import { SimulatedSensor, type SimulatedSensorOptions } from './simulated-sensor.js';

export const simulatedTreadmillName = 'Simulated treadmill';
/** The incline most runners set to make up for the missing air resistance; a program's belt is level. */
export const SIMULATED_INCLINE_PERCENT = 1;

export class SimulatedTreadmill extends SimulatedSensor {
  readonly sensor = 'treadmill' as const;
  // The belt's own odometer, from the first second the simulation ran.
  #distanceM = 0;
  #secondsSinceStart = 0;

  constructor(options: SimulatedSensorOptions = {}) {
    super(options, emptySensorInfo());
  }

  protected identity(): SensorInfo {
    return { deviceId: 'simulated-treadmill', deviceName: simulatedTreadmillName, batteryLevel: null };
  }

  protected measurementAt(elapsedS: number): Uint8Array {
    const aim = this.pace(elapsedS);
    const speedMps = aim?.speedMps ?? plannedSpeedAt(elapsedS);
    const bytes = encodeTreadmillData({
      ...emptyTreadmillData(),
      speedMps,
      // As with the footpod, the distance is what was covered before this second.
      totalDistanceM: Math.floor(this.#distanceM),
      inclinationPercent: aim ? 0 : SIMULATED_INCLINE_PERCENT,
      elapsedTimeS: this.#secondsSinceStart,
    });
    this.#distanceM += speedMps;
    this.#secondsSinceStart++;
    return bytes;
  }
}
