import { expect } from '@open-wc/testing';
import { averagePowerW, heartRateStats, sessionChannels } from '../../src/charts/session-channels.js';
import { emptyColumns } from '../../src/session/recorded-columns.js';

describe('session channels', () => {
  it('finds no channel in a pod-only run: empty is NaN, never zero', () => {
    const samples = emptyColumns(3);
    expect(sessionChannels(samples)).to.deep.equal({ heartRate: false, treadmillSpeedMps: false, inclinePercent: false, powerW: false });
    expect(heartRateStats(samples) === null).to.equal(true);
    expect(averagePowerW(samples), 'no power: none, never 0 W').to.equal(null);
  });

  it('finds a channel from one value, and a flat treadmill at 0 % is still an incline', () => {
    const samples = emptyColumns(3);
    samples.heartRate[2] = 130;
    samples.inclinePercent.fill(0);
    samples.powerW[1] = 0;
    expect(sessionChannels(samples)).to.deep.equal({ heartRate: true, treadmillSpeedMps: false, inclinePercent: true, powerW: true });
  });

  it('averages the heart rate over the samples that have one, and leaves out a strap reading 0', () => {
    const samples = emptyColumns(5);
    samples.heartRate.set([140, Number.NaN, 150, 0, 172]);
    expect(heartRateStats(samples)).to.deep.equal({ average: 154, maximum: 172 });
  });

  it('has no heart rate when a strap only ever read 0 (never found a pulse)', () => {
    const samples = emptyColumns(2);
    samples.heartRate.fill(0);
    expect(sessionChannels(samples).heartRate).to.equal(false);
    expect(heartRateStats(samples) === null).to.equal(true);
  });

  it('averages power over the time it was measured, a pause left out, and takes a lone reading as it is', () => {
    const samples = emptyColumns(6);
    samples.t.set([0, 1, 2, 3, 63, 64]);
    // Each sample owns the second before it (channel-averages.ts): 3 s at 200 W, then after a
    // minute's pause (which owns no time) 1 s at 300 W.
    samples.powerW.set([200, 200, 200, 200, 300, 300]);
    expect(averagePowerW(samples, [{ fromT: 3, toT: 63, reason: 'paused' }])).to.equal(225);
    const one = emptyColumns(1);
    one.powerW[0] = 251;
    expect(averagePowerW(one)).to.equal(251);
  });

  it("shows a watch's own average power, as its stated heart rate, and none for a run without power", () => {
    const samples = emptyColumns(3);
    samples.t.set([0, 1, 2]);
    samples.powerW.set([200, 200, 260]);
    expect(averagePowerW(samples, [], 241)).to.equal(241);
    expect(averagePowerW(samples, [], 0), 'a stated 0 W is none: the records average').to.equal(230);
    expect(averagePowerW(emptyColumns(3), [], 241), 'no power recorded').to.equal(null);
  });
});
