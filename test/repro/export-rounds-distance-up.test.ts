// Screens cut distances (issue 17: 4999.996 m reads 4.99 km, "what reads 5.00 km has been run"),
// but the files round them to the centimetre: TCX DistanceMeters is toFixed(2) and FIT's 0.01 m
// field is rounded by the SDK, so the run is written as 5000.00 m. Every reader of the file
// (Strava, Garmin Connect, Stridewise's own import) shows 5.00 km for the run the app shows as
// 4.99 km; backing it up through its own TCX/FIT changes the figure the runner saw.
// Expected: the exported run reads back as the distance the app shows (4.99 km).
import { expect } from '@open-wc/testing';
import { encodeFit } from '../../src/export/fit.js';
import { decodeFit } from '../../src/export/fit-decode.js';
import { importedSummary } from '../../src/export/imported-summary.js';
import { decodeTcx, encodeTcx } from '../../src/export/tcx.js';
import { formatDistanceIn } from '../../src/session/units.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { tinySession } from '../export/session-fixture.js';

describe('a run of 4999.996 m', () => {
  it('reads 4.99 km in the app and from its own TCX and FIT', () => {
    const n = 1666;
    const v = 4999.996 / n;
    const session = tinySession(Array.from({ length: n + 1 }, (_, t) => ({ t, speedMps: v, cadence: 170, strideLengthM: null, running: true })));
    expect(session.meta.distanceM).to.be.closeTo(4999.996, 1e-6);
    const app = formatDistanceIn(session.meta.distanceM, 'km');
    const tcx = formatDistanceIn(importedSummary(decodeTcx(encodeTcx(session)), defaultCadenceZones).distanceM, 'km');
    const fit = formatDistanceIn(importedSummary(decodeFit(encodeFit(session)), defaultCadenceZones).distanceM, 'km');
    expect({ app, tcx, fit }).to.deep.equal({ app: '4.99', tcx: '4.99', fit: '4.99' });
  });
});
