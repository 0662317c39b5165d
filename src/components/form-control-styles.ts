// Buttons, inputs and messages of the small sensor and calibration panels, in one place so they
// agree: every control is a 44 px touch target (they are used mid-run, on a phone on a treadmill
// console), and a disabled button looks disabled, not merely ignores the tap.
import { css } from 'lit';

/**
 * Sizes every element with controls adds after its own styles (last, so these win): each control
 * is at least a 44 x 44 px touch target (WCAG 2.5.5), a checkbox or radio button's whole label is
 * its target, and a disabled button looks disabled everywhere (grey even if it was the primary,
 * dim, a refusing cursor), not merely ignores the tap. A screen used on a moving belt sets
 * --touch-target higher for every control inside it.
 */
export const touchTargetStyles = css`
  button, select, textarea, input:not([type='checkbox']):not([type='radio']) {
    min-height: var(--touch-target, 44px); min-width: var(--touch-target, 44px); box-sizing: border-box;
  }
  summary { min-height: 44px; padding-block: 0.6rem; box-sizing: border-box; cursor: pointer; }
  a.button { display: inline-flex; align-items: center; min-height: 44px; box-sizing: border-box; }
  label:has(> input[type='checkbox']), label:has(> input[type='radio']) {
    display: flex; align-items: center; gap: 0.5rem; min-height: 44px; min-width: 44px; cursor: pointer;
  }
  input[type='checkbox'], input[type='radio'] { width: 1.25rem; height: 1.25rem; margin: 0; flex: none; accent-color: var(--accent); }
  /* A slider sits on the line of its label ("Volume ━━●━━"), not below the text's baseline. */
  label:has(> input[type='range']) { display: flex; align-items: center; gap: 0.75rem; min-height: 44px; }
  input[type='range'] { margin: 0; accent-color: var(--accent); }
  button:disabled {
    opacity: 0.55; cursor: not-allowed; background: var(--surface-2); border-color: var(--border); color: var(--muted);
  }
`;

/**
 * A file picker's button looks like the app's other buttons in either theme, not the browser's
 * grey one, and its "No file chosen" reads in the page's text colour.
 */
export const filePickerStyles = css`
  input[type='file'] {
    max-width: 100%; min-height: 44px; padding: 0; border: none; background: none; color: var(--text); font: inherit; cursor: pointer;
  }
  input[type='file']::file-selector-button {
    font: inherit; min-height: 44px; margin: 0 0.75rem 0 0; padding: 0.4rem 0.9rem; border-radius: 8px;
    border: 1px solid var(--border-strong); background: var(--surface-2); color: var(--text); cursor: pointer;
  }
  input[type='file']:hover::file-selector-button { border-color: var(--accent); }
  input[type='file']:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
`;

export const formControlStyles = [css`
  button, input {
    font: inherit; color: inherit; border-radius: 8px;
    border: 1px solid var(--border); background: var(--surface-2);
  }
  button { min-height: 44px; padding: 0.4rem 0.9rem; cursor: pointer; }
  button.primary { background: var(--primary-bg); border-color: var(--primary-bg); color: var(--on-strong); }
  input { min-height: 44px; padding: 0.3rem 0.5rem; box-sizing: border-box; }
  input[type='checkbox'] { min-height: 0; width: 1.4rem; height: 1.4rem; margin: 0; accent-color: var(--accent); }
  button:focus-visible, input:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  .hint { color: var(--muted); margin: 0; }
  .problem { color: var(--warn-text); margin: 0; }
  .ok { color: var(--ok-text); margin: 0; }
  /* The whole row is the target of a checkbox: its label is 44 px high. */
  label.check { display: flex; align-items: center; gap: 0.6rem; min-height: 44px; cursor: pointer; }
  /* An input and its unit ("[ 10.8 ] km/h") stay on one line when the label wraps. */
  .typed { display: inline-flex; align-items: center; gap: 0.5rem; white-space: nowrap; }
`, touchTargetStyles];

/** A panel that is one card with a heading (the guided check, the after-run correction). */
export const cardStyles = css`
  :host { display: block; }
  section { display: grid; gap: 0.6rem; background: var(--surface); border-radius: 10px; padding: 0.75rem 1rem; }
  h2 { font-size: 1.05rem; margin: 0; }
  p { margin: 0; }
`;
