import { expect } from '@open-wc/testing';
import { columnsFrom } from '../../src/session/recorded-columns.js';
import { SAMPLE_RUNNING, type RecordedSample } from '../../src/session/recorded-session.js';
import { distanceSplits, lapSplits } from '../../src/session/splits.js';
import { formatPace, paceSeconds } from '../../src/session/units.js';

// bc7ba73: splits and laps now measure from 0 m while their time starts at the first record. For
// a watch's 3 m at 1 s that is a hair; for an imported file whose first record already holds a lot
// (a trimmed/cropped activity keeps the watch's cumulative distance; here 2000 m at 1 s, then
// steady 3 m/s = 5:33/km throughout) the first split is credited 3000 m for the ~333 s of records
// it spans: a split pace of 1:51/km, three times the runner's. Every record says 3 m/s, so no split
// or lap can be faster than 5:33/km (independently: 1000 / 3 = 333.3 s per km).
const sample = (t: number, distanceM: number): RecordedSample => ({
  t, speedMps: 3, cadence: 170, strideLengthM: 3 * 60 / 170, distanceM, flags: SAMPLE_RUNNING,
  heartRate: Number.NaN, treadmillSpeedMps: Number.NaN, inclinePercent: Number.NaN, rawSpeedMps: Number.NaN, rawDistanceM: Number.NaN,
});
describe('splits of a file whose first record already holds 2000 m', () => {
  it('no split or lap reads faster than the 3 m/s every record says', () => {
    const rows = Array.from({ length: 1001 }, (_, i) => sample(1 + i, 2000 + 3 * i));
    const columns = columnsFrom(rows);
    const paces = [...distanceSplits(columns, 'km'), ...lapSplits(columns, [])].map((s) => formatPace(paceSeconds(s.avgSpeedMps, 'km')));
    expect(paces[0]).to.equal('5:33');
    expect(paces.every((p) => p === '5:33' || p === '5:34'), paces.join(' ')).to.equal(true);
  });
});
