import { expect } from '@open-wc/testing';
import { decodeTcx, encodeTcx } from '../../src/export/tcx.js';
import { importedSession } from '../../src/export/imported-session.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { formatDistanceIn } from '../../src/session/units.js';
import { tinySession } from '../export/session-fixture.js';

// TCX has no activity-level distance: Garmin Connect, Strava and most TCX readers take an
// activity's distance as the sum of its <Lap><DistanceMeters>. Each lap is now cut to the
// centimetre on its own, so the cuts add up: 2499.996 m + 2500.008 m (the app: 5000.004 m,
// "5.00 km") is written 2499.99 + 2500.00 = 4999.99, which such a reader shows as 4.99 km.
// The laps as written must add up to what the app shows (cut to the centimetre: 5000.00).
describe('TCX laps add up to the run the app shows', () => {
  it('a 5.00 km run in two laps reads 5.00 km from its laps', () => {
    const spec = (t: number, speedMps: number) => ({ t, speedMps, cadence: 170, strideLengthM: null, running: true });
    const session = tinySession([spec(0, 2499.996 / 800), spec(800, 2500.008 / 800), spec(1600, 3)], { laps: [800] });
    expect(session.meta.distanceM).to.be.closeTo(5000.004, 1e-6);
    expect(formatDistanceIn(session.meta.distanceM, 'km')).to.equal('5.00');
    const doc = new DOMParser().parseFromString(encodeTcx(session), 'application/xml');
    const laps = [...doc.getElementsByTagNameNS('*', 'Lap')].map((lap) => Number([...lap.children].find((c) => c.localName === 'DistanceMeters')!.textContent));
    expect(laps.length).to.equal(2);
    const summed = laps.reduce((a, b) => a + b, 0);
    expect({ laps, shown: formatDistanceIn(summed, 'km') }).to.deep.equal({ laps, shown: '5.00' });
  });

  it('our own import of that file shows 5.00 km, as the app did', () => {
    const spec = (t: number, speedMps: number) => ({ t, speedMps, cadence: 170, strideLengthM: null, running: true });
    const session = tinySession([spec(0, 2499.996 / 800), spec(800, 2500.008 / 800), spec(1600, 3)], { laps: [800] });
    const back = importedSession(decodeTcx(encodeTcx(session)), defaultCadenceZones, { id: 'back' });
    expect(formatDistanceIn(back.meta.distanceM, 'km')).to.equal('5.00');
  });
});
