// Whether a new version of the app is ready, and taking it in only when no run is being recorded.
// The service worker (src/app/service-worker.ts) installs a new version beside the running one and
// lets it wait; this service says so, and on Reload asks the waiting worker to take over, then
// reloads the page once it controls it. It never does either by itself, and never while a run is
// recording or paused: a run's code and its chunks stay the ones it started with, and a stopped
// run is stored before anything is swapped.
//
// Events: 'change' (state).

import { type ServiceWorkerHandle, ServiceWorkerRegistrationHandle } from './service-worker-registration.js';
import type { RecorderState } from '../session/recorder.js';
import type { RunsInOtherTabs } from '../services/runs-in-other-tabs.js';

export type { ServiceWorkerHandle };

/** The recording service, as far as updates care: whether a run is going on, and when that changes. */
export interface RunState extends EventTarget {
  readonly state: RecorderState;
}

/** Runs in the app's other tabs (RunsInOtherTabs; a fake in tests). */
export interface OtherTabs extends EventTarget {
  readonly running: boolean;
  setMine(running: boolean): void;
}

/**
 * 'current': nothing new. 'ready': a new version waits and can be loaded now. 'after-run': one
 * waits, but a run is being recorded (here or in another tab: the new version would take over
 * every tab), so it loads only after the run is stopped. 'reloading': the runner pressed Reload;
 * the page reloads as soon as the new version controls it.
 */
export type UpdateState = 'current' | 'ready' | 'after-run' | 'reloading';

const runGoingOn = (state: RecorderState): boolean => state === 'recording' || state === 'paused';

export class AppUpdates extends EventTarget {
  #waiting = false;
  #reloadAsked = false;
  #newVersionControls = false;
  #reloaded = false;
  #lastState: UpdateState = 'current';

  constructor(
    private readonly worker: ServiceWorkerHandle,
    private readonly run: RunState,
    private readonly reloadPage: () => void = () => location.reload(),
    private readonly otherTabs: OtherTabs | null = null,
  ) {
    super();
    worker.addEventListener('waiting', () => {
      this.#waiting = true;
      this.#changed();
    });
    // Also fires when another tab of the app had the new version take over, and when the very
    // first service worker claims the page it was installed from: that is no new version.
    worker.addEventListener('controlling', () => {
      if (!this.#waiting) return;
      this.#newVersionControls = true;
      this.#reloadIfAsked();
    });
    run.addEventListener('change', () => {
      otherTabs?.setMine(runGoingOn(run.state));
      this.#changed();
      this.#reloadIfAsked();
    });
    otherTabs?.setMine(runGoingOn(run.state));
    otherTabs?.addEventListener('change', () => this.#changed());
  }

  /** Whether the run that holds the new version back is in another tab. */
  get runElsewhere(): boolean {
    return this.state === 'after-run' && !runGoingOn(this.run.state);
  }

  get state(): UpdateState {
    if (!this.#waiting) return 'current';
    if (this.#reloadAsked) return 'reloading';
    return runGoingOn(this.run.state) || this.otherTabs?.running ? 'after-run' : 'ready';
  }

  /**
   * Loads the waiting version: the worker takes over, then the page reloads. Refused (false)
   * unless the state is 'ready', so never while a run is recorded or paused.
   */
  reload(): boolean {
    if (this.state !== 'ready') return false;
    this.#reloadAsked = true;
    this.#changed();
    if (this.#newVersionControls) this.#reloadIfAsked();
    else this.worker.messageSkipWaiting();
    return true;
  }

  #reloadIfAsked(): void {
    // A run started between the press and the takeover holds the reload until it is stopped.
    if (!this.#reloadAsked || !this.#newVersionControls || this.#reloaded || runGoingOn(this.run.state)) return;
    this.#reloaded = true;
    this.reloadPage();
  }

  #changed(): void {
    const state = this.state;
    if (state === this.#lastState) return;
    this.#lastState = state;
    this.dispatchEvent(new Event('change'));
  }
}

/**
 * Registers the service worker at /sw.js and follows its updates. The browser looks for a new
 * version at every load; a tab left open (a treadmill tablet) also looks when it is shown again.
 * Without a network, or on a host without sw.js, the app simply runs as it is.
 */
export function watchForUpdates(run: RunState, otherTabs: RunsInOtherTabs | null): AppUpdates {
  const worker = new ServiceWorkerRegistrationHandle('/sw.js');
  const updates = new AppUpdates(worker, run, () => location.reload(), otherTabs);
  worker.register().catch(() => undefined);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return;
    worker.update().catch(() => undefined);
    void otherTabs?.refresh();
  });
  return updates;
}
