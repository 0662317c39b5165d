// A button that refuses while something is under way keeps the focus (aria-disabled, not
// disabled, which drops it to the body) and looks as the disabled ones do. Kept out of the
// shared control styles, which the first load carries: only the export pages need it.
import { css } from 'lit';

export const busyButtonStyles = css`
  button[aria-disabled='true'] {
    opacity: 0.55; cursor: not-allowed; background: var(--surface-2); border-color: var(--border); color: var(--muted);
  }
`;
