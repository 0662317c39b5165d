import { LitElement, css, html } from 'lit';
import { touchTargetStyles } from './form-control-styles.js';
import {
  type CoachSettings,
  METRONOME_MAX_SPM,
  METRONOME_MIN_SPM,
  checkInChoices,
  checkInFadeChoices,
  cueAfterChoices,
  cueEveryChoices,
  defaultCoachSettings,
  warmUpChoices,
} from '../session/coach-settings.js';

const seconds = (s: number): string => (s < 60 ? `${s} s` : `${s / 60} min`);

/**
 * The coach's choices: metronome, zone cues and technique check-ins. Properties in; every change
 * goes out as a 'coach-change' event carrying the whole new CoachSettings, for the page to save;
 * 'preview-metronome' asks to hear a few beats as set.
 */
export class StrideCoachSettings extends LitElement {
  static override properties = {
    settings: { attribute: false },
    middleOfTarget: { type: Number },
  };
  declare settings: CoachSettings;
  /** What "automatic" means for the metronome today, to say it. */
  declare middleOfTarget: number;

  constructor() {
    super();
    this.settings = defaultCoachSettings;
    this.middleOfTarget = 175;
  }

  static override styles = [css`
    :host { display: block; }
    fieldset { border: 1px solid var(--border); border-radius: 8px; margin: 0 0 1rem; padding: 0.75rem 1rem; }
    legend { font-weight: 600; padding: 0 0.25rem; }
    label { display: block; margin: 0.4rem 0; }
    input, select { font: inherit; padding: 0.3rem 0.5rem; border-radius: 6px; border: 1px solid var(--border); background: var(--surface-2); color: inherit; }
    input[type='number'] { width: 5rem; }
    button { font: inherit; padding: 0.4rem 0.9rem; border-radius: 8px; border: 1px solid var(--border); background: var(--surface-2); color: inherit; cursor: pointer; }
    button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    input[type='checkbox'], input[type='range'] { padding: 0; }
    .hint { color: var(--muted); font-size: 0.9rem; margin: 0.25rem 0; }
  `, touchTargetStyles];

