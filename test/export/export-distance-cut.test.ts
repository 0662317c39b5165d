// Screens cut distances (4999.996 m reads 4.99 km: what reads 5.00 km has been run). Files write
// them to the centimetre cut the same way, so reading our own TCX or FIT back (or any reader
// showing hundredths) shows the figure the app showed, never one rounded up.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Decoder, Stream } from '@garmin/fitsdk';
import { encodeCsv } from '../../src/export/csv.js';
import { encodeFit } from '../../src/export/fit.js';
import { importedSession } from '../../src/export/imported-session.js';
import { lapMetresCut, metresCut } from '../../src/export/file-distance.js';
import { decodeFit } from '../../src/export/fit-decode.js';
import { importedSummary } from '../../src/export/imported-summary.js';
import { decodeTcx, encodeTcx } from '../../src/export/tcx.js';
import { type DistanceUnit, formatDistanceIn } from '../../src/session/units.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { invariantRuns } from '../support/invariant-runs.js';
import { tinySession } from './session-fixture.js';

function runOf(metres: number, seconds: number) {
  const v = metres / seconds;
  return tinySession(Array.from({ length: seconds + 1 }, (_, t) => ({ t, speedMps: v, cadence: 170, strideLengthM: null, running: true })));
}

function readBack(metres: number, seconds: number, unit: DistanceUnit) {
  const session = runOf(metres, seconds);
  const csvLast = encodeCsv(session).trim().split('\r\n').at(-1)!.split(',')[7]!;
  return {
    app: formatDistanceIn(session.meta.distanceM, unit),
    tcx: formatDistanceIn(importedSummary(decodeTcx(encodeTcx(session)), defaultCadenceZones).distanceM, unit),
    fit: formatDistanceIn(importedSummary(decodeFit(encodeFit(session)), defaultCadenceZones).distanceM, unit),
    csv: formatDistanceIn(Number(csvLast), unit),
  };
}

describe('distances written to files', () => {
  it('a run of 4999.996 m reads 4.99 km in the app and from its own TCX, FIT and CSV', () => {
    expect(runOf(4999.996, 1666).meta.distanceM).to.be.closeTo(4999.996, 1e-6);
    expect(readBack(4999.996, 1666, 'km')).to.deep.equal({ app: '4.99', tcx: '4.99', fit: '4.99', csv: '4.99' });
  });

  it('read back from our own files, any run shows the figure the app shows, in km and in miles', () => {
    fc.assert(
      fc.property(fc.double({ min: 100, max: 30_000, noNaN: true }), fc.integer({ min: 60, max: 600 }), fc.constantFrom<DistanceUnit>('km', 'mi'), (metres, seconds, unit) => {
        const read = readBack(metres, seconds, unit);
        expect(read, `${metres} m`).to.deep.equal({ app: read.app, tcx: read.app, fit: read.app, csv: read.app });
      }),
      { numRuns: invariantRuns(16) },
    );
  });

  it('a run 2 mm short of 2 miles (3218.686 m) reads 1.99 mi from its files too', () => {
    expect(readBack(3218.686, 1200, 'mi')).to.deep.equal({ app: '1.99', tcx: '1.99', fit: '1.99', csv: '1.99' });
  });

  it('a 5.00 km run in laps of 2499.996 + 2500.008 m: TCX and FIT laps add up to 5.00 km, and so does our import', () => {
    const spec = (t: number, speedMps: number) => ({ t, speedMps, cadence: 170, strideLengthM: null, running: true });
    const session = tinySession([spec(0, 2499.996 / 800), spec(800, 2500.008 / 800), spec(1600, 3)], { laps: [800] });
    expect(formatDistanceIn(session.meta.distanceM, 'km')).to.equal('5.00');
    const doc = new DOMParser().parseFromString(encodeTcx(session), 'application/xml');
    const tcxLaps = [...doc.getElementsByTagNameNS('*', 'Lap')].map((lap) => Number([...lap.children].find((c) => c.localName === 'DistanceMeters')!.textContent));
    const fitLaps = new Decoder(Stream.fromByteArray(encodeFit(session))).read().messages.lapMesgs!.map((lap) => Number(lap.totalDistance));
    const sum = (laps: number[]) => formatDistanceIn(laps.reduce((a, b) => a + b, 0), 'km');
    expect({ tcx: tcxLaps.length, tcxSum: sum(tcxLaps), fitSum: sum(fitLaps) }).to.deep.equal({ tcx: 2, tcxSum: '5.00', fitSum: '5.00' });
    const back = importedSession(decodeTcx(encodeTcx(session)), defaultCadenceZones, { id: 'back' });
    expect(formatDistanceIn(back.meta.distanceM, 'km')).to.equal('5.00');
  });

  it('laps as written add up, at every lap, to the run so far cut to the centimetre', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 20_000, noNaN: true }), { minLength: 1, maxLength: 30 }), (laps) => {
        const written = lapMetresCut(laps);
        let sum = 0;
        let run = 0;
        written.forEach((metres, k) => {
          expect(metres).to.be.at.least(0);
          sum += metres;
          run += laps[k]!;
          expect(sum, `after lap ${k + 1}`).to.be.closeTo(metresCut(run), 1e-6);
        });
      }),
      { numRuns: invariantRuns(80) },
    );
  });
});
