// Keeps the screen on during a run (a treadmill runner cannot tap a phone that went dark). The
// browser drops the lock whenever the tab is hidden, so it is taken again each time the page
// comes back while a run still wants it. Nothing here throws or leaves a rejection behind.

import type { ScreenWakeLock, WakeLockState } from './outputs.js';

const ADVICE = 'set the screen timeout of this device long enough for your run.';

export const wakeLockMessages = {
  unsupported: `This browser cannot keep the screen awake: ${ADVICE}`,
  notAllowed: `The browser did not let Stridewise keep the screen awake (battery saver or a browser setting can stop it): ${ADVICE}`,
  failed: `The screen could not be kept awake this time: ${ADVICE}`,
} as const;

type WakeLockLike = Pick<WakeLock, 'request'>;

function browserWakeLock(): WakeLockLike | null {
  const nav = (typeof navigator === 'undefined' ? undefined : navigator) as { wakeLock?: WakeLockLike } | undefined;
  return nav?.wakeLock && typeof nav.wakeLock.request === 'function' ? nav.wakeLock : null;
}

const pageVisible = () => typeof document === 'undefined' || document.visibilityState === 'visible';

/** Events: 'change' when state or message changes. */
export class BrowserWakeLock extends EventTarget implements ScreenWakeLock {
  #state: WakeLockState = browserWakeLock() ? 'released' : 'unsupported';
  #message: string | null = this.#state === 'unsupported' ? wakeLockMessages.unsupported : null;
  #wanted = false;
  #sentinel: WakeLockSentinel | null = null;
  #requesting: Promise<void> | null = null;

  get state(): WakeLockState {
    return this.#state;
  }

  get message(): string | null {
    return this.#message;
  }

  get wanted(): boolean {
    return this.#wanted;
  }

  async want(wanted: boolean): Promise<void> {
    if (wanted === this.#wanted) return this.#requesting ?? undefined;
    this.#wanted = wanted;
    if (typeof document !== 'undefined') {
      if (wanted) document.addEventListener('visibilitychange', this.#onVisibility);
      else document.removeEventListener('visibilitychange', this.#onVisibility);
    }
    if (wanted) return this.#take();
    const sentinel = this.#sentinel;
    this.#sentinel = null;
    if (this.#state !== 'unsupported') this.#set('released', null);
    await sentinel?.release().catch(() => undefined);
  }

  readonly #onVisibility = (): void => {
    if (this.#wanted && pageVisible()) void this.#take();
  };

  /** One request at a time: a visibility change during a request does not ask twice. */
  #take(): Promise<void> {
    this.#requesting ??= this.#request().finally(() => (this.#requesting = null));
    return this.#requesting;
  }

  async #request(): Promise<void> {
    const wakeLock = browserWakeLock();
    if (!wakeLock) return this.#set('unsupported', wakeLockMessages.unsupported);
    // Only a visible page may hold the lock; the visibility handler takes it when the page shows.
    if (!pageVisible() || (this.#sentinel && !this.#sentinel.released)) return;
    let sentinel: WakeLockSentinel;
    try {
      sentinel = await wakeLock.request('screen');
    } catch (error) {
      if (this.#wanted) this.#set('refused', error instanceof DOMException && error.name === 'NotAllowedError' ? wakeLockMessages.notAllowed : wakeLockMessages.failed);
      return;
    }
    if (!this.#wanted) {
      await sentinel.release().catch(() => undefined);
      return;
    }
    this.#sentinel = sentinel;
    sentinel.addEventListener('release', () => {
      if (this.#sentinel !== sentinel) return;
      this.#sentinel = null;
      this.#set('released', null);
    });
    this.#set('held', null);
  }

  #set(state: WakeLockState, message: string | null): void {
    if (state === this.#state && message === this.#message) return;
    this.#state = state;
    this.#message = message;
    this.dispatchEvent(new Event('change'));
  }
}
