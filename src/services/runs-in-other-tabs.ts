// Whether another tab of the app is recording a run, and handing a run over between tabs. Only one
// tab records and holds the footpod at a time. Each tab holds a Web Lock of its own while its run
// goes on (the browser lets it go when the tab closes, even by a crash) and says so on a
// BroadcastChannel; the others then look at which locks are held. A new service worker takes over
// every tab at once, so Reload in one tab also waits for a run going on in another.
//
// Taking over: the tab that wants to record asks on the channel; the recording tab runs its
// hand-over (stop, save, let the footpod go) and only then lets its lock go, so the asking tab
// knows the run is stored and the footpod free once it finds no lock held.
//
// Events: 'change' (running).

const TAKE_OVER = 'take-over';
const CHANGED = 'changed';

export class RunsInOtherTabs extends EventTarget {
  readonly #lockPrefix: string;
  readonly #lockName: string;
  readonly #channel: BroadcastChannel;
  #mine = false;
  #release: (() => void) | null = null;
  #running = false;
  #closed = false;
  #handOver: (() => Promise<unknown>) | null = null;
  #handingOver = false;

  /** `namespace` keeps tests apart from each other and from the app; the app uses the default. */
  constructor(namespace = 'stridewise-run') {
    super();
    this.#lockPrefix = `${namespace}/`;
    this.#lockName = `${this.#lockPrefix}${crypto.randomUUID()}`;
    this.#channel = new BroadcastChannel(`${namespace}s`);
    this.#channel.onmessage = (event: MessageEvent) => {
      if (event.data === TAKE_OVER) this.#handOverAsked();
      else void this.refresh();
    };
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
    } else if (!this.#handingOver) {
      this.#letGo();
    } // else: let go once the hand-over has ended (saved, footpod free).
  }

  /** What this tab does when another asks to take over its run: stop, save, let the footpod go. */
  handOverWith(handOver: () => Promise<unknown>): void {
    this.#handOver = handOver;
  }

  /**
   * Asks the tab recording to stop, save its run and let the footpod go; resolves true once no
   * other tab holds a run's lock, false if one still does after `timeoutMs`.
   */
  async takeOver(timeoutMs = 15_000): Promise<boolean> {
    this.#channel.postMessage(TAKE_OVER);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.refresh();
      if (!this.#running) return true;
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Looks again at which tabs hold a run's lock. */
  async refresh(): Promise<void> {
    const { held = [] } = await navigator.locks.query();
    const running = held.some((lock) => lock.name !== this.#lockName && lock.name?.startsWith(this.#lockPrefix) === true);
    if (running === this.#running) return;
    this.#running = running;
    this.dispatchEvent(new Event('change'));
  }

  close(): void {
    this.setMine(false);
    this.#closed = true;
    this.#channel.close();
  }

  #handOverAsked(): void {
    const handOver = this.#handOver;
    if (!this.#mine || !handOver || this.#handingOver) return;
    // Set before the hand-over runs: stopping the run calls setMine(false) at once.
    this.#handingOver = true;
    void Promise.resolve()
      .then(handOver)
      .catch(() => undefined)
      .then(() => {
        this.#handingOver = false;
        if (!this.#mine) this.#letGo();
      });
  }

  #letGo(): void {
    this.#release?.();
    this.#release = null;
  }

  #tellOthers(): void {
    if (!this.#closed) this.#channel.postMessage(CHANGED);
  }
}
