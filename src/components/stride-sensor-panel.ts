import { LitElement, css, html, nothing } from 'lit';
import type { ConnectionState } from '../sources/footpod-source.js';
import { formControlStyles } from './form-control-styles.js';

/** A sensor beside the footpod. */
export type ExtraSensor = 'treadmill' | 'heart-rate';

/** What the panel shows of one sensor; `value` is already formatted ("142 bpm", "10.0 km/h · 1.5 %"). */
export interface SensorRow {
  sensor: ExtraSensor;
  state: ConnectionState;
  deviceName: string | null;
  /** Set when one paired earlier can be reconnected without the chooser. */
  rememberedName: string | null;
  message: string | null;
  value: string | null;
}

export interface SensorEventDetail {
  sensor: ExtraSensor;
}

const sensorNames: Record<ExtraSensor, { label: string; pair: string; fallback: string }> = {
  treadmill: { label: 'Treadmill', pair: 'Pair treadmill', fallback: 'treadmill' },
  'heart-rate': { label: 'Heart-rate strap', pair: 'Pair heart-rate strap', fallback: 'heart-rate strap' },
};

// Not the footpod panel's words: "Choose your footpod…" would be wrong here.
const stateWords: Record<ConnectionState, string> = {
  idle: 'Not connected',
  requesting: 'Choose it in the browser’s list…',
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  disconnected: 'Disconnected',
  unavailable: 'Bluetooth unavailable',
};

/** States in which the sensor is linked or being linked: Disconnect is the one thing to offer. */
const linking = new Set<ConnectionState>(['requesting', 'connecting', 'connected', 'reconnecting']);

/**
 * The sensors beside the footpod (a smart treadmill, a heart-rate strap), one compact row each,
 * for under the footpod's connection panel. Properties in; 'sensor-pair', 'sensor-reconnect' and
 * 'sensor-disconnect' out (CustomEvent<SensorEventDetail>). Device names are text only.
 */
export class StrideSensorPanel extends LitElement {
  static override properties = {
    sensors: { attribute: false },
    bluetoothAvailable: { type: Boolean },
  };
  declare sensors: readonly SensorRow[];
  declare bluetoothAvailable: boolean;

  constructor() {
    super();
    this.sensors = [];
    this.bluetoothAvailable = true;
  }

  static override styles = [
    formControlStyles,
    css`
      :host { display: block; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
      li {
        display: flex; flex-wrap: wrap; align-items: center; gap: 0.35rem 1rem;
        background: var(--surface); border-radius: 10px; padding: 0.4rem 0.75rem;
      }
      .what { display: grid; min-width: 0; flex: 1 1 12rem; }
      .label { font-weight: 600; }
      .state { color: var(--muted); overflow-wrap: anywhere; }
      .state[data-state='connected'] { color: var(--accent); }
      .state[data-state='reconnecting'], .state[data-state='unavailable'] { color: var(--warn-text); }
      .value { font-size: 1.15rem; font-weight: 700; font-variant-numeric: tabular-nums; }
      .problem { flex-basis: 100%; }
    `,
  ];

  protected override render() {
    return html`<ul aria-label="Other sensors">${this.sensors.map((row) => this.#renderRow(row))}</ul>`;
  }

  #renderRow(row: SensorRow) {
    const names = sensorNames[row.sensor];
    const id = row.sensor;
    // No Web Bluetooth, or the adapter off: the row's message says why and what to do instead.
    const canPair = this.bluetoothAvailable && row.state !== 'unavailable';
    return html`<li data-sensor=${id}>
      <div class="what">
        <span class="label">${names.label}</span>
        <span class="state" data-state=${row.state} role="status">${stateWords[row.state]}${row.deviceName
          ? html` · <span class="device">${row.deviceName}</span>`
          : nothing}</span>
      </div>
      ${row.state === 'connected' && row.value ? html`<span class="value">${row.value}</span>` : nothing}
      <div class="actions">
        ${linking.has(row.state)
          ? html`<button id=${`disconnect-${id}`} aria-label=${`Disconnect ${names.fallback}`}
              @click=${() => this.#fire('sensor-disconnect', row.sensor)}>Disconnect</button>`
          : html`
              ${row.rememberedName !== null && canPair
                ? html`<button id=${`reconnect-${id}`} class="primary" @click=${() => this.#fire('sensor-reconnect', row.sensor)}>
                    Reconnect ${row.rememberedName || names.fallback}</button>`
                : nothing}
              <button id=${`pair-${id}`} class=${row.rememberedName === null && canPair ? 'primary' : ''} ?disabled=${!canPair}
                title=${canPair ? nothing : 'This browser cannot reach Bluetooth devices now'}
                @click=${() => this.#fire('sensor-pair', row.sensor)}>${names.pair}</button>
            `}
      </div>
      ${row.message ? html`<p class="problem" role="alert">${row.message}</p>` : nothing}
    </li>`;
  }

  #fire(name: 'sensor-pair' | 'sensor-reconnect' | 'sensor-disconnect', sensor: ExtraSensor): void {
    this.dispatchEvent(new CustomEvent<SensorEventDetail>(name, { detail: { sensor }, bubbles: true, composed: true }));
  }
}
customElements.define('stride-sensor-panel', StrideSensorPanel);

declare global {
  interface HTMLElementTagNameMap {
    'stride-sensor-panel': StrideSensorPanel;
  }
}
