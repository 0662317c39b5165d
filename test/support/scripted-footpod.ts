// A footpod whose every notification the test writes: RSC bytes from the real encoder, stamped
// at the seconds the test names. For service-level tests that need a pod the simulator is not
// (another odometer, a pod that sends totals only sometimes); pairing itself is tested through
// Chromium's emulated Bluetooth stack, not with this.
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import type { RscMeasurement } from '../../src/ble/rsc.js';
import {
  type ConnectionState,
  type FootpodInfo,
  type FootpodSource,
  MeasurementEvent,
  emptyFootpodInfo,
} from '../../src/sources/footpod-source.js';

export class ScriptedFootpod extends EventTarget implements FootpodSource {
  readonly kind = 'simulator' as const;
  state: ConnectionState = 'idle';
  readonly message = null;
  readonly info: FootpodInfo;

  constructor(deviceName: string) {
    super();
    this.info = { ...emptyFootpodInfo(), deviceName };
  }

  async connect(): Promise<void> {
    this.state = 'connected';
    this.dispatchEvent(new Event('statechange'));
  }

  disconnect(): void {
    this.state = 'disconnected';
    this.dispatchEvent(new Event('statechange'));
  }

  /** The link drops and the source retries it by itself until it is back, as Web Bluetooth's does. */
  dropAndReconnectByItself(): void {
    this.state = 'reconnecting';
    this.dispatchEvent(new Event('statechange'));
    this.state = 'connected';
    this.dispatchEvent(new Event('statechange'));
  }

  /** One notification at `timeS` on this pod's clock. */
  send(timeS: number, measurement: Partial<RscMeasurement>): void {
    const bytes = encodeRscMeasurement({
      speedMps: 3,
      cadence: 170,
      strideLengthM: null,
      totalDistanceM: null,
      isRunning: true,
      ...measurement,
    });
    this.dispatchEvent(new MeasurementEvent(new DataView(bytes.buffer), timeS * 1000));
  }
}
