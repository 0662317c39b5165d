import { LitElement, html, nothing } from 'lit';
import type { AppServices } from '../services/services.js';
import '../components/stride-distance-correction.js';
import type { CorrectionApplyDetail } from '../components/stride-distance-correction.js';
import type { RecordedSession } from '../session/recorded-session.js';
import { hasPodMetres } from '../session/run-correction.js';

/** The pod's raw distance over the run (its last raw total over its first), or null without one. */
function rawPodDistance(session: RecordedSession): number | null {
  const raw = session.samples.rawDistanceM.filter((d) => Number.isFinite(d));
  return raw.length > 0 ? raw[raw.length - 1]! - raw[0]! : null;
}

function unavailableReason(session: RecordedSession, rawM: number | null): string | null {
  const { meta } = session;
  if (meta.origin === 'import') return 'This run was imported: there is no footpod reading to calibrate from.';
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
    if (!this.services || !session) return nothing;
    const rawM = rawPodDistance(session);
    const reason = unavailableReason(session, rawM);
    return html`<stride-distance-correction .podName=${session.meta.deviceName} .podDistanceM=${rawM ?? 0} .runDistanceM=${session.meta.distanceM}
      .unit=${this.services.settings.settings.distanceUnit} .available=${reason === null} .unavailableReason=${reason}
      .outcome=${this.outcome}
      @correction-apply=${(e: CustomEvent<CorrectionApplyDetail>) => void this.#apply(e.detail)}></stride-distance-correction>`;
  }

  async #apply({ treadmillDistanceM, rescaleRun, sameWithinM }: CorrectionApplyDetail): Promise<void> {
    const { services, session } = this;
    if (!services || !session) return;
    const outcome = await services.calibration.correctRun(session.meta.id, treadmillDistanceM, rescaleRun, sameWithinM);
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
