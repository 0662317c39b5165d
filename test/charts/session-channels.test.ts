import { expect } from '@open-wc/testing';
import { heartRateStats, sessionChannels } from '../../src/charts/session-channels.js';
import { emptyColumns } from '../../src/session/recorded-columns.js';

describe('session channels', () => {
  it('finds no channel in a pod-only run: empty is NaN, never zero', () => {
    const samples = emptyColumns(3);
    expect(sessionChannels(samples)).to.deep.equal({ heartRate: false, treadmillSpeedMps: false, inclinePercent: false });
    expect(heartRateStats(samples) === null).to.equal(true);
  });

  it('finds a channel from one value, and a flat treadmill at 0 % is still an incline', () => {
    const samples = emptyColumns(3);
    samples.heartRate[2] = 130;
    samples.inclinePercent.fill(0);
    expect(sessionChannels(samples)).to.deep.equal({ heartRate: true, treadmillSpeedMps: false, inclinePercent: true });
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
});
