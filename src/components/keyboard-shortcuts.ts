// Single-key shortcuts for a page (space, L), active only while the page is in the document and
// never while the runner is typing in a field or has a button focused (space would press it).
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type ShortcutMap = Readonly<Record<string, () => void>>;

const isTyping = (event: KeyboardEvent): boolean =>
  event
    .composedPath()
    .some((node) => node instanceof HTMLElement && (node.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(node.tagName)));

export class KeyboardShortcuts implements ReactiveController {
  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || isTyping(event)) return;
    const action = this.shortcuts[event.key.length === 1 ? event.key.toLowerCase() : event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  constructor(
    host: ReactiveControllerHost,
    /** Keys as KeyboardEvent.key, lower-case for letters (' ' for space). */
    private readonly shortcuts: ShortcutMap,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.#onKeyDown);
  }
}
