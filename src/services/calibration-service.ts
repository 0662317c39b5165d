// Calibrating the footpod against the belt, per pod, and applying it: hands the live session the
// curve remembered for the pod feeding it, the runner's choice of speed source, and the automatic
// calibration's lock; saves what the session learns from a treadmill; runs the guided check; and
// corrects a finished run from the distance the treadmill showed.
//
// Events: 'change' (the guided check moved on, a curve or the lock changed).

import type { CalibrationCurve, CalibrationPoint } from '../session/calibration.js';
import { type KnownFootpod, calibrationOf, knownFootpod, rememberFootpod, withAutoCalibrationLock, withCalibration } from '../session/known-footpods.js';
import type { AutoCalibrationState, LiveSession } from '../session/live-session.js';
import type { TypedPrecision } from '../session/run-correction.js';
import { footpodIdOf } from './footpod-cadence.js';
import type { CorrectionOutcome, GuidedOutcome, GuidedState } from './calibration-types.js';
import type { GuidedRun } from './guided-run.js';
import type { FootpodService } from './footpod-service.js';
import type { HistoryService } from './history-service.js';
import type { SettingsService } from './settings-service.js';

const sameCurve = (a: CalibrationCurve, b: CalibrationCurve): boolean =>
  a.length === b.length && a.every((p, i) => p.podSpeedMps === b[i]!.podSpeedMps && p.factor === b[i]!.factor);

export class CalibrationService extends EventTarget {
  #session: LiveSession | null = null;
  #podId: string | null = null;
  #guidedRun: GuidedRun | null = null;
  /** What the guided part shows without a check under way (idle, or a check that could not start). */
  #guidedOff: GuidedState = { phase: 'idle', elapsedS: 0, neededS: 0, result: null };

