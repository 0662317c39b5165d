import { LitElement, css, html, nothing } from 'lit';
import { touchTargetStyles } from './form-control-styles.js';
import type { TechniquePrompt } from '../coach/coach-events.js';

/**
 * A technique check-in from the coach: its title and text, large over the treadmill screen
 * (`overlay`) or as a banner on the live page. Fires 'dismiss' from its button; the page also
 * dismisses it with Enter or C (KeyboardShortcuts).
 *
 * The live region is drawn even while there is no check-in, so a screen reader announces one
 * when it arrives (a region that appears together with its text is often not read).
 */
export class StrideCheckIn extends LitElement {
  static override properties = {
    prompt: { attribute: false },
    overlay: { type: Boolean, reflect: true },
    showing: { type: Boolean, reflect: true },
  };
  declare prompt: TechniquePrompt | null;
  /** Large, over the whole screen; otherwise a banner in the page's flow. */
  declare overlay: boolean;
  /** Reflects whether there is a check-in, for the host's own layout. */
  declare showing: boolean;

  constructor() {
    super();
    this.prompt = null;
    this.overlay = false;
    this.showing = false;
  }

  static override styles = [css`
    :host { display: contents; }
    .card {
      background: var(--callout-bg); color: var(--callout-text); border-radius: 12px; padding: 0.75rem 1rem;
      display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem;
    }
    .words { flex: 1 1 16rem; min-width: 0; }
    h2 { margin: 0; font-size: 1.15em; }
    p { margin: 0.25rem 0 0; }
    button {
      font: inherit; padding: 0.5rem 1rem; border-radius: 8px; cursor: pointer;
      border: 1px solid var(--callout-text); background: var(--callout-text); color: var(--callout-bg);
    }
    button:focus-visible { outline: 3px solid var(--callout-focus); outline-offset: 2px; }
    kbd { font: inherit; font-size: 0.8em; border: 1px solid currentColor; border-radius: 4px; padding: 0 0.3em; margin-left: 0.3em; }
    :host([overlay][showing]) .live {
      position: fixed; inset: 0; z-index: 20; display: grid; place-items: center;
      background: var(--overlay); padding: 4vmin;
    }
    :host([overlay]) .card {
      flex-direction: column; align-items: stretch; gap: 4vmin; text-align: center;
      max-width: 60rem; padding: 5vmin 6vmin; border-radius: 3vmin;
      font-size: clamp(1.2rem, 5.5vmin, 3rem);
    }
    :host([overlay]) .words { flex: none; }
    :host([overlay]) h2 { font-size: clamp(1.8rem, 9vmin, 5.5rem); line-height: 1.1; }
    :host([overlay]) p { margin-top: 2vmin; }
    :host([overlay]) button { align-self: center; padding: 0.4em 1.2em; }
  `, touchTargetStyles];

  protected override willUpdate(): void {
    this.showing = this.prompt !== null;
  }

  protected override render() {
    const prompt = this.prompt;
    return html`<div class="live" aria-live="polite">
      ${prompt
        ? html`<section class="card" aria-labelledby="title">
            <div class="words"><h2 id="title">${prompt.title}</h2><p>${prompt.text}</p></div>
            <button id="dismiss" @click=${this.#dismiss}>Got it <kbd>C</kbd></button>
          </section>`
        : nothing}
    </div>`;
  }

  #dismiss(): void {
    this.dispatchEvent(new Event('dismiss', { bubbles: true, composed: true }));
  }
}
customElements.define('stride-check-in', StrideCheckIn);

declare global {
  interface HTMLElementTagNameMap {
    'stride-check-in': StrideCheckIn;
  }
}
