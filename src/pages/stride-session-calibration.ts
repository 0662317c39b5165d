import { LitElement, html, nothing } from 'lit';
import type { AppServices } from '../services/services.js';
import '../components/stride-distance-correction.js';
import type { CorrectionApplyDetail } from '../components/stride-distance-correction.js';
import { type RecordedSession, SAMPLE_SPEED_FROM_TREADMILL } from '../session/recorded-session.js';
import { hasPodMetres } from '../session/run-correction.js';

/** The pod's raw distance over the run (its last raw total over its first), or null without one. */
function rawPodDistance(session: RecordedSession): number | null {
  const raw = session.samples.rawDistanceM.filter((d) => Number.isFinite(d));
  return raw.length > 0 ? raw[raw.length - 1]! - raw[0]! : null;
}

/**
 * Whether a footpod fed the run at all, so the run's page offers to calibrate one from it: a
 * watch's file or a treadmill alone leaves nothing of a pod's to calibrate (not even a reason why
 * not). A pod's rows are those the treadmill did not give; older runs kept no pod id or raw values.
 */
export function hasFootpodData(session: RecordedSession): boolean {
  const { meta, samples } = session;
  if (meta.origin === 'import') return false;
  if (meta.podId) return true;
  for (let i = 0; i < samples.t.length; i++) {
    if ((samples.flags[i]! & SAMPLE_SPEED_FROM_TREADMILL) === 0 && (samples.speedMps[i]! > 0 || samples.cadence[i]! > 0)) return true;
  }
  return false;
}

function unavailableReason(session: RecordedSession, rawM: number | null, recordingNow: boolean): string | null {
  const { meta } = session;
  // The recorder's next write would undo a re-scaled run, and the pod's factor would change mid-run.
  if (recordingNow) return 'This run is being recorded: the correction is offered once it is saved.';
  if (!meta.podId || rawM === null || !(rawM > 0)) {
    return 'This run was recorded before Stridewise kept the footpod’s raw readings, so it cannot be calibrated from.';
  }
  // By the rows, not the speed-source setting at the end: left on Treadmill with no treadmill
  // connected, every metre was the pod's.
  if (!hasPodMetres(session.samples)) return 'This run took its speed and distance from the treadmill, so there is nothing to correct.';
  return null;
}

/**
 * The session page's "the treadmill showed…" correction: sets the pod's factor from a finished
 * run and, on request, re-scales the run. Fires 'session-changed' when the stored run changed.
 */
export class StrideSessionCalibration extends LitElement {
  static override properties = {
    services: { attribute: false },
    session: { attribute: false },
    outcome: { state: true },
  };
  declare services: AppServices | null;
  declare session: RecordedSession | null;
  declare outcome: string | null;

  constructor() {
    super();
    this.services = null;
    this.session = null;
    this.outcome = null;
  }

  protected override render() {
    const session = this.session;
    if (!this.services || !session || !hasFootpodData(session)) return nothing;
    const rawM = rawPodDistance(session);
    const reason = unavailableReason(session, rawM, this.services.history.isRecordingNow(session.meta.id));
    return html`<stride-distance-correction .podName=${session.meta.deviceName} .podDistanceM=${rawM ?? 0} .runDistanceM=${session.meta.distanceM}
      .unit=${this.services.settings.settings.distanceUnit} .available=${reason === null} .unavailableReason=${reason}
      .outcome=${this.outcome}
      @correction-apply=${(e: CustomEvent<CorrectionApplyDetail>) => void this.#apply(e.detail)}></stride-distance-correction>`;
  }

  async #apply({ treadmillDistanceM, rescaleRun, typed }: CorrectionApplyDetail): Promise<void> {
    const { services, session } = this;
    if (!services || !session) return;
    const outcome = await services.calibration.correctRun(session.meta.id, treadmillDistanceM, rescaleRun, typed);
    this.outcome = outcome.message;
    // The history was read again by the correction itself; the run's page opens the run afresh.
    if (outcome.ok && rescaleRun) this.dispatchEvent(new Event('session-changed', { bubbles: true, composed: true }));
  }
}
customElements.define('stride-session-calibration', StrideSessionCalibration);

declare global {
  interface HTMLElementTagNameMap {
    'stride-session-calibration': StrideSessionCalibration;
  }
}
