import { expect } from '@open-wc/testing';
import { FRESH_POD_ROWS, FRESH_S, SensorChannels } from '../../src/session/sensor-channels.js';

/** The belt's speed for pod rows at these times, the value held after the first. */
function freshOnRows(rowTimes: number[]): (number | null)[] {
  const channels = new SensorChannels();
  (channels as unknown as { podRow(t?: number): void }).podRow(rowTimes[0]!);
  channels.hold('treadmillSpeedMps', 3);
  return rowTimes.slice(1).map((t) => {
    const value = channels.fresh('treadmillSpeedMps', t);
    (channels as unknown as { podRow(t?: number): void }).podRow(t);
    return value;
  });
}

describe('SensorChannels', () => {
  it(`keeps a value ${FRESH_S} s of pod time on a pod notifying 4 times a second, not ${FRESH_POD_ROWS} rows`, () => {
    const rows = Array.from({ length: 15 }, (_, i) => i / 4);
    // Rows at 0.25 … 3.0 s after the last row before it came are fresh (12 rows); 3.25 and 3.5 are not.
    expect(freshOnRows(rows)).to.deep.equal([...Array<number>(12).fill(3), null, null]);
  });

  it(`keeps a value the row after it and ${FRESH_POD_ROWS} rows more on a pod notifying every 2 s, not only ${FRESH_S} s`, () => {
    expect(freshOnRows([0, 2, 4, 6, 8, 10])).to.deep.equal([3, 3, 3, 3, null]);
  });

  it(`a value held before any pod row is fresh for ${FRESH_S} s from the first row`, () => {
    const channels = new SensorChannels();
    channels.hold('strapHeartRate', 150);
    const shown = Array.from({ length: 15 }, (_, i) => i / 4).map((t) => {
      const value = channels.heartRate(t);
      channels.podRow(t);
      return value;
    });
    expect(shown).to.deep.equal([...Array<number>(13).fill(150), null, null]);
  });
});
