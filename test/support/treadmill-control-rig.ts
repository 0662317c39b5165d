// TreadmillControlPoint with a link that records writes and a clock the test moves: the test plays
// the treadmill by calling indication(), status() and treadmillData() itself.
import { expect } from '@open-wc/testing';
import { encodeTreadmillData } from '../../src/ble/ftms-treadmill-encode.js';
import { emptyTreadmillData } from '../../src/ble/ftms-treadmill.js';
import { type ControlOutcome, type ControlTimers, type TreadmillCapabilities, TreadmillControlPoint } from '../../src/sources/treadmill-control.js';

export const view = (...bytes: number[]): DataView => new DataView(Uint8Array.of(...bytes).buffer);

/** Treadmill Data with a speed and, if given, an incline. */
export const data = (kmh: number, inclinationPercent: number | null = null): DataView => {
  const bytes = encodeTreadmillData({ ...emptyTreadmillData(), speedMps: kmh / 3.6, inclinationPercent });
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
};

export const caps = (over: Partial<TreadmillCapabilities> = {}): TreadmillCapabilities => ({
  feature: { machineFeatures: 0x0d, targetSettingFeatures: 3, speedTargetSupported: true, inclinationTargetSupported: true },
  speed: { minKmh: 1, maxKmh: 20, incrementKmh: 0.1 },
  incline: { minPercent: 0, maxPercent: 15, incrementPercent: 0.5 },
  controlPoint: true,
  ...over,
});

export class FakeClock implements ControlTimers {
  now = 0;
  #timers = new Map<number, { at: number; callback: () => void }>();
  #next = 1;
  set(callback: () => void, ms: number): number {
    this.#timers.set(this.#next, { at: this.now + ms, callback });
    return this.#next++;
  }
  clear(handle: unknown): void {
    this.#timers.delete(handle as number);
  }
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.#timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
    }
    this.now = until;
  }
}

/**
 * A link as Chromium's: a write settles when the treadmill took it, and a second write while one
 * is outstanding is refused ("GATT operation already in progress", a NetworkError). `hold()` makes
 * the next write wait until `release()`; `fail` may refuse a write.
 */
export class FakeLink {
  readonly writes: number[][] = [];
  /** How many writes were outstanding when each write was made (Chromium allows 0). */
  readonly overlapping: number[] = [];
  outstanding = 0;
  #holdNext = false;
  #held: { resolve: () => void; reject: (error: Error) => void }[] = [];
  constructor(readonly fail: ((bytes: number[]) => Error | null) | null = null) {}

  hold(): void {
    this.#holdNext = true;
  }

  /** Settles the oldest held write (rejecting it with `error` if given). */
  release(error: Error | null = null): void {
    const held = this.#held.shift();
    if (!held) throw new Error('no write is held');
    this.outstanding--;
    if (error) held.reject(error);
    else held.resolve();
  }

  write(bytes: Uint8Array): Promise<void> {
    this.overlapping.push(this.outstanding);
    if (this.outstanding > 0) return Promise.reject(new DOMException('GATT operation already in progress.', 'NetworkError'));
    this.writes.push([...bytes]);
    const error = this.fail?.([...bytes]) ?? null;
    if (error) return Promise.reject(error);
    if (!this.#holdNext) return Promise.resolve();
    this.#holdNext = false;
    this.outstanding++;
    return new Promise<void>((resolve, reject) => this.#held.push({ resolve, reject }));
  }
}

export function rig(capabilities: TreadmillCapabilities | null = caps(), fail: ((bytes: number[]) => Error | null) | null = null) {
  const link = new FakeLink(fail);
  const clock = new FakeClock();
  const control = new TreadmillControlPoint({ write: (bytes) => link.write(bytes) }, { timers: clock });
  if (capabilities) control.connected(capabilities);
  return { control, writes: link.writes, clock, link };
}

/** A rig whose control was granted: 0x80 0x00 0x01 seen, and the write settled. */
export async function inControl(capabilities = caps()) {
  const r = rig(capabilities);
  const asked = r.control.requestControl();
  r.control.indication(view(0x80, 0x00, 0x01));
  expect(await asked).to.deep.equal({ ok: true, confirmedBy: 'indication', message: 'The app has control of the treadmill.' });
  r.writes.length = 0;
  return r;
}

/** Lets settled writes and answered promises run on (no timer: a background tab throttles them). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** What the promise ended with, or 'waiting' after a few microtasks. */
export async function settled(promise: Promise<ControlOutcome>): Promise<ControlOutcome | 'waiting'> {
  let result: ControlOutcome | 'waiting' = 'waiting';
  void promise.then((outcome) => (result = outcome));
  await flush();
  return result;
}
