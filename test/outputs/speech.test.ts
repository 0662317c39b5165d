import { expect } from '@open-wc/testing';
import { canSpeak, speak, stopSpeaking } from '../../src/outputs/speech.js';
import { stubProperty } from './stub-property.js';

/** Records what a page would say, in place of window.speechSynthesis. */
function recordingSynthesis(options: { throwOnSpeak?: boolean } = {}) {
  const calls: string[] = [];
  const utterances: SpeechSynthesisUtterance[] = [];
  const synth = {
    cancel: () => calls.push('cancel'),
    speak: (utterance: SpeechSynthesisUtterance) => {
      if (options.throwOnSpeak) throw new Error('voice unavailable');
      calls.push(`speak ${utterance.text}`);
      utterances.push(utterance);
    },
  };
  return { calls, utterances, restore: stubProperty(window, 'speechSynthesis', synth) };
}

describe('speech', () => {
  it('cuts off what is being said and says the sentence a little quicker than default', () => {
    const { calls, utterances, restore } = recordingSynthesis();
    try {
      expect(speak('Cadence 158. Quicker, shorter steps.')).to.equal(true);
      stopSpeaking();
    } finally {
      restore();
    }
    expect(calls).to.deep.equal(['cancel', 'speak Cadence 158. Quicker, shorter steps.', 'cancel']);
    expect(utterances[0]!.rate).to.be.closeTo(1.1, 1e-6);
  });

  it('does nothing, and never throws, where the browser has no speech or its voice fails', () => {
    const restore = stubProperty(window, 'speechSynthesis', undefined);
    try {
      expect(canSpeak()).to.equal(false);
      expect(speak('Cadence 158.')).to.equal(false);
      expect(() => stopSpeaking()).not.to.throw();
    } finally {
      restore();
    }
    const failing = recordingSynthesis({ throwOnSpeak: true });
    try {
      expect(speak('Cadence 158.')).to.equal(false);
    } finally {
      failing.restore();
    }
    expect(canSpeak()).to.equal(true);
  });

  it('says nothing for an empty sentence', () => {
    const { calls, restore } = recordingSynthesis();
    try {
      expect(speak('  ')).to.equal(false);
    } finally {
      restore();
    }
    expect(calls).to.deep.equal([]);
  });
});
