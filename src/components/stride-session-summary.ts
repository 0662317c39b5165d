import { LitElement, css, html, nothing } from 'lit';
import type { HeartRateStats } from '../charts/session-channels.js';
import type { SessionSummary } from '../session/recorded-session.js';
import { type DistanceUnit, formatDuration, paceUnitLabel } from '../session/units.js';
import { formatAveragePace, formatCadence, formatDistance, formatRunningInTarget } from './session-format.js';

/**
 * A session's totals at a glance: time, distance, average pace and cadence, time in target,
 * average and maximum heart rate when a strap was worn, and average power from a pod that sends it.
 */
export class StrideSessionSummary extends LitElement {
  static override properties = {
    summary: { attribute: false },
    unit: {},
    heartRate: { attribute: false },
    powerW: { attribute: false },
  };
  declare summary: SessionSummary | null;
  declare unit: DistanceUnit;
  /** From the samples (the stored summary has no heart rate); null: no strap, no tiles. */
  declare heartRate: HeartRateStats | null;
  /** Average running power from the samples; null: the pod sent none, no tile. */
  declare powerW: number | null;

  constructor() {
    super();
    this.summary = null;
    this.unit = 'km';
    this.heartRate = null;
    this.powerW = null;
  }

  static override styles = css`
    :host { display: block; }
    dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr)); gap: 0.5rem; margin: 0; }
    div { background: var(--surface); border-radius: 10px; padding: 0.5rem 0.75rem; }
    dt { font-size: 0.8rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
    dd { margin: 0; font-size: 1.35rem; font-weight: 700; font-variant-numeric: tabular-nums; }
    .unit { font-size: 0.85rem; font-weight: 400; color: var(--muted); margin-left: 0.2rem; }
  `;

  protected override render() {
    const s = this.summary;
    if (!s) return nothing;
    const item = (id: string, label: string, value: string, unit = '') =>
      html`<div><dt>${label}</dt><dd data-stat=${id}>${value}${unit ? html`<span class="unit">${unit}</span>` : nothing}</dd></div>`;
    return html`<dl>
      ${item('time', 'Moving time', formatDuration(s.movingS))}
      ${item('distance', 'Distance', formatDistance(s.distanceM, this.unit), this.unit)}
      ${item('pace', 'Average pace', formatAveragePace(s.avgSpeedMps, this.unit), paceUnitLabel[this.unit])}
      ${item('cadence', 'Average cadence', formatCadence(s.avgCadence), 'steps/min')}
      ${((t) => item('target', 'In target, running', t.time, t.share))(formatRunningInTarget(s))}
      ${this.heartRate
        ? html`${item('heart-rate', 'Average heart rate', String(Math.round(this.heartRate.average)), 'bpm')}
          ${item('max-heart-rate', 'Maximum heart rate', String(Math.round(this.heartRate.maximum)), 'bpm')}`
        : nothing}
      ${this.powerW === null ? nothing : item('power', 'Average power', String(Math.round(this.powerW)), 'W')}
    </dl>`;
  }
}
customElements.define('stride-session-summary', StrideSessionSummary);

declare global {
  interface HTMLElementTagNameMap {
    'stride-session-summary': StrideSessionSummary;
  }
}
