import { expect } from '@open-wc/testing';
import { stopVibrating, vibrateFor, vibrationPatterns } from '../../src/outputs/vibration.js';
import { stubProperty } from './stub-property.js';

function recordingVibrate(options: { active?: boolean } = {}) {
  const patterns: (number | number[])[] = [];
  const restoreVibrate = stubProperty(navigator, 'vibrate', (pattern: number | number[]) => (patterns.push(pattern), true));
  const restoreActivation = stubProperty(navigator, 'userActivation', { hasBeenActive: options.active ?? true, isActive: false });
  return {
    patterns,
    restore: () => {
      restoreVibrate();
      restoreActivation();
    },
  };
}

describe('vibration', () => {
  it('buzzes two short pulses for too low, one long for too high, and stops on demand', () => {
    const { patterns, restore } = recordingVibrate();
    try {
      expect(vibrateFor('low')).to.equal(true);
      expect(vibrateFor('high')).to.equal(true);
      stopVibrating();
    } finally {
      restore();
    }
    expect(patterns).to.deep.equal([[90, 90, 90], [400], 0]);
    expect(vibrationPatterns.low).to.not.deep.equal(vibrationPatterns.high);
  });

  it('does nothing, and never throws, where the browser cannot vibrate', () => {
    const restore = stubProperty(navigator, 'vibrate', undefined);
    try {
      expect(vibrateFor('low')).to.equal(false);
      expect(() => stopVibrating()).not.to.throw();
    } finally {
      restore();
    }
    const throwing = stubProperty(navigator, 'vibrate', () => {
      throw new Error('no motor');
    });
    try {
      expect(vibrateFor('high')).to.equal(false);
    } finally {
      throwing();
    }
  });

  it('waits for the page to have had a tap, as Chrome does', () => {
    const { patterns, restore } = recordingVibrate({ active: false });
    try {
      expect(vibrateFor('low')).to.equal(false);
    } finally {
      restore();
    }
    expect(patterns).to.deep.equal([]);
  });
});
