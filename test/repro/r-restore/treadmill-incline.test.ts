// A treadmill run recorded with the belt's incline (FTMS) shows a "Treadmill incline (%)" chart on
// its page. FIT records have a field for it (record.grade, percent), yet the folder's FIT leaves it
// out, so the run restored on a second browser has lost its incline, with nothing in Settings or the
// restore's message saying a restored run keeps less than the original. The brief: a restored run
// must read as the original does wherever a FIT round trip can keep it.

import { expect } from '@open-wc/testing';
import type { RecordedSession, SessionMeta } from '../../../src/session/recorded-session.js';
import { SAMPLE_RUNNING } from '../../../src/session/recorded-session.js';
import { emptyColumns } from '../../../src/session/recorded-columns.js';
import { summarizeSamples } from '../../../src/session/session-summary.js';
import { defaultCadenceZones } from '../../../src/session/zones.js';
import { restoredSession } from './restore-rig.js';

function hillWorkout(): RecordedSession {
  const n = 301;
  const s = emptyColumns(n);
  for (let i = 0; i < n; i++) {
    s.t[i] = i;
    s.speedMps[i] = 3;
    s.cadence[i] = 172;
    s.strideLengthM[i] = 180 / 172;
    s.distanceM[i] = 3 * i;
    s.flags[i] = SAMPLE_RUNNING;
    s.treadmillSpeedMps[i] = 3;
    s.inclinePercent[i] = i < 150 ? 1 : 6;
  }
  const zones = defaultCadenceZones;
  const meta = {
    id: 'hills', startedAt: Date.UTC(2026, 3, 1, 7), name: 'Hills', notes: '', deviceName: 'Pod', origin: 'bluetooth',
    status: 'complete', sport: 'run', treadmill: true, ...summarizeSamples(s, zones, []), zones: { ...zones },
    laps: [], gaps: [], schemaVersion: 9, changedAt: Date.UTC(2026, 3, 1, 9),
  } as SessionMeta;
  return { meta, samples: s };
}

describe('r-restore: a treadmill run restored', () => {
  it('keeps the incline it was run at', async function () {
    this.timeout(20_000);
    const original = hillWorkout();
    const back = await restoredSession(original);
    const inclines = [...back.samples.inclinePercent].filter(Number.isFinite);
    expect(inclines.length, 'samples with an incline').to.be.greaterThan(0);
    expect(Math.max(...inclines)).to.equal(6);
  });
});
