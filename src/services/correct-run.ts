// After a run: the distance the treadmill showed corrects the stored run (on request) and, where
// the run was at one steady pace, the pod's curve at that pace (session/run-correction.ts says
// why only then). Loaded from a finished run's page only.

import type { CalibrationPoint } from '../session/calibration.js';
import { addPoint, describeChange } from '../session/calibration-points.js';
import { type KnownFootpod, calibrationOf, knownFootpod } from '../session/known-footpods.js';
import { type TypedPrecision, correctionFrom } from '../session/run-correction.js';
import { type DistanceUnit, formatDistanceIn, speedPerHour, speedUnitLabel } from '../session/units.js';
import { changedNow, loadSession, saveSession } from '../store/session-store.js';
import { describeStoreError } from '../store/store-errors.js';
import type { CorrectionOutcome } from './calibration-types.js';

const percentOf = (factor: number): string => `${Math.round(factor * 1000) / 10}\u00a0%`;

export async function correctStoredRun(
  sessionId: string,
  treadmillDistanceM: number,
  /** How the runner typed it: a run already showing that figure is left as it is (undefined: the same to the centimetre). */
  typed: TypedPrecision | undefined,
  rescale: boolean,
  pods: readonly KnownFootpod[],
  unit: DistanceUnit,
  saveCurve: (podId: string, name: string | null, curve: readonly CalibrationPoint[]) => Promise<void>,
): Promise<CorrectionOutcome> {
  const shown = (m: number) => `${formatDistanceIn(m, unit)}\u00a0${unit}`;
  try {
    const session = await loadSession(sessionId);
    if (!session) return { ok: false, message: 'This run is no longer stored.' };
    if (session.meta.origin === 'import') {
      return { ok: false, message: 'This run was imported: there is no footpod reading to calibrate from.' };
    }
    const podId = session.meta.podId;
    if (!podId) return { ok: false, message: 'This run does not say which footpod recorded it, so there is nothing to calibrate.' };
    const known = knownFootpod(pods, podId);
    const podCurve = calibrationOf(known);
    const found = correctionFrom(session, podCurve, treadmillDistanceM, typed);
    if (!found.ok) return { ok: false, message: found.problem };
    if (found.matches) {
      return { ok: true, message: `This run already shows ${shown(session.meta.distanceM)}, as the treadmill did: nothing was changed.` };
    }
    const said: string[] = [];
    if (rescale) {
      await saveSession(found.run, changedNow(session.meta));
      said.push(`This run now shows ${shown(found.run.meta.distanceM)}, as the treadmill did (it showed ${shown(session.meta.distanceM)}).`);

    }
    if (found.point) {
      const added = addPoint(podCurve, found.point);
      await saveCurve(podId, session.meta.deviceName, added.curve);
      const name = known?.name ?? session.meta.deviceName ?? 'This footpod';
      const { factor, podSpeedMps, walking } = found.point;
      const pace = `${speedPerHour(podSpeedMps, unit).toFixed(1)}\u00a0${speedUnitLabel[unit]}${walking ? ', walking' : ''}`;
      said.push(`${name} now reads ${percentOf(factor)} of its raw distance at ${pace}.`);
      const change = describeChange(added, unit);
      if (change) said.push(change);
    } else {
      said.push(found.why!);
    }
    return { ok: true, message: said.join(' ') };
  } catch (error) {
    return { ok: false, message: `Could not correct the run: ${describeStoreError(error)}` };
  }
}
