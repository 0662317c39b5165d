// How the service measures a finished program run (program-live.ts, program-finish.ts): a run split
// by a reload, a run stopped short. The rig is the one of test/services/program-service.test.ts: a
// scripted pod, the real recording, coach and program services, IndexedDB.
import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveProgram } from '../../src/store/program-store.js';
import { PROGRAM_TODAY, type ProgramRig, programRig, startBaselineTest, storedProgram, endRig } from '../support/program-rig.js';
import { programInBlock } from '../support/program-states.js';

useSeparateDatabase('stride-test-program-service-measured');

const today = PROGRAM_TODAY;

let rig: ProgramRig;

describe('ProgramService: how a finished program run is measured', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => endRig(rig));

  // A test resumes after a reload from its main seconds: its minutes lie in both recordings.
  it('measures a baseline test split by a reload over all five of its minutes', async () => {
    rig = await programRig();
    await startBaselineTest(rig);
    rig.send(0, 450, { cadence: 150 });
    await waitUntil(async () => (await storedProgram()).active?.mainRunningS === 150, 'progress stored every 15 s', { timeout: 5000 });
    rig.services.recording.abandon();
    rig.services.footpod.disconnect();

    rig = await programRig();
    await rig.program.loadIfStored();
    expect(rig.program.active).to.include({ kind: 'test', mainRunningS: 150 });
    await rig.services.recording.start();
    rig.send(0, 0, { cadence: 150 });
    expect(rig.program.moment).to.include({ phase: 'main', mainDoneS: 150 });
    rig.send(1, 200, { cadence: 150 });
    expect(rig.program.moment?.phase).to.equal('cool-down');
    await rig.stopAndSave();
    await waitUntil(() => rig.program.justFinished !== null, 'measured', { timeout: 5000 });
    const finished = rig.program.justFinished!;
    expect(finished.kind === 'test' && !finished.outcome.ok ? finished.outcome.why : 'ok').to.equal('ok');
    expect(rig.program.program!.baseline!.keptMinutes, 'five steady minutes were run (±1 for the split)').to.be.at.least(4);
  });
  it('does not count a baseline test stopped 3:30 into its five minutes, and says so', async () => {
    rig = await programRig();
    await startBaselineTest(rig);
    rig.send(0, 300 + 210, { cadence: 150 });
    expect(rig.program.moment).to.include({ phase: 'main', mainDoneS: 210 });
    await rig.stopAndSave();
    await waitUntil(() => rig.program.justFinished !== null, 'measured', { timeout: 5000 });
    expect(rig.program.justFinished).to.deep.include({ kind: 'test', outcome: { ok: false, why: 'The test stopped after 3:30 of its 5 minutes; take it again.' } });
    expect(rig.program.program!.baseline).to.equal(null);
    expect(rig.program.next).to.include({ kind: 'test', test: 'baseline' });
  });

  // Running at the target is what a session is for: a session stopped in its warm-up stays planned.
  it('does not count a session stopped during its warm-up (no minute at target) as done', async () => {
    rig = await programRig();
    await saveProgram(programInBlock(today));
    await rig.program.load();
    await rig.program.startNext();
    expect(rig.program.active).to.include({ kind: 'session', n: 1 });
    await rig.services.recording.start();
    rig.send(0, 120);
    expect(rig.program.moment?.phase).to.equal('warm-up');
    await rig.stopAndSave();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const sessions = rig.program.program!.blocks[0]!.sessions;
    expect(sessions.map((s) => ({ n: s.n, mainRunningS: s.mainRunningS })), 'no session was run').to.deep.equal([]);
    expect(rig.program.next).to.include({ kind: 'session', n: 1 });
    expect(rig.program.active).to.equal(null);
    expect(rig.program.justFinished).to.equal(null);
    expect(rig.program.problem).to.equal('Session 1 stopped after 0 of 15 minutes at target: it stays on the schedule.');
  });
});
