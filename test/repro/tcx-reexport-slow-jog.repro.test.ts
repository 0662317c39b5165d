import { expect } from '@open-wc/testing';
import { decodeFit } from '../../src/export/fit-decode.js';
import { encodeFit } from '../../src/export/fit.js';
import { decodeTcx, encodeTcx } from '../../src/export/tcx.js';
import { importedSession } from '../../src/export/imported-session.js';
import { importedSummary } from '../../src/export/imported-summary.js';
import { runningTargetShare } from '../../src/session/running-time-in-zone.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { MesgNum, fitFileOf, fitMesg, runRecord, sessionMesg, timerEvent } from '../support/fit-messages.js';

/**
 * A beginner's watch run: 10 min of slow jogging at 136 steps/min and 2.0 m/s (8:20/km), then 10
 * min at 170 steps/min and 3.0 m/s. The watch marks every record running and states 153.0
 * steps/min over its timer (68 and 85 strides/min, 600 s each).
 */
function beginnerRun(): Uint8Array {
  const records = [];
  for (let s = 0; s <= 1200; s++) {
    const jog = s <= 600;
    const distance = jog ? 2 * s : 1200 + 3 * (s - 600);
    records.push(runRecord(s, { distance, speed: jog ? 2 : 3, cadence: jog ? 68 : 85 }));
  }
  return fitFileOf([
    timerEvent('start', 0),
    ...records,
    timerEvent('stopAll', 1200),
    sessionMesg(0, 1200, { totalTimerTime: 1200, totalDistance: 3000, avgCadence: 76, avgFractionalCadence: 0.5 }),
  ]);
}

describe('repro: a watch run re-imported from our TCX keeps what the watch called running', () => {
  it('average cadence and running time agree between the page, the FIT round trip and the TCX round trip', () => {
    const zones = defaultCadenceZones;
    const page = importedSession(decodeFit(beginnerRun()), zones, { id: 'b', name: 'Beginner' });
    // The page: the watch's own 153 (all of it running, the watch says so), 1200 s of running.
    expect(page.meta.avgCadence).to.be.closeTo(153, 0.1);
    const pageRunning = runningTargetShare([page.meta], zones).runningS;
    expect(pageRunning).to.be.closeTo(1200, 2);

    const viaFit = importedSummary(decodeFit(encodeFit(page)), zones);
    expect(viaFit.avgCadence, 'FIT round trip').to.be.closeTo(153, 0.1);

    const viaTcx = importedSummary(decodeTcx(encodeTcx(page)), zones);
    const got = { avgCadence: Math.round(viaTcx.avgCadence), runningS: Math.round(runningTargetShare([viaTcx], zones).runningS) };
    expect(got, 'TCX round trip: average cadence and running seconds the plan and Weeks count').to.deep.equal({ avgCadence: 153, runningS: 1200 });
  });
});
