import { expect } from '@open-wc/testing';
import { decodeFit } from '../../src/export/fit-decode.js';
import { encodeFit } from '../../src/export/fit.js';
import { decodeTcx, encodeTcx } from '../../src/export/tcx.js';
import { importedSession } from '../../src/export/imported-session.js';
import { importedSummary } from '../../src/export/imported-summary.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { MesgNum, fitFileOf, runRecord } from '../support/fit-messages.js';

/**
 * A FIT file with no timer events (a third-party app's or a converter's): 1 s records, 10 min at
 * 170 steps/min, then a 60 s hole in the records while the distance counter runs on at 3 m/s, then
 * 9 min at 184 steps/min. The hole is "records missing" that the counter covered: moving time, but
 * no cadence was measured, so it stays out of zones and averages (the app's own rule).
 */
function fileWithHole(): Uint8Array {
  const records = [];
  for (let s = 0; s <= 600; s++) records.push(runRecord(s, { distance: 3 * s, speed: 3, cadence: 85 }));
  for (let s = 660; s <= 1200; s++) records.push(runRecord(s, { distance: 3 * s, speed: 3, cadence: 92 }));
  return fitFileOf(records);
}

describe('repro: a FIT re-export of an imported run keeps its records-missing break', () => {
  it('time in zones and average cadence are the same after FIT export and re-import as on the page', () => {
    const zones = defaultCadenceZones; // target 170-180
    const original = decodeFit(fileWithHole());
    expect(original.gaps.map((g) => g.reason)).to.deep.equal(['missing-records']);
    const page = importedSession(original, zones, { id: 'x', name: 'Hole' });
    // The page: 600 s in target (170), 540 s high (184), the 60 s hole in neither.
    expect(page.meta.zoneTimes.target).to.be.closeTo(600, 1);
    expect(page.meta.movingS).to.be.closeTo(1200, 1);

    const viaTcx = importedSummary(decodeTcx(encodeTcx(page)), zones);
    expect(viaTcx.zoneTimes.target, 'TCX round trip: time in target').to.be.closeTo(page.meta.zoneTimes.target, 2);

    const viaFit = importedSummary(decodeFit(encodeFit(page)), zones);
    expect(viaFit.movingS, 'FIT round trip: moving time').to.be.closeTo(1200, 1);
    expect(viaFit.zoneTimes.target, 'FIT round trip: time in target').to.be.closeTo(page.meta.zoneTimes.target, 2);
    expect(viaFit.avgCadence, 'FIT round trip: average cadence').to.be.closeTo(page.meta.avgCadence, 0.1);
  });
});
