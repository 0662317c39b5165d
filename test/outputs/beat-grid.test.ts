import { expect } from '@open-wc/testing';
import { BeatGrid, beatIntervalS } from '../../src/outputs/beat-grid.js';

describe('BeatGrid', () => {
  it('hands out each beat once, computed from the start so the 30,000th is as exact as the first', () => {
    const grid = new BeatGrid(0.1, 175, true);
    const beats = [...grid.due(1), ...grid.due(1), ...grid.due(3 * 3600)];
    expect(beats.slice(0, 3)).to.deep.equal([0.1, 0.1 + 60 / 175, 0.1 + 120 / 175]);
    expect(new Set(beats).size).to.equal(beats.length);
    const k = beats.length - 1;
    expect(beats[k]).to.equal(0.1 + k * (60 / 175));
    // Adding the interval 31,000 times instead would drift by rounding.
    expect(beats.length).to.equal(Math.ceil((3 * 3600 - 0.1) / (60 / 175)));
  });

  it('clicks every second step at half the rate, and starts a new grid where told', () => {
    expect(beatIntervalS(180, false)).to.be.closeTo(2 * beatIntervalS(180, true), 1e-12);
    const grid = new BeatGrid(0, 180, true);
    grid.due(1);
    grid.retime(150, false, 1.2);
    expect(grid.due(3)).to.deep.equal([1.2, 1.2 + 0.8, 1.2 + 1.6]);
  });
});
