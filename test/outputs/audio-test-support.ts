// Helpers for the outputs tests: a real audio context whose clock the test moves, a timer the
// test fires, a user gesture through the DevTools protocol, and click onsets in rendered audio.
import { executeServerCommand } from '@web/test-runner-commands';
import type { AudioContextLike } from '../../src/outputs/app-audio.js';
import type { SchedulerTimer } from '../../src/outputs/web-audio-metronome.js';

/** A real context's nodes and destination, with `currentTime` set by the test. */
export class FakeTimeContext implements AudioContextLike {
  currentTime = 0;
  readonly state: AudioContextState = 'running';
  constructor(readonly real: BaseAudioContext) {}
  get destination(): AudioNode {
    return this.real.destination;
  }
  createOscillator(): OscillatorNode {
    return this.real.createOscillator();
  }
  createGain(): GainNode {
    return this.real.createGain();
  }
}

/** The scheduler's timer, fired by the test; `ms` is the period it was last asked for. */
export class ManualTimer implements SchedulerTimer {
  tick: (() => void) | null = null;
  ms: number | null = null;
  every(ms: number, tick: () => void): () => void {
    this.tick = tick;
    this.ms = ms;
    return () => {
      this.tick = null;
      this.ms = null;
    };
  }
  fire(): void {
    this.tick?.();
  }
}

/** A real click on the page (CDP), so the browser lets an AudioContext run afterwards. */
export async function userGesture(): Promise<void> {
  const button = document.createElement('button');
  button.id = 'outputs-gesture';
  button.textContent = 'Start';
  document.body.append(button);
  try {
    await executeServerCommand('bt-click', { selector: '#outputs-gesture' });
  } finally {
    button.remove();
  }
}

/** Times (s) where sound starts after at least `quietS` below `threshold`. */
export function onsets(samples: Float32Array, sampleRate: number, threshold = 0.01, quietS = 0.01): number[] {
  const found: number[] = [];
  const quietSamples = Math.round(quietS * sampleRate);
  let lastLoud = -Infinity;
  for (let i = 0; i < samples.length; i++) {
    if (Math.abs(samples[i]!) <= threshold) continue;
    if (i - lastLoud > quietSamples) found.push(i / sampleRate);
    lastLoud = i;
  }
  return found;
}

export const busyFor = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // The main thread is blocked, as by a long redraw.
  }
};

export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Largest distance (s) of each beat from start + k × interval, and beats missing from the grid. */
export function offGrid(beats: readonly number[], intervalS: number) {
  const first = beats[0]!;
  let worst = 0;
  let missing = 0;
  beats.forEach((beat, i) => {
    if (i > 0) missing += Math.round((beat - beats[i - 1]!) / intervalS) - 1;
    worst = Math.max(worst, Math.abs(beat - (first + Math.round((beat - first) / intervalS) * intervalS)));
  });
  return { worst, missing };
}

/**
 * Hears what a live context plays from now on (the app's sounds go to its `destination`, so that is
 * put through a listener): the page-clock times (ms) at which sound was heard.
 */
export function listenTo(context: AudioContext): { heardAtMs: number[]; stop(): void } {
  const heardAtMs: number[] = [];
  const real = context.destination;
  const tap = context.createGain();
  const listener = context.createScriptProcessor(512, 1, 1);
  listener.onaudioprocess = (event) => {
    if (event.inputBuffer.getChannelData(0).some((v) => Math.abs(v) > 0.01)) heardAtMs.push(performance.now());
  };
  tap.connect(listener).connect(real);
  Object.defineProperty(context, 'destination', { value: tap, configurable: true });
  return {
    heardAtMs,
    stop: () => {
      Reflect.deleteProperty(context, 'destination');
      listener.disconnect();
    },
  };
}
