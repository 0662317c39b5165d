// Single-key shortcuts for a page (space, L, M…), active only while the page is in the document
// and never while the runner is typing in a field.
//
// Space always goes to its shortcut (start/pause), even when a button has focus: after clicking
// Lap with the mouse, the Lap button keeps focus, and a runner reaching for space to pause must
// not mark a second lap instead. Chromium presses a focused button on space (armed on keydown,
// clicked on keyup), so both are cancelled in the capture phase, before the button sees them.
// Enter stays with a focused button, link or summary: that is how those are pressed.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** An action returns false when the key meant nothing just now; the key then does what it would. */
export type ShortcutAction = () => boolean | void;
export type ShortcutMap = Readonly<Record<string, ShortcutAction>>;

const typingTags = ['INPUT', 'TEXTAREA', 'SELECT'];
const pressableTags = ['BUTTON', 'A', 'SUMMARY'];

const pathElements = (event: KeyboardEvent): HTMLElement[] =>
  event.composedPath().filter((node): node is HTMLElement => node instanceof HTMLElement);

const isTyping = (event: KeyboardEvent): boolean =>
  pathElements(event).some((node) => node.isContentEditable || typingTags.includes(node.tagName));

const isOnPressable = (event: KeyboardEvent): boolean =>
  pathElements(event).some((node) => pressableTags.includes(node.tagName) || node.getAttribute('role') === 'button');

const keyName = (event: KeyboardEvent): string => (event.key.length === 1 ? event.key.toLowerCase() : event.key);

export class KeyboardShortcuts implements ReactiveController {
  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event)) return;
    const key = keyName(event);
    const action = this.shortcuts[key];
    if (!action) return;
    if (key === 'Enter' && isOnPressable(event)) return;
    if (event.repeat) {
      // A held key repeats nothing, but a held space must not arm a focused button either.
      if (key === ' ') event.preventDefault();
      return;
    }
    if (action() === false) {
      // Space meant nothing here (a dialog's question is open): its release presses the focused button, as usual.
      if (key === ' ') this.#spaceLeft = true;
      return;
    }
    event.preventDefault();
  };

  /** The last space press was left to the browser, so its release is too. */
  #spaceLeft = false;

  readonly #onKeyUp = (event: KeyboardEvent): void => {
    if (event.key !== ' ' || !this.shortcuts[' '] || isTyping(event)) return;
    if (this.#spaceLeft) {
      this.#spaceLeft = false;
      return;
    }
    event.preventDefault();
  };

  constructor(
    host: ReactiveControllerHost,
    /** Keys as KeyboardEvent.key, lower-case for letters (' ' for space). */
    private readonly shortcuts: ShortcutMap,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.#onKeyDown, { capture: true });
    window.addEventListener('keyup', this.#onKeyUp, { capture: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.#onKeyDown, { capture: true });
    window.removeEventListener('keyup', this.#onKeyUp, { capture: true });
  }
}
