// The part of the Web Bluetooth API the app uses. TypeScript's DOM library has no Web Bluetooth
// types, and the project adds no @types package, so they are written here: module-scoped (not
// global) so they cannot clash with a declaration elsewhere. Names follow the specification.

export type BluetoothServiceUuid = number | string;
export type BluetoothCharacteristicUuid = number | string;

export interface BluetoothLEScanFilter {
  services?: BluetoothServiceUuid[];
  name?: string;
  namePrefix?: string;
}

export interface RequestDeviceOptions {
  filters?: BluetoothLEScanFilter[];
  optionalServices?: BluetoothServiceUuid[];
  acceptAllDevices?: boolean;
}

export interface BluetoothCharacteristicProperties {
  readonly read: boolean;
  readonly write: boolean;
  readonly notify: boolean;
  readonly indicate: boolean;
}

/** Fires 'characteristicvaluechanged' for notifications and for the answer to readValue(). */
export interface BluetoothRemoteGATTCharacteristic extends EventTarget {
  readonly uuid: string;
  readonly properties: BluetoothCharacteristicProperties;
  readonly value: DataView | null;
  readValue(): Promise<DataView>;
  writeValueWithResponse(value: BufferSource): Promise<void>;
  startNotifications(): Promise<BluetoothRemoteGATTCharacteristic>;
  stopNotifications(): Promise<BluetoothRemoteGATTCharacteristic>;
}

export interface BluetoothRemoteGATTService {
  readonly uuid: string;
  getCharacteristic(characteristic: BluetoothCharacteristicUuid): Promise<BluetoothRemoteGATTCharacteristic>;
}

export interface BluetoothRemoteGATTServer {
  readonly device: BluetoothDevice;
  readonly connected: boolean;
  connect(): Promise<BluetoothRemoteGATTServer>;
  disconnect(): void;
  getPrimaryService(service: BluetoothServiceUuid): Promise<BluetoothRemoteGATTService>;
}

export interface WatchAdvertisementsOptions {
  signal?: AbortSignal;
}

/** Fires 'gattserverdisconnected' and, while watching, 'advertisementreceived'. */
export interface BluetoothDevice extends EventTarget {
  readonly id: string;
  readonly name?: string | null;
  readonly gatt?: BluetoothRemoteGATTServer;
  /** Chrome only, behind the new permissions backend; absent elsewhere. */
  watchAdvertisements?(options?: WatchAdvertisementsOptions): Promise<void>;
  readonly watchingAdvertisements?: boolean;
  forget?(): Promise<void>;
}

export interface Bluetooth extends EventTarget {
  getAvailability?(): Promise<boolean>;
  requestDevice(options: RequestDeviceOptions): Promise<BluetoothDevice>;
  /** Devices this origin was allowed to use before; Chrome only. */
  getDevices?(): Promise<BluetoothDevice[]>;
}

/** `navigator.bluetooth`, or undefined where the browser has no Web Bluetooth. */
export function navigatorBluetooth(): Bluetooth | undefined {
  if (typeof navigator === 'undefined') return undefined;
  return (navigator as Navigator & { bluetooth?: Bluetooth }).bluetooth;
}
