// STAND-IN until h-rules merges (contract section 1): replaced by the rules helper's file.
import type { InclinationRange, SpeedRange } from '../ble/ftms-ranges.js';

export interface BeltLimits {
  speed: SpeedRange | null;
  incline: InclinationRange | null;
  maxSpeedKmh: number;
  maxInclinePercent: number;
}
export interface Clamped {
  value: number;
  changed: null | 'runner-max' | 'treadmill-max' | 'treadmill-min';
  message: string | null;
}
export const DEFAULT_MAX_SPEED_KMH = 20;
export const defaultRunnerMax = (speed: SpeedRange | null): number => Math.min(speed?.maxKmh ?? DEFAULT_MAX_SPEED_KMH, DEFAULT_MAX_SPEED_KMH);

function clamp(value: number, min: number, max: number, inc: number, runnerMax: number): Clamped {
  let changed: Clamped['changed'] = null;
  let v = value;
  if (v > runnerMax) [v, changed] = [runnerMax, 'runner-max'];
  if (v > max) [v, changed] = [max, 'treadmill-max'];
  if (v < min) [v, changed] = [min, 'treadmill-min'];
  const from = Number.isFinite(min) ? min : 0;
  let r = from + Math.round((v - from) / inc) * inc;
  while (r > Math.min(max, runnerMax) + 1e-9) r -= inc;
  r = Math.round(r * 100) / 100;
  return { value: r, changed, message: changed ? `The step asks ${value.toFixed(1)} km/h; the belt is set to ${r.toFixed(1)} km/h.` : null };
}
export const clampSpeed = (kmh: number, l: BeltLimits): Clamped =>
  clamp(kmh, l.speed?.minKmh ?? 0, l.speed?.maxKmh ?? Infinity, l.speed?.incrementKmh ?? 0.01, l.maxSpeedKmh);
export const clampIncline = (p: number, l: BeltLimits): Clamped =>
  clamp(p, l.incline?.minPercent ?? -Infinity, l.incline?.maxPercent ?? Infinity, l.incline?.incrementPercent ?? 0.1, l.maxInclinePercent);
