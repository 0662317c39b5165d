// Averages of a channel over the time it was measured, not over its samples: a watch on smart
// recording writes a record every 1-60 s, so 20 min at 140 bpm every 8 s and 10 min at 170 every
// second is 150 bpm, where a mean of the records says 164. Each step's measured time goes to the
// samples on either side of it by the summary's rule (ownedSeconds in gap-steps.ts), so a 1 Hz
// live run weighs each sample by the second before it, as the cadence average always has.

import type { RecordedColumns, SessionGap } from './recorded-session.js';
import { GapCursor, ownedSeconds } from './gap-steps.js';

/** Which of a column's values are readings (a strap's 0 is none, a missing channel is NaN). */
export type IsReading = (value: number) => boolean;

const isFinite: IsReading = (value) => Number.isFinite(value);

/**
 * The time-weighted mean of `column` over the measured time of the steps between samples (pauses
 * and breaks left out), counting only the time owned by a sample whose value `counts`; null when
 * no measured time has a reading.
 */
export function timeWeightedMean(
  samples: RecordedColumns,
  column: ArrayLike<number>,
  gaps: readonly SessionGap[] = [],
  counts: (i: number) => boolean = (i) => isFinite(column[i]!),
): number | null {
  const { t } = samples;
  const cursor = new GapCursor(gaps);
  let seconds = 0;
  let sum = 0;
  const credit = (i: number, w: number): void => {
    if (w <= 0 || !counts(i)) return;
    seconds += w;
    sum += column[i]! * w;
  };
  for (let i = 1; i < t.length; i++) {
    const { byPrevious, bySample } = ownedSeconds(cursor.step(t[i - 1]!, t[i]!));
    credit(i - 1, byPrevious);
    credit(i, bySample);
  }
  return seconds > 0 ? sum / seconds : null;
}
