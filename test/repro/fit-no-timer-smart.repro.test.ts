import { expect } from '@open-wc/testing';
import { decodeFit } from '../../src/export/fit-decode.js';
import { importedSummary } from '../../src/export/imported-summary.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { fitFileOf, runRecord } from '../support/fit-messages.js';

/**
 * The smart-recording case, written by an app that leaves out timer events (the README's
 * fallback): 1000 s at 182 steps/min (3.2 m/s) recorded every second, then 800 s at 166 (2.9 m/s)
 * recorded every 8 s. The distance runs on steadily across every 8 s step, the speed and cadence
 * of the records before and after match: nothing is missing, the app just wrote fewer records.
 */
function smartFileWithoutTimer(): Uint8Array {
  const records = [];
  for (let s = 0; s <= 1000; s++) records.push(runRecord(s, { distance: 3.2 * s, speed: 3.2, cadence: 91 }));
  for (let s = 1008; s <= 1800; s += 8) records.push(runRecord(s, { distance: 3200 + 2.9 * (s - 1000), speed: 2.9, cadence: 83 }));
  return fitFileOf(records);
}

describe('repro: smart recording in a FIT file without timer events', () => {
  it('weighs the 8 s records by the time they stand for: 1800 s in zones and 174.9 steps/min', () => {
    const summary = importedSummary(decodeFit(smartFileWithoutTimer()), defaultCadenceZones);
    const inZones = Object.values(summary.zoneTimes).reduce((a, b) => a + b, 0);
    // (1000 × 182 + 800 × 166) / 1800 = 174.9, as with timer events (watch-timer.test.ts).
    expect({ inZones: Math.round(inZones), avgCadence: Math.round(summary.avgCadence * 10) / 10, movingS: summary.movingS }).to.deep.equal({
      inZones: 1800,
      avgCadence: 174.9,
      movingS: 1800,
    });
  });
});