  readonly #changed = (): void => {
    this.dispatchEvent(new Event('change'));
  };

  readonly #onLearned = (): void => {
    const session = this.#session;
    const podId = this.#podId;
    if (!session || !podId || !this.settings.loaded) return;
    const curve = session.autoCalibration.curve;
    if (sameCurve(curve, calibrationOf(this.pod))) return;
    void this.#saveCurve(podId, this.footpod.source?.info.deviceName ?? null, curve);
  };

  constructor(
    private readonly footpod: FootpodService,
    private readonly settings: SettingsService,
    /** Refuses a run being recorded (it is not corrected, as it is not deleted or renamed), and is re-read after a correction. */
    private readonly history: HistoryService,
  ) {
    super();
    footpod.addEventListener('change', () => this.#follow());
    settings.addEventListener('change', () => this.#apply());
  }

  /** The pod feeding the live session, as remembered in the settings (undefined before it is). */
  get pod(): KnownFootpod | undefined {
    return this.#podId ? knownFootpod(this.settings.settings.footpods, this.#podId) : undefined;
  }
  get podId(): string | null {
    return this.#podId;
  }
  get guided(): Readonly<GuidedState> {
    return this.#guidedRun?.state ?? this.#guidedOff;
  }
  /** The factor the treadmill is teaching this run, or null without a treadmill's point yet. */
  get learning(): AutoCalibrationState | null {
    return this.#session?.autoCalibration ?? null;
  }

  setCurve(podId: string, curve: readonly CalibrationPoint[]): Promise<void> {
    return this.settings.update({ footpods: withCalibration(this.settings.settings.footpods, podId, [...curve]) });
  }

  /**
   * A curve found for a pod the settings do not list (they were read on another browser, restored
   * from a backup, or the pod fell off the list) adds the pod, so the curve is kept as promised.
   */
  #saveCurve(podId: string, name: string | null, curve: readonly CalibrationPoint[]): Promise<void> {
    const pods = this.settings.settings.footpods;
    const listed = knownFootpod(pods, podId) ? pods : rememberFootpod(pods, { id: podId, name });
    return this.settings.update({ footpods: withCalibration(listed, podId, [...curve]) });
  }

  setAutoLocked(podId: string, locked: boolean): Promise<void> {
    return this.settings.update({ footpods: withAutoCalibrationLock(this.settings.settings.footpods, podId, locked) });
  }

  /** Starts collecting the pod's speed; the runner holds one belt speed for about a minute. */
  async startGuided(): Promise<void> {
    const session = this.footpod.session;
    if (!session || this.footpod.source?.state !== 'connected') return;
    const { GuidedRun } = await import('./guided-run.js');
    this.#guidedRun?.cancel();
    this.#guidedRun = new GuidedRun(session, this.#changed);
    this.#changed();
  }

  cancelGuided(): void {
    this.#guidedRun?.cancel();
    this.#guidedRun = null;
    this.#guidedOff = { phase: 'idle', elapsedS: 0, neededS: 0, result: null };
    this.#changed();
  }

  /** Ends the check with the belt speed the runner typed; a good result joins the pod's curve. */
  finishGuided(beltSpeedMps: number): GuidedOutcome {
    const run = this.#guidedRun;
    const podId = this.#podId;
    if (!run || !podId) {
      const outcome: GuidedOutcome = { ok: false, problem: 'Start the check with the footpod connected first.' };
      this.#guidedOff = { phase: 'done', elapsedS: 0, neededS: 0, result: outcome };
      this.#guidedRun = null;
      this.#changed();
      return outcome;
    }
    const { outcome, curve } = run.finish(beltSpeedMps, calibrationOf(this.pod), this.settings.settings.distanceUnit);
    if (curve) void this.#saveCurve(podId, this.footpod.source?.info.deviceName ?? null, curve);
    return outcome;
  }

  /**
   * After a run: on request the run is re-scaled to show the treadmill's distance, and where it
   * was at one steady pace the pod's factor at that pace is set (see session/run-correction.ts).
   */
  async correctRun(sessionId: string, treadmillDistanceM: number, rescale: boolean, typed?: TypedPrecision): Promise<CorrectionOutcome> {
    // The recorder's next write would put back its own figures over a re-scaled run, and the
    // pod's new factor would apply from the middle of the run on.
    const refusal = await this.history.refusalWhileRecorded(sessionId, 'changed');
    if (refusal) return { ok: false, message: refusal };
    // Needed only on a finished run's page, so it loads there.
    const { correctStoredRun } = await import('./correct-run.js');
    const { footpods, distanceUnit } = this.settings.settings;
    const outcome = await correctStoredRun(sessionId, treadmillDistanceM, typed, rescale, footpods, distanceUnit, (podId, name, curve) =>
      this.#saveCurve(podId, name, curve),
    );
    // The re-scaled run is read back before this resolves: History, Weeks and the live page's
    // finish card show the run as its page now does, not the distance it no longer has.
    if (outcome.ok && rescale) await this.history.load();
    return outcome;
  }

  /** A new session, or a new pod feeding it, starts from the pod's remembered calibration. */
  #follow(): void {
    const session = this.footpod.session;
    const source = this.footpod.source;
    const podId = source ? footpodIdOf(source) : null;
    if (session === this.#session && podId === this.#podId) return;
    this.#session?.removeEventListener('autocalibration', this.#onLearned);
    this.#session = session;
    this.#podId = podId;
    session?.addEventListener('autocalibration', this.#onLearned);
    if (this.#guidedRun) this.cancelGuided();
    this.#apply();
  }

  #apply(): void {
    const session = this.#session;
    if (!session) return;
    const pod = this.pod;
    const curve = calibrationOf(pod);
    if (!sameCurve(session.calibration, curve)) session.setCalibration(curve);
    const auto = session.autoCalibration;
    const locked = pod?.autoCalibrationLocked ?? false;
    if (auto.locked !== locked || !sameCurve(auto.curve, curve)) session.setAutoCalibration(curve, locked);
    session.setSpeedFrom(this.settings.settings.speedFrom);
    this.#changed();
  }
}
