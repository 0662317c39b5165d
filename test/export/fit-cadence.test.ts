import { expect } from '@open-wc/testing';
import { fitCadenceOf, stepsPerMinuteOf } from '../../src/export/fit-cadence.js';

describe('FIT cadence in strides', () => {
  const rows: Array<[number, number, number]> = [
    [0, 0, 0],
    [170, 85, 0],
    [171, 85, 0.5],
    [171.5, 85, 0.75],
    [180.25, 90, 0.125],
    [508, 254, 0],
    [600, 254, 127 / 128], // FIT's uint8 stops at 254 strides; 255 means "none"
    [-5, 0, 0],
    [Number.NaN, 0, 0],
  ];
  for (const [steps, cadence, fractionalCadence] of rows) {
    it(`${steps} steps/min → ${cadence} + ${fractionalCadence} strides/min`, () => {
      expect(fitCadenceOf(steps)).to.deep.equal({ cadence, fractionalCadence });
    });
  }

  it('brings every whole and half step count back exactly', () => {
    for (let steps = 0; steps <= 400; steps += 0.5) {
      const { cadence, fractionalCadence } = fitCadenceOf(steps);
      expect(stepsPerMinuteOf(cadence, fractionalCadence)).to.equal(steps);
    }
  });

  it('reads a file without the fraction as whole strides', () => {
    expect(stepsPerMinuteOf(88, undefined)).to.equal(176);
  });
});
