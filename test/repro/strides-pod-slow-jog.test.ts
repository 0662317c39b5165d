import { expect } from '@open-wc/testing';
import { CadenceUnitDecision } from '../../src/session/cadence-unit-decision.js';

// A strides pod that sends no length and a 'walking' bit it does not fill (not believed), on a
// runner jogging the belt at 1.9 m/s (6.8 km/h, 8:46/km, a common beginner's jog) at 160 steps/min:
// it sends 80/min. Below 2.2 m/s the walking bounds apply (< 60 strides, >= 90 steps), so 80 is
// 'unknown' on every reading and the pod is never decided: 80 steps/min shown for the whole run.
// Independently: 80 steps/min at 1.9 m/s is a step of 1.9*60/80 = 1.43 m, no walker's step (and
// far over any walker's at that pace, ~0.9 m at ~125/min), so it can only be strides: 160.
describe('strides pod, slow jog at 1.9 m/s', () => {
  it('is doubled after 10 minutes at 80 strides/min', () => {
    const d = new CadenceUnitDecision();
    let shown = 0;
    for (let i = 0; i < 600; i++) shown = d.toSteps({ speedMps: 1.9, cadence: 80, strideLengthM: null, running: false }).cadence;
    expect({ detected: d.detected, shown, stepM: (1.9 * 60) / 80 }).to.deep.equal({ detected: 'strides', shown: 160, stepM: (1.9 * 60) / 80 });
  });
});
