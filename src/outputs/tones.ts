// A short sine tone with a gain envelope on the audio context's clock: the one building block of
// the metronome's click and the cue sounds. The start time is exact to the sample because the
// audio thread starts it, whatever the main thread is doing then.

import type { AudioContextLike } from './app-audio.js';

export interface Tone {
  atS: number;
  hz: number;
  /** Gain at the top of the attack, 0 to 1. */
  peak: number;
  attackS: number;
  /** Time constant of the exponential fade after the attack. */
  decayS: number;
  /** When the oscillator stops, from `atS`: about five time constants leaves silence. */
  lengthS: number;
  /** A higher partial, e.g. 2.76 for a bell-like chime; its gain is half the fundamental's. */
  partial?: number;
}

export interface ScheduledTone {
  readonly atS: number;
  /** Silences the tone now, or keeps it from ever starting. */
  cancel(): void;
}

export function scheduleTone(context: AudioContextLike, tone: Tone): ScheduledTone {
  const gain = context.createGain();
  const level = gain.gain;
  level.setValueAtTime(0, tone.atS);
  level.linearRampToValueAtTime(tone.peak, tone.atS + tone.attackS);
  level.setTargetAtTime(0, tone.atS + tone.attackS, tone.decayS);
  gain.connect(context.destination);
  const oscillators = [oscillator(context, tone.hz, gain, 1)];
  if (tone.partial) oscillators.push(oscillator(context, tone.hz * tone.partial, gain, 0.5));
  for (const node of oscillators) {
    node.start(tone.atS);
    node.stop(tone.atS + tone.lengthS);
  }
  // Nodes left connected after they end would pile up over a three-hour run.
  oscillators[0]!.onended = () => gain.disconnect();
  return {
    atS: tone.atS,
    cancel: () => {
      for (const node of oscillators) node.stop(0);
    },
  };
}

function oscillator(context: AudioContextLike, hz: number, into: GainNode, share: number): OscillatorNode {
  const node = context.createOscillator();
  node.frequency.value = hz;
  if (share === 1) {
    node.connect(into);
  } else {
    const quieter = context.createGain();
    quieter.gain.value = share;
    node.connect(quieter).connect(into);
  }
  return node;
}
