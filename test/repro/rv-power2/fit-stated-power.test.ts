// rv-power2: round 1 made a watch's own average power the run's ("An imported watch file's own
// average power is the run's, as its stated heart rate is; carried through our TCX"). Our FIT
// export writes the watch's own heart rate in the session message (fit.ts: "the session's totals
// are the page's, the watch's own for an imported run"), but its avg_power is still the records'
// average: the page said 241 W, the exported FIT (and the app after re-importing it, or Strava,
// Garmin Connect) says 230 W. Issue 19: power goes to "FIT export (power)".
import { expect } from '@open-wc/testing';
import { decodeFit, encodeFit } from '../../../src/export/fit.js';
import { decodeTcx } from '../../../src/export/tcx-decode.js';
import { importedSession } from '../../../src/export/imported-session.js';
import { importedSummary } from '../../../src/export/imported-summary.js';
import { averagePowerW } from '../../../src/charts/session-channels.js';
import { defaultCadenceZones } from '../../../src/session/zones.js';

const START = Date.UTC(2026, 2, 2, 6, 30, 0);
const iso = (s: number): string => new Date(START + s * 1000).toISOString();

/** A watch's TCX: 600 s at 1 Hz, 3.333 m/s, 87 strides/min, 230 W in every record. */
function watchTcx(): string {
  const points: string[] = [];
  for (let t = 0; t < 600; t++) {
    points.push(
      `<Trackpoint><Time>${iso(t)}</Time><DistanceMeters>${(t * 3.3333).toFixed(2)}</DistanceMeters><Extensions><ax:TPX><ax:Speed>3.3333</ax:Speed><ax:RunCadence>87</ax:RunCadence><ax:Watts>230</ax:Watts></ax:TPX></Extensions></Trackpoint>`,
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" ' +
    'xmlns:ax="http://www.garmin.com/xmlschemas/ActivityExtension/v2"><Activities><Activity Sport="Running">' +
    `<Id>${iso(0)}</Id><Lap StartTime="${iso(0)}"><TotalTimeSeconds>600</TotalTimeSeconds><DistanceMeters>1996.65</DistanceMeters><Track>${points.join('')}</Track></Lap>` +
    '</Activity></Activities></TrainingCenterDatabase>'
  );
}

describe("rv-power2: a watch's own average power through our FIT export", () => {
  it("writes the average power the page shows (the watch's own, 241 W) in the FIT session, as it does the watch's heart rate", () => {
    const run = decodeTcx(watchTcx());
    run.statedTotals = { avgHeartRate: 150, avgPowerW: 241 };
    const stored = importedSession(run, defaultCadenceZones, { id: 'w', name: 'Watch run' });
    const shown = averagePowerW(stored.samples, stored.meta.gaps, stored.meta.statedTotals?.stated.avgPowerW);
    expect(shown, 'the page shows the watch\'s own').to.equal(241);
    const again = decodeFit(encodeFit(stored));
    expect(again.statedTotals?.avgHeartRate, "the watch's heart rate is carried").to.equal(150);
    expect(again.statedTotals?.avgPowerW, "the watch's average power").to.equal(241);
    const summary = importedSummary(again, defaultCadenceZones);
    expect(averagePowerW(again.samples, again.gaps, summary.statedTotals?.stated.avgPowerW), 'the re-imported page').to.equal(241);
  });
});
