import { expect } from '@open-wc/testing';
import { decodeFit } from '../../src/export/fit-decode.js';
import { encodeFit } from '../../src/export/fit.js';
import { importedSession } from '../../src/export/imported-session.js';
import { statedTotalsNotes } from '../../src/session/stated-totals.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { fitFileOf, runRecord, sessionMesg, timerEvent } from '../support/fit-messages.js';

/** A watch's run-walk: 10 min walking at 120 steps/min (marked walking), 10 min running at 170; the watch states 145. */
function runWalk(): Uint8Array {
  const records = [];
  for (let s = 0; s <= 1200; s++) {
    const walk = s <= 600;
    records.push(runRecord(s, { distance: walk ? 1.4 * s : 840 + 3 * (s - 600), speed: walk ? 1.4 : 3, cadence: walk ? 60 : 85, activityType: walk ? 'walking' : 'running' }));
  }
  return fitFileOf([
    timerEvent('start', 0),
    ...records,
    timerEvent('stopAll', 1200),
    sessionMesg(0, 1200, { totalTimerTime: 1200, totalDistance: 2640, avgCadence: 72, avgFractionalCadence: 0.5 }),
  ]);
}

describe('repro: our own FIT of a run-walk, imported again', () => {
  it('says what the watch said: 145 counts walking, never that the running-only 170 "counts walking too"', () => {
    const page = importedSession(decodeFit(runWalk()), defaultCadenceZones, { id: 'rw', name: 'Run-walk' });
    const pageNotes = statedTotalsNotes(page.meta.statedTotals!);
    expect(pageNotes.join(' ')).to.contain("the watch's own, 145, counts walking too");
    const again = importedSession(decodeFit(encodeFit(page)), defaultCadenceZones, { id: 'rw2', name: 'Run-walk' });
    const notes = again.meta.statedTotals ? statedTotalsNotes(again.meta.statedTotals) : [];
    // The page showed 170 (running only) and said the watch's 145 counts walking. The FIT we wrote
    // carries 170 as its session average; reading it back must not call 170 a walking-inclusive figure.
    expect(notes.filter((n) => n.includes('counts walking too')), 'notes after the FIT round trip').to.deep.equal(
      pageNotes.filter((n) => n.includes('counts walking too')),
    );
  });
});
