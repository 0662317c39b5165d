// Re-renders a host whenever a service fires one of the named events; subscribes only while the
// host is in the document, so a page that leaves stops listening.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class EventController implements ReactiveController {
  #target: EventTarget | null = null;
  #connected = false;
  readonly #onEvent = (): void => this.host.requestUpdate();

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
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe();
  }

  #subscribe(): void {
    for (const name of this.eventNames) this.#target?.addEventListener(name, this.#onEvent);
  }
  #unsubscribe(): void {
    for (const name of this.eventNames) this.#target?.removeEventListener(name, this.#onEvent);
  }
}
