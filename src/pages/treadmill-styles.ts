// The treadmill screen's look, apart from its logic. Sizes follow the viewport (vmin, vw, vh) so
// the numbers read from 2.5 m on a 1280x800 tablet and on a phone either way up: the cadence
// takes most of the screen (left in landscape, top in portrait), the rest shares what is left.
// A check-in takes the bottom of the cadence's part, and the number shrinks to the height left
// (a size container), so the check-in never covers it and nothing else on the screen moves.
import { css } from 'lit';
import { touchTargetStyles } from '../components/form-control-styles.js';
import { zoneClasses } from '../components/zone-classes.js';

export const treadmillStyles = [
  zoneClasses,
  css`
    :host {
      position: fixed; inset: 0; z-index: 10; display: block; overflow: auto;
      background: var(--bg); color: var(--text);
      /* Buttons hit with a hand swinging on a moving belt. */
      --touch-target: 56px;
    }
    .screen { display: grid; grid-template-rows: minmax(0, 1fr) auto; min-height: 100%; }
    p { margin: 0; }

    .main { display: flex; flex-direction: column; min-width: 0; min-height: 40vh; color: var(--on-zone); }
    .main.no-zone { background: var(--surface); color: var(--text); }
    .cadence {
      flex: 1 1 0; min-height: 0; container-type: size;
      display: flex; flex-direction: column; align-items: center; justify-content: center;
      text-align: center; padding: 2vmin 3vmin; min-width: 0;
    }
    stride-check-in { flex: none; margin: 0 2vmin 2vmin; }
    .caption { font-size: clamp(1rem, 3.6vmin, 2rem); font-weight: 700; text-transform: uppercase; letter-spacing: 0.06em; }
    .caption .unit { text-transform: none; letter-spacing: 0; font-weight: 600; }
    /* The number takes the height its section has left after its caption, zone and target (about
       24vmin, never under 6rem), never more than the width allows, never so small it cannot be read. */
    .number {
      font-size: max(3.5rem, min(30vh, 50vw, calc((100cqh - max(24vmin, 6rem)) / 0.95)));
      font-weight: 800; line-height: 0.95;
      font-variant-numeric: tabular-nums; letter-spacing: -0.03em;
    }
    .zone { display: flex; align-items: center; gap: 0.35em; font-size: clamp(1.6rem, 9vmin, 5.5rem); font-weight: 800; line-height: 1.1; }
    .shape { font-size: 0.8em; }
    .target { font-size: clamp(0.95rem, 3.2vmin, 1.8rem); font-weight: 600; }
    .no-pod { font-size: clamp(1.3rem, 5vmin, 3rem); max-width: 28ch; line-height: 1.3; }
    .no-pod a { color: inherit; font-weight: 700; }

    .side {
      display: flex; flex-direction: column; justify-content: space-between; gap: 2vmin;
      padding: 2.5vmin 3vmin; min-width: 0; container-type: inline-size;
      font-size: clamp(1rem, 2.8vmin, 1.6rem);
    }
    /* A workout's strip, with its Stop, stays on screen however far the side is scrolled. */
    stride-workout-strip { position: sticky; top: 0; z-index: 1; background: var(--bg); }
    .stats { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5vmin 3vmin; margin: 0; }
    .stat { min-width: 0; }
    dt { font-size: clamp(0.85rem, 2.6vmin, 1.5rem); color: var(--muted); text-transform: uppercase; letter-spacing: 0.05em; }
    dt .unit { text-transform: none; letter-spacing: 0; }
    dd {
      margin: 0; font-size: min(11vmin, 15cqi); font-weight: 800; line-height: 1.1;
      font-variant-numeric: tabular-nums; white-space: nowrap;
    }
    /* An hour or more (h:mm:ss) is two characters wider than the column was sized for. */
    dd.long { font-size: min(8vmin, 10.5cqi); line-height: calc(1.1 * 11 / 8); }
    .figures-of { color: var(--muted); }
    .coach { display: flex; flex-wrap: wrap; gap: 1.5vmin; align-items: center; }
    .note { color: var(--warn-text); }
    button {
      font: inherit; padding: 0.5rem 1rem; border-radius: 8px; cursor: pointer;
      border: 1px solid var(--border); background: var(--surface-2); color: inherit;
    }
    button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    kbd { font: inherit; font-size: 0.8em; border: 1px solid currentColor; border-radius: 4px; padding: 0 0.3em; margin-left: 0.3em; }

    @media (orientation: landscape) {
      .screen { grid-template-rows: none; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); height: 100%; }
      /* The cadence (and a check-in under it) stays in view while a side taller than a phone on its side scrolls. */
      .main { min-height: 0; height: 100vh; position: sticky; top: 0; }
      .number { font-size: max(3.5rem, min(46vh, 25vw, calc((100cqh - max(24vmin, 6rem)) / 0.95))); }
    }
  `,
  touchTargetStyles,
];
