// How a program run ends when it is not simply run and stopped in one tab (program-live.ts,
// program-coach hook in coach-service.ts, history-service.ts): a pause with the pod quiet, a run left
// over from a closed tab or a reload, a run stopped too early or not valid, a run cancelled or taken
// over in another tab, a recording deleted and brought back. Through the app's real services
// (scripted pod, real recording, coach with recording outputs, IndexedDB). Each tab made here is
// closed at the end of its test (ProgramService.close), as a tab gone stops hearing the others.
import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { nudgedRate } from '../../src/coach/metronome-rate.js';
import { ProgramService } from '../../src/services/program-service.js';
import { RunsInOtherTabs } from '../../src/services/runs-in-other-tabs.js';
import { createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveProgram } from '../../src/store/program-store.js';
import { finishRun } from '../support/finish-run.js';
import { PROGRAM_TODAY, type ProgramRig, programRig, programServiceAt, recordingCoachEngine, startBaselineTest, startProgramRun, storedProgram, endRig, keepUnfinished, sessionCutByClosedTab } from '../support/program-rig.js';
import { DAY, programInBlock } from '../support/program-states.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-test-program-run-ends');

const today = PROGRAM_TODAY;

let rig: ProgramRig;
/** A tab of the app without the rig's helpers. */
type TabRig = Omit<ProgramRig, 'send' | 'stopAndSave'>;
/** Every tab made in a test: closed after it, so none hears the next test's program. */
const opened: ProgramService[] = [];
afterEach(() => {
  for (const program of opened.splice(0)) program.close();
});
/** The rig on `now`'s clock, as a tab closed after the test. */
async function openTab(now = today): Promise<ProgramRig> {
  const tab = await programRig(now);
  opened.push(tab.program);
  return tab;
}

describe('ProgramService: the program metronome when the pod goes quiet', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => endRig(rig));

  // program-coach.ts: "while the recording is paused it is silent"; issue 18: the metronome plays
  // for a share "of the running minutes". The program coach only acts on a pod reading, so a pause
  // pressed while the pod sends nothing (the coach's own comment: "a pod that sends nothing while
  // its runner stands", or the link lost) leaves the metronome clicking at the target for the whole
  // pause: the runner steps off the belt, presses Pause, and it goes on beating beside them.
  it('pausing the recording silences the program metronome even when the pod sends nothing', async () => {
    rig = await openTab();
    await startProgramRun(rig, programInBlock(today));
    rig.send(0, 400);
    expect(rig.program.moment).to.include({ phase: 'main', metronomeOn: true });
    expect(rig.metronome.running).to.equal(true);
    // The runner stops the belt; the pod sends nothing while they stand; they press Pause.
    rig.services.recording.pause();
    expect(rig.services.recording.state).to.equal('paused');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rig.metronome.running, 'paused: no beats outside the running minutes').to.equal(false);
  });
});

describe('ProgramService: a session split by a reload and the days after it', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => endRig(rig));

  // program-live.ts says "an outdoor run days later is not the rest of that session", and disarms an
  // armed run with no recording on a later day. A session whose tab was closed mid-run (its first
  // recording kept in History) is left armed with that recording forever: the runner's next run,
  // days later and perhaps outdoors, is taken as the rest of it, gets the program's mark and its
  // metronome at the target, and starts straight in the main part where the old one stopped.
  // Issue 18: "survive a reload mid-session (the session resumes ... where it was)": a reload, not
  // a run on another day.
  it('a recording started days after a session split by a closed tab is an ordinary run, not the rest of that session', async () => {
    rig = await openTab();
    // The tab is closed mid-session.
    const firstRun = await sessionCutByClosedTab(rig);

    // Three days later: the runner keeps the unfinished run as it is and goes for a run.
    rig = await openTab(today + 3 * DAY);
    await keepUnfinished(rig, firstRun);
    await rig.services.recording.start();
    rig.send(0, 5);
    expect(rig.services.recording.recorder!.meta().program ?? null, 'an ordinary run').to.equal(null);
    expect(rig.program.moment, 'no program run followed').to.equal(null);
  });
});

