// A workout's steps in the runner's words and unit: belt speeds as a treadmill shows them (one
// decimal, km/h or mph), paces as min/km or min/mi, a step's length as a clock or a distance.
// Stored speeds are km/h always (what a treadmill takes); these are the only ways they are shown.
import type { PlannedStep, StepIntensity, StepLength, WorkoutItem } from '../workout/workout-types.js';
import { type DistanceUnit, averagePaceSeconds, distanceIn, formatDuration, formatPace, paceUnitLabel, speedPerHour, speedUnitLabel } from '../session/units.js';

const mps = (kmh: number): number => kmh / 3.6;

/** A belt speed in the runner's unit, one decimal: "12.0 km/h", "7.5 mph". */
export const beltSpeedText = (kmh: number, unit: DistanceUnit): string => `${speedPerHour(mps(kmh), unit).toFixed(1)} ${speedUnitLabel[unit]}`;

/**
 * The pace a speed runs at, cut to the second as every pace is, once the float error is gone: a
 * pace typed as 4:45 /km is kept as 1000 / 285 m/s, whose pace back is 284.99999999999994 s; to a
 * millionth of a second it is 285 again, and reads as typed.
 */
export const paceOf = (kmh: number, unit: DistanceUnit): string => {
  const seconds = averagePaceSeconds(mps(kmh), unit);
  return formatPace(seconds === null ? null : Math.round(seconds * 1e6) / 1e6);
};

/** The pace a belt speed runs at: "5:00 min/km". */
export const paceText = (kmh: number, unit: DistanceUnit): string => `${paceOf(kmh, unit)} ${paceUnitLabel[unit]}`;

/** A time as a runner says it: "3 min", "45 s", "1:30 min" when it is not whole minutes; an hour or more as a clock, "1:01:30". */
export function timeText(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds >= 3600) return formatDuration(seconds);
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${formatDuration(seconds)} min`;
}

/** A distance as a step's length: metres under a km ("400 m", "1.5 km"), miles in miles ("0.25 mi"). */
export function distanceText(metres: number, unit: DistanceUnit): string {
  if (unit === 'km') return metres < 1000 ? `${Math.round(metres)} m` : `${trim(metres / 1000)} km`;
  return `${trim(metres / 1609.344)} mi`;
}

/**
 * What is left of a distance step, rounded up as the time left is: "7 m left" in km, and in miles
 * "0.01 mi" for 7 m, never "0 mi" while metres remain.
 */
export function distanceLeftText(metres: number, unit: DistanceUnit): string {
  const wholeMetres = Math.max(0, Math.ceil(metres - 1e-9));
  if (unit === 'km' && wholeMetres < 1000) return `${wholeMetres} m`;
  return `${Math.ceil(distanceIn(metres, unit) * 100 - 1e-9) / 100} ${unit}`;
}

/** Two decimals at most, without trailing zeros: 1.5, 0.25, 5. */
const trim = (value: number): string => String(Math.round(value * 100) / 100);

export const lengthText = (length: StepLength, unit: DistanceUnit): string =>
  length.kind === 'time' ? timeText(length.seconds) : distanceText(length.metres, unit);

export const intensityLabels: Readonly<Record<StepIntensity, string>> = {
  warmup: 'Warm-up',
  active: 'Run',
  recovery: 'Recovery',
  cooldown: 'Cool-down',
};

/** What a step asks of the belt and the runner, in a line: "12.0 km/h, incline 2 %, 170 steps/min". */
export function stepTargets(step: Pick<PlannedStep, 'speedKmh' | 'inclinePercent' | 'cadence'>, unit: DistanceUnit): string {
  const parts = [
    step.speedKmh === null ? 'speed as it is' : beltSpeedText(step.speedKmh, unit),
    ...(step.inclinePercent === null ? [] : [`incline ${step.inclinePercent} %`]),
    ...(step.cadence === null ? [] : [`${step.cadence} steps/min`]),
  ];
  return parts.join(', ');
}

/** A step in one line: "Hard: 3 min at 12.0 km/h, incline 2 %". */
export const stepLine = (step: Pick<PlannedStep, 'name' | 'length' | 'speedKmh' | 'inclinePercent' | 'cadence'>, unit: DistanceUnit): string =>
  `${step.name || 'Step'}: ${lengthText(step.length, unit)}, ${stepTargets(step, unit)}`;

/** A workout's shape in a line: "Warm-up 10 min, 6 × (Hard 3 min, Easy 2 min), Cool-down 5 min". */
export function itemsSummary(items: readonly WorkoutItem[], unit: DistanceUnit): string {
  const step = (s: { name: string; length: StepLength }) => `${s.name || 'Step'} ${lengthText(s.length, unit)}`;
  return items.map((item) => (item.kind === 'step' ? step(item) : `${item.times} × (${item.steps.map(step).join(', ')})`)).join(', ');
}
