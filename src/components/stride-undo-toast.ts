import { LitElement, css, html } from 'lit';
import { touchTargetStyles } from './form-control-styles.js';

/**
 * A notice that something was done, with an Undo button while it can still be undone. Fires
 * 'undo' and 'dismiss'; the owner decides what they do and when the notice goes away.
 */
export class StrideUndoToast extends LitElement {
  static override properties = { message: {} };
  /** Rendered as text only (it may hold a session's name). */
  declare message: string;

  constructor() {
    super();
    this.message = '';
  }

  static override styles = [css`
    :host {
      display: flex; align-items: center; gap: 0.75rem; flex-wrap: wrap;
      position: sticky; bottom: 1rem; z-index: 1;
      background: var(--surface-2); color: var(--text); border: 1px solid var(--border);
      border-radius: 10px; padding: 0.6rem 0.9rem; box-shadow: 0 6px 24px var(--shadow);
    }
    p { margin: 0; flex: 1; }
    button { font: inherit; padding: 0.35rem 0.9rem; border-radius: 6px; border: 1px solid var(--border); background: var(--field-bg); color: inherit; cursor: pointer; }
    button.undo { background: var(--primary-bg); border-color: var(--primary-bg); color: var(--on-strong); font-weight: 600; }
    button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  `, touchTargetStyles];

  protected override render() {
    return html`<p role="status">${this.message}</p>
      <button class="undo" @click=${() => this.#fire('undo')}>Undo</button>
      <button class="dismiss" aria-label="Dismiss" @click=${() => this.#fire('dismiss')}>✕</button>`;
  }

  #fire(name: string): void {
    this.dispatchEvent(new Event(name, { bubbles: true, composed: true }));
  }
}
customElements.define('stride-undo-toast', StrideUndoToast);

declare global {
  interface HTMLElementTagNameMap {
    'stride-undo-toast': StrideUndoToast;
  }
}
