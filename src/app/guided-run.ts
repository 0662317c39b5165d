// One guided check against the belt as the runner goes through it: collecting the pod's speed,
// ready for the belt speed once enough seconds are in, then done with a factor or a problem.
// Loaded when the runner starts a check, not with the first page.

import { type CalibrationCurve, type CalibrationPoint, withPoint } from '../session/calibration.js';
import { GuidedCheck } from '../session/guided-check.js';
import type { LiveSession } from '../session/live-session.js';
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

  /** Ends the check with the belt speed the runner typed; a good result is `curve` with its point. */
  finish(beltSpeedMps: number, curve: CalibrationCurve): { outcome: GuidedOutcome; curve: CalibrationPoint[] | null } {
    const result = this.#check.finish(beltSpeedMps);
    this.cancel();
    const outcome: GuidedOutcome = result.ok
      ? { ok: true, percent: result.point.factor * 100, atSpeedMps: beltSpeedMps }
      : { ok: false, problem: result.problem };
    this.#set({ ...this.#state, phase: 'done', result: outcome });
    return { outcome, curve: result.ok ? withPoint(curve, result.point) : null };
  }

  #set(state: GuidedState): void {
    this.#state = state;
    this.changed();
  }
}
