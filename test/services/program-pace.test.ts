/// <reference types="mocha" />
// What the simulated footpod's runner is told while a program run is armed or going on: the
// program's belt, block and sessions, and the metronome as the coach plays it.
import { expect } from '@open-wc/testing';
import type { ActiveProgramRun, ProgramBlock, ProgramState } from '../../src/program/program-types.js';
import { ProgramPace } from '../../src/services/program-pace.js';
import { cadenceForSpeed, mulberry32, type PaceAim } from '../../src/sources/run-profile.js';
import { sessionAt, testAt } from '../program/program-fixtures.js';

const FROM_MPS = 2.9;
const FROM_SPM = 163.2;
const TARGET = 171;

const program = (more: Partial<ProgramState> = {}): ProgramState => ({
  version: 1, createdAtMs: 0, testSpeedMps: 2.5, baseline: null, blocks: [], pauses: [], active: null, ...more,
});
const block = (sessions: number): ProgramBlock => ({
  number: 1, startedAtMs: 1, from: testAt(1, FROM_SPM, { speedMps: FROM_MPS }), targetPercent: 5, targetSpm: TARGET,
  sessions: Array.from({ length: sessions }, (_, i) => sessionAt(i + 1, 10 + i)), tests: [], repeatChosen: null,
});
const run = (more: Partial<ActiveProgramRun>): ActiveProgramRun => ({
  kind: 'session', test: null, n: 1, block: 1, startedAtMs: 100, sessionIds: [], warmUpRunningS: 0, mainRunningS: 0, ...more,
});

/** The coach's metronome, as the runner hears it. */
const heard = { metronomeOn: false, metronomeRateSpm: TARGET };

/** `seconds` of aims in `phase`; the last one. */
function after(pace: ProgramPace, state: ProgramState, phase: 'warm-up' | 'main' | 'cool-down' | null, seconds: number) {
  let aim = pace.aim(state, phase);
  for (let s = 1; s < seconds; s++) aim = pace.aim(state, phase);
  return aim;
}

