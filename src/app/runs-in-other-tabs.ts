// Whether another tab of the app is recording a run. A new service worker takes over every tab at
// once, so Reload in one tab must wait for a run going on in another. Each tab holds a Web Lock of
// its own while its run goes on (the browser lets it go when the tab closes, even by a crash) and
// says so on a BroadcastChannel; the others then look at which locks are held.
//
// Events: 'change' (running).

const lockPrefix = 'stridewise-run/';

export class RunsInOtherTabs extends EventTarget {
  readonly #lockName = `${lockPrefix}${crypto.randomUUID()}`;
  readonly #channel = new BroadcastChannel('stridewise-runs');
  #mine = false;
  #release: (() => void) | null = null;
  #running = false;
  #closed = false;

  constructor() {
    super();
    this.#channel.onmessage = () => void this.refresh();
    // A tab that closes lets its lock go; the others look again.
    addEventListener('pagehide', () => this.#tellOthers());
    void this.refresh();
  }

  /** True while a run is recorded or paused in another tab (as last looked at). */
  get running(): boolean {
    return this.#running;
  }

  /** Tells the other tabs whether this tab's run goes on. */
  setMine(running: boolean): void {
    if (running === this.#mine) return;
    this.#mine = running;
    if (running) {
      void navigator.locks
        .request(this.#lockName, () => {
          if (!this.#mine) return undefined; // stopped before the lock came
          this.#tellOthers();
          return new Promise<void>((resolve) => (this.#release = resolve));
        })
        // Resolves once the lock is let go: only then would the others find it gone.
        .then(() => this.#tellOthers());
    } else {
      this.#release?.();
      this.#release = null;
    }
  }

  /** Looks again at which tabs hold a run's lock. */
  async refresh(): Promise<void> {
    const { held = [] } = await navigator.locks.query();
    const running = held.some((lock) => lock.name !== this.#lockName && lock.name?.startsWith(lockPrefix) === true);
    if (running === this.#running) return;
    this.#running = running;
    this.dispatchEvent(new Event('change'));
  }

  close(): void {
    this.setMine(false);
    this.#closed = true;
    this.#channel.close();
  }

  #tellOthers(): void {
    if (!this.#closed) this.#channel.postMessage('changed');
  }
}
