// A footpod with no hardware: it speaks RSC Measurement bytes like a real pod, so `npm start`
// works on any machine and the whole parse → session path is exercised. Its clock can run faster
// than real time, and tests can drive it synchronously with emitSeconds.

import { encodeRscMeasurement } from '../ble/rsc-encode.js';
import {
  emptyFootpodInfo,
  MeasurementEvent,
  type ConnectionState,
  type FootpodInfo,
  type FootpodSource,
} from './footpod-source.js';
import { FootpodControlPoint } from './footpod-control-point.js';
import { mulberry32, runSampleAt } from './run-profile.js';

export interface SimulatedFootpodOptions {
  /** Simulated seconds per real second; 60 runs an hour in a minute. Default 1. */
  speedup?: number;
  /** Seed for the run's noise; the same seed gives the same bytes. Default 1. */
  seed?: number;
  /** Where in the run profile to begin, e.g. 1400 to start in the intervals. Default 0. */
  startAtS?: number;
  /**
   * 'strides' acts as a pod that counts one foot: half the cadence, with a two-step stride length.
   * It has an identity and name of its own, so what the app learns about it stays apart. Default 'steps'.
   */
  cadenceUnit?: 'steps' | 'strides';
}

export const simulatedDeviceName = 'Simulated footpod';
export const simulatedStridesDeviceName = 'Simulated stride pod';
// Stride length, total distance and walking/running status supported (bits 0-2).
const FEATURE_BITS = 0x0007;
const IN_SHOE = 2;
// About 15 % over 3 hours, like a coin cell in a real pod.
const SECONDS_PER_BATTERY_PERCENT = 720;
const LOWEST_BATTERY = 5;
// Keeps one timer callback short even when the page was throttled and has a lot to catch up on.
const MOST_PER_TICK = 2000;
// A real pod takes a moment to indicate its answer; the page should show the wait too.
const CONTROL_POINT_ANSWER_MS = 150;

function featureView(): DataView {
  const view = new DataView(new ArrayBuffer(2));
  view.setUint16(0, FEATURE_BITS, true);
  return view;
}

export class SimulatedFootpod extends EventTarget implements FootpodSource {
  readonly sensor = 'footpod' as const;
  readonly kind = 'simulator' as const;
  #state: ConnectionState = 'idle';
  #message: string | null = null;
  #info: FootpodInfo = emptyFootpodInfo();

  readonly #speedup: number;
  readonly #startAtS: number;
  readonly #rng: () => number;
  readonly #countsStrides: boolean;
  // The pod's own counters survive a disconnect, as a real pod's do, so a reconnect continues
  // the same run and its clock and distance never go backwards.
  #secondsEmitted = 0;
  #distanceM = 0;

  #timer: ReturnType<typeof setTimeout> | null = null;
  // Bumped by every connect and disconnect, so a stale timer or connect gives up.
  #generation = 0;
  #anchorMs = 0;
  #emittedSinceAnchor = 0;

  /** Answers in SC Control Point bytes like a real pod; its feature bits offer only the distance reset. */
  readonly controlPoint = new FootpodControlPoint({
    connected: () => this.#state === 'connected',
    feature: () => this.#info.feature,
    send: (request) => {
      this.#answerControlPoint(request);
      return Promise.resolve();
    },
  });

  constructor(options: SimulatedFootpodOptions = {}) {
    super();
    const { speedup = 1, seed = 1, startAtS = 0, cadenceUnit = 'steps' } = options;
    if (!Number.isFinite(speedup) || speedup <= 0) {
      throw new RangeError(`speedup must be a positive number, not ${speedup}`);
    }
    if (!Number.isFinite(startAtS) || startAtS < 0) {
      throw new RangeError(`startAtS must be zero or more seconds, not ${startAtS}`);
    }
    this.#speedup = speedup;
    this.#startAtS = Math.floor(startAtS);
    this.#rng = mulberry32(seed);
    this.#countsStrides = cadenceUnit === 'strides';
  }

