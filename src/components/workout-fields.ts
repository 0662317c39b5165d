// What the workout editor's boxes hold, both ways: a stored step's numbers as the runner types them
// (a time as m:ss, a distance in m or miles, a speed in km/h or mph or a pace per km or mile), and
// what they typed back to stored numbers, or a problem in words. An empty box means "leave it as it
// is" for speed, incline and cadence; a length must be given.
import { type DistanceUnit, formatDuration, paceUnitLabel, speedUnitLabel } from '../session/units.js';
import type { StepLength } from '../workout/workout-types.js';
import { paceOf } from './workout-format.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const METRES_PER_MILE = 1609.344;
const KMH_PER_MPH = METRES_PER_MILE / 1000;

/** Commas are decimal points too, as a phone's keyboard in many countries types them. */
const number = (text: string): number => (/^[-+]?\d*([.,]\d*)?$/.test(text.trim()) && /\d/.test(text) ? Number(text.trim().replace(',', '.')) : NaN);

/** "3:30" or "3" (minutes) or "1:02:00" to seconds; NaN when it is neither. */
export function clockSeconds(text: string): number {
  const parts = text.trim().split(':');
  if (parts.length > 3 || parts.some((p) => p.trim() === '')) return NaN;
  const values = parts.map(number);
  if (values.some((v) => !Number.isFinite(v) || v < 0)) return NaN;
  if (values.length === 1) return values[0]! * 60;
  if (values.slice(1).some((v) => v >= 60)) return NaN;
  return values.reduce((total, v) => total * 60 + v, 0);
}

/** Round to a tenth of a second or a tenth of a metre: what a box can be typed to. */
const tenth = (value: number): number => Math.round(value * 10) / 10;

export function lengthBox(length: StepLength, unit: DistanceUnit): string {
  if (length.kind === 'time') return formatDuration(length.seconds);
  return unit === 'km' ? String(Math.round(length.metres)) : String(Math.round((length.metres / METRES_PER_MILE) * 1000) / 1000);
}

/** How a length box reads: an hour or more shows as h:mm:ss (lengthBox), so its label says so. */
export const lengthUnitLabel = (length: StepLength, unit: DistanceUnit): string =>
  length.kind === 'time' ? (length.seconds >= 3600 ? 'h:min:s' : 'min:s') : unit === 'km' ? 'm' : 'mi';

export function parseLength(text: string, kind: StepLength['kind'], unit: DistanceUnit): Parsed<StepLength> {
  if (kind === 'time') {
    const seconds = clockSeconds(text);
    return Number.isFinite(seconds) && seconds > 0
      ? { ok: true, value: { kind: 'time', seconds: Math.round(seconds) } }
      : { ok: false, problem: 'type the time as minutes and seconds, for example 3:00 or 0:45' };
  }
  const value = number(text);
  // Metres are whole or tenths as typed; miles keep every metre a mile is (1 mi is 1609.344 m, not
  // 1609.3), so a whole number of miles adds up to that many miles, never a hundredth short.
  const metres = unit === 'km' ? tenth(value) : value * METRES_PER_MILE;
  if (!Number.isFinite(value) || value <= 0) {
    return { ok: false, problem: unit === 'km' ? 'type the distance in metres, for example 400' : 'type the distance in miles, for example 0.25' };
  }
  // Under a metre no belt or pod can tell the step from nothing: it would end as it began.
  if (metres < 1) {
    return { ok: false, problem: unit === 'km' ? 'a step must be at least 1 m: type the distance in metres, for example 400' : 'a step must be at least 1 m (0.001 mi): type the distance in miles, for example 0.25' };
  }
  return { ok: true, value: { kind: 'distance', metres } };
}

/** How the editor shows speeds: as the belt's speed or as the pace it runs at. */
export type SpeedForm = 'speed' | 'pace';

/** What is past a millionth of a speed in the runner's unit is the last bit of a float division, never the runner's. */
const millionth = (value: number): number => Math.round(value * 1e6) / 1e6;

