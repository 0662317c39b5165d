import { LitElement, css, html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { touchTargetStyles } from './form-control-styles.js';
import type { TechniquePrompt } from '../coach/coach-events.js';

/**
 * A technique check-in from the coach: its title and text, as a large strip on the treadmill
 * screen (`strip`, which the page lays out beside the cadence, never over it) or as a banner on
 * the live page. Fires 'dismiss' from its button; the page also dismisses it with Enter or C
 * (KeyboardShortcuts). With `fadeAfterS` a bar drains over that many seconds, so the runner sees
 * it will go by itself (the coach takes it away, on the session's clock).
 *
 * The live region is drawn even while there is no check-in, so a screen reader announces one
 * when it arrives (a region that appears together with its text is often not read).
 */
export class StrideCheckIn extends LitElement {
  static override properties = {
    prompt: { attribute: false },
    strip: { type: Boolean, reflect: true },
    fadeAfterS: { type: Number },
    showing: { type: Boolean, reflect: true },
  };
  declare prompt: TechniquePrompt | null;
  /** Large type for reading from a treadmill; otherwise a banner sized like the live page. */
  declare strip: boolean;
  /** Seconds until it goes by itself; 0: it stays until dismissed. */
  declare fadeAfterS: number;
  /** Reflects whether there is a check-in, for the host's own layout. */
  declare showing: boolean;

  constructor() {
    super();
    this.prompt = null;
    this.strip = false;
    this.fadeAfterS = 0;
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
    :host([strip]) { display: block; }
    :host([strip]) .card {
      position: relative; overflow: hidden; flex-wrap: nowrap; gap: 1.5vmin 3vmin;
      padding: 2vmin 3vmin; border-radius: 2vmin; font-size: clamp(1rem, 3.4vmin, 1.9rem);
    }
    :host([strip]) h2 { font-size: clamp(1.3rem, 5.5vmin, 3.2rem); line-height: 1.1; }
    :host([strip]) p { margin-top: 0.5vmin; line-height: 1.25; }
    :host([strip]) button { flex: none; padding: 0.3em 1em; }
    .drain {
      position: absolute; left: 0; bottom: 0; height: 6px; width: 100%; transform-origin: left;
      background: var(--callout-text); opacity: 0.45; animation: drain linear forwards;
    }
    @keyframes drain { to { transform: scaleX(0); } }
    @media (prefers-reduced-motion: reduce) { .drain { animation: none; } }
  `, touchTargetStyles];

  protected override willUpdate(): void {
    this.showing = this.prompt !== null;
  }

  protected override updated(): void {
    // Through CSSOM: the Content-Security-Policy blocks inline style attributes.
    const drain = this.renderRoot.querySelector<HTMLElement>('.drain');
    if (drain) drain.style.animationDuration = `${drain.dataset['seconds']}s`;
  }

  protected override render() {
    const prompt = this.prompt;
    return html`<div class="live" aria-live="polite">
      ${prompt
        ? html`<section class="card" aria-labelledby="title">
            <div class="words"><h2 id="title">${prompt.title}</h2><p>${prompt.text}</p></div>
            <button id="dismiss" @click=${this.#dismiss}>Got it <kbd>C</kbd></button>
            ${this.fadeAfterS > 0 ? this.#drain(prompt, this.fadeAfterS) : nothing}
          </section>`
        : nothing}
    </div>`;
  }

  /** Keyed on the prompt, so a new check-in starts a full bar rather than the last one's remains. */
  #drain(prompt: TechniquePrompt, seconds: number) {
    return keyed(prompt, html`<div class="drain" aria-hidden="true" data-seconds=${seconds}></div>`);
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
