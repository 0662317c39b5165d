// Start arms only what is due today. Before, it armed whatever comes next in the schedule, even when it is planned days or weeks
// ahead, so a retention test "1 week later" or "4 weeks later" (issue 18) can be taken minutes
// after the end-of-block test, and the rest day between two sessions can be skipped.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { programSchedule } from '../../src/program/program-schedule.js';
import { withRunStarted, withTestDone } from '../../src/program/program-state.js';
import type { ProgramState } from '../../src/program/program-types.js';
import { ProgramService } from '../../src/services/program-service.js';
import { createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { loadProgram, saveProgram } from '../../src/store/program-store.js';
import { formatDate, formatWeekday } from '../../src/session/date-format.js';
import { programServiceAt, recordingCoachEngine } from '../support/program-rig.js';
import { programInBlock } from '../support/program-states.js';

useSeparateDatabase('stride-test-program-start-due');

const DAY = 86_400_000;
const blockStart = new Date(2026, 10, 20, 7).getTime();

async function serviceAt(state: ProgramState, nowMs: number): Promise<ProgramService> {
  await saveProgram(state);
  const engine = recordingCoachEngine();
  const services = createServices({}, { flushIntervalMs: 200 }, async () => engine);
  await services.settings.load();
  const program = programServiceAt(services, nowMs);
  await program.load();
  return program;
}

describe('program service: Start only arms what is due', () => {
  beforeEach(() => clear(kvStore()));

  it('does not arm the one-week retention test on the day of the end-of-block test', async () => {
    // Why: "Retention tests: ... at the end of the block, then 1 week and 4 weeks later". Right after
    // the end-of-block test the Start button arms the one-week test planned 7 days ahead; taken now it
    // is stored as the one-week retention result, and (if it held) starts the next block from it.
    let state = programInBlock(blockStart, { done: 8 });
    const endTestAt = blockStart + 20 * DAY;
    const endItem = programSchedule(state, endTestAt).find((i) => i.kind === 'test' && i.done === null)!;
    expect(endItem).to.include({ test: 'end-of-block' });
    state = withRunStarted(state, endItem, endTestAt);
    const result = { sessionId: 'end-run', atMs: endTestAt, speedMps: 3, cadenceSpm: 174, strideLengthM: 1.03, keptMinutes: 5, discardedMinutes: 0 };
    state = withTestDone(state, { ok: true, result, note: null }, 'end-run');
    const now = endTestAt + 3_600_000;
    const program = await serviceAt(state, now);
    expect(program.next).to.include({ test: 'one-week' });
    expect(program.next!.dayMs).to.be.above(now);
    await program.startNext();
    expect(program.active, 'nothing is due today: the one-week test is a week away').to.equal(null);
    expect(program.problem).to.equal(`Nothing is due today: the one-week retention test is planned for ${formatDate(program.next!.dayMs)}.`);
  });

  it('does not arm the next session on the rest day after a session', async () => {
    // Why: "Eight sessions ... with a rest day between two". Session 3 was run today; pressing
    // Start again arms session 4 at once, though it is planned two days later.
    const state = programInBlock(blockStart, { done: 3 });
    const now = blockStart + 3_600_000;
    const program = await serviceAt(state, now);
    expect(program.next).to.include({ kind: 'session', n: 4 });
    expect(program.next!.dayMs).to.be.above(now);
    await program.startNext();
    expect(program.active, 'session 4 is not due today').to.equal(null);
    expect(program.problem, 'said in words, with the day').to.equal(`Rest today: session 4 is planned for ${formatWeekday(program.next!.dayMs)}.`);
    expect((await loadProgram()).program!.active, 'nothing stored as armed').to.equal(null);
  });

  it('arms the session due today, and a program that was due days ago too', async () => {
    // Session 3 two days before: session 4 is due; a runner back after a week may run it too.
    for (const daysLater of [2, 9]) {
      await clear(kvStore());
      const program = await serviceAt(programInBlock(blockStart, { done: 3 }), blockStart + daysLater * DAY);
      await program.startNext();
      expect(program.active, `${daysLater} days later`).to.include({ kind: 'session', n: 4 });
    }
  });
});
