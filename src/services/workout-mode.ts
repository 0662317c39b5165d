// Whether a treadmill can be driven by a workout, and why not in words: the one judgement the
// workout runner and the program's tests share, so a test never drives a belt a workout would not.

import type { SensorSource } from '../sources/sensor-source.js';
import type { TreadmillControl } from '../sources/treadmill-control.js';

export const treadmillControlOf = (source: SensorSource | null): TreadmillControl | null =>
  (source as (SensorSource & { control?: TreadmillControl }) | null)?.control ?? null;

/** Null when the connected treadmill takes speed commands; else why the workout runs by voice. */
export function voiceReason(source: SensorSource | null): string | null {
  if (source?.state !== 'connected') return 'No treadmill is connected: the workout runs by screen and voice.';
  const capabilities = treadmillControlOf(source)?.capabilities ?? null;
  if (!capabilities?.controlPoint) return 'This treadmill takes no commands: the workout runs by screen and voice.';
  if (capabilities.cannotDrive) return `${capabilities.cannotDrive} The workout runs by screen and voice.`;
  if (capabilities.feature && !capabilities.feature.speedTargetSupported) {
    return 'This treadmill does not take a target speed: the workout runs by screen and voice.';
  }
  return null;
}
