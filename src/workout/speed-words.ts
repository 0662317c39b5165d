// A belt speed in words, as belt speeds are shown everywhere else: km/h or mph with one decimal.
// Workouts keep km/h (what a treadmill takes); the runner reads their own unit.

import { type DistanceUnit, speedPerHour, speedUnitLabel } from '../session/units.js';

/** "12.0 km/h" or "7.5 mph" for a speed in km/h. */
export const beltSpeedWords = (kmh: number, unit: DistanceUnit): string =>
  `${speedPerHour(kmh / 3.6, unit).toFixed(1)} ${speedUnitLabel[unit]}`;

/** "4.0 %": inclines are percent in every unit. */
export const inclineWords = (percent: number): string => `${percent.toFixed(1)} %`;
