// Re-renders a host whenever a service fires one of the named events; subscribes only while the
// host is in the document, so a page that leaves stops listening. While the tab is hidden nothing
// is drawn: an event only marks the host stale, and the tab shown again draws once with the latest
// of everything, so a hidden hour of a run costs the recording's work and no chart or tile work.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const tabHidden = (): boolean => document.visibilityState === 'hidden';

/** The catch-ups of the controllers (in the page) whose service fired while the tab was hidden. */
const staleWhileHidden = new Set<() => void>();
let followingVisibility = false;

/**
 * One listener for every controller: the browser runs microtasks between the listeners of an event
 * it dispatches, so with one listener each a page with seven controllers drew up to seven times when
 * shown. Run from one listener, lit folds a host's requests into one update.
 */
function catchUpWhenShown(catchUp: () => void): void {
  staleWhileHidden.add(catchUp);
  if (followingVisibility) return;
  followingVisibility = true;
  document.addEventListener('visibilitychange', () => {
    if (tabHidden()) return;
    const due = [...staleWhileHidden];
    staleWhileHidden.clear();
    for (const run of due) run();
  });
}

export class EventController implements ReactiveController {
  #target: EventTarget | null = null;
  #connected = false;
  /** An event came while the tab was hidden: what the host shows is behind the service. */
  #stale = false;
  readonly #onEvent = (): void => {
    if (!tabHidden()) return this.host.requestUpdate();
    this.#stale = true;
    catchUpWhenShown(this.#catchUp);
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly eventNames: readonly string[],
    target: EventTarget | null = null,
  ) {
    host.addController(this);
    this.target = target;
  }

  /** The service to follow; switching targets moves the subscription. */
  set target(target: EventTarget | null) {
    if (target === this.#target) return;
    if (this.#connected) this.#unsubscribe();
    this.#target = target;
    if (this.#connected) this.#subscribe();
    this.host.requestUpdate();
  }
  get target(): EventTarget | null {
    return this.#target;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
    if (!this.#stale) return;
    if (tabHidden()) catchUpWhenShown(this.#catchUp);
    else this.#catchUp();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe();
    // Out of the page it draws nothing: it catches up when put back (hostConnected).
    staleWhileHidden.delete(this.#catchUp);
  }

  readonly #catchUp = (): void => {
    this.#stale = false;
    this.host.requestUpdate();
  };

  #subscribe(): void {
    for (const name of this.eventNames) this.#target?.addEventListener(name, this.#onEvent);
  }
  #unsubscribe(): void {
    for (const name of this.eventNames) this.#target?.removeEventListener(name, this.#onEvent);
  }
}
