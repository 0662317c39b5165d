import { expect } from '@open-wc/testing';
import type { TestOutcome } from '../../src/program/test-result.js';
import type { OpenedSession } from '../../src/services/history-service.js';
import { sessionUnfinished, testOutcome } from '../../src/services/program-finish.js';
import type { RecordedSession, SessionGap } from '../../src/session/recorded-session.js';
import { columnsOf, spell } from '../support/generated-program-runs.js';

const startedAt = 1_700_000_000_000;

/** A saved test recording: 1 Hz from t = 0 to `endT`, its main part [mainFromT, endT], no samples inside its gaps. */
function recording(id: string, mainFromT: number, endT: number, gaps: SessionGap[] = []): RecordedSession {
  const times = Array.from({ length: endT + 1 }, (_, t) => t).filter((t) => !gaps.some((g) => t > g.fromT && t < g.toT));
  const samples = columnsOf(spell(times.length, { cadence: 166 }));
  samples.t.set(times);
  const program = { kind: 'test', test: 'baseline', n: null, block: 0, mainFromT, mainToT: endT };
  return { meta: { id, startedAt, gaps, program }, samples } as unknown as RecordedSession;
}

function opener(...sessions: RecordedSession[]) {
  return async (id: string): Promise<OpenedSession> => {
    const session = sessions.find((s) => s.meta.id === id);
    return session ? { session, problem: null } : { session: null, problem: 'not found' };
  };
}

function ok(outcome: TestOutcome) {
  if (!outcome.ok) throw new Error(`expected a result, got: ${outcome.why}`);
  return outcome;
}

describe('testOutcome: the test read back from its recordings', () => {
  it('passes the recording\'s gaps: a test paused for a minute is judged on its five minutes, none left out', async () => {
    const open = opener(recording('a', 0, 360, [{ fromT: 120, toT: 180, reason: 'paused' }]));
    const outcome = ok(await testOutcome(open, ['a'], 3, 300));
    expect(outcome.result).to.deep.include({ keptMinutes: 5, discardedMinutes: 0 });
    expect(outcome.note).to.equal(null);
  });

  it('measures a test split by a reload over the minutes of every recording it was run in', async () => {
    // Warm-up and 2.5 minutes in the first recording, the other 2.5 in the second.
    const open = opener(recording('a', 300, 450), recording('b', 0, 150));
    const outcome = ok(await testOutcome(open, ['a', 'b'], 3, 300));
    expect(outcome.result.keptMinutes, 'five steady minutes, ±1 for the split').to.equal(4);
    expect(outcome.result).to.deep.include({ cadenceSpm: 166, sessionId: 'b', atMs: startedAt });
  });

  it('is not valid when the test stopped before its five minutes ran, and says after how long', async () => {
    const open = opener(recording('a', 300, 510));
    expect(await testOutcome(open, ['a'], 3, 210)).to.deep.equal({ ok: false, why: 'The test stopped after 3:30 of its 5 minutes; take it again.' });
    expect(await testOutcome(open, ['a'], 3, 0)).to.include({ ok: false });
    // A live sample's jitter short of the end is the whole test, as testResult's main part.
    expect(await testOutcome(opener(recording('a', 300, 599)), ['a'], 3, 299)).to.include({ ok: true });
  });

  it('judges the recordings it can read back, and says so in words when it can read none', async () => {
    const open = opener(recording('b', 0, 300));
    expect(ok(await testOutcome(open, ['lost', 'b'], 3, 300)).result.keptMinutes).to.equal(5);
    expect(await testOutcome(open, ['lost'], 3, 300)).to.deep.equal({ ok: false, why: 'The test run could not be read back (not found). Take the test again.' });
  });
});

describe('sessionUnfinished: a session counts as done from half its minutes at target', () => {
  it('keeps a session stopped in its warm-up, or before half its minutes, on the schedule', () => {
    expect(sessionUnfinished(1, 0)).to.equal('Session 1 stopped after 0 of 15 minutes at target: it stays on the schedule.');
    expect(sessionUnfinished(1, 2 * 60 + 59)).to.equal('Session 1 stopped after 2 of 15 minutes at target: it stays on the schedule.');
    expect(sessionUnfinished(8, 15 * 60 - 1)).to.match(/^Session 8 stopped after 14 of 30 minutes/);
  });

  it('counts a session with half its minutes or more as done', () => {
    expect(sessionUnfinished(1, 7.5 * 60)).to.equal(null);
    expect(sessionUnfinished(8, 30 * 60)).to.equal(null);
  });
});
