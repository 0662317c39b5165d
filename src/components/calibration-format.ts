// Numbers of the calibration panels as a runner types and reads them: a factor as a percentage,
// speeds and distances typed in the runner's unit. One place, so the three panels agree.

import { type DistanceUnit, distanceIn, speedPerHour, speedUnitLabel } from '../session/units.js';

/** "94.3 %", as describeCurve writes a factor; the space does not break, so "%" never starts a line. */
export const formatFactor = (factor: number): string => `${Math.round(factor * 1000) / 10}\u00a0%`;

/** "10.8 km/h": a speed in the runner's unit, number and unit kept on one line. */
export const formatSpeed = (speedMps: number, unit: DistanceUnit): string =>
  `${speedPerHour(speedMps, unit).toFixed(1)}\u00a0${speedUnitLabel[unit]}`;

/**
 * A number as typed: "10.8", "10,8" (a decimal comma, as many runners write it) or " 10 ".
 * Null for anything else, so "10 km/h" or "ten" is refused rather than read as part of it.
 */
export function parseTypedNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^(\d+\.?\d*|\.\d+)$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** m/s from km/h or mph. */
export const speedFromPerHour = (perHour: number, unit: DistanceUnit): number => perHour / speedPerHour(1, unit);

/** Metres from km or miles. */
export const metresFrom = (amount: number, unit: DistanceUnit): number => amount / distanceIn(1, unit);
