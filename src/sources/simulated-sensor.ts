// The clockwork a simulated sensor shares with the simulated footpod: connect and disconnect like
// a device, one measurement per simulated second on a clock that can run faster than real time,
// catching up in batches when the tab was throttled. What each second's bytes are is the subclass's.

import { MeasurementEvent, type ConnectionState } from './footpod-source.js';
import type { PaceAim } from './run-profile.js';
import type { SensorInfo, SensorKind, SensorSource } from './sensor-source.js';

export interface SimulatedSensorOptions {
  /** Simulated seconds per real second; 60 runs an hour in a minute. Default 1. */
  speedup?: number;
  /** Seed for the noise; the same seed gives the same bytes. Default 1. */
  seed?: number;
  /** Where in the run profile to begin, e.g. 1400 to start in the intervals. Default 0. */
  startAtS?: number;
  /**
   * What the run follows at second `elapsedS` instead of the 60-minute plan (a program's run on a
   * belt), or null to follow the plan. Default: always the plan.
   */
  pace?: (elapsedS: number) => PaceAim | null;
}

// Keeps one timer callback short even when the page was throttled and has a lot to catch up on.
const MOST_PER_TICK = 2000;

/** `Info` is what the device says about itself: a footpod says more than a treadmill or a strap. */
export abstract class SimulatedSensor<Info extends SensorInfo = SensorInfo> extends EventTarget implements SensorSource {
  abstract readonly sensor: SensorKind;
  readonly kind = 'simulator' as const;
  #state: ConnectionState = 'idle';
  #message: string | null = null;
  #info: Info;
  readonly #speedup: number;
  protected readonly startAtS: number;
  protected readonly pace: (elapsedS: number) => PaceAim | null;
  // Survives a disconnect, as a device's own counters do, so a reconnect continues the same run.
  #secondsEmitted = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #generation = 0;
  #anchorMs = 0;
  #emittedSinceAnchor = 0;

  /** `emptyInfo` is what the source says before its first connection. */
  constructor(options: SimulatedSensorOptions, emptyInfo: Info) {
    super();
    this.#info = emptyInfo;
    const { speedup = 1, startAtS = 0 } = options;
    if (!Number.isFinite(speedup) || speedup <= 0) throw new RangeError(`speedup must be a positive number, not ${speedup}`);
    if (!Number.isFinite(startAtS) || startAtS < 0) throw new RangeError(`startAtS must be zero or more seconds, not ${startAtS}`);
    this.#speedup = speedup;
    this.startAtS = Math.floor(startAtS);
    this.pace = options.pace ?? (() => null);
  }

  /** What the device says about itself once connected. */
  protected abstract identity(): Info;
  /** The measurement bytes for second `elapsedS` of the run (called once per second, in order). */
  protected abstract measurementAt(elapsedS: number): Uint8Array;
  /** Runs just before each measurement goes out (stamped `timeMs`), for what the device sends beside it. */
  protected sendingMeasurement(_timeMs: number): void {}
  /** Runs after each measurement went out, e.g. for a battery that runs down. */
  protected measured(): void {}

  /** Seconds emitted so far, over every connection: the device's own clock. */
  protected get secondsEmitted(): number {
    return this.#secondsEmitted;
  }

  get state(): ConnectionState {
    return this.#state;
  }

  get message(): string | null {
    return this.#message;
  }

  get info(): Info {
    return this.#info;
  }

  async connect(): Promise<void> {
    if (this.#state === 'connecting' || this.#state === 'connected') return;
    const generation = ++this.#generation;
    this.#setState('connecting', null);
    // Asynchronous like a real connection: callers see 'connecting' before 'connected'.
    await Promise.resolve();
    if (generation !== this.#generation) return;
    this.setInfo(this.identity());
    this.#setState('connected', null);
    this.#anchorMs = performance.now();
    this.#emittedSinceAnchor = 0;
    this.#schedule(generation, 0);
  }

  disconnect(): void {
    if (this.#state === 'idle' || this.#state === 'disconnected') return;
    this.#generation++;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#setState('disconnected', null);
  }

  /** Emits `n` measurements now, whatever the state: for tests that need no timer. */
  emitSeconds(n: number): void {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`emitSeconds needs a whole number ≥ 0, not ${n}`);
    for (let i = 0; i < n; i++) this.#emitOne();
  }

  protected setInfo(info: Info): void {
    this.#info = info;
    this.dispatchEvent(new Event('info'));
  }

  #schedule(generation: number, delayMs: number): void {
    this.#timer = setTimeout(() => this.#tick(generation), delayMs);
  }

  // Emits every second that is due by now rather than one per callback, so high speedups do not
  // depend on timer resolution and a throttled tab catches up instead of losing time.
  #tick(generation: number): void {
    this.#timer = null;
    const live = (): boolean => generation === this.#generation && this.#state === 'connected';
    try {
      const elapsedMs = performance.now() - this.#anchorMs;
      const due = Math.floor((elapsedMs * this.#speedup) / 1000) + 1;
      const batch = Math.min(due - this.#emittedSinceAnchor, MOST_PER_TICK);
      // A listener may disconnect in the middle of a batch; stop there, as a real device would.
      for (let i = 0; i < batch && live(); i++) {
        this.#emitOne();
        this.#emittedSinceAnchor++;
      }
      if (!live()) return;
      const nextDueMs = (this.#emittedSinceAnchor * 1000) / this.#speedup;
      // Rounded up: the browser drops a delay's fraction, and a timer that fires a fraction early
      // finds nothing due and costs a second task to wake again.
      this.#schedule(generation, Math.max(0, Math.ceil(nextDueMs - (performance.now() - this.#anchorMs))));
    } catch (error) {
      // Nothing may escape a timer callback; say what happened and stop instead.
      if (generation !== this.#generation) return;
      this.#generation++;
      const reason = error instanceof Error ? error.message : String(error);
      this.#setState('disconnected', `The simulated ${this.sensor} stopped (${reason}). Connect it again to carry on.`);
    }
  }

  #emitOne(): void {
    const bytes = this.measurementAt(this.startAtS + this.#secondsEmitted);
    const timeMs = this.#secondsEmitted * 1000;
    this.#secondsEmitted++;
    this.sendingMeasurement(timeMs);
    this.dispatchEvent(new MeasurementEvent(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), timeMs));
    this.measured();
  }

  #setState(state: ConnectionState, message: string | null): void {
    if (state === this.#state && message === this.#message) return;
    this.#state = state;
    this.#message = message;
    this.dispatchEvent(new Event('statechange'));
  }
}
