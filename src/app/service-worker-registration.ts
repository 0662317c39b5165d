// The service worker's registration, as the update banner follows it: 'waiting' when a new version
// has installed beside the running one, 'controlling' when a version takes over this page. The few
// lines of workbox-window this app used, read straight from the registration: workbox-window cost
// 2 KB gzip of the first load.

/** The service worker's registration as the update banner's service follows it (a fake one in tests). */
export interface ServiceWorkerHandle {
  addEventListener(type: 'waiting' | 'controlling', listener: () => void): void;
  messageSkipWaiting(): void;
}

export class ServiceWorkerRegistrationHandle implements ServiceWorkerHandle {
  readonly #events = new EventTarget();
  #registration: ServiceWorkerRegistration | null = null;

  constructor(private readonly url: string) {}

  addEventListener(type: 'waiting' | 'controlling', listener: () => void): void {
    this.#events.addEventListener(type, listener);
  }

  messageSkipWaiting(): void {
    this.#registration?.waiting?.postMessage({ type: 'SKIP_WAITING' });
  }

  async register(): Promise<void> {
    const registration = await navigator.serviceWorker.register(this.url);
    this.#registration = registration;
    // Waiting means installed beside an active version: the very first install activates at once.
    const announceWaiting = (): void => {
      if (registration.waiting && registration.active) this.#events.dispatchEvent(new Event('waiting'));
    };
    const follow = (worker: ServiceWorker | null): void =>
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed') announceWaiting();
      });
    navigator.serviceWorker.addEventListener('controllerchange', () => this.#events.dispatchEvent(new Event('controlling')));
    registration.addEventListener('updatefound', () => follow(registration.installing));
    // A version that was found (or is still installing) before this page registered.
    follow(registration.installing);
    announceWaiting();
  }

  /** Looks for a new version now (the browser also does at every load). */
  async update(): Promise<void> {
    await this.#registration?.update();
  }
}
