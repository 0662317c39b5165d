import { LitElement, css, html, nothing } from 'lit';
import { touchTargetStyles } from './form-control-styles.js';

export type RecordingState = 'idle' | 'recording' | 'paused' | 'stopped';

const stateLabels: Readonly<Record<RecordingState, string>> = {
  idle: 'Not recording',
  recording: 'Recording',
  paused: 'Paused',
  stopped: 'Saved',
};

/**
 * Start, pause, resume, lap and stop. Fires 'start', 'pause', 'resume', 'lap', 'stop'; the page
 * decides what they do. Space and L do the same from the keyboard (see KeyboardShortcuts).
 */
export class StrideRecordingControls extends LitElement {
  static override properties = {
    state: {},
    canRecord: { type: Boolean },
    autoPaused: { type: Boolean },
    laps: { type: Number },
  };
  declare state: RecordingState;
  /** False until a footpod (real or simulated) is connected. */
  declare canRecord: boolean;
  declare autoPaused: boolean;
  declare laps: number;

  constructor() {
    super();
    this.state = 'idle';
    this.canRecord = false;
    this.autoPaused = false;
    this.laps = 0;
  }

  // No keyboard on a phone: without the key hints Pause, Lap and Stop share one row under the state.
  static override styles = [css`
    :host { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
    .state { font-weight: 600; min-width: 8rem; }
    .state[data-state='recording'] { color: var(--danger-text); }
    .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    button {
      font: inherit; padding: 0.5rem 1rem; border-radius: 8px; cursor: pointer;
      border: 1px solid var(--border); background: var(--surface-2); color: inherit;
    }
    button.primary { background: var(--danger-bg); border-color: var(--danger-bg); color: var(--on-strong); }
    button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    kbd { font: inherit; font-size: 0.8em; border: 1px solid currentColor; border-radius: 4px; padding: 0 0.3em; margin-left: 0.3em; }
    @media (max-width: 32rem) { kbd { display: none; } .state { flex-basis: 100%; } }
  `, touchTargetStyles];

  protected override render() {
    const state = this.state;
    const label = state === 'paused' && this.autoPaused ? 'Paused (walking)' : stateLabels[state];
    return html`
      <span class="state" data-state=${state} role="status">${label}${this.laps > 0 ? html` · lap ${this.laps + 1}` : nothing}</span>
      <div class="actions">
        ${state === 'idle' || state === 'stopped'
          ? html`<button id="start" class="primary" ?disabled=${!this.canRecord} @click=${() => this.#fire('start')}>
              Start recording <kbd>space</kbd></button>`
          : html`
              ${state === 'recording'
                ? html`<button id="pause" @click=${() => this.#fire('pause')}>Pause <kbd>space</kbd></button>`
                : html`<button id="resume" class="primary" ?disabled=${!this.canRecord} @click=${() => this.#fire('resume')}>
                    Resume <kbd>space</kbd></button>`}
              <button id="lap" ?disabled=${state !== 'recording'} @click=${() => this.#fire('lap')}>Lap <kbd>L</kbd></button>
              <button id="stop" @click=${() => this.#fire('stop')}>Stop and save</button>
            `}
      </div>
    `;
  }

  #fire(name: string): void {
    this.dispatchEvent(new Event(name, { bubbles: true, composed: true }));
  }
}
customElements.define('stride-recording-controls', StrideRecordingControls);

declare global {
  interface HTMLElementTagNameMap {
    'stride-recording-controls': StrideRecordingControls;
  }
}
