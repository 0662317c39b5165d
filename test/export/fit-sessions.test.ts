import { expect } from '@open-wc/testing';
import { decodeFit } from '../../src/export/fit-decode.js';
import { ImportError } from '../../src/export/import-error.js';
import { importedSummary } from '../../src/export/imported-summary.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { MesgNum, fitAt, fitFileOf, fitMesg, runRecord, sessionMesg, timerEvent } from '../support/fit-messages.js';

function refusal(bytes: Uint8Array): ImportError {
  try {
    decodeFit(bytes);
  } catch (error) {
    expect(error).to.be.instanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('decodeFit accepted the file');
}

describe('the sessions of a FIT file', () => {
  /** Two 600 s runs at 3.333 m/s, 180 steps/min, 5 min apart, each its own session (a run resumed as a new session). */
  function twoSessions(sports: readonly [string, string], heartRates: readonly [number, number] = [140, 160]): Uint8Array {
    const out = [];
    const legs = [
      { from: 0, to: 600, d0: 0 },
      { from: 900, to: 1500, d0: 2000 },
    ];
    for (const [k, leg] of legs.entries()) {
      out.push(timerEvent('start', leg.from));
      for (let s = leg.from; s <= leg.to; s++) {
        out.push(runRecord(s, { distance: leg.d0 + ((s - leg.from) * 2000) / 600, speed: 2000 / 600, enhancedSpeed: 2000 / 600, cadence: 90 }));
      }
      out.push(timerEvent('stopAll', leg.to));
      out.push(fitMesg(MesgNum.LAP!, { messageIndex: k, timestamp: fitAt(leg.to), startTime: fitAt(leg.from), totalTimerTime: 600, totalDistance: 2000, sport: sports[k] }));
      out.push(
        sessionMesg(leg.from, leg.to, {
          messageIndex: k, totalTimerTime: 600, totalDistance: 2000, avgCadence: 90, avgFractionalCadence: k * 0.5,
          avgHeartRate: heartRates[k], sport: sports[k], firstLapIndex: k, numLaps: 1,
        }),
      );
    }
    return fitFileOf(out);
  }

  it('a file with two sessions states both: their times and distances summed, their averages weighted by time', () => {
    const run = decodeFit(twoSessions(['running', 'running']));
    expect(run.samples.distanceM.at(-1), 'records reach 4 km').to.be.closeTo(4000, 1);
    // 180 and 181 steps/min (90 and 90.5 strides), 140 and 160 bpm, 600 s each.
    expect(run.statedTotals).to.deep.equal({ movingS: 1200, distanceM: 4000, avgCadence: 180.5, avgHeartRate: 150 });
    const summary = importedSummary(run, defaultCadenceZones);
    expect(summary.movingS).to.equal(1200);
    expect(summary.distanceM).to.equal(4000);
  });

  it('a multisport file with a leg that is not on foot (a duathlon) is refused in words, not read as one run', () => {
    const error = refusal(twoSessions(['running', 'cycling']));
    expect(error.problem).to.equal('not-a-run');
    expect(error.message).to.match(/multisport activity \(running, cycling\).*export the run leg as its own/);
  });
});
