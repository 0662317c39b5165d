/// <reference types="mocha" />
// Repro test (reviewer rv-control): a Stop queued behind a command whose GATT write hangs.
// The fake link behaves as Chromium does on every platform (BlueZ, WinRT, CoreBluetooth,
// Android): a second writeValueWithResponse on a characteristic whose previous write has not
// settled rejects with DOMException NetworkError "GATT operation already in progress."
// (WebBluetoothResult::GATT_OPERATION_IN_PROGRESS).
import { expect } from '@open-wc/testing';
import { type ControlOutcome, type ControlTimers, TreadmillControlPoint } from '../../../src/sources/treadmill-control.js';

const view = (...bytes: number[]): DataView => new DataView(Uint8Array.of(...bytes).buffer);

class FakeClock implements ControlTimers {
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

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('rv-control: TreadmillControlPoint with a write that hangs', () => {
  // Why it matters: the class says "one clock for the whole command, so a treadmill that hangs on
  // the write times out too", and then sends the Stop the runner pressed meanwhile at once, while
  // the hung write is still outstanding. Chromium refuses that second write ("GATT operation
  // already in progress", a NetworkError), which the class reads as a lost link: the Stop never
  // reaches the treadmill, the runner is told "The treadmill disconnected before it answered." on
  // a treadmill that is still connected, and nothing sends the Stop once the first write settles.
  // Issue 19: "A Stop button, always on screen during a workout, stops the belt (0x08 0x01)".
  it('sends a Stop queued behind a hung write once that write settles, instead of losing it as "disconnected"', async () => {
    const accepted: number[][] = [];
    let outstanding = 0;
    let hangNext = false;
    let settle: () => void = () => undefined;
    const clock = new FakeClock();
    const control = new TreadmillControlPoint(
      {
        write: (bytes) => {
          if (outstanding > 0) return Promise.reject(new DOMException('GATT operation already in progress.', 'NetworkError'));
          accepted.push([...bytes]);
          if (!hangNext) return Promise.resolve();
          hangNext = false;
          outstanding++;
          return new Promise<void>((resolve) => {
            settle = () => {
              outstanding--;
              resolve();
            };
          });
        },
      },
      { timers: clock },
    );
    control.connected({ feature: null, speed: { minKmh: 1, maxKmh: 20, incrementKmh: 0.1 }, incline: null, controlPoint: true });
    const asked = control.requestControl();
    control.indication(view(0x80, 0x00, 0x01));
    expect((await asked).ok).to.equal(true);

    hangNext = true;
    const speed = control.setSpeed(14); // the treadmill does not acknowledge this write for a while
    let stopOutcome: ControlOutcome | null = null;
    void control.stop().then((outcome) => (stopOutcome = outcome));
    clock.advance(5000);
    expect(await speed).to.include({ ok: false, failure: 'no-answer' });
    await flush();
    clock.advance(1000);
    settle(); // the treadmill finally acknowledges the speed write
    await flush();
    expect(accepted, 'the Stop reached the treadmill').to.deep.equal([[0x00], [0x02, 0x78, 0x05], [0x08, 0x01]]);
    expect(stopOutcome === null || (stopOutcome as ControlOutcome).message !== 'The treadmill disconnected before it answered.', 'not "disconnected" on a connected treadmill').to.equal(true);
  });
});
