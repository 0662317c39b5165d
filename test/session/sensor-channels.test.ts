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

  it('a strap reading that came during a pod silence, just before the pod is back, is the first row back\'s heart rate', () => {
    const channels = new SensorChannels();
    for (const t of [0, 1, 2]) channels.podRow(t);
    // The pod is silent from 2 s to 32 s; the strap goes on, its last reading half a second before the row at 32 s.
    channels.hold('strapHeartRate', 150);
    channels.hold('strapHeartRate', 155);
    expect(channels.heartRate(32), 'the row being made').to.equal(155);
    channels.podRow(32);
    expect(channels.heartRate(), 'the page after it').to.equal(155);
    expect(channels.heartRate(33), 'a row later').to.equal(155);
  });

  it('carries no value from before a pod silence into the rows after it, however few rows passed', () => {
    const channels = new SensorChannels();
    channels.podRow(0);
    channels.hold('strapHeartRate', 150); // at 0.5 s, the row at 1 s its first
    channels.podRow(1);
    expect(channels.heartRate(2), 'a live row later').to.equal(150);
    // The pod and the strap both silent from 1 s to 31 s.
    expect(channels.heartRate(31), 'the first row back').to.equal(null);
    channels.podRow(31);
    expect(channels.heartRate(), 'the page').to.equal(null);
  });
});

describe('SensorChannels on the page\'s clock of arrival', () => {
  /**
   * The strap's heart rate for the pod's row back at 64 s (being made, then on the page), the pod's
   * rows at 0-4 s arriving on time and the reading arriving at `arrivalMs` in the silence between.
   */
  function heartRateBack(arrivalMs: number): [number | null, number | null] {
    let now = 0;
    const channels = new SensorChannels();
    channels.useArrivalClock(() => now);
    for (const t of [0, 1, 2, 3, 4]) {
      now = t * 1000;
      channels.podRow(t);
    }
    now = arrivalMs;
    channels.hold('strapHeartRate', 150);
    now = 64_000;
    const row = channels.heartRate(64);
    channels.podRow(64);
    return [row, channels.heartRate()];
  }

  it('a value that arrived just after the last pod row before a minute-long silence is no reading for the row back', () => {
    expect(heartRateBack(4005)).to.deep.equal([null, null]);
  });

  it('a value that arrived just before the pod\'s row back after a silence is that row\'s', () => {
    expect(heartRateBack(63_995)).to.deep.equal([150, 150]);
  });
});
