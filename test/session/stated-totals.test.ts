import { expect } from '@open-wc/testing';
import { formatDuration } from '../../src/session/units.js';
import { type StatedTotals, isStatedTotals, statedTotalsNotes, usableFileTotals, withFileTotals } from '../../src/session/stated-totals.js';

const records = { movingS: 2488, distanceM: 4840, avgCadence: 176, avgHeartRate: 150 };

describe('stated totals: a file\'s own figures beside its records\'', () => {
  it('keeps only figures a file really states: finite and above 0', () => {
    expect(usableFileTotals({ movingS: 2625, distanceM: Number.NaN, avgCadence: 0, avgHeartRate: undefined })).to.deep.equal({ movingS: 2625 });
  });

  it('puts the stated figures in the totals, and average speed follows the stated time and distance', () => {
    const totals = { ...records, avgSpeedMps: 4840 / 2488, sampleCount: 9 };
    const shown = withFileTotals(totals, { movingS: 2625, avgCadence: 167 });
    expect(shown).to.deep.equal({ ...totals, movingS: 2625, avgCadence: 167, avgSpeedMps: 4840 / 2625 });
  });

  it('says in words each figure that differs noticeably, and nothing for those that do not', () => {
    const stated: StatedTotals = {
      stated: { movingS: 2625, distanceM: 4842, avgCadence: 176.6, avgHeartRate: 152 },
      fromRecords: records,
    };
    expect(statedTotalsNotes(stated)).to.deep.equal([
      "Moving time is the watch's own timer, 43:45; its records add up to 41:28.",
      "Average heart rate is the watch's own, 152 bpm; its records average 150.",
    ]);
  });

  it("says where a watch's own average power differs from its records', and trusts totals kept before power was stated", () => {
    const stated: StatedTotals = { stated: { avgPowerW: 241.4 }, fromRecords: { ...records, avgPowerW: 236 } };
    expect(statedTotalsNotes(stated)).to.deep.equal(["Average power is the watch's own, 241 W; its records average 236 W."]);
    expect(statedTotalsNotes({ stated: { avgPowerW: 236.6 }, fromRecords: { ...records, avgPowerW: 236 } })).to.deep.equal([]);
    expect(isStatedTotals({ stated: { avgHeartRate: 150 }, fromRecords: records }), 'a backup from before power').to.equal(true);
    expect(isStatedTotals(stated)).to.equal(true);
    expect(isStatedTotals({ stated: { avgPowerW: 'high' }, fromRecords: records })).to.equal(false);
  });

  it('reads the timer to the second as the summary shows it (cut, not rounded): 31:59.6 is 31:59 in both', () => {
    const stated: StatedTotals = { stated: { movingS: 1919.6 }, fromRecords: { ...records, movingS: 1800.7 } };
    expect(formatDuration(1919.6), 'the summary').to.equal('31:59');
    expect(statedTotalsNotes(stated)).to.deep.equal(["Moving time is the watch's own timer, 31:59; its records add up to 30:00."]);
  });

  it('says why a watch\'s average cadence was set aside: it counts walking too', () => {
    const stated: StatedTotals = { stated: { movingS: 2488 }, setAside: { avgCadence: 160.4 }, fromRecords: records };
    expect(statedTotalsNotes(stated)).to.deep.equal([
      "Average cadence counts running only, 176 steps/min; the watch's own, 160, counts walking too.",
    ]);
  });
});
