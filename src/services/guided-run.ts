// One guided check against the belt as the runner goes through it: collecting the pod's speed,
// ready for the belt speed once enough seconds are in, then done with a factor or a problem.
// Loaded when the runner starts a check, not with the first page.

import { type CalibrationCurve, type CalibrationPoint, factorAt, gaitOfPoint } from '../session/calibration.js';
import { addPoint, describeChange } from '../session/calibration-points.js';
import { GuidedCheck } from '../session/guided-check.js';
import { storedCurve } from '../session/known-footpods.js';
import type { LiveSession } from '../session/live-session.js';
import type { DistanceUnit } from '../session/units.js';
import type { GuidedOutcome, GuidedState } from './calibration-types.js';

export class GuidedRun {
  readonly #check: GuidedCheck;
  #state: GuidedState;

  // Listened to after the check's own listener, so the state follows the row the check just took.
  readonly #onSample = (): void => {
    if (this.#state.phase === 'done') return;
    const check = this.#check;
    this.#set({ ...this.#state, phase: check.elapsedS >= check.neededS ? 'ready' : 'running', elapsedS: check.elapsedS });
  };

  constructor(
    private readonly session: LiveSession,
    private readonly changed: () => void,
  ) {
    this.#check = new GuidedCheck(session);
    session.addEventListener('sample', this.#onSample);
    this.#state = { phase: 'running', elapsedS: 0, neededS: this.#check.neededS, result: null };
  }

  get state(): Readonly<GuidedState> {
    return this.#state;
  }

  cancel(): void {
    this.#check.cancel();
    this.session.removeEventListener('sample', this.#onSample);
  }

  /**
   * Ends the check with the belt speed the runner typed; a good result is `curve` with its point,
   * as the settings will keep it. It says "calibrated" only when that curve gives the new factor at
   * the new point's speed, and says which old points the new one replaced.
   */
  finish(beltSpeedMps: number, curve: CalibrationCurve, unit: DistanceUnit): { outcome: GuidedOutcome; curve: CalibrationPoint[] | null } {
    const result = this.#check.finish(beltSpeedMps);
    this.cancel();
    let outcome: GuidedOutcome;
    let kept: CalibrationPoint[] | null = null;
    if (!result.ok) {
      outcome = { ok: false, problem: result.problem };
    } else {
      const { point } = result;
      const added = addPoint(curve, point);
      kept = storedCurve(added.curve);
      if (factorAt(kept, point.podSpeedMps, gaitOfPoint(point)) === point.factor) {
        outcome = { ok: true, percent: point.factor * 100, atSpeedMps: point.podSpeedMps, beltSpeedMps, change: describeChange(added, unit) };
      } else {
        kept = null;
        outcome = { ok: false, problem: 'The new factor could not be kept in the footpod’s calibration, so nothing changed.' };
      }
    }
    this.#set({ ...this.#state, phase: 'done', result: outcome });
    return { outcome, curve: kept };
  }

  #set(state: GuidedState): void {
    this.#state = state;
    this.changed();
  }
}
