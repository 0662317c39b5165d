// Stridewise's own TCX extension read back: a watch's carried totals only while the file still
// spans them (the runner may trim it since). Gait marks: tcx.test.ts; breaks: tcx.test.ts.

import { expect } from '@open-wc/testing';
import { decodeTcx } from '../../src/export/tcx-decode.js';
import { encodeTcx } from '../../src/export/tcx.js';
import { importedSession } from '../../src/export/imported-session.js';
import { importedSummary } from '../../src/export/imported-summary.js';
import { statedTotalsNotes } from '../../src/session/stated-totals.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

const TCX_OPEN =
  '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" ' +
  'xmlns:ax="http://www.garmin.com/xmlschemas/ActivityExtension/v2">';

describe("decodeTcx: a watch's totals our export carried, in a file trimmed since", () => {
  const START = Date.UTC(2026, 2, 2, 6, 30, 0);
  const iso = (s: number): string => new Date(START + s * 1000).toISOString();

  /** A watch's TCX: laps of `lapS` seconds each at 1 Hz, steady speed and cadence, lap totals as the records say. */
  function watchTcx(laps: { lapS: number; speed: number; strides: number }[]): string {
    let t = 0;
    let d = 0;
    const lapXml = laps.map((lap) => {
      const [from, fromD] = [t, d];
      const points: string[] = [];
      for (let k = 0; k < lap.lapS; k++) {
        points.push(
          `<Trackpoint><Time>${iso(t)}</Time><DistanceMeters>${d.toFixed(2)}</DistanceMeters><Extensions><ax:TPX><ax:Speed>${lap.speed}</ax:Speed><ax:RunCadence>${lap.strides}</ax:RunCadence></ax:TPX></Extensions></Trackpoint>`,
        );
        t += 1;
        d += lap.speed;
      }
      return `<Lap StartTime="${iso(from)}"><TotalTimeSeconds>${lap.lapS}</TotalTimeSeconds><DistanceMeters>${(d - fromD).toFixed(2)}</DistanceMeters><Track>${points.join('')}</Track></Lap>`;
    });
    return `<?xml version="1.0" encoding="UTF-8"?>${TCX_OPEN}<Activities><Activity Sport="Running"><Id>${iso(0)}</Id>${lapXml.join('')}</Activity></Activities></TrainingCenterDatabase>`;
  }

  /** What a runner does in a text editor or a TCX tool: delete one <Lap> of the activity. */
  function withoutLap(text: string, which: 'first' | 'last'): string {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const laps = Array.from(doc.getElementsByTagNameNS('*', 'Lap'));
    (which === 'first' ? laps[0]! : laps.at(-1)!).remove();
    return new XMLSerializer().serializeToString(doc);
  }

  // Two laps of 10 min at 3.333 m/s; the watch's own totals say 1210 s and 4010 m (it counted more than it wrote).
  function storedWatchRun() {
    const run = decodeTcx(watchTcx([{ lapS: 600, speed: 3.3333, strides: 87 }, { lapS: 600, speed: 3.3333, strides: 87 }]));
    run.statedTotals = { movingS: 1210, distanceM: 4010, avgHeartRate: 150, avgPowerW: 241 };
    return importedSession(run, defaultCadenceZones, { id: 'a', name: 'Long run' });
  }

  it("shows the watch's totals again when the exported file is re-imported whole", () => {
    const again = importedSummary(decodeTcx(encodeTcx(storedWatchRun())), defaultCadenceZones);
    expect([again.movingS, again.distanceM]).to.deep.equal([1210, 4010]);
    expect(again.statedTotals?.stated.avgPowerW, "the watch's average power").to.equal(241);
    expect(again.statedTotals?.leftOut).to.equal(undefined);
  });

  for (const which of ['last', 'first'] as const) {
    it(`shows the laps' totals, and says the whole run's were left out, when the ${which} lap was deleted since`, () => {
      const trimmed = decodeTcx(withoutLap(encodeTcx(storedWatchRun()), which));
      const summary = importedSummary(trimmed, defaultCadenceZones);
      expect(summary.distanceM, 'distance shown').to.be.closeTo(2000, 10);
      expect(summary.movingS, 'moving time shown').to.be.closeTo(600, 6);
      expect(summary.statedTotals?.stated.avgHeartRate, "the whole run's heart rate is left out too").to.equal(undefined);
      expect(summary.statedTotals?.leftOut).to.deep.equal({ movingS: 1210, distanceM: 4010, avgHeartRate: 150, avgPowerW: 241 });
      expect(statedTotalsNotes(summary.statedTotals!)[0]).to.equal(
        "This file was cut after it was exported: the watch's totals for the whole run (4.01 km, 20:10) are left out, and its laps' are shown.",
      );
    });
  }

  it('checks an export older than the written lap sums against its laps, within a tenth', () => {
    const text = encodeTcx(storedWatchRun()).replace(/ LapsSeconds="[^"]*" LapsMeters="[^"]*"/, '');
    expect(importedSummary(decodeTcx(text), defaultCadenceZones).distanceM, 'whole: the watch\'s').to.equal(4010);
    expect(importedSummary(decodeTcx(withoutLap(text, 'last')), defaultCadenceZones).distanceM, 'trimmed: the laps\'').to.be.closeTo(2000, 10);
  });
});
