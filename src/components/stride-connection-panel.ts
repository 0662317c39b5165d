import { LitElement, css, html, nothing } from 'lit';
import { touchTargetStyles } from './form-control-styles.js';
import type { ConnectionState } from '../sources/footpod-source.js';

/** 'unsupported': the browser has no Web Bluetooth; 'off': it has, but the adapter is off or missing. */
export type BluetoothReach = 'ready' | 'unsupported' | 'off';

export const connectionStateLabels: Readonly<Record<ConnectionState, string>> = {
  idle: 'Not connected',
  requesting: 'Choose your footpod…',
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  disconnected: 'Disconnected',
  unavailable: 'Bluetooth unavailable',
};

/**
 * Pair, reconnect, simulate or disconnect. Fires 'pair', 'reconnect-remembered', 'simulate'
 * 'disconnect' and 'check-bluetooth' (Bluetooth was off: look again); the page decides what they
 * do. Device names are rendered as text only.
 */
export class StrideConnectionPanel extends LitElement {
  static override properties = {
    state: {},
    message: {},
    deviceName: {},
    sourceKind: {},
    rememberedName: {},
    bluetooth: {},
    bluetoothMessage: {},
  };
  declare state: ConnectionState;
  declare message: string | null;
  declare deviceName: string | null;
  declare sourceKind: 'bluetooth' | 'simulator' | null;
  /** Set when a footpod paired earlier can be reconnected without the chooser. */
  declare rememberedName: string | null;
  /**
   * Whether this browser can reach a footpod now. Without Web Bluetooth, or with the adapter off
   * or missing, pairing is refused and "Try without a footpod" is the main button.
   */
  declare bluetooth: BluetoothReach;
  /** Why Bluetooth is unavailable and what to do, as the Bluetooth source says it. */
  declare bluetoothMessage: string | null;

  constructor() {
    super();
    this.state = 'idle';
    this.message = null;
    this.deviceName = null;
    this.sourceKind = null;
    this.rememberedName = null;
    this.bluetooth = 'ready';
    this.bluetoothMessage = null;
  }

  static override styles = [css`
    :host { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
    .state { font-weight: 600; }
    .state[data-state='connected'] { color: var(--accent); }
    .state[data-state='reconnecting'], .state[data-state='unavailable'] { color: var(--warn-text); }
    .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    button {
      font: inherit; padding: 0.5rem 1rem; border-radius: 8px; cursor: pointer;
      border: 1px solid var(--border); background: var(--surface-2); color: inherit;
    }
    button.primary { background: var(--primary-bg); border-color: var(--primary-bg); color: var(--on-strong); }
    button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .message { flex-basis: 100%; margin: 0; color: var(--warn-text); }
  `, touchTargetStyles];

  protected override render() {
    const live = this.state === 'connected' || this.state === 'connecting' || this.state === 'reconnecting' || this.state === 'requesting';
    const who = this.deviceName ? html` · <span class="device">${this.deviceName}</span>` : nothing;
    const reach = this.bluetooth;
    const blocked = reach !== 'ready' && !live;
    return html`
      <span class="state" data-state=${this.state} role="status">${connectionStateLabels[this.state]}${who}</span>
      <div class="actions">
        ${live
          ? html`<button id="disconnect" @click=${() => this.#fire('disconnect')}>Disconnect</button>`
          : html`
              ${this.rememberedName !== null && !blocked
                ? html`<button id="reconnect" class="primary" @click=${() => this.#fire('reconnect-remembered')}>
                    Reconnect ${this.rememberedName || 'footpod'}
                  </button>`
                : nothing}
              <button id="pair" class=${this.rememberedName === null && !blocked ? 'primary' : ''} ?disabled=${blocked}
                aria-describedby=${blocked ? 'why-no-bluetooth' : nothing} @click=${() => this.#fire('pair')}>Pair footpod</button>
              <button id="simulate" class=${blocked ? 'primary' : ''} @click=${() => this.#fire('simulate')}>Try without a footpod</button>
              ${reach === 'off' && !live
                ? html`<button id="check-bluetooth" @click=${() => this.#fire('check-bluetooth')}>Check again</button>`
                : nothing}
            `}
      </div>
      ${blocked
        ? html`<p class="message" id="why-no-bluetooth" role="alert">${this.bluetoothMessage ?? ''}
            Or press Try without a footpod to see Stridewise run on a simulated one.</p>`
        : this.message ? html`<p class="message" role="alert">${this.message}</p>` : nothing}
    `;
  }

  #fire(name: string): void {
    this.dispatchEvent(new Event(name, { bubbles: true, composed: true }));
  }
}
customElements.define('stride-connection-panel', StrideConnectionPanel);

declare global {
  interface HTMLElementTagNameMap {
    'stride-connection-panel': StrideConnectionPanel;
  }
}
