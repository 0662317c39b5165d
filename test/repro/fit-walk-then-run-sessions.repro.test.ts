import { expect } from '@open-wc/testing';
import { decodeFit } from '../../src/export/fit-decode.js';
import { importedSession } from '../../src/export/imported-session.js';
import { summaryOf } from '../../src/session/session-summary.js';
import { weeklyTrends } from '../../src/session/weekly-trends.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { FIT_TEST_START, fitFileOf, runRecord, sessionMesg, timerEvent } from '../support/fit-messages.js';

/**
 * A watch file of two sessions: a 5 min warm-up walk (its own session, sport walking), then a
 * 30 min run (sport running) — a multisport "walk, run" or a run started after saving the walk
 * into the same file. 5 min at 1.4 m/s and 110 steps/min, then 30 min at 3 m/s and 172.
 */
function walkThenRun(): Uint8Array {
  const records = [];
  for (let s = 0; s <= 300; s++) records.push(runRecord(s, { distance: 1.4 * s, speed: 1.4, cadence: 55, activityType: 'walking' }));
  for (let s = 301; s <= 2100; s++) records.push(runRecord(s, { distance: 420 + 3 * (s - 300), speed: 3, cadence: 86 }));
  return fitFileOf([
    timerEvent('start', 0),
    ...records.slice(0, 301),
    timerEvent('stopAll', 300),
    sessionMesg(0, 300, { messageIndex: 0, sport: 'walking', subSport: 'generic', totalTimerTime: 300, totalDistance: 420 }),
    timerEvent('start', 300),
    ...records.slice(301),
    timerEvent('stopAll', 2100),
    sessionMesg(300, 2100, { messageIndex: 1, sport: 'running', subSport: 'generic', totalTimerTime: 1800, totalDistance: 5400 }),
  ]);
}

describe('repro: a walk session then a run session in one FIT file', () => {
  it('is a run (30 of its 35 min), so it counts in Weeks and the plan', () => {
    const run = decodeFit(walkThenRun());
    const stored = importedSession(run, defaultCadenceZones, { id: 'wr', name: 'Walk then run' });
    const [week] = weeklyTrends([summaryOf(stored.meta)], { weeks: 1, now: FIT_TEST_START + 3600_000, zones: defaultCadenceZones });
    expect({ sport: run.sport, weekSessions: week!.sessions, weekKm: Math.round(week!.distanceM / 100) / 10 }).to.deep.equal({
      sport: 'run',
      weekSessions: 1,
      weekKm: 5.8,
    });
  });
});
