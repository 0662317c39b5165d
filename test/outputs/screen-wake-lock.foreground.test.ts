// Needs the tab in front: only a visible page may hold a screen wake lock.
import { expect } from '@open-wc/testing';
import { BrowserWakeLock, wakeLockMessages } from '../../src/outputs/screen-wake-lock.js';
import { stubProperty } from './stub-property.js';

/** Lets the real navigator.wakeLock answer, keeping each sentinel it gives for the test. */
function recordingRequests() {
  const sentinels: WakeLockSentinel[] = [];
  const wakeLock = navigator.wakeLock;
  const real = wakeLock.request.bind(wakeLock);
  const restore = stubProperty(wakeLock, 'request', async (type: WakeLockType) => {
    const sentinel = await real(type);
    sentinels.push(sentinel);
    return sentinel;
  });
  return { sentinels, restore };
}

/** The page as the browser would report it after the runner switched away, or back. */
function showPage(visibility: DocumentVisibilityState): () => void {
  const restore = stubProperty(document, 'visibilityState', visibility);
  document.dispatchEvent(new Event('visibilitychange'));
  return restore;
}

const changesOf = (lock: BrowserWakeLock) => {
  const states: string[] = [];
  lock.addEventListener('change', () => states.push(lock.state));
  return states;
};

describe('BrowserWakeLock', () => {
  it('holds the screen awake while wanted and lets it go when not', async () => {
    const { sentinels, restore } = recordingRequests();
    const lock = new BrowserWakeLock();
    const states = changesOf(lock);
    try {
      expect(lock.state).to.equal('released');
      await lock.want(true);
      expect(lock.state).to.equal('held');
      expect(lock.message).to.equal(null);
      await lock.want(true);
      expect(sentinels).to.have.length(1);
      await lock.want(false);
      expect(lock.state).to.equal('released');
      expect(sentinels[0]!.released).to.equal(true);
    } finally {
      restore();
      await lock.want(false);
    }
    expect(states).to.deep.equal(['held', 'released']);
  });

  it('takes the lock again when the page comes back, since the browser drops it on hiding', async () => {
    const { sentinels, restore } = recordingRequests();
    const lock = new BrowserWakeLock();
    const restoreVisibility: (() => void)[] = [];
    try {
      await lock.want(true);
      // What Chrome does when the tab is hidden: the page hides, the sentinel is released.
      restoreVisibility.push(showPage('hidden'));
      await sentinels[0]!.release();
      expect(lock.state).to.equal('released');
      expect(sentinels).to.have.length(1);
      restoreVisibility.push(showPage('visible'));
      await waitFor(() => lock.state === 'held');
      expect(sentinels).to.have.length(2);
      expect(sentinels[1]!.released).to.equal(false);
    } finally {
      for (const undo of restoreVisibility.reverse()) undo();
      await lock.want(false);
      restore();
    }
    expect(sentinels[1]!.released).to.equal(true);
  });

  it('waits for a hidden page to show before asking', async () => {
    const { sentinels, restore } = recordingRequests();
    const lock = new BrowserWakeLock();
    const undoHidden = showPage('hidden');
    try {
      await lock.want(true);
      expect(sentinels).to.have.length(0);
      expect(lock.state).to.equal('released');
    } finally {
      undoHidden();
    }
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      await waitFor(() => lock.state === 'held');
    } finally {
      await lock.want(false);
      restore();
    }
  });

  it('says in words when the browser refuses, and tries again when the page shows again', async () => {
    let refuse = true;
    const restore = stubProperty(navigator.wakeLock, 'request', () =>
      refuse ? Promise.reject(new DOMException('Battery saver is on', 'NotAllowedError')) : Promise.reject(new Error('odd failure')),
    );
    const lock = new BrowserWakeLock();
    try {
      await lock.want(true);
      expect(lock.state).to.equal('refused');
      expect(lock.message).to.equal(wakeLockMessages.notAllowed);
      expect(lock.message).to.match(/did not let Stridewise keep the screen awake/);
      refuse = false;
      document.dispatchEvent(new Event('visibilitychange'));
      await waitFor(() => lock.message === wakeLockMessages.failed);
      await lock.want(false);
      expect(lock.state).to.equal('released');
      expect(lock.message).to.equal(null);
    } finally {
      restore();
    }
  });

  it('lets go of a lock that arrives after the run stopped wanting it', async () => {
    const { sentinels, restore } = recordingRequests();
    const lock = new BrowserWakeLock();
    try {
      const taking = lock.want(true);
      await lock.want(false);
      await taking;
      expect(lock.state).to.equal('released');
      expect(sentinels).to.have.length(1);
      expect(sentinels[0]!.released).to.equal(true);
    } finally {
      restore();
    }
  });

  it('says the screen may go dark where the browser has no wake lock', async () => {
    const restore = stubProperty(navigator, 'wakeLock', undefined);
    try {
      const lock = new BrowserWakeLock();
      expect(lock.state).to.equal('unsupported');
      expect(lock.message).to.equal('This browser cannot keep the screen awake: set the screen timeout of this device long enough for your run.');
      await lock.want(true);
      expect(lock.state).to.equal('unsupported');
      await lock.want(false);
      expect(lock.state).to.equal('unsupported');
    } finally {
      restore();
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
