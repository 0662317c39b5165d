import { LitElement, css, html } from 'lit';
import { touchTargetStyles } from './form-control-styles.js';

/**
 * Says that a run is being recorded in another tab of the app (only one tab records and holds the
 * footpod at a time) and offers to take over here: the other tab then saves its run and lets the
 * footpod go. Fires 'take-over'. `state` is the recording service's takeOverState.
 */
export class StrideOtherTabNotice extends LitElement {
  static override properties = { state: {} };
  declare state: 'idle' | 'asking' | 'refused';

  constructor() {
    super();
    this.state = 'idle';
  }

  static override styles = [css`
    :host { display: block; background: var(--warn-bg); color: var(--warn-on-bg); border-radius: 10px; padding: 0.75rem 1rem; }
    h2 { font-size: 1rem; margin: 0 0 0.25rem; }
    p { margin: 0 0 0.5rem; }
    button { font: inherit; padding: 0.4rem 0.9rem; border-radius: 8px; border: 1px solid var(--warn-strong); background: var(--warn-strong); color: var(--on-strong); cursor: pointer; }
    button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  `, touchTargetStyles];

  protected override render() {
    const asking = this.state === 'asking';
    return html`<h2>Recording in another tab</h2>
      <p role="status">
        ${asking
          ? 'Asking the other tab to save its run and let the footpod go…'
          : this.state === 'refused'
            ? 'The other tab did not let go. Stop the run there, or close that tab, then try again.'
            : 'A run is being recorded in another Stridewise tab, which holds the footpod. Take over to save that run and record here.'}
      </p>
      <button id="take-over" ?disabled=${asking} @click=${() => this.dispatchEvent(new Event('take-over', { bubbles: true, composed: true }))}>
        Take over here
      </button>`;
  }
}
customElements.define('stride-other-tab-notice', StrideOtherTabNotice);

declare global {
  interface HTMLElementTagNameMap {
    'stride-other-tab-notice': StrideOtherTabNotice;
  }
}
