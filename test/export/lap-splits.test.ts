import { expect } from '@open-wc/testing';
import { lapSplits } from '../../src/export/lap-splits.js';
import { tinySession } from './session-fixture.js';

const specs = [0, 1, 2, 3, 4, 10, 11, 12].map((t) => ({
  t,
  speedMps: 2,
  cadence: t < 4 ? 160 : 180,
  strideLengthM: null,
  running: true,
}));

describe('lapSplits', () => {
  it('splits at lap presses; laps add up to the session and skip the pause', () => {
    const gaps = [{ fromT: 4, toT: 10, reason: 'paused' as const }];
    const session = tinySession(specs, { laps: [2, 11, 50, 2], gaps });
    const laps = lapSplits(session);
    expect(laps.map((l) => [l.startT, l.endT, l.firstIndex, l.endIndex])).to.deep.equal([
      [0, 2, 0, 2],
      [2, 11, 2, 6],
      [11, 12, 6, 8],
    ]);
    expect(laps.map((l) => l.timerS)).to.deep.equal([2, 3, 1]);
    expect(laps.map((l) => l.elapsedS)).to.deep.equal([2, 9, 1]);
    expect(laps.map((l) => l.distanceM)).to.deep.equal([4, 6, 2]);
    expect(laps.reduce((s, l) => s + l.distanceM, 0)).to.equal(session.meta.distanceM);
    expect(laps.reduce((s, l) => s + l.timerS, 0)).to.equal(session.meta.movingS);
    expect(laps.map((l) => l.avgSpeedMps)).to.deep.equal([2, 2, 2]);
    // Lap 2 owns the steps ending at t=3 (160), t=4 and t=11 (180); the pause step counts for nothing.
    expect(laps[1]!.avgCadence).to.be.closeTo((160 + 180 + 180) / 3, 1e-9);
  });

  it('gives a session without lap presses one lap, and an empty session one empty lap', () => {
    // Without a marked gap the 6 s step is moving time: gaps alone say where the clock stops.
    expect(lapSplits(tinySession(specs)).map((l) => [l.startT, l.endT, l.timerS])).to.deep.equal([[0, 12, 12]]);
    const [empty] = lapSplits(tinySession([]));
    expect([empty!.distanceM, empty!.timerS, empty!.avgCadence]).to.deep.equal([0, 0, 0]);
  });
});
