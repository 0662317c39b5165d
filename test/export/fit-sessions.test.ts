import { expect } from '@open-wc/testing';
import { decodeFit } from '../../src/export/fit-decode.js';
import { importedSummary } from '../../src/export/imported-summary.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { FIT_TEST_START, MesgNum, fitAt, fitFileOf, fitMesg, runRecord, sessionMesg, timerEvent, fitRefusal } from '../support/fit-messages.js';
import { importedSession } from '../../src/export/imported-session.js';
import { summaryOf } from '../../src/session/session-summary.js';
import { weeklyTrends } from '../../src/session/weekly-trends.js';
import { SAMPLE_RUNNING } from '../../src/session/recorded-session.js';

describe('the sessions of a FIT file', () => {
  /** Two 600 s runs at 3.333 m/s, 180 steps/min, 5 min apart, each its own session (a run resumed as a new session). */
  function twoSessions(sports: readonly [string, string], heartRates: readonly [number, number] = [140, 160], powers?: readonly [number, number]): Uint8Array {
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
          avgHeartRate: heartRates[k], sport: sports[k], firstLapIndex: k, numLaps: 1, ...(powers ? { avgPower: powers[k] } : {}),
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

  it("states the watch's average power, weighted by time, beside the records' (none here)", () => {
    const run = decodeFit(twoSessions(['running', 'running'], [140, 160], [230, 250]));
    expect(run.statedTotals?.avgPowerW).to.equal(240);
    const summary = importedSummary(run, defaultCadenceZones);
    expect(summary.statedTotals?.stated.avgPowerW).to.equal(240);
    expect(summary.statedTotals?.fromRecords.avgPowerW, 'records without power: none, never 0 W').to.equal(null);
  });

  it('a multisport file with a leg that is not on foot (a duathlon) is refused in words, not read as one run', () => {
    const error = fitRefusal(twoSessions(['running', 'cycling']));
    expect(error.problem).to.equal('not-a-run');
    expect(error.message).to.match(/multisport activity \(running, cycling\).*export the run leg as its own/);
  });
});

describe('a FIT file of a walk session and a run session', () => {
  /**
   * A 5 min warm-up walk saved as its own session (sport walking), then a 30 min run (sport
   * running): 5 min at 1.4 m/s and 110 steps/min, then 30 min at 3 m/s and 172. `walkSays` is
   * what the walk's records say they are (a watch may write them running, or nothing).
   */
  function walkThenRun(walkSays: 'walking' | 'running', order: 'walk first' | 'run first' = 'walk first'): Uint8Array {
    const walk = (from: number, d0: number) => {
      const out = [timerEvent('start', from)];
      for (let s = from; s <= from + 300; s++) out.push(runRecord(s, { distance: d0 + 1.4 * (s - from), speed: 1.4, cadence: 55, activityType: walkSays }));
      out.push(timerEvent('stopAll', from + 300));
      out.push(sessionMesg(from, from + 300, { messageIndex: 0, sport: 'walking', subSport: 'generic', totalTimerTime: 300, totalDistance: 420 }));
      return out;
    };
    const run = (from: number, d0: number) => {
      const out = [timerEvent('start', from)];
      for (let s = from + 1; s <= from + 1800; s++) out.push(runRecord(s, { distance: d0 + 3 * (s - from), speed: 3, cadence: 86 }));
      out.push(timerEvent('stopAll', from + 1800));
      out.push(sessionMesg(from, from + 1800, { messageIndex: 1, sport: 'running', subSport: 'generic', totalTimerTime: 1800, totalDistance: 5400 }));
      return out;
    };
    return fitFileOf(order === 'walk first' ? [...walk(0, 0), ...run(300, 420)] : [...run(0, 0), ...walk(1800, 5400)]);
  }

  for (const order of ['walk first', 'run first'] as const) {
    it(`is a run (30 of its 35 min, ${order}), so it counts in Weeks and the plan`, () => {
      const run = decodeFit(walkThenRun('walking', order));
      const stored = importedSession(run, defaultCadenceZones, { id: 'wr', name: 'Walk then run' });
      const [week] = weeklyTrends([summaryOf(stored.meta)], { weeks: 1, now: FIT_TEST_START + 3600_000, zones: defaultCadenceZones });
      expect({ sport: run.sport, weekSessions: week!.sessions, weekKm: Math.round(week!.distanceM / 100) / 10 }).to.deep.equal({
        sport: 'run',
        weekSessions: 1,
        weekKm: 5.8,
      });
    });
  }

  it("keeps the walk session's records walking even where they say running: the run's cadence is its running 172", () => {
    const run = decodeFit(walkThenRun('running'));
    const walking = Array.from(run.samples.t).filter((t, i) => t < 300 && (run.samples.flags[i]! & SAMPLE_RUNNING) === 0);
    expect(walking.length).to.equal(300);
    expect(importedSummary(run, defaultCadenceZones).avgCadence).to.be.closeTo(172, 0.1);
  });
});
