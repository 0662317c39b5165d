import { LitElement, css, html } from 'lit';
import { touchTargetStyles } from './form-control-styles.js';
import type { FinishFigures } from '../services/finish-figures.js';
import { type DistanceUnit, formatDistanceIn, formatDuration, formatPace, averagePaceSeconds, paceUnitLabel } from '../session/units.js';

/**
 * The end of a run: what it came to (moving time, distance, pace, cadence, time in target), its
 * cadence against the last runs at the same pace, and the way to the whole run. Fires 'dismiss'.
 */
export class StrideFinishCard extends LitElement {
  static override properties = { figures: { attribute: false }, unit: {} };
  declare figures: FinishFigures | null;
  declare unit: DistanceUnit;

  constructor() {
    super();
    this.figures = null;
    this.unit = 'km';
  }

  static override styles = [css`
    :host { display: block; background: var(--surface); border: 2px solid var(--accent); border-radius: 12px; padding: 1rem; }
    header { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; }
    h2 { margin: 0; font-size: 1.15rem; }
    dl { display: grid; grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr)); gap: 0.75rem 1rem; margin: 0.75rem 0; }
    dl div { min-width: 0; }
    dt { color: var(--muted); font-size: 0.85rem; }
    dd { margin: 0; font-size: 1.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
    dd small { font-size: 0.8rem; font-weight: 400; color: var(--muted); }
    .matched { margin: 0 0 0.75rem; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
    a.button {
      padding: 0.4rem 1rem; border-radius: 8px; background: var(--primary-bg); color: var(--on-strong);
      text-decoration: none; font-weight: 600;
    }
    button {
      font: inherit; padding: 0.4rem 0.9rem; border-radius: 8px; cursor: pointer;
      border: 1px solid var(--border); background: var(--surface-2); color: inherit;
    }
    a:focus-visible, button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  `, touchTargetStyles];

  protected override render() {
    const f = this.figures;
    if (!f) return html``;
    const unit = this.unit;
    const pace = f.distanceM > 0 ? formatPace(averagePaceSeconds(f.avgSpeedMps, unit)) : '–:––';
    const figure = (id: string, label: string, value: string, small = '') =>
      html`<div id=${id}><dt>${label}</dt><dd>${value}${small ? html` <small>${small}</small>` : ''}</dd></div>`;
    return html`<section aria-labelledby="finish-heading">
      <header>
        <h2 id="finish-heading">Run saved</h2>
        <button id="dismiss" aria-label="Close the finish card" @click=${this.#dismiss}>Close</button>
      </header>
      <dl>
        ${figure('moving', 'Moving time', formatDuration(f.movingS))}
        ${figure('distance', 'Distance', formatDistanceIn(f.distanceM, unit), unit)}
        ${figure('pace', 'Pace', pace, paceUnitLabel[unit])}
        ${figure('cadence', 'Average cadence', f.avgCadence === null ? '–' : String(Math.round(f.avgCadence)), 'steps/min')}
        ${figure('in-target', 'In target', formatDuration(f.targetS), `${f.zones.targetFrom}–${f.zones.targetTo}`)}
      </dl>
      <p class="matched" id="matched">${f.matched.sentence}</p>
      <div class="actions"><a class="button" id="open-run" href=${`/history/${encodeURIComponent(f.id)}`}>Open the run</a></div>
    </section>`;
  }

  #dismiss(): void {
    this.dispatchEvent(new Event('dismiss', { bubbles: true, composed: true }));
  }
}
customElements.define('stride-finish-card', StrideFinishCard);

declare global {
  interface HTMLElementTagNameMap {
    'stride-finish-card': StrideFinishCard;
  }
}
