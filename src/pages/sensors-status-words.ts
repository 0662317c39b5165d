// The one line the live page's Sensors section shows while it is closed: how the footpod (and its
// battery), the heart-rate strap and the treadmill are, so a runner sees at a glance that all is
// linked without opening the panels ("Simulated footpod · 100 % · no strap · no treadmill").

import type { AppServices } from '../services/services.js';
import type { ConnectionState } from '../sources/footpod-source.js';

export interface PodStatus {
  state: ConnectionState;
  name: string | null;
  batteryLevel: number | null;
}

export interface SensorStatus {
  /** null while the sensors' code has not loaded: nothing is linked then. */
  state: ConnectionState | null;
  /** A device of this kind was paired before and can be reconnected. */
  remembered: boolean;
}

/** States of a link on its way: named by what is happening rather than as "not connected". */
const linkingWords: Partial<Record<ConnectionState, string>> = {
  requesting: 'being chosen…',
  connecting: 'connecting…',
  reconnecting: 'reconnecting…',
};

function podWords(pod: PodStatus): string[] {
  const name = pod.name ?? 'Footpod';
  if (pod.state === 'connected') return [name, pod.batteryLevel === null ? 'battery not reported' : `${pod.batteryLevel} %`];
  const linking = linkingWords[pod.state];
  if (linking) return [`${name} ${linking}`];
  return [pod.state === 'disconnected' ? `${name} disconnected` : 'No footpod'];
}

function sensorWords(noun: string, sensor: SensorStatus): string {
  if (sensor.state === 'connected') return `${noun} connected`;
  const linking = sensor.state === null ? undefined : linkingWords[sensor.state];
  if (linking) return `${noun} ${linking}`;
  return sensor.remembered ? `${noun} not connected` : `no ${noun}`;
}

export const sensorsStatus = (pod: PodStatus, strap: SensorStatus, treadmill: SensorStatus): string =>
  [...podWords(pod), sensorWords('strap', strap), sensorWords('treadmill', treadmill)].join(' · ');

/** The line for the pod in use, the strap and the treadmill as the services have them now. */
export function sensorsStatusOf({ footpod, sensors, settings }: Pick<AppServices, 'footpod' | 'sensors' | 'settings'>): string {
  const pod = footpod.source ?? footpod.bluetooth;
  const ids = settings.settings.sensors;
  return sensorsStatus(
    { state: pod.state, name: pod.info.deviceName, batteryLevel: pod.info.batteryLevel },
    { state: sensors.source('heart-rate')?.state ?? null, remembered: ids.heartRateId !== null },
    { state: sensors.source('treadmill')?.state ?? null, remembered: ids.treadmillId !== null },
  );
}
