import { LitElement, css, html } from 'lit';
import { touchTargetStyles } from './form-control-styles.js';
import { KeyboardShortcuts } from './keyboard-shortcuts.js';

/** A beat on the page's clock (performance.now(), ms) and the time between beats. */
export interface MetronomeBeat {
  atMs: number;
  intervalMs: number;
}

/** Off this much from the pulse's phase, the beat grid moved (a new rate or a restart). */
const PHASE_TOLERANCE_MS = 4;

const reducedMotion = (): boolean => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * Starts or stops the metronome, named with the rate it plays and whether it plays ("Metronome
 * on · 166"; aria-pressed says it too), with − and + beside it (and ←/→ on the keyboard) to
 * change the rate in one press. While it plays, a dot pulses on the metronome's own beats.
 * Fires 'toggle-metronome' and 'nudge-metronome' (detail −1 or +1): the page must call the
 * service from that same event, because browsers start audio only from a user gesture.
 */
export class StrideMetronomeButton extends LitElement {
  static override properties = {
    on: { type: Boolean }, rateSpm: { type: Number }, beat: { attribute: false }, disabled: { type: Boolean }, program: { type: Boolean },
  };
  declare on: boolean;
  /**
   * No metronome now (a program test is metronome-free): "Metronome off", no rate (outside a
   * session the rate follows the runner's cadence, which a test hides), and nothing to press.
   */
  declare disabled: boolean;
  /**
   * A program session drives the metronome (its target, on and off by its schedule): the button
   * says so with the rate and whether it plays ("Program metronome · on · 172", short enough for one line on a phone), and has
   * nothing to press, no − or +, and no ←/→; the runner's mute still silences it.
   */
  declare program: boolean;
  declare rateSpm: number;
  /** Where the clicks fall, for the dot; null leaves the dot steady. */
  declare beat: MetronomeBeat | null;

  #pulse: Animation | null = null;
  #pulsing: MetronomeBeat | null = null;

  constructor() {
    super();
    this.on = false;
    this.disabled = false;
    this.program = false;
    this.rateSpm = 175;
    this.beat = null;
    // Left and right: up and down scroll the live page, and no page uses the sideways arrows.
    new KeyboardShortcuts(this, { ArrowLeft: () => this.#nudge(-1), ArrowRight: () => this.#nudge(1) });
  }

  static override styles = [css`
    :host { display: inline-flex; align-items: stretch; gap: 0.25rem; }
    button {
      font: inherit; padding: 0.5rem 1rem; border-radius: 8px; cursor: pointer;
      border: 1px solid var(--border); background: var(--surface-2); color: inherit;
      display: inline-flex; align-items: center; gap: 0.4rem; justify-content: center;
    }
    button.step { padding: 0.5rem 0.6rem; font-weight: 700; }
    /* Where the row is narrow the label breaks between its words, never inside 'off · 158'. */
    #metronome { flex-wrap: wrap; row-gap: 0; }
    .state, .rate { white-space: nowrap; }
    #metronome[aria-pressed='true'] { background: var(--accent); border-color: var(--accent); color: var(--on-accent); }
    button:disabled { cursor: default; color: var(--muted); }
    button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .state { font-weight: 600; }
    .dot {
      width: 0.6em; height: 0.6em; border-radius: 50%; flex: none;
      border: 2px solid currentColor; box-sizing: border-box; background: transparent;
    }
    [aria-pressed='true'] .dot { background: currentColor; }
    kbd { font: inherit; font-size: 0.8em; border: 1px solid currentColor; border-radius: 4px; padding: 0 0.3em; }
  `, touchTargetStyles];

  protected override render() {
    if (this.disabled) {
      return html`<button id="metronome" disabled aria-pressed="false"><span class="dot" aria-hidden="true"></span>Metronome
        <span class="state">off</span></button>`;
    }
    const rate = Math.round(this.rateSpm);
    if (this.program) {
      return html`<button id="metronome" disabled aria-pressed=${String(this.on)}><span class="dot" aria-hidden="true"></span>Program metronome
        <span class="state">· ${this.on ? 'on' : 'off'} ·</span> <span class="rate">${rate}</span></button>`;
    }
    return html`<button class="step" id="slower" aria-label="Metronome slower" title="Slower (←)"
        @click=${() => this.#nudge(-1)}>−</button><button id="metronome" aria-pressed=${String(this.on)} @click=${this.#toggle}>
        <span class="dot" aria-hidden="true"></span>Metronome
        <span class="state" aria-hidden="true">${this.on ? 'on' : 'off'} ·</span>
        <span class="rate">${rate} <kbd>M</kbd></span></button><button class="step" id="faster" aria-label="Metronome faster" title="Faster (→)"
        @click=${() => this.#nudge(1)}>+</button>`;
  }

  protected override updated(): void {
    this.#syncPulse();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopPulse();
  }

  /**
   * The dot lights on each beat: one animation a beat long, started at a beat's own time on the
   * document timeline (the page's clock), so it keeps to the clicks without a timer. Left alone
   * while the grid stays the same; none when the runner asks for reduced motion.
   */
  #syncPulse(): void {
    const beat = this.on ? this.beat : null;
    const dot = this.renderRoot.querySelector<HTMLElement>('.dot');
    if (!beat || !dot || reducedMotion() || typeof dot.animate !== 'function') return this.#stopPulse();
    const was = this.#pulsing;
    if (was && was.intervalMs === beat.intervalMs && this.#pulse) {
      const drift = Math.abs((((beat.atMs - was.atMs) % beat.intervalMs) + beat.intervalMs) % beat.intervalMs);
      if (Math.min(drift, beat.intervalMs - drift) < PHASE_TOLERANCE_MS) return;
    }
    this.#stopPulse();
    this.#pulse = dot.animate(
      [{ transform: 'scale(1.5)', opacity: 1 }, { transform: 'scale(1)', opacity: 0.45, offset: 0.35 }, { transform: 'scale(1)', opacity: 0.45 }],
      { duration: beat.intervalMs, iterations: Infinity },
    );
    this.#pulse.startTime = beat.atMs;
    this.#pulsing = beat;
  }

  #stopPulse(): void {
    this.#pulse?.cancel();
    this.#pulse = null;
    this.#pulsing = null;
  }

  #toggle(): void {
    this.dispatchEvent(new Event('toggle-metronome', { bubbles: true, composed: true }));
  }

  #nudge(direction: 1 | -1): void {
    if (this.disabled || this.program) return;
    this.dispatchEvent(new CustomEvent<1 | -1>('nudge-metronome', { detail: direction, bubbles: true, composed: true }));
  }
}
customElements.define('stride-metronome-button', StrideMetronomeButton);

declare global {
  interface HTMLElementTagNameMap {
    'stride-metronome-button': StrideMetronomeButton;
  }
}