describe('ProgramService: a program session taken over by another tab', () => {
  let tabs: { rig: TabRig; otherTabs: RunsInOtherTabs }[] = [];
  beforeEach(() => clear(kvStore()));
  afterEach(async () => {
    for (const { rig: r, otherTabs } of tabs.splice(0)) {
      await r.program.cancelRun();
      await finishRun(r.services);
      otherTabs.close();
    }
  });

  async function tabRig(): Promise<TabRig & { otherTabs: RunsInOtherTabs }> {
    const pod = new ScriptedFootpod('Pod');
    const engine = recordingCoachEngine();
    const otherTabs = new RunsInOtherTabs('test-program-run-ends-tabs');
    const services = createServices({ simulator: () => pod }, { flushIntervalMs: 200, otherTabs }, async () => engine);
    await services.settings.load();
    await services.settings.update({ autoStart: false, autoPauseAfterS: 0 });
    await services.coach.engine();
    const program = programServiceAt(services, today);
    opened.push(program);
    const made = { services, program, pod, output: engine.output, metronome: engine.metronome };
    tabs.push({ rig: made, otherTabs });
    return { ...made, otherTabs };
  }

  // The app lets a second tab take over a run ("the first saves its run and lets go"). The runner
  // moves to the other tab mid-session (the tablet on the treadmill instead of the phone) and runs
  // the rest of session 1 there. The first tab measures its part as an unfinished session and
  // cancels the run, while the second tab, holding the armed run it read before, still coaches the
  // rest as session 1 (metronome at the target, the program's mark on its recording, so History
  // shows a program session) and then counts it nowhere: the minutes run are lost, and the session
  // stays undone although the runner ran all of it.
  it('a session continued in a tab that took over is counted, or else not coached and marked as the program’s', async () => {
    const first = await tabRig();
    const second = await tabRig();
    await saveProgram(programInBlock(today));
    await first.program.load();
    await second.program.loadIfStored();
    await first.program.startNext();
    // The second tab is looked at: shown again, it reads the program (visibilitychange), armed run and all.
    await second.program.reload();
    expect(second.program.active).to.include({ kind: 'session', n: 1 });
    await first.services.footpod.simulate();
    await first.services.recording.start();
    for (let t = 0; t <= 500; t++) first.pod.send(t, { cadence: 172, speedMps: 3 });
    await waitUntil(async () => (await storedProgram()).active?.mainRunningS === 195, 'progress stored', { timeout: 5000 });
    await waitUntil(() => second.services.recording.runElsewhere, 'the second tab sees the run', { timeout: 5000 });

    await second.services.footpod.simulate();
    expect(await second.services.recording.takeOver()).to.equal(true);
    await waitUntil(() => first.program.problem !== null || first.program.active === null, 'the first tab measured its part', { timeout: 5000 });
    await second.services.recording.start();
    expect(second.services.recording.state).to.equal('recording');
    // The rest of session 1: the main part's remaining minutes and a cool-down.
    for (let t = 0; t <= 15 * 60 - 195 + 60; t++) second.pod.send(t, { cadence: 172, speedMps: 3 });
    const marked = second.services.recording.recorder!.meta().program != null;
    const saved = new Promise((resolve) => second.services.recording.addEventListener('saved', resolve, { once: true }));
    second.services.recording.stop();
    await saved;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sessions = (await storedProgram()).blocks[0]!.sessions;
    expect({ marked, counted: sessions.length === 1 }, 'marked and coached as session 1 only if it counts').to.deep.equal({ marked, counted: marked });
  });
});

describe('ProgramService: a session stopped early', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => endRig(rig));

  // Issue 18: "History and Weeks mark program sessions and test runs". A session stopped after 3 of
  // its 15 minutes "stays on the schedule": the program drops the run (withRunCancelled), as Cancel
  // does. Cancel takes the program's mark off its recordings ("every recording made for it goes on
  // as an ordinary run (History drops its mark)"); a run stopped early keeps it, so History marks as
  // session 1 a run the program never counted, and later shows two "session 1" runs.
  it('a session stopped too early to count is not marked as a program session in History', async () => {
    rig = await openTab();
    await startProgramRun(rig, programInBlock(today));
    rig.send(0, 500);
    const id = rig.services.recording.recorder!.id;
    const saved = new Promise((resolve) => rig.services.recording.addEventListener('saved', resolve, { once: true }));
    rig.services.recording.stop();
    await saved;
    await waitUntil(() => rig.program.problem !== null, 'measured', { timeout: 5000 });
    expect(rig.program.problem).to.match(/^Session 1 stopped after 3 of 15 minutes/);
    expect(rig.program.active).to.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await rig.services.history.load();
    expect(rig.services.history.summary(id), 'kept in History').to.not.equal(null);
    expect(rig.services.history.summary(id)?.program ?? null, 'an ordinary run, as after Cancel').to.equal(null);
  });
});

