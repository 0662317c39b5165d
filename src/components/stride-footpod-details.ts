import { LitElement, css, html, nothing } from 'lit';
import { touchTargetStyles } from './form-control-styles.js';
import { parseRscFeature, type RscFeature } from '../ble/rsc.js';
import { sensorLocationName } from '../ble/sensor-locations.js';
import type { FootpodCommand, FootpodCommandKind, FootpodDetails } from '../sources/footpod-details.js';
import type { FootpodInfo } from '../sources/footpod-source.js';

export type { FootpodCommand, FootpodCommandKind, FootpodDetails };

/** What the pod offers, as [feature, name, words when offered, words when not]. */
const featureWords: readonly [keyof RscFeature, string, string, string][] = [
  ['strideLengthSupported', 'Stride length', 'yes', 'no'],
  ['totalDistanceSupported', 'Total distance', 'yes', 'no'],
  ['walkingRunningStatusSupported', 'Walking or running', 'yes', 'no'],
  // The pod's own command, not the app's state: a bare "Calibration: no" read as "not calibrated"
  // to a runner whose pod Stridewise calibrates from every run.
  ['calibrationSupported', 'Pod’s own calibration', 'offered', 'not offered — Stridewise calibrates it'],
  ['multipleSensorLocationsSupported', 'Several sensor locations', 'yes', 'no'],
];

// Where a footpod is worn; the pod's own list replaces these once it was asked.
const footpodLocations = [1, 2, 3, 0] as const;

function featureOf(info: FootpodInfo): RscFeature | null {
  try {
    return info.feature ? parseRscFeature(info.feature) : null;
  } catch {
    return null;
  }
}

/**
 * The Settings page's Footpod section: what the connected pod is and measures, and buttons for
 * the commands it takes. Properties in; each button fires a 'footpod-command' event
 * (CustomEvent<FootpodCommand>) for the page to hand to the service. Pod strings are text only.
 */
export class StrideFootpodDetails extends LitElement {
  static override properties = {
    details: { attribute: false },
  };
  /** Null when no pod is connected. */
  declare details: FootpodDetails | null;

  constructor() {
    super();
    this.details = null;
  }

  static override styles = [css`
    :host { display: block; }
    fieldset { border: 1px solid var(--border); border-radius: 8px; margin: 0 0 1rem; padding: 0.75rem 1rem; }
    legend { font-weight: 600; padding: 0 0.25rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 0.75rem; }
    dt { color: var(--muted); }
    dd { margin: 0; overflow-wrap: anywhere; }
    ul.features { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
    .no { color: var(--muted); }
    .action { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin: 0.5rem 0; }
    select, button { font: inherit; padding: 0.3rem 0.5rem; border-radius: 6px; border: 1px solid var(--border); background: var(--surface-2); color: inherit; }
    .ok { color: var(--ok-text); }
    .problem { color: var(--warn-text); }
    .hint { color: var(--muted); font-size: 0.9rem; margin: 0.25rem 0; }
  `, touchTargetStyles];

  protected override render() {
    const details = this.details;
    if (!details) {
      return html`<fieldset id="footpod"><legend>Connected footpod</legend>
        <p id="no-footpod">No footpod connected: pair one on the live page to see what it offers.</p></fieldset>`;
    }
    const { info } = details;
    const feature = featureOf(info);
    const row = (label: string, value: string | null | undefined) =>
      value === null || value === undefined ? nothing : html`<dt>${label}</dt><dd>${value}</dd>`;
    return html`<fieldset id="footpod">
      <legend>Connected footpod</legend>
      <dl>
        ${row('Name', info.deviceName ?? 'Unnamed footpod')}
        ${row('Worn', info.sensorLocation === null ? 'Not said' : sensorLocationName(info.sensorLocation))}
        ${row('Battery', info.batteryLevel === null ? null : `${info.batteryLevel} %`)}
        ${row('Maker', info.manufacturerName)}
        ${row('Model', info.modelNumber)}
        ${row('Firmware', info.firmwareRevision)}
        <dt>Offers</dt>
        <dd>${feature
          ? html`<ul class="features">${featureWords.map(([key, words, yes, no]) =>
              html`<li class=${feature[key] ? 'yes' : 'no'}>${words}: ${feature[key] ? yes : no}</li>`)}</ul>`
          : 'Speed and cadence (the pod did not say what else)'}</dd>
      </dl>
      ${this.#renderActions(details)}
    </fieldset>`;
  }

  #renderActions({ offers, pending, outcome, info }: FootpodDetails) {
    if (!offers.resetDistance && !offers.calibrate && !offers.locations) {
      return html`<p class="hint" id="no-commands">This footpod takes no commands.</p>`;
    }
    const busy = pending !== null;
    const result = (...kinds: FootpodCommandKind[]) => {
      const text = pending !== null && kinds.includes(pending) ? 'Waiting for the footpod…'
        : outcome && kinds.includes(outcome.kind) ? outcome.outcome.message : '';
      const tone = pending !== null && kinds.includes(pending) ? '' : outcome?.outcome.ok ? 'ok' : 'problem';
      return html`<span class="result ${tone}" role="status">${text}</span>`;
    };
    const locations = info.supportedLocations ?? footpodLocations;
    return html`
      ${offers.resetDistance ? html`<div class="action">
        <button id="reset-distance" ?disabled=${busy} @click=${() => this.#send({ kind: 'reset-distance' })}>Reset distance to 0</button>
        ${result('reset-distance')}</div>` : nothing}
      ${offers.calibrate ? html`<div class="action">
        <button id="calibrate" ?disabled=${busy} @click=${() => this.#send({ kind: 'calibrate' })}>Start calibration</button>
        ${result('calibrate')}</div>` : nothing}
      ${offers.locations ? html`<div class="action">
        <label>Location
          <select id="location">
            ${locations.map((code) => html`<option value=${code} ?selected=${code === info.sensorLocation}>${sensorLocationName(code)}</option>`)}
          </select></label>
        <button id="set-location" ?disabled=${busy} @click=${() => this.#sendLocation()}>Change location</button>
        <button id="list-locations" ?disabled=${busy} @click=${() => this.#send({ kind: 'list-locations' })}>Ask which it supports</button>
        ${result('set-location', 'list-locations')}</div>` : nothing}
    `;
  }

  #sendLocation(): void {
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#location');
    if (select) this.#send({ kind: 'set-location', location: Number(select.value) });
  }

  #send(command: FootpodCommand): void {
    this.dispatchEvent(new CustomEvent<FootpodCommand>('footpod-command', { detail: command, bubbles: true, composed: true }));
  }
}
customElements.define('stride-footpod-details', StrideFootpodDetails);

declare global {
  interface HTMLElementTagNameMap {
    'stride-footpod-details': StrideFootpodDetails;
  }
}
