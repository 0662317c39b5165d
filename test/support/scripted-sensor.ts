// A treadmill or heart-rate strap whose every notification the test writes: Treadmill Data and
// Heart Rate Measurement bytes from the real encoders, so the whole path from the SensorService
// through the live session's parsers is the app's own. A test double for the source only; pairing
// itself is tested through Chromium's emulated Bluetooth stack, not with this.
//
// Also a footpod that says it is a Bluetooth one (with a device id), for what the app does only for
// real pods (remembering its BluetoothDevice id), with RSC bytes from the real encoder.
import { encodeTreadmillData } from '../../src/ble/ftms-treadmill-encode.js';
import { type TreadmillData, emptyTreadmillData } from '../../src/ble/ftms-treadmill.js';
import { encodeHeartRateMeasurement } from '../../src/ble/heart-rate-encode.js';
import type { HeartRateMeasurement } from '../../src/ble/heart-rate.js';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import type { RscMeasurement } from '../../src/ble/rsc.js';
import type { PairableSensor } from '../../src/services/sensor-service.js';
import {
  type ConnectionState,
  type FootpodInfo,
  type FootpodSource,
  MeasurementEvent,
  emptyFootpodInfo,
} from '../../src/sources/footpod-source.js';
import type { SensorInfo } from '../../src/sources/sensor-source.js';

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const noTreadmillFields: TreadmillData = { ...emptyTreadmillData(), speedMps: 0 };

abstract class ScriptedSensor extends EventTarget implements PairableSensor {
  abstract readonly sensor: 'treadmill' | 'heart-rate';
  readonly kind = 'bluetooth' as const;
  readonly supported = true;
  state: ConnectionState = 'idle';
  readonly message = null;
  info: SensorInfo = { deviceId: null, deviceName: null, batteryLevel: null };
  /** How the test's runner reached it: 'chooser' (connect) or 'remembered' (connectRemembered). */
  readonly connects: ('chooser' | 'remembered')[] = [];
  /** Calls of findRemembered. */
  lookedForRemembered = 0;

  constructor(
    readonly deviceId: string,
    readonly deviceName: string,
    /** What findRemembered answers: the id the app remembered, as the browser would know it. */
    readonly rememberedId: () => string | null = () => null,
  ) {
    super();
  }

  async findRemembered(): Promise<{ name: string | null } | null> {
    this.lookedForRemembered++;
    return this.rememberedId() === this.deviceId ? { name: this.deviceName } : null;
  }

  async connect(): Promise<void> {
    this.connects.push('chooser');
    this.#connected();
  }

  async connectRemembered(): Promise<void> {
    this.connects.push('remembered');
    this.#connected();
  }

  disconnect(): void {
    this.state = 'disconnected';
    this.dispatchEvent(new Event('statechange'));
  }

  protected emit(bytes: Uint8Array, timeS: number): void {
    this.dispatchEvent(new MeasurementEvent(viewOf(bytes), timeS * 1000));
  }

  #connected(): void {
    this.info = { deviceId: this.deviceId, deviceName: this.deviceName, batteryLevel: null };
    this.dispatchEvent(new Event('info'));
    this.state = 'connected';
    this.dispatchEvent(new Event('statechange'));
  }
}

export class ScriptedTreadmill extends ScriptedSensor {
  readonly sensor = 'treadmill' as const;

  /** One Treadmill Data notification at `timeS` on the treadmill's clock. */
  send(timeS: number, fields: Partial<TreadmillData>): void {
    this.emit(encodeTreadmillData({ ...noTreadmillFields, ...fields }), timeS);
  }
}

export class ScriptedHeartRate extends ScriptedSensor {
  readonly sensor = 'heart-rate' as const;

  /** One Heart Rate Measurement notification. */
  send(timeS: number, heartRateBpm: number, fields: Partial<HeartRateMeasurement> = {}): void {
    this.emit(encodeHeartRateMeasurement({ heartRateBpm, sensorContact: 'detected', energyExpendedKj: null, rrIntervalsS: null, ...fields }), timeS);
  }
}

/** A pod the app takes for a Bluetooth one: it has a BluetoothDevice id, and the app remembers it. */
export class ScriptedBluetoothFootpod extends EventTarget implements FootpodSource {
  readonly kind = 'bluetooth' as const;
  state: ConnectionState = 'idle';
  readonly message = null;
  info: FootpodInfo = emptyFootpodInfo();

  constructor(
    readonly deviceId: string,
    readonly deviceName: string,
  ) {
    super();
  }

  async connect(): Promise<void> {
    this.info = { ...emptyFootpodInfo(), deviceId: this.deviceId, deviceName: this.deviceName };
    this.dispatchEvent(new Event('info'));
    this.state = 'connected';
    this.dispatchEvent(new Event('statechange'));
  }

  disconnect(): void {
    this.state = 'disconnected';
    this.dispatchEvent(new Event('statechange'));
  }

  send(timeS: number, measurement: Partial<RscMeasurement>): void {
    const bytes = encodeRscMeasurement({ speedMps: 3, cadence: 170, strideLengthM: null, totalDistanceM: null, isRunning: true, ...measurement });
    this.dispatchEvent(new MeasurementEvent(viewOf(bytes), timeS * 1000));
  }
}