describe('ProgramService: a program run’s recording deleted from History', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => endRig(rig));

  // A session split by a closed tab: the runner keeps the first part, then deletes it in History
  // (a few minutes they do not want), and cancels (or pauses) the program's run. Cancel unmarks each
  // of the run's recordings (history-service unmarkProgram), the deleted one too: History then shows
  // "This session is no longer stored (it may have been deleted in another tab)", an error about a
  // run the runner deleted on purpose in this very tab.
  it('cancelling a run whose earlier recording was deleted in History shows no error in History', async () => {
    rig = await openTab();
    const firstRun = await sessionCutByClosedTab(rig);

    rig = await openTab();
    await keepUnfinished(rig, firstRun);
    await rig.services.history.load();
    expect(await rig.services.history.remove(firstRun), 'deleted').to.equal(true);
    expect(rig.services.history.problem).to.equal(null);
    await rig.program.cancelRun();
    expect(rig.program.active).to.equal(null);
    expect(rig.services.history.problem, 'nothing went wrong').to.equal(null);
  });
  // The same runner taps Undo after cancelling: the recording comes back exactly as it was deleted,
  // the program's mark with it, so History shows as session 1 a run of a cancelled program run,
  // which the program never counted (Cancel: "every recording made for it goes on as an ordinary run").
  it('a run’s recording deleted, the run cancelled, then the delete undone: the recording is an ordinary run', async () => {
    rig = await openTab();
    const firstRun = await sessionCutByClosedTab(rig);

    rig = await openTab();
    await keepUnfinished(rig, firstRun);
    await rig.services.history.load();
    expect(await rig.services.history.remove(firstRun), 'deleted').to.equal(true);
    await rig.program.cancelRun();
    expect(await rig.services.history.undoRemove(), 'undone').to.equal(true);
    await rig.services.history.load();
    expect(rig.services.history.summary(firstRun), 'back in History').to.not.equal(null);
    expect(rig.services.history.summary(firstRun)?.program ?? null, 'an ordinary run').to.equal(null);
  });
});

describe('ProgramService: a reload while a finished session is measured', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => endRig(rig));

  // Issue 18: the program "survive[s] a reload mid-session". The runner runs all of session 1 and
  // presses Stop; the recording is saved complete, and the tab goes (reloaded, or closed by the
  // phone) before the program has read it back and ticked the session. After the reload nothing
  // ever measures it: the stored program still holds the run as going on, the Program page shows
  // session 1 as not done, and the runner's next recording is taken as the rest of it.
  it('a session saved complete just before a reload is measured and ticked after it', async () => {
    rig = await openTab();
    let savedOnce: () => void = () => {};
    const saved = new Promise<void>((resolve) => (savedOnce = resolve));
    rig.services.recording.addEventListener('saved', () => savedOnce());
    // The tab goes between the save and the measuring: the program service never hears 'saved'.
    rig.services.recording.addEventListener('saved', (event) => event.stopImmediatePropagation());
    await startProgramRun(rig, programInBlock(today));
    rig.send(0, 300 + 15 * 60 + 60, { cadence: 174 });
    expect(rig.program.moment?.phase).to.equal('cool-down');
    await waitUntil(async () => (await storedProgram()).active?.mainRunningS === 15 * 60, 'progress stored', { timeout: 5000 });
    rig.services.recording.stop();
    await saved;
    rig.services.footpod.disconnect();

    rig = await openTab();
    await rig.program.loadIfStored();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(rig.program.program!.blocks[0]!.sessions.map((s) => s.n), 'session 1 ticked').to.deep.equal([1]);
    expect(rig.program.active, 'no run left going on').to.equal(null);
  });
});

