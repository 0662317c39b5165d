// What the sensor service and its links both speak of: the sensors that can join the footpod in a
// run (a smart treadmill and a heart-rate strap), what a pairable one offers, how each is made, and
// keeping the device last paired. Below both, so neither imports the other for it.

import type { SensorSource } from '../sources/sensor-source.js';
import type { SensorIds } from '../session/settings.js';
import type { SettingsService } from './settings-service.js';

export type ExtraSensor = 'treadmill' | 'heart-rate';
export const extraSensors: readonly ExtraSensor[] = ['treadmill', 'heart-rate'];

/** What the service needs of a sensor beside the common interface: remembering and reconnecting. */
export interface PairableSensor extends SensorSource {
  readonly supported: boolean;
  findRemembered(): Promise<{ name: string | null } | null>;
  connectRemembered(): Promise<void>;
}

export interface SensorOptions {
  /** The BluetoothDevice.id this sensor was last paired with, kept in the settings. */
  rememberedId: () => string | null;
}

/** How each sensor is made; may load its code on demand. Tests hand in their own. */
export type SensorLoaders = Record<ExtraSensor, (options: SensorOptions) => PairableSensor | Promise<PairableSensor>>;

/**
 * Keeps `id` as the device remembered under `key`, when it is new there. Never before the stored
 * settings were read: saving then would overwrite them. True when it saved.
 */
export function rememberDeviceId(settings: SettingsService, key: keyof SensorIds, id: string | null): boolean {
  if (id === null || id === settings.settings.sensors[key] || !settings.loaded) return false;
  void settings.update({ sensors: { ...settings.settings.sensors, [key]: id } });
  return true;
}
