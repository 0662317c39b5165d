// Re-renders a host whenever a service fires one of the named events; subscribes only while the
// host is in the document, so a page that leaves stops listening. While the tab is hidden nothing
// is drawn: an event only marks the host stale, and the tab shown again draws once with the latest
// of everything (lit folds the requests of a host's several controllers into that one update), so
// a hidden hour of a run costs the recording's work and no chart or tile work.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const tabHidden = (): boolean => document.visibilityState === 'hidden';

export class EventController implements ReactiveController {
  #target: EventTarget | null = null;
  #connected = false;
  /** An event came while the tab was hidden: what the host shows is behind the service. */
  #stale = false;
  readonly #onEvent = (): void => {
    if (tabHidden()) this.#stale = true;
    else this.host.requestUpdate();
  };
  readonly #onVisibility = (): void => this.#catchUp();

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
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#catchUp();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe();
    document.removeEventListener('visibilitychange', this.#onVisibility);
  }

  #catchUp(): void {
    if (!this.#stale || tabHidden()) return;
    this.#stale = false;
    this.host.requestUpdate();
  }

  #subscribe(): void {
    for (const name of this.eventNames) this.#target?.addEventListener(name, this.#onEvent);
  }
  #unsubscribe(): void {
    for (const name of this.eventNames) this.#target?.removeEventListener(name, this.#onEvent);
  }
}
