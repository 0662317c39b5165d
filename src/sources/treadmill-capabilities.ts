// What a treadmill can be asked to do, from what was read on connect. A Supported Speed Range of 0
// to 0 or with its minimum above its maximum is the treadmill saying its belt cannot be set (or
// saying nonsense, which is no better): it is not clamped against, and the runner is told in words
// that the belt cannot be driven, so the workout runs by screen and voice. An Inclination Range
// that leaves nothing to choose (0 to 0 on a treadmill without an incline motor, or upside down)
// rules out the incline only.

import type { FitnessMachineFeature, InclinationRange, SpeedRange } from '../ble/ftms-ranges.js';
import type { TreadmillCapabilities } from './treadmill-control-types.js';
import { treadmillControlMessages as words } from './treadmill-control-words.js';

export interface ReadOnConnect {
  feature: FitnessMachineFeature | null;
  speed: SpeedRange | null;
  incline: InclinationRange | null;
  controlPoint: boolean;
}

export function capabilitiesFrom({ feature, speed, incline, controlPoint }: ReadOnConnect): TreadmillCapabilities {
  const capabilities: TreadmillCapabilities = { feature, speed, incline, controlPoint };
  if (speed && (speed.maxKmh <= 0 || speed.minKmh > speed.maxKmh)) {
    capabilities.speed = null;
    capabilities.cannotDrive = words.cannotDrive(speed.minKmh, speed.maxKmh);
  }
  if (incline && incline.minPercent >= incline.maxPercent) {
    capabilities.incline = null;
    capabilities.cannotIncline = words.cannotIncline(incline.minPercent, incline.maxPercent);
  }
  return capabilities;
}