describe('ProgramService: the program paused in another tab while a session runs', () => {
  let other: TabRig | null = null;
  beforeEach(() => clear(kvStore()));
  afterEach(async () => {
    await rig.program.cancelRun();
    await finishRun(rig.services);
    if (other) await finishRun(other.services);
    other = null;
  });

  // program-live.ts: "While paused nothing is due: a run armed (or going on) is cancelled first",
  // and a cancelled run "goes on as an ordinary run (History drops its mark)". The runner, on the
  // treadmill with the session on the tablet, pauses the program on their phone (injury: the knee
  // hurts). The treadmill tab never hears of it: it goes on playing the program's metronome at the
  // target and saves the run with the program's mark, so History shows a program session that the
  // paused program never counted.
  it('a session going on in one tab ends as an ordinary run when the program is paused in another', async () => {
    rig = await openTab();
    await startProgramRun(rig, programInBlock(today));
    rig.send(0, 400);
    expect(rig.metronome.running).to.equal(true);
    const id = rig.services.recording.recorder!.id;
    // This tab's last progress write lands before the phone's pause (two tabs' writes at one instant
    // can still cross: each reads, then writes).
    await waitUntil(async () => (await storedProgram()).active?.sessionIds.includes(id) === true && (await storedProgram()).active?.mainRunningS === 90, 'the run holds the recording', { timeout: 5000 });

    // The phone: another tab over the same store.
    const phone = await openTab();
    other = phone;
    await phone.program.load();
    await phone.program.pause();
    expect((await storedProgram()).active, 'paused, the run is cancelled').to.equal(null);

    rig.send(401, 900);
    const saved = new Promise((resolve) => rig.services.recording.addEventListener('saved', resolve, { once: true }));
    rig.services.recording.stop();
    await saved;
    await new Promise((resolve) => setTimeout(resolve, 300));
    await rig.services.history.load();
    expect(rig.services.history.summary(id)?.program ?? null, 'an ordinary run, as the pause cancelled it').to.equal(null);
  });

  // Without the other tab's word (no BroadcastChannel, or a message missed), the next progress write
  // finds the run gone from the store and ends it here all the same.
  it('a tab that did not hear of the cancel ends the run at its next progress write', async () => {
    rig = await openTab();
    await startProgramRun(rig, programInBlock(today));
    rig.send(0, 400);
    await waitUntil(async () => (await storedProgram()).active?.mainRunningS === 90, 'progress stored', { timeout: 5000 });
    rig.program.close();
    const phone = await openTab();
    other = phone;
    await phone.program.load();
    await phone.program.cancelRun();
    expect(rig.program.moment, 'not heard yet').to.not.equal(null);
    rig.send(401, 420);
    await waitUntil(() => rig.program.moment === null, 'the run ended at the progress write', { timeout: 5000 });
    expect(rig.metronome.running).to.equal(false);
    expect(rig.services.recording.recorder!.meta().program ?? null, 'an ordinary run').to.equal(null);
  });
});

describe('ProgramService: a run that does not count, and the runner’s own metronome after it', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => endRig(rig));

  // A test not valid is not the program's: History and Weeks must not label it "Baseline test".
  it('a test stopped before its five minutes is not marked as a program test in History', async () => {
    rig = await openTab();
    await startBaselineTest(rig);
    rig.send(0, 300 + 210, { cadence: 150 });
    const id = rig.services.recording.recorder!.id;
    const saved = new Promise((resolve) => rig.services.recording.addEventListener('saved', resolve, { once: true }));
    rig.services.recording.stop();
    await saved;
    await waitUntil(() => rig.program.justFinished !== null, 'measured', { timeout: 5000 });
    expect(rig.program.justFinished).to.deep.include({ kind: 'test', outcome: { ok: false, why: 'The test stopped after 3:30 of its 5 minutes; take it again.' } });
    await waitUntil(async () => (await rig.services.history.open(id)).session?.meta.program === undefined, 'the mark dropped', { timeout: 5000 });
    await rig.services.history.load();
    expect(rig.services.history.summary(id)?.program ?? null, 'an ordinary run').to.equal(null);
  });

  // A −/+ press during a program run moves the program's rate, not the runner's own.
  it('a cancelled run gives back the runner’s own metronome rate, not one nudged off the program’s target', async () => {
    rig = await openTab();
    await startProgramRun(rig, programInBlock(today));
    rig.send(0, 400);
    const target = rig.services.coach.metronomeRateSpm;
    expect(target, 'the program plays its target').to.equal(rig.program.program!.blocks.at(-1)!.targetSpm);
    rig.services.coach.nudgeMetronome(1);
    await rig.program.cancelRun();
    expect(rig.services.coach.metronomeRateSpm, 'not the program’s target nudged').to.not.equal(nudgedRate(target, 1));
    expect(rig.services.coach.metronomeRateSpm, 'not the program’s target').to.not.equal(target);
  });
});
