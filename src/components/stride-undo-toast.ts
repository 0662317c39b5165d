import { LitElement, css, html } from 'lit';

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

  static override styles = css`
    :host {
      display: flex; align-items: center; gap: 0.75rem; flex-wrap: wrap;
      position: sticky; bottom: 1rem; z-index: 1;
      background: #1e293b; color: var(--text, #e5e7eb); border: 1px solid #334155;
      border-radius: 10px; padding: 0.6rem 0.9rem; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.4);
    }
    p { margin: 0; flex: 1; }
    button { font: inherit; padding: 0.35rem 0.9rem; border-radius: 6px; border: 1px solid #334155; background: #0f172a; color: inherit; cursor: pointer; }
    button.undo { background: #047857; border-color: #047857; color: #fff; font-weight: 600; }
    button:focus-visible { outline: 3px solid #93c5fd; outline-offset: 2px; }
  `;

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
