import { expect } from '@open-wc/testing';
import { AppUpdates, type OtherTabs, type ServiceWorkerHandle } from '../../src/app/app-updates.js';
import type { RecorderState } from '../../src/session/recorder.js';

/** Stands in for the service worker's registration: the test fires its events and counts skip-waiting messages. */
class FakeWorker implements ServiceWorkerHandle {
  readonly #listeners = new Map<string, Array<() => void>>();
  skipWaitingMessages = 0;
  addEventListener(type: 'waiting' | 'controlling', listener: () => void): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }
  messageSkipWaiting(): void {
    this.skipWaitingMessages++;
  }
  fire(type: 'waiting' | 'controlling'): void {
    for (const listener of this.#listeners.get(type) ?? []) listener();
  }
}

class FakeRun extends EventTarget {
  state: RecorderState = 'idle';
  set(state: RecorderState): void {
    this.state = state;
    this.dispatchEvent(new Event('change'));
  }
}

class FakeOtherTabs extends EventTarget implements OtherTabs {
  running = false;
  mine: boolean[] = [];
  setMine(running: boolean): void {
    this.mine.push(running);
  }
  set(running: boolean): void {
    this.running = running;
    this.dispatchEvent(new Event('change'));
  }
}

function setUp(runState: RecorderState = 'idle') {
  const worker = new FakeWorker();
  const run = new FakeRun();
  const otherTabs = new FakeOtherTabs();
  run.state = runState;
  let reloads = 0;
  let changes = 0;
  const updates = new AppUpdates(worker, run, () => reloads++, otherTabs);
  updates.addEventListener('change', () => changes++);
  return { worker, run, otherTabs, updates, reloads: () => reloads, changes: () => changes };
}

describe('AppUpdates', () => {
  it('has nothing to offer until a new version waits, then offers it', () => {
    const { worker, updates, changes } = setUp();
    expect(updates.state).to.equal('current');
    expect(updates.reload()).to.equal(false);
    expect(worker.skipWaitingMessages).to.equal(0);
    worker.fire('waiting');
    expect(updates.state).to.equal('ready');
    expect(changes()).to.equal(1);
  });

  it('on Reload asks the waiting worker to take over and reloads only once it controls the page', () => {
    const { worker, updates, reloads } = setUp();
    worker.fire('waiting');
    expect(updates.reload()).to.equal(true);
    expect(updates.state).to.equal('reloading');
    expect(worker.skipWaitingMessages).to.equal(1);
    expect(reloads()).to.equal(0);
    worker.fire('controlling');
    expect(reloads()).to.equal(1);
    worker.fire('controlling');
    expect(reloads()).to.equal(1);
  });

  it('never asks for the new version by itself, whatever happens', () => {
    const { worker, run, reloads } = setUp();
    worker.fire('waiting');
    run.set('recording');
    run.set('stopped');
    run.set('idle');
    expect(worker.skipWaitingMessages).to.equal(0);
    expect(reloads()).to.equal(0);
  });

  for (const during of ['recording', 'paused'] as const) {
    it(`while a run is ${during}, says the version comes after the run and refuses to reload`, () => {
      const { worker, run, updates, reloads, changes } = setUp();
      worker.fire('waiting');
      run.set(during);
      expect(updates.state).to.equal('after-run');
      expect(changes()).to.equal(2);
      expect(updates.reload()).to.equal(false);
      expect(worker.skipWaitingMessages).to.equal(0);
      worker.fire('controlling'); // another tab had it take over: this page still does not reload
      expect(reloads()).to.equal(0);
      run.set('stopped');
      expect(updates.state).to.equal('ready');
      expect(reloads()).to.equal(0);
    });
  }

  it('a version that was waiting when the page opened during a run is held too', () => {
    const { worker, updates } = setUp('recording');
    worker.fire('waiting');
    expect(updates.state).to.equal('after-run');
    expect(updates.reload()).to.equal(false);
  });

  it('holds the reload when a run starts between the press and the takeover, until the run stops', () => {
    const { worker, run, updates, reloads } = setUp();
    worker.fire('waiting');
    expect(updates.reload()).to.equal(true);
    run.set('recording');
    worker.fire('controlling');
    expect(reloads()).to.equal(0);
    run.set('paused');
    expect(reloads()).to.equal(0);
    run.set('stopped');
    expect(reloads()).to.equal(1);
  });

  it('the first service worker taking control of the page is not a new version to reload into', () => {
    const { worker, updates, reloads } = setUp();
    worker.fire('controlling'); // first install, clientsClaim
    worker.fire('waiting'); // later, an update
    expect(updates.reload()).to.equal(true);
    expect(worker.skipWaitingMessages).to.equal(1);
    expect(reloads()).to.equal(0);
    worker.fire('controlling');
    expect(reloads()).to.equal(1);
  });

  it('when another tab already had the new version take over, Reload reloads at once', () => {
    const { worker, updates, reloads } = setUp();
    worker.fire('waiting');
    worker.fire('controlling');
    expect(reloads()).to.equal(0);
    expect(updates.reload()).to.equal(true);
    expect(worker.skipWaitingMessages).to.equal(0);
    expect(reloads()).to.equal(1);
  });

  it("fires 'change' only when its state changes, not on every change of the run", () => {
    const { worker, run, changes } = setUp();
    run.set('recording');
    run.set('paused');
    expect(changes()).to.equal(0);
    worker.fire('waiting'); // 'after-run': the run is paused
    run.set('recording');
    run.set('paused');
    expect(changes()).to.equal(1);
    run.set('stopped');
    expect(changes()).to.equal(2);
  });

  it('holds the new version while another tab records (it would take that tab over too)', () => {
    const { worker, otherTabs, updates, changes } = setUp();
    worker.fire('waiting');
    otherTabs.set(true);
    expect(updates.state).to.equal('after-run');
    expect(updates.runElsewhere).to.equal(true);
    expect(changes()).to.equal(2);
    expect(updates.reload()).to.equal(false);
    expect(worker.skipWaitingMessages).to.equal(0);
    otherTabs.set(false);
    expect(updates.state).to.equal('ready');
  });

  it("tells the other tabs when this tab's run starts and ends", () => {
    const { run, otherTabs, updates } = setUp();
    run.set('recording');
    run.set('paused');
    run.set('stopped');
    expect(otherTabs.mine).to.deep.equal([false, true, true, false]);
    expect(updates.runElsewhere).to.equal(false);
  });
});