  get state(): ConnectionState {
    return this.#state;
  }

  get message(): string | null {
    return this.#message;
  }

  get info(): FootpodInfo {
    return this.#info;
  }

  async connect(): Promise<void> {
    if (this.#state === 'connecting' || this.#state === 'connected') return;
    const generation = ++this.#generation;
    this.#setState('connecting', null);
    // Asynchronous like a real connection: callers see 'connecting' before 'connected'.
    await Promise.resolve();
    if (generation !== this.#generation) return;
    this.#setInfo({
      deviceId: this.#countsStrides ? 'simulated-strides' : 'simulated',
      deviceName: this.#countsStrides ? simulatedStridesDeviceName : simulatedDeviceName,
      feature: featureView(),
      sensorLocation: IN_SHOE,
      batteryLevel: this.#batteryLevel(),
    });
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
    this.controlPoint.linkLost();
  }

  /** Emits `n` measurements now, whatever the state: for tests and benchmarks that need no timer. */
  emitSeconds(n: number): void {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`emitSeconds needs a whole number ≥ 0, not ${n}`);
    for (let i = 0; i < n; i++) this.#emitOne();
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
      // A listener may disconnect in the middle of a batch; stop there, as a real pod would.
      for (let i = 0; i < batch && live(); i++) {
        this.#emitOne();
        this.#emittedSinceAnchor++;
      }
      if (!live()) return;
      const nextDueMs = (this.#emittedSinceAnchor * 1000) / this.#speedup;
      this.#schedule(generation, Math.max(0, nextDueMs - (performance.now() - this.#anchorMs)));
    } catch (error) {
      // Nothing may escape a timer callback; say what happened and stop instead.
      if (generation !== this.#generation) return;
      this.#generation++;
      const reason = error instanceof Error ? error.message : String(error);
      this.#setState('disconnected', `The simulated footpod stopped (${reason}). Connect it again to carry on.`);
    }
  }

  #emitOne(): void {
    const sample = runSampleAt(this.#startAtS + this.#secondsEmitted, this.#rng);
    // A strides pod counts one foot, so each of its strides is two of the profile's steps.
    const perCount = this.#countsStrides ? 2 : 1;
    const bytes = encodeRscMeasurement({
      speedMps: sample.speedMps,
      cadence: Math.round(sample.cadence / perCount),
      strideLengthM: sample.strideLengthM * perCount,
      totalDistanceM: this.#distanceM,
      isRunning: sample.isRunning,
    });
    const timeMs = this.#secondsEmitted * 1000;
    // The distance in a measurement is what was covered before it, so the first one says 0 m.
    this.#distanceM += sample.speedMps;
    this.#secondsEmitted++;
    this.dispatchEvent(new MeasurementEvent(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), timeMs));
    const battery = this.#batteryLevel();
    if (this.#info.batteryLevel !== null && this.#info.batteryLevel !== battery) {
      this.#setInfo({ ...this.#info, batteryLevel: battery });
    }
  }

  #answerControlPoint(request: Uint8Array): void {
    const opCode = request[0] ?? 0;
    const setsDistance = opCode === 1 && request.length === 5;
    if (setsDistance) this.#distanceM = new DataView(request.buffer, request.byteOffset).getUint32(1, true) / 10;
    const answer = Uint8Array.of(0x10, opCode, setsDistance ? 1 : 2);
    setTimeout(() => this.controlPoint.indication(new DataView(answer.buffer)), CONTROL_POINT_ANSWER_MS);
  }

  #batteryLevel(): number {
    return Math.max(LOWEST_BATTERY, 100 - Math.floor(this.#secondsEmitted / SECONDS_PER_BATTERY_PERCENT));
  }

  #setInfo(info: FootpodInfo): void {
    this.#info = info;
    this.dispatchEvent(new Event('info'));
  }

  #setState(state: ConnectionState, message: string | null): void {
    if (state === this.#state && message === this.#message) return;
    this.#state = state;
    this.#message = message;
    this.dispatchEvent(new Event('statechange'));
  }
}
