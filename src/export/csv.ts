// A recorded session as CSV for spreadsheets: one row per sample, fixed decimals, RFC 4180 line
// endings, and the header on the first line (no comment lines, which spreadsheets show as data).
// Numbers are written as numbers (a negative one too); every text cell goes through csvText, so
// no text can be read as a spreadsheet formula. pace_min_per_km is decimal minutes cut (not
// rounded) to hundredths, as the app cuts paces to the second: 8:59.7/km, shown as 8:59, is 8.99,
// never 9.00; more decimals would be rounded back up to 9.00 by a spreadsheet showing two.

import { type RecordedSession, SAMPLE_RUNNING, SAMPLE_STRIDE_DERIVED } from '../session/recorded-session.js';
import { formatDuration, paceMinutesCut, paceSeconds } from '../session/units.js';
import { metresCut } from './file-distance.js';

export const CSV_HEADER =
  'time_s,elapsed,speed_mps,pace_min_per_km,cadence_spm,stride_m,stride_derived,distance_m,running,heart_rate_bpm,treadmill_speed_mps,incline_percent';

const fixed = (value: number, digits: number): string => (Number.isFinite(value) ? value : 0).toFixed(digits);
/** A channel no sensor gave is an empty cell, never 0. */
const channel = (value: number, digits: number): string => (Number.isFinite(value) ? value.toFixed(digits) : '');

/** What spreadsheets take as the start of a formula (OWASP "CSV injection"), tab and carriage return included. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell: one that would start a formula gets a leading single quote, so the spreadsheet
 * shows it as text; one with a comma, quote or line break is quoted as RFC 4180 says.
 */
export function csvText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function encodeCsv(session: RecordedSession): string {
  const { t, speedMps, cadence, strideLengthM, distanceM, flags, heartRate, treadmillSpeedMps, inclinePercent } = session.samples;
  const rows = [CSV_HEADER];
  for (let i = 0; i < t.length; i++) {
    // Pace is left empty when standing or walking slowly, as the app shows no pace then.
    const pace = paceSeconds(speedMps[i]!, 'km');
    rows.push(
      [
        fixed(t[i]!, 3),
        csvText(formatDuration(t[i]!)),
        fixed(speedMps[i]!, 3),
        pace === null ? '' : paceMinutesCut(pace),
        fixed(cadence[i]!, 1),
        fixed(strideLengthM[i]!, 3),
        (flags[i]! & SAMPLE_STRIDE_DERIVED) !== 0 ? '1' : '0',
        fixed(metresCut(distanceM[i]!), 2),
        (flags[i]! & SAMPLE_RUNNING) !== 0 ? '1' : '0',
        channel(heartRate[i]!, 0),
        channel(treadmillSpeedMps[i]!, 3),
        channel(inclinePercent[i]!, 1),
      ].join(','),
    );
  }
  return rows.join('\r\n') + '\r\n';
}
