// Calibration after the fact. A recorded run keeps the pod's raw speed and distance, so a curve
// found later (a guided check, the treadmill's distance typed after the run) can re-scale it row
// by row, exactly as it would have been scaled live.

import { type CalibrationCurve, type Gait, factorAt } from './calibration.js';
import { rowAtOrAfter, sliceColumns } from './recorded-columns.js';
import {
  type RecordedColumns,
  type RecordedSession,
  SAMPLE_RUNNING,
  SAMPLE_SPEED_FROM_TREADMILL,
  SAMPLE_STRIDE_DERIVED,
} from './recorded-session.js';
import { summarizeSamples } from './session-summary.js';

const fromTreadmill = (c: RecordedColumns, i: number): boolean => (c.flags[i]! & SAMPLE_SPEED_FROM_TREADMILL) !== 0;

/**
 * A row's gait as it was scaled live: its stored running flag, the one answer the live session
 * calibrated it by (gait.ts), read back rather than judged again.
 */
export const gaitOfStoredRow = (c: RecordedColumns, i: number): Gait => ((c.flags[i]! & SAMPLE_RUNNING) !== 0 ? 'run' : 'walk');

/**
 * The gait a pod row was scaled by live: its stored flag, except on a run recorded before the flag
 * was the calibration's answer (the flag judged on the shown speed, the calibration on the raw),
 * whose row shows the other gait's factor in its speed and not the flag's: it keeps that gait.
 */
function gaitScaledBy(c: RecordedColumns, i: number, recorded: CalibrationCurve): Gait {
  const flagged = gaitOfStoredRow(c, i);
  const raw = c.rawSpeedMps[i]!;
  if (fromTreadmill(c, i) || !(raw > 0) || !(c.speedMps[i]! > 0)) return flagged;
  const shown = c.speedMps[i]! / raw;
  const other: Gait = flagged === 'run' ? 'walk' : 'run';
  return !sameFactor(shown, factorAt(recorded, raw, flagged)) && sameFactor(shown, factorAt(recorded, raw, other)) ? other : flagged;
}

/** Whether every row the pod gave speed for has its raw values, and there is at least one. */
function rescalable(c: RecordedColumns): boolean {
  let podRows = 0;
  for (let i = 0; i < c.t.length; i++) {
    if (fromTreadmill(c, i)) continue;
    if (!Number.isFinite(c.rawSpeedMps[i]!) || !Number.isFinite(c.rawDistanceM[i]!)) return false;
    podRows++;
  }
  return podRows > 0;
}

/** Within float32 rounding of each other: the stored speed shows that factor. */
const sameFactor = (a: number, b: number): boolean => Math.abs(a - b) <= Math.abs(b) * 1e-6;

/**
 * The run with speed, distance and sent stride lengths of every pod row recomputed from the raw
 * values with `curve`, its gaps' covered metres and summary to match, and the curve kept in the
 * meta. Rows the treadmill gave speed for keep the belt's metres. Null when there is nothing to
 * re-scale: no raw values (an imported run, or one recorded before they were kept) or only
 * treadmill rows.
 *
 * A row's step can hold pod metres of earlier rows: while the treadmill's count is awaited, the
 * rows it gives speed for add nothing, and when its count never comes (a dropout) the next row the
 * pod stands in for adds them (SpeedDistanceMerge). Those held metres are what the row's step has
 * beyond its own raw step times its factor; they are kept, scaled from the old curve to the new one
 * as the raw steps of the rows they came from are. So re-scaling with the curve a run was recorded
 * with changes nothing, and re-scaling with another curve and back again restores it.
 */
export function rescaleRun(session: RecordedSession, curve: CalibrationCurve): RecordedSession | null {
  const old = session.samples;
  if (!rescalable(old)) return null;
  const oldCurve = session.meta.calibration ?? [];
  const c = sliceColumns(old, 0);
  const n = c.t.length;
  /** New distance step over old, per row, for the metres a gap's counter covered. */
  const stepScale = new Float64Array(n).fill(1);
  /** Pod metres of treadmill rows awaiting its count, by the old curve and by the new one. */
  let awaitingOldM = 0;
  let awaitingNewM = 0;
  const heldScale = (): number => (awaitingOldM > 0 ? awaitingNewM / awaitingOldM : 1);
  for (let i = 0; i < n; i++) {
    const oldStepM = i > 0 ? old.distanceM[i]! - old.distanceM[i - 1]! : 0;
    const rawStepM = i > 0 ? old.rawDistanceM[i]! - old.rawDistanceM[i - 1]! : 0;
    const raw = old.rawSpeedMps[i]!;
    const gait = gaitScaledBy(old, i, oldCurve);
    const factor = factorAt(curve, raw, gait);
    const recordedFactor = factorAt(oldCurve, raw, gait);
    let stepM = oldStepM;
    // The factor the row was scaled with live: as the stored speed shows it, where it can (the
    // curve may have changed mid-run), the recorded curve's where that is the same but exact.
    const shown = !fromTreadmill(old, i) && raw > 0 && old.speedMps[i]! > 0 ? old.speedMps[i]! / raw : Number.NaN;
    const oldFactor = !Number.isFinite(shown) || sameFactor(shown, recordedFactor) ? recordedFactor : shown;
    if (!fromTreadmill(old, i)) {
      stepM = i > 0 ? rawStepM * factor + (oldStepM - rawStepM * oldFactor) * heldScale() : 0;
      awaitingOldM = awaitingNewM = 0;
      c.speedMps[i] = raw * factor;
    } else if (i > 0 && !Number.isFinite(old.treadmillSpeedMps[i - 1]!)) {
      // The belt's first row after a silence: its count spans rows the pod covered, so the pod's
      // step (and what it held) stood in for it.
      stepM = rawStepM * factor + (oldStepM - rawStepM * recordedFactor) * heldScale();
      awaitingOldM = awaitingNewM = 0;
    } else if (oldStepM === 0) {
      // Still awaiting the belt's count; a row the pod added nothing to (standing) keeps what is held.
      awaitingOldM += Math.max(0, rawStepM) * recordedFactor;
      awaitingNewM += Math.max(0, rawStepM) * factor;
    } else {
      awaitingOldM = awaitingNewM = 0;
    }
    // A stride the pod sent is scaled by its factor whoever gave the speed; a derived one follows the speed.
    if ((old.flags[i]! & SAMPLE_STRIDE_DERIVED) !== 0) {
      c.strideLengthM[i] = old.cadence[i]! > 0 ? (c.speedMps[i]! * 60) / old.cadence[i]! : 0;
    } else {
      c.strideLengthM[i] = (old.strideLengthM[i]! / oldFactor) * factor;
    }
    if (oldStepM > 0) stepScale[i] = stepM / oldStepM;
    c.distanceM[i] = i > 0 ? c.distanceM[i - 1]! + stepM : old.distanceM[0]!;
  }
  const gaps = session.meta.gaps.map((gap) => {
    if (gap.coveredM === undefined) return { ...gap };
    // The covered metres are the step of the first row after the gap.
    const row = rowAtOrAfter(c.t, gap.toT);
    return { ...gap, coveredM: gap.coveredM * (stepScale[row] ?? 1) };
  });
  const meta = {
    ...session.meta,
    ...summarizeSamples(c, session.meta.zones, gaps),
    gaps,
    calibration: curve.map((point) => ({ ...point })),
  };
  return { meta, samples: c };
}
