import { expect } from '@open-wc/testing';
import { CadenceUnitDecision } from '../../src/session/cadence-unit-decision.js';

// A strides pod that sends no speed (RSC's speed field 0: cadence-only pods, or a pod whose speed
// is switched off) but a believed "running" bit (Feature promises it) sends 85 strides/min for
// 10 minutes of running. Nobody runs at 85 steps/min (running bounds: < 115 is strides), and the
// pod itself says running, yet every reading is 'unknown' because speed < 0.8 m/s gates the
// cadence check, so the unit is never decided and the cadence shown is 85, not 170 (halved
// cadence, zones, cues, metronome).
describe('strides pod without speed, running bit believed', () => {
  it('is doubled after 10 minutes of running at 85 strides/min', () => {
    const d = new CadenceUnitDecision();
    let shown = 0;
    for (let i = 0; i < 600; i++) shown = d.toSteps({ speedMps: 0, cadence: 85, strideLengthM: null, running: true }).cadence;
    expect({ detected: d.detected, shown }).to.deep.equal({ detected: 'strides', shown: 170 });
  });
});
