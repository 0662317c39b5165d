// Repro tests (reviewer rv-machine): a treadmill that never indicates its Start, through the
// control the workout runner uses, and what the workout machine then does.
import { expect } from '@open-wc/testing';
import { type ControlOutcome, type ControlTimers, type TreadmillCapabilities, TreadmillControlPoint } from '../../../src/sources/treadmill-control.js';

const view = (...bytes: number[]): DataView => new DataView(Uint8Array.of(...bytes).buffer);
const caps: TreadmillCapabilities = {
  feature: { machineFeatures: 0x0d, targetSettingFeatures: 3, speedTargetSupported: true, inclinationTargetSupported: true },
  speed: { minKmh: 1, maxKmh: 20, incrementKmh: 0.1 },
  incline: { minPercent: 0, maxPercent: 15, incrementPercent: 0.5 },
  controlPoint: true,
};

class ManualTimers implements ControlTimers {
  readonly pending = new Map<number, () => void>();
  #next = 1;
  set(callback: () => void): number {
    this.pending.set(this.#next, callback);
    return this.#next++;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fireAll(): void {
    for (const [id, callback] of [...this.pending]) {
      this.pending.delete(id);
      callback();
    }
  }
}

async function settled(promise: Promise<ControlOutcome>): Promise<ControlOutcome | 'waiting'> {
  let result: ControlOutcome | 'waiting' = 'waiting';
  void promise.then((outcome) => (result = outcome));
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return result;
}

describe('rv-machine: a silent treadmill’s Start', () => {
  // Issue 19: "a treadmill that never indicates is confirmed from Status and Treadmill Data". A
  // silent treadmill that starts its belt says so with status 0x04 (started or resumed), but the
  // Start command is only ever ended by the 5 s timeout: the workout machine then pauses the
  // workout with "press Resume to try again" while the belt is already running under the runner,
  // and the step's speed is never set.
  it('confirms Start (0x07) from status 0x04 when the treadmill sends no indication', async () => {
    const timers = new ManualTimers();
    const control = new TreadmillControlPoint({ write: () => Promise.resolve() }, { timers });
    control.connected(caps);
    const asked = control.requestControl();
    control.indication(view(0x80, 0x00, 0x01));
    expect((await asked).ok).to.equal(true);
    const start = control.start();
    control.status(view(0x04));
    const outcome = await settled(start);
    timers.fireAll();
    expect(outcome === 'waiting' ? 'waiting' : outcome.ok, 'the start confirmed by the 0x04 status').to.equal(true);
  });

});

describe('rv-machine: Stop past a silent treadmill’s command', () => {
  // The workout machine's own rule: "a Stop or Pause press goes out at once, past [the command in
  // flight]". The control holds it back until the command in flight ends: on a treadmill that never
  // indicates, a speed change is ended only when the belt reaches the speed or after 5 s, so the
  // runner's Stop reaches the belt up to 5 s late while the belt speeds up under them.
  it('writes Stop (0x08 0x01) at once while a silent speed change is unconfirmed', async () => {
    const writes: number[][] = [];
    const timers = new ManualTimers();
    const control = new TreadmillControlPoint({ write: (bytes) => (writes.push([...bytes]), Promise.resolve()) }, { timers });
    control.connected(caps);
    const asked = control.requestControl();
    control.indication(view(0x80, 0x00, 0x01));
    await asked;
    void control.setSpeed(16);
    const stop = control.stop();
    await settled(stop);
    expect(writes.at(-1), 'the last write is the Stop').to.deep.equal([0x08, 0x01]);
    timers.fireAll();
  });
});