describe('ProgramPace: the simulated runner does the program run armed or going on', () => {
  beforeEach(() => {
    heard.metronomeOn = false;
  });

  it('says nothing without a program or a run armed: the simulator runs its own plan', () => {
    const pace = new ProgramPace(heard);
    expect(pace.aim(null, null)).to.equal(null);
    expect(pace.aim(program(), null)).to.equal(null);
    expect(pace.aim(program({ blocks: [block(2)] }), 'main')).to.equal(null);
  });

  it('a baseline armed: warms up on the belt the test was armed at, then runs it at the runner’s own cadence', () => {
    const pace = new ProgramPace(heard);
    // The test speed chosen since (2.5) is for the next baseline: the armed one keeps its 3.0.
    const state = program({ active: run({ kind: 'test', test: 'baseline', n: null, block: 0, speedMps: 3 }) });
    const warmUp = after(pace, state, null, 60)!;
    expect(warmUp.speedMps / 3).to.be.within(0.95, 1);
    const main = after(pace, state, 'main', 150)!;
    expect(main.speedMps).to.be.closeTo(3, 0.001);
    expect(main.cadence).to.be.closeTo(cadenceForSpeed(3), 0.01);
  });

  it('a session: on its block’s belt, with the metronome the coach plays, and part-way back when it is silent', () => {
    const pace = new ProgramPace(heard);
    const state = program({ blocks: [block(0)], active: run({}) });
    const warmUp = after(pace, state, 'warm-up', 300)!;
    expect(warmUp.cadence, 'the block’s own cadence before any beat').to.be.below(FROM_SPM + 0.01);
    heard.metronomeOn = true;
    const withBeats = after(pace, state, 'main', 60)!;
    expect(withBeats.speedMps).to.be.closeTo(FROM_MPS, 0.001);
    expect(withBeats.cadence).to.be.closeTo(TARGET, 0.05);
    heard.metronomeOn = false;
    const without = after(pace, state, 'main', 300)!;
    expect(without.cadence).to.be.within(FROM_SPM + 1, TARGET - 1);
  });

  it('a retention test at the end of the block finds the habit of its eight sessions', () => {
    const early = after(new ProgramPace(heard), program({ blocks: [block(1)], active: run({ kind: 'test', test: 'end-of-block', n: null }) }), 'main', 200)!;
    const late = after(new ProgramPace(heard), program({ blocks: [block(8)], active: run({ kind: 'test', test: 'end-of-block', n: null }) }), 'main', 200)!;
    expect(late.speedMps, 'at the block’s test speed').to.be.closeTo(FROM_MPS, 0.001);
    expect(early.cadence).to.be.below(TARGET * 0.98);
    expect(late.cadence).to.be.within(TARGET * 0.98, TARGET);
  });

  it('starts each run afresh: a new run does not carry the last one’s beat', () => {
    const pace = new ProgramPace(heard);
    heard.metronomeOn = true;
    after(pace, program({ blocks: [block(0)], active: run({ startedAtMs: 100 }) }), 'main', 120);
    heard.metronomeOn = false;
    // The next run may be armed before the pod's next second (a simulator whose clock waited).
    const next = pace.aim(program({ blocks: [block(1)], active: run({ n: 2, startedAtMs: 200 }) }), 'warm-up')!;
    expect(next.cadence).to.be.below(TARGET - 5);
  });

  // A simulated treadmill and strap ask for the belt on their own clocks, as often as they like:
  // the runner moves on with the pod's asks alone, so the pod's run is the same with them or without.
  describe('belt: what a simulated treadmill and strap follow', () => {
    /** A session's seconds: warm-up, then the main part with the metronome going on and off. */
    const seconds = (n: number): { phase: 'warm-up' | 'main'; on: boolean }[] =>
      Array.from({ length: n }, (_, s) => ({ phase: s < 90 ? 'warm-up' : 'main', on: s >= 90 && Math.floor(s / 45) % 2 === 0 }));

    it('is the runner’s last aim, and asking it (0-3 times between the pod’s seconds) never moves the runner on', () => {
      const state = program({ blocks: [block(2)], active: run({}) });
      const alone = new ProgramPace(heard);
      const aims: (PaceAim | null)[] = [];
      for (const { phase, on } of seconds(400)) {
        heard.metronomeOn = on;
        aims.push(alone.aim(state, phase));
      }
      for (const seed of [1, 2, 3]) {
        const rng = mulberry32(seed);
        const pace = new ProgramPace(heard);
        seconds(400).forEach(({ phase, on }, s) => {
          heard.metronomeOn = on;
          for (let k = Math.floor(rng() * 4); k > 0; k--) pace.belt(state, phase);
          const aim = pace.aim(state, phase);
          expect(aim, `seed ${seed}, second ${s}`).to.deep.equal(aims[s]);
          for (let k = Math.floor(rng() * 4); k > 0; k--) expect(pace.belt(state, phase), `seed ${seed}, second ${s}: the belt`).to.deep.equal(aim);
        });
      }
    });

    it('before the pod’s first ask, is where a fresh runner starts; without a run, nothing', () => {
      const state = program({ active: run({ kind: 'test', test: 'baseline', n: null, block: 0, speedMps: 3 }) });
      const pace = new ProgramPace(heard);
      expect(pace.belt(program(), 'main')).to.equal(null);
      const first = pace.belt(state, null);
      expect(first, 'the first aim').to.deep.equal(new ProgramPace(heard).aim(state, null));
      expect(first!.speedMps / 3, 'a warm-up belt').to.be.within(0.95, 1);
      expect(pace.aim(state, null), 'the pod then starts there').to.deep.equal(first);
    });

    it('never carries one run’s belt into the next, nor past its end', () => {
      const pace = new ProgramPace(heard);
      const session = program({ blocks: [block(0)], active: run({ startedAtMs: 100 }) });
      after(pace, session, 'main', 120);
      expect(pace.belt(session, 'main')!.speedMps).to.be.closeTo(FROM_MPS, 0.001);
      // The next run (a test at 2.5 m/s) is armed before the pod's next second.
      const test = program({ testSpeedMps: 2.5, active: run({ kind: 'test', test: 'baseline', n: null, block: 0, startedAtMs: 200 }) });
      expect(pace.belt(test, null)!.speedMps / 2.5, 'the new run’s warm-up belt').to.be.within(0.95, 1);
      // The run ended: no belt, though the pod has not asked since.
      expect(pace.belt(program({ blocks: [block(1)] }), null)).to.equal(null);
    });
  });
});

describe('ProgramPace: a baseline after blocks', () => {
  // The program's next test after a block's retention tests is a baseline again: the simulated
  // runner keeps what the block taught (its last test), not the cadence from before the program.
  it('a baseline taken after a held block finds the cadence the block left, not the one before it', () => {
    const held = (kind: 'end-of-block' | 'one-week' | 'four-weeks', day: number) => ({ kind, result: testAt(day, 169, { speedMps: FROM_MPS }) });
    const done = { ...block(8), tests: [held('end-of-block', 30), held('one-week', 37), held('four-weeks', 58)] };
    const test = (t: ActiveProgramRun['test']) =>
      program({ testSpeedMps: FROM_MPS, blocks: [done], active: run({ kind: 'test', test: t, n: null, speedMps: FROM_MPS }) });
    const fourWeeks = after(new ProgramPace(heard), test('four-weeks'), 'main', 300)!.cadence;
    const rebaseline = after(new ProgramPace(heard), test('baseline'), 'main', 300)!.cadence;
    expect(fourWeeks, 'the 4-week test holds').to.be.within(TARGET * 0.98, TARGET);
    expect(rebaseline, 'the baseline days later').to.be.closeTo(169, 0.5);
  });

  it('with no test after the block, from what its sessions taught', () => {
    const state = program({ testSpeedMps: FROM_MPS, blocks: [block(8)], active: run({ kind: 'test', test: 'baseline', n: null, speedMps: FROM_MPS }) });
    const cadence = after(new ProgramPace(heard), state, 'main', 300)!.cadence;
    expect(cadence).to.be.closeTo(FROM_SPM + (1 - 0.8 ** 8) * (TARGET - FROM_SPM), 0.5);
  });
});