/**
 * A stored speed as its box shows it: a tenth of the runner's unit ("12.0"), or its hundredth
 * when it is not on a tenth ("12.25", never "12.3": the box must not say more than the step runs),
 * cut, not rounded up; or the pace cut to the second as the rest of the app shows paces.
 */
export function speedBox(kmh: number | null, form: SpeedForm, unit: DistanceUnit): string {
  if (kmh === null) return '';
  if (form === 'pace') return paceOf(kmh, unit);
  const inUnit = millionth(unit === 'km' ? kmh : kmh / KMH_PER_MPH);
  const tenths = inUnit * 10;
  if (Math.abs(tenths - Math.round(tenths)) < 1e-5) return (Math.round(tenths) / 10).toFixed(1);
  return (Math.floor(inUnit * 100 + 1e-5) / 100).toFixed(2);
}

/**
 * A saved highest speed as its box shows it: to a hundredth of the runner's unit, never rounded
 * above the maximum applied, yet as it was typed: "10" mph is kept as 16.09344 km/h, and one kept
 * before to a thousandth, 16.093 km/h (9.9997 mph), still shows "10.0", since the belt's grid
 * reads both as the same maximum; 16.25 km/h shows "16.25", not "16.3".
 */
export function maxSpeedBox(kmh: number, unit: DistanceUnit): string {
  const inUnit = unit === 'km' ? kmh : kmh / KMH_PER_MPH;
  const near = Math.round(inUnit * 100) / 100;
  const back = parseSpeed(String(near), 'speed', unit);
  // A maximum saved when typed speeds were kept to a thousandth of a km/h is the one `near` typed then.
  const shown = back.ok && back.value !== null && (back.value <= kmh || Math.round(back.value * 1000) / 1000 === kmh) ? near : Math.floor(inUnit * 100) / 100;
  // One decimal at least, as belt speeds read: "16.0", "16.25".
  return shown.toFixed(2).replace(/(\.\d)0$/, '$1');
}

export const speedUnitWords = (form: SpeedForm, unit: DistanceUnit): string => (form === 'speed' ? speedUnitLabel[unit] : paceUnitLabel[unit]);

/**
 * A typed speed or pace to km/h, kept whole: no rounding, so it reads back as typed (a pace kept
 * to a thousandth of a km/h came back a second fast for half of all paces); the belt rounds it to
 * its own step. Empty: the belt's speed stays.
 */
export function parseSpeed(text: string, form: SpeedForm, unit: DistanceUnit): Parsed<number | null> {
  if (text.trim() === '') return { ok: true, value: null };
  if (form === 'speed') {
    const value = number(text);
    if (!Number.isFinite(value) || value <= 0) {
      return { ok: false, problem: `type the speed in ${speedUnitLabel[unit]}, for example ${unit === 'km' ? '12.5' : '7.5'}, or leave it empty to keep the belt's speed` };
    }
    return { ok: true, value: unit === 'km' ? value : value * KMH_PER_MPH };
  }
  const seconds = clockSeconds(text);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    return { ok: false, problem: `type the pace as minutes and seconds per ${unit === 'km' ? 'km' : 'mile'}, for example ${unit === 'km' ? '5:30' : '8:45'}, or leave it empty to keep the belt's speed` };
  }
  const metres = unit === 'km' ? 1000 : METRES_PER_MILE;
  return { ok: true, value: (metres / seconds) * 3.6 };
}

/** Incline or cadence: a number or, empty, none. */
export function parseOptional(text: string, what: 'incline' | 'cadence'): Parsed<number | null> {
  if (text.trim() === '') return { ok: true, value: null };
  const value = number(text);
  if (!Number.isFinite(value)) {
    return what === 'incline'
      ? { ok: false, problem: 'type the incline in percent, for example 2 or 1.5, or leave it empty to keep the belt\'s incline' }
      : { ok: false, problem: 'type the cadence in steps per minute, for example 170, or leave it empty for none' };
  }
  return { ok: true, value: what === 'cadence' ? Math.round(value) : tenth(value) };
}

export function parseTimes(text: string): Parsed<number> {
  const value = number(text);
  return Number.isInteger(value) && value > 0 ? { ok: true, value } : { ok: false, problem: 'type how many times to repeat, a whole number such as 6' };
}