  protected override render() {
    const { metronome, cues, checkIns, muted } = this.settings;
    const check = (id: string, checked: boolean, label: string, change: (on: boolean) => Partial<CoachSettings>) =>
      html`<label><input type="checkbox" id=${id} .checked=${checked}
        @change=${(e: Event) => this.#emit(change((e.target as HTMLInputElement).checked))} /> ${label}</label>`;
    const pick = (id: string, label: string, value: number, choices: readonly number[], text: (n: number) => string, change: (n: number) => Partial<CoachSettings>) =>
      html`<label>${label}
        <select id=${id} @change=${(e: Event) => this.#emit(change(Number((e.target as HTMLSelectElement).value)))}>
          ${choices.map((n) => html`<option value=${n} ?selected=${n === value}>${text(n)}</option>`)}
        </select></label>`;
    return html`
      <fieldset>
        <legend>Coach</legend>
        ${check('muted', muted, 'Mute every sound, word and buzz (also a button on the live and treadmill screens)', (on) => ({ muted: on }))}
        <p class="hint">Cues, check-ins and the metronome follow your cadence zones. Small steps, big change.</p>
      </fieldset>
      <fieldset>
        <legend>Metronome</legend>
        <label>Rate (steps/min)
          <input type="number" id="metronome-rate" min=${METRONOME_MIN_SPM} max=${METRONOME_MAX_SPM} step="1"
            placeholder=${String(this.middleOfTarget)} .value=${metronome.rateSpm === null ? '' : String(metronome.rateSpm)}
            @change=${(e: Event) => this.#setRate(e.target as HTMLInputElement)} /></label>
        <p class="hint">Empty: your cadence when you start it (the middle of your target zone, ${this.middleOfTarget}, before the
          footpod reads one). It never starts more than 5 % above your cadence. ${METRONOME_MIN_SPM}–${METRONOME_MAX_SPM}.</p>
        ${check('metronome-every-step', metronome.everyStep, 'Click on every step (off: every second step, one foot)', (on) => ({
          metronome: { ...metronome, everyStep: on },
        }))}
        <label>Volume
          <input type="range" id="metronome-volume" min="0" max="1" step="0.1" .value=${String(metronome.volume)}
            @change=${(e: Event) => this.#emit({ metronome: { ...metronome, volume: Number((e.target as HTMLInputElement).value) } })} /></label>
        ${check('metronome-follow-plan', metronome.followPlan, 'Follow my cadence plan (Weeks) when I have one', (on) => ({
          metronome: { ...metronome, followPlan: on },
        }))}
        <button type="button" id="metronome-preview" @click=${this.#preview}>Play a few beats</button>
      </fieldset>
      <fieldset>
        <legend>Zone cues</legend>
        ${check('cues-enabled', cues.enabled, 'Tell me when my cadence stays out of the target zone', (on) => ({ cues: { ...cues, enabled: on } }))}
        ${check('cues-sound', cues.sound, 'A sound (one for too low, another for too high)', (on) => ({ cues: { ...cues, sound: on } }))}
        ${check('cues-speech', cues.speech, 'Spoken words: the number and one piece of advice', (on) => ({ cues: { ...cues, speech: on } }))}
        ${check('cues-vibration', cues.vibration, 'Vibrate (phones)', (on) => ({ cues: { ...cues, vibration: on } }))}
        ${check('cues-good', cues.backInZoneSound, 'A short “good” sound when I am back in the zone', (on) => ({ cues: { ...cues, backInZoneSound: on } }))}
        ${pick('cues-after', 'After this long out of the zone', cues.afterS, cueAfterChoices, seconds, (n) => ({ cues: { ...cues, afterS: n } }))}
        ${pick('cues-every', 'At most one cue every', cues.everyS, cueEveryChoices, seconds, (n) => ({ cues: { ...cues, everyS: n } }))}
        ${pick('cues-warm-up', 'No cues in the first', cues.warmUpS, warmUpChoices, (n) => (n === 0 ? 'none (no warm-up)' : `${seconds(n)} of running`), (n) => ({
          cues: { ...cues, warmUpS: n },
        }))}
      </fieldset>
      <fieldset>
        <legend>Technique check-ins</legend>
        ${pick('check-ins-every', 'A check-in every', checkIns.everyMin, checkInChoices, (n) => (n === 0 ? 'never (off)' : `${n} min`), (n) => ({
          checkIns: { ...checkIns, everyMin: n },
        }))}
        ${check('check-ins-speak', checkIns.speak, 'Read them out', (on) => ({ checkIns: { ...checkIns, speak: on } }))}
        ${pick('check-ins-fade', 'Show each one for', checkIns.fadeAfterS, checkInFadeChoices, (n) => (n === 0 ? 'until I dismiss it' : `${n} s`), (n) => ({
          checkIns: { ...checkIns, fadeAfterS: n },
        }))}
      </fieldset>
    `;
  }

  #setRate(input: HTMLInputElement): void {
    const text = input.value.trim();
    const rate = Number(text);
    const valid = text === '' || (Number.isInteger(rate) && rate >= METRONOME_MIN_SPM && rate <= METRONOME_MAX_SPM);
    input.setCustomValidity(valid ? '' : `A whole number from ${METRONOME_MIN_SPM} to ${METRONOME_MAX_SPM}, or empty.`);
    input.reportValidity();
    if (!valid) return;
    this.#emit({ metronome: { ...this.settings.metronome, rateSpm: text === '' ? null : rate } });
  }

  /** The page plays the clicks from this very click: browsers start audio only from a gesture. */
  readonly #preview = (): void => {
    this.dispatchEvent(new Event('preview-metronome', { bubbles: true, composed: true }));
  };

  #emit(change: Partial<CoachSettings>): void {
    this.dispatchEvent(new CustomEvent<CoachSettings>('coach-change', { detail: { ...this.settings, ...change } }));
  }
}
customElements.define('stride-coach-settings', StrideCoachSettings);

declare global {
  interface HTMLElementTagNameMap {
    'stride-coach-settings': StrideCoachSettings;
  }
}
