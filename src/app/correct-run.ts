// After a run: the distance the treadmill showed against the pod's raw distance sets the pod's
// factor at the run's pace, and on request the stored run is re-scaled from its raw values.
// Loaded from a finished run's page only.

import type { CalibrationPoint } from '../session/calibration.js';
import { withPoint } from '../session/calibration-points.js';
import { type KnownFootpod, calibrationOf, knownFootpod } from '../session/known-footpods.js';
import { afterRunCalibration, rescaleRun } from '../session/rescale-run.js';
import { loadSession, saveSession } from '../store/session-store.js';
import { describeStoreError } from '../store/store-errors.js';
import type { CorrectionOutcome } from './calibration-types.js';

const percentOf = (factor: number): string => `${Math.round(factor * 1000) / 10} %`;

export async function correctStoredRun(
  sessionId: string,
  treadmillDistanceM: number,
  rescale: boolean,
  pods: readonly KnownFootpod[],
  saveCurve: (podId: string, name: string | null, curve: readonly CalibrationPoint[]) => Promise<void>,
): Promise<CorrectionOutcome> {
  try {
    const session = await loadSession(sessionId);
    if (!session) return { ok: false, message: 'This run is no longer stored.' };
    if (session.meta.origin === 'import') {
      return { ok: false, message: 'This run was imported: there is no footpod reading to calibrate from.' };
    }
    const podId = session.meta.podId;
    if (!podId) return { ok: false, message: 'This run does not say which footpod recorded it, so there is nothing to calibrate.' };
    const found = afterRunCalibration(session, treadmillDistanceM);
    if (!found.ok) return { ok: false, message: found.problem };
    const known = knownFootpod(pods, podId);
    const curve = withPoint(calibrationOf(known), found.point);
    await saveCurve(podId, session.meta.deviceName, curve);
    const name = known?.name ?? session.meta.deviceName ?? 'this footpod';
    const set = `${name} now reads ${percentOf(found.point.factor)} of its raw distance.`;
    if (!rescale) return { ok: true, message: set };
    const rescaled = rescaleRun(session, curve);
    if (!rescaled) return { ok: true, message: `${set} This run has no raw footpod values, so it stays as recorded.` };
    await saveSession(rescaled);
    return { ok: true, message: `${set} This run was corrected too.` };
  } catch (error) {
    return { ok: false, message: `Could not correct the run: ${describeStoreError(error)}` };
  }
}
