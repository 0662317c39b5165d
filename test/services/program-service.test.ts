// The program through the app's services: a scripted pod drives the session clock a notification
// at a time, the recording and coach are the real ones (outputs write down what they would sound),
// the program's store is the browser's IndexedDB, and the calendar day is the test's own clock.
import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { feedbackBlocks } from '../../src/program/feedback-fading.js';
import { WARM_UP_S } from '../../src/program/session-plan.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveProgram } from '../../src/store/program-store.js';
import { PROGRAM_TODAY, type ProgramRig, programRig, startBaselineTest, startProgramRun, storedProgram, endRig, sessionCutByClosedTab } from '../support/program-rig.js';
import { programInBlock } from '../support/program-states.js';

useSeparateDatabase('stride-test-program-service');

const today = PROGRAM_TODAY;

let rig: ProgramRig;

const cues = () => rig.output.played.filter((e) => e.kind === 'cue');
const checkIns = () => rig.output.played.filter((e) => e.kind === 'check-in');

describe('ProgramService', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => endRig(rig));

  it('begins a program, keeps the test speed, and says (never throws) what it cannot do', async () => {
    rig = await programRig();
    const changes: number[] = [];
    rig.program.addEventListener('change', () => changes.push(1));
    await rig.program.load();
    expect(rig.program.program).to.equal(null);
    await rig.program.startNext();
    expect(rig.program.problem).to.equal('Start the program first.');
    await rig.program.begin();
    expect(rig.program.program?.createdAtMs).to.equal(today);
    await rig.program.startNext();
    expect(rig.program.problem).to.equal('Choose the belt speed for the test first.');
    await rig.program.setTestSpeed(-2);
    expect(rig.program.problem).to.match(/^A test speed is 0\.5 to 10 m\/s, not -2/);
    await rig.program.setTestSpeed(3);
    await rig.program.startNext();
    expect(rig.program.problem).to.equal(null);
    expect(rig.program.active).to.include({ kind: 'test', test: 'baseline', block: 0 });
    expect(rig.program.next).to.include({ kind: 'test', test: 'baseline' });
    expect((await storedProgram()).active?.test, 'stored').to.equal('baseline');
    expect(changes.length).to.be.above(3);
    await rig.program.cancelRun();
    await rig.program.pause();
    expect(rig.program.program!.pauses).to.deep.equal([{ fromMs: today, toMs: null }]);
    expect(rig.program.next, 'nothing is due while paused').to.equal(null);
    await rig.program.resume();
    expect(rig.program.program!.pauses).to.deep.equal([{ fromMs: today, toMs: today }]);
    expect(rig.program.next).to.include({ kind: 'test', test: 'baseline' });
    await waitUntil(async () => (await storedProgram()).pauses.length === 1 && (await storedProgram()).pauses[0]!.toMs === today, 'stored', { timeout: 5000 });
  });

  it('runs a baseline test: walking and paused seconds are not running, the mark and laps sit at the five minutes, nothing sounds, and the result is kept', async () => {
    rig = await programRig();
    await startBaselineTest(rig);
    // Far below the zones: outside a program the zone cues would speak, and check-ins come every 5 minutes.
    rig.send(0, 99, { cadence: 150 });
    rig.send(100, 159, { cadence: 110, isRunning: false, speedMps: 1.4 });
    rig.send(160, 200, { cadence: 150 });
    rig.services.recording.pause();
    rig.send(201, 249, { cadence: 150 });
    rig.services.recording.resume();
    expect(rig.program.moment).to.include({ phase: 'warm-up', cueFree: true });
    // Running seconds: 99 before the walk, 41 after it, then one a second from the resume.
    rig.send(250, 409, { cadence: 150 });
    expect(rig.program.moment?.phase).to.equal('warm-up');
    rig.send(410, 410, { cadence: 150 });
    expect(rig.program.moment?.phase).to.equal('main');
    rig.send(411, 730, { cadence: 150 });
    expect(rig.program.moment).to.include({ phase: 'cool-down', mainDoneS: 300, mainLeftS: 0 });
    const meta = rig.services.recording.recorder!.meta();
    expect(meta.program).to.deep.equal({ kind: 'test', test: 'baseline', n: null, block: 0, mainFromT: 410, mainToT: 710 });
    expect(meta.laps).to.deep.equal([410, 710]);
    expect(cues(), 'no cue in a test').to.deep.equal([]);
    expect(checkIns(), 'no check-in in a test').to.deep.equal([]);
    expect(rig.metronome.calls, 'no metronome in a test').to.deep.equal([]);

    await rig.stopAndSave();
    await waitUntil(() => rig.program.justFinished !== null, 'measured', { timeout: 5000 });
    const finished = rig.program.justFinished!;
    expect(finished.kind === 'test' && finished.outcome.ok).to.equal(true);
    const baseline = rig.program.program!.baseline!;
    expect(baseline.sessionId).to.equal(meta.id);
    expect(baseline.cadenceSpm).to.be.closeTo(150, 0.01);
    expect(baseline.keptMinutes).to.equal(5);
    expect(rig.program.active).to.equal(null);
    await waitUntil(async () => (await storedProgram()).baseline !== null, 'stored', { timeout: 5000 });
    expect((await storedProgram()).baseline).to.deep.equal(baseline);
    await rig.services.history.load();
    expect(rig.services.history.summary(meta.id)?.program?.mainFromT, 'the index carries the mark').to.equal(410);
  });

  it('starts a block on the cadence plan: the zones are centred on the target with today’s widths (10 and 10 by default)', async () => {
    rig = await programRig();
    const state = programInBlock(today);
    await saveProgram({ ...state, blocks: [], baseline: state.blocks[0]!.from });
    await rig.program.load();
    await rig.program.startBlock(5);
    expect(rig.program.program!.blocks[0]!.targetSpm).to.equal(174);
    const { zones, plan } = rig.services.settings.settings;
    expect(zones).to.deep.equal({ buildingFrom: 159, targetFrom: 169, targetTo: 179 });
    expect(plan.accepted.at(-1)).to.deep.equal({ targetFrom: 169, targetTo: 179, atMs: today });
    expect(rig.program.next).to.include({ kind: 'session', n: 1, targetSpm: 174 });
  });

  it('plays the metronome at the target exactly through the faded main part, cues only while it is off, keeps the check-ins and not the zone cues', async () => {
    rig = await programRig();
    // Session 4 two days ago: session 5 is due today.
    await saveProgram(programInBlock(new Date(2026, 11, 5, 7).getTime(), { done: 4 }));
    await rig.program.load();
    expect(rig.program.next).to.include({ kind: 'session', n: 5, minutes: 22, metronomeShare: 0.75 });
    await rig.program.startNext();
    await rig.services.recording.start();
    const target = 174;
    const mainS = 22 * 60;
    const plan = feedbackBlocks(mainS, 0.75);
    let onInMain = 0;
    let onOutside = 0;
    let wrongState = 0;
    const cueWhileOn: number[] = [];
    // The runner holds 172 (1.1 % off the target: inside the band), the whole first OFF stretch 169
    // (2.9 % low: still inside), and 55 s of the last at 165 (5.2 % low).
    const offs = plan.filter((b) => !b.metronome);
    const [firstOff, lastOff] = [offs[0]!, offs.at(-1)!].map((b) => ({ fromT: WARM_UP_S + b.fromS, toT: WARM_UP_S + b.toS }));
    const slowFrom = lastOff!.fromT + 5;
    const cadenceAt = (t: number) => (t >= firstOff!.fromT && t < firstOff!.toT ? 169 : t >= slowFrom && t < slowFrom + 55 ? 165 : 172);
    const total = WARM_UP_S + mainS + 60;
    rig.send(0, total, (t) => ({ cadence: cadenceAt(t) }), (t) => {
      const moment = rig.program.moment!;
      const on = rig.metronome.running;
      if (moment.phase === 'main' && on) onInMain++;
      if (moment.phase !== 'main' && on) onOutside++;
      if (on !== moment.metronomeOn) wrongState++;
      // The rate the metronome button shows.
      if (on && rig.services.coach.metronomeRateSpm !== target) wrongState++;
      if (on && cues().some((e) => e.atS === t)) cueWhileOn.push(t);
    });
    expect(onOutside, 'never outside the main part').to.equal(0);
    expect(wrongState, 'on exactly when the moment says').to.equal(0);
    expect(onInMain).to.be.closeTo(0.75 * mainS, 2);
    const starts = rig.metronome.calls.filter((c) => c[0] === 'start');
    expect(starts.length).to.equal(plan.filter((b) => b.metronome).length);
    expect(starts.every((c) => c[0] === 'start' && c[1].rateSpm === target)).to.equal(true);
    expect(cueWhileOn).to.deep.equal([]);
    // Once the half-minute since the OFF stretch began is full, and again 30 s later.
    expect(cues().map((e) => e.atS - lastOff!.fromT), 'cues only in the slow stretch').to.deep.equal([30, 60]);
    expect(cues().every((e) => e.kind === 'cue' && e.direction === 'low' && /^Cadence 16\d, aim for 174\./.test(e.spoken))).to.equal(true);
    expect(checkIns().length, 'check-ins go on').to.be.at.least(4);

    await rig.stopAndSave();
    await waitUntil(() => rig.program.justFinished !== null, 'measured', { timeout: 5000 });
    expect(rig.program.justFinished).to.deep.equal({ kind: 'session', block: 1, index: 4 });
    const done = rig.program.program!.blocks[0]!.sessions[4]!;
    expect(done).to.include({ n: 5, mainRunningS: mainS, plannedMinutes: 22, metronomeShare: 0.75, answers: null });
    const firstOffS = firstOff!.toT - firstOff!.fromT;
    expect(done.cadenceSpm!).to.be.closeTo((172 * (mainS - 55 - firstOffS) + 165 * 55 + 169 * firstOffS) / mainS, 0.05);
    expect(done.speedMps!).to.be.closeTo(3, 0.01);
    expect(rig.metronome.running, 'the run over, the coach is the runner’s own again').to.equal(false);
    await rig.program.answer(1, 4, { effort: 6, natural: 3 });
    expect(rig.program.justFinished).to.equal(null);
    await waitUntil(async () => (await storedProgram()).blocks[0]!.sessions[4]?.answers !== null, 'stored', { timeout: 5000 });
    expect((await storedProgram()).blocks[0]!.sessions[4]!.answers).to.deep.equal({ effort: 6, natural: 3 });
  });

  it('silences everything while muted, and cancelling the run gives the zone cues back', async () => {
    rig = await programRig();
    await startProgramRun(rig, programInBlock(today));
    await rig.services.coach.setMuted(true);
    rig.send(0, 400, { cadence: 150 });
    expect(rig.program.moment?.metronomeOn).to.equal(true);
    expect(rig.metronome.running, 'muted').to.equal(false);
    await rig.services.coach.setMuted(false);
    rig.send(401, 402, { cadence: 150 });
    expect(rig.metronome.running).to.equal(true);
    expect(cues(), 'no zone cue at 150 in a program session').to.deep.equal([]);
    expect(rig.services.recording.recorder!.meta().program?.kind).to.equal('session');
    await rig.program.cancelRun();
    expect(rig.metronome.running).to.equal(false);
    expect(rig.program.active).to.equal(null);
    expect(rig.program.moment).to.equal(null);
    expect(rig.services.recording.recorder!.meta(), 'an ordinary run from now on').to.not.have.property('program');
    rig.send(403, 480, { cadence: 150 });
    expect(cues().length, 'the runner’s own zone cues again').to.be.at.least(1);
  });

  it('exports the schedule as a calendar: an event per planned session and test, in the runner’s words and speed unit', async () => {
    rig = await programRig();
    expect(rig.program.calendar(), 'nothing before the program loads').to.equal('');
    await saveProgram(programInBlock(today, { done: 4 }));
    await rig.program.load();
    const ics = rig.program.calendar();
    expect(ics.startsWith('BEGIN:VCALENDAR')).to.equal(true);
    expect(ics.match(/BEGIN:VEVENT/g)?.length).to.equal(rig.program.schedule.filter((item) => item.done === null).length);
    expect(ics).to.include('SUMMARY:Stridewise: session 5 of 8');
    expect(ics.replace(/\r\n[ \t]/g, '')).to.include('A warm-up\\, then 22 minutes at 174 steps/min\\, metronome for 75 % of it\\, then a cool-down.');
    expect(ics).to.include('SUMMARY:Stridewise: end-of-block test');
    await rig.services.settings.update({ distanceUnit: 'mi' });
    expect(rig.program.calendar().replace(/\r\n[ \t]/g, '')).to.include('5 minutes at 6.7 mph with no metronome and no cues.');
  });

  it('resumes after a reload: a new service over the same store goes on from the stored main seconds, and the run ids add up', async () => {
    rig = await programRig();
    // The tab goes: the recording is left unfinished and every service with it.
    const firstRun = await sessionCutByClosedTab(rig);

    rig = await programRig();
    await rig.program.loadIfStored();
    expect(rig.program.active).to.include({ kind: 'session', n: 1, warmUpRunningS: 300, mainRunningS: 195 });
    await rig.services.recording.start();
    rig.send(0, 0);
    expect(rig.program.moment).to.include({ phase: 'main', mainDoneS: 195, metronomeOn: true });
    expect(rig.metronome.running, 'the metronome plays on where it was').to.equal(true);
    rig.send(1, 15 * 60 - 195 + 30);
    expect(rig.program.moment?.phase).to.equal('cool-down');
    const secondRun = rig.services.recording.recorder!.id;
    expect(rig.services.recording.recorder!.meta().program).to.include({ mainFromT: 0, mainToT: 15 * 60 - 195 });
    await rig.stopAndSave();
    await waitUntil(() => rig.program.justFinished !== null, 'measured', { timeout: 5000 });
    const done = rig.program.program!.blocks[0]!.sessions[0]!;
    expect(done.sessionIds).to.deep.equal([firstRun, secondRun]);
    expect(done.mainRunningS).to.equal(15 * 60);
  });
});
