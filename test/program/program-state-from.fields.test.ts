// programStateFrom field by field: each damaged value in a stored program costs what it damages
// (the field becomes null, or the entry it is in is left out) and nothing else.
import { expect } from '@open-wc/testing';
import { programStateFrom } from '../../src/program/program-state.js';
import type { ProgramState } from '../../src/program/program-types.js';
import { sessionAt, storedOneBlock, testAt } from './program-fixtures.js';

// Stored values are untyped JSON: the rows reach into them as the store would hand them back.
type Json = Record<string, any>;

/** The one-block stored program with its block-1 repeat chosen, a second block going on and an open pause. */
const whole = (): ProgramState => {
  const one = storedOneBlock();
  return {
    ...one,
    baseline: testAt(9000, 171),
    blocks: [
      { ...one.blocks[0]!, repeatChosen: true },
      {
        number: 2,
        startedAtMs: 4000,
        from: testAt(3000, 167),
        targetPercent: 5,
        targetSpm: 175,
        sessions: [sessionAt(1, 4100)],
        tests: [],
        repeatChosen: null,
      },
    ],
    pauses: [...one.pauses, { fromMs: 5000, toMs: null }],
    active: { kind: 'session', test: null, n: 2, block: 2, startedAtMs: 4500, sessionIds: ['a'], warmUpRunningS: 100, mainRunningS: 20 },
  };
};

/** A stored copy with one change, and what should come back instead of the whole program. */
type Row = [string, (stored: Json) => void, (expected: Json) => void];

const resultFields: [string, unknown][] = [
  ['sessionId', ''],
  ['sessionId', 5],
  ['atMs', -1],
  ['atMs', 'yesterday'],
  ['speedMps', 0],
  // Below the 0.5 m/s withTestSpeed takes: the block's later tests would be run at it.
  ['speedMps', 0.4],
  ['speedMps', 11],
  ['cadenceSpm', 30],
  ['cadenceSpm', 300],
  ['cadenceSpm', null],
  ['strideLengthM', 0],
  ['keptMinutes', 2.5],
  ['discardedMinutes', -1],
];

const rows: Row[] = [
  ['testSpeedMps: 0', (s) => (s.testSpeedMps = 0), (e) => (e.testSpeedMps = null)],
  // withTestSpeed takes 0.5 to 10 m/s: a stored 0.1 m/s is no test speed either.
  ['testSpeedMps: 0.1', (s) => (s.testSpeedMps = 0.1), (e) => (e.testSpeedMps = null)],
  ['testSpeedMps: 0.49', (s) => (s.testSpeedMps = 0.49), (e) => (e.testSpeedMps = null)],
  ['testSpeedMps: "2.8"', (s) => (s.testSpeedMps = '2.8'), (e) => (e.testSpeedMps = null)],
  ['baseline: a string', (s) => (s.baseline = 'x'), (e) => (e.baseline = null)],
  ...resultFields.map(([field, bad]): Row => [`baseline.${field}: ${JSON.stringify(bad)}`, (s) => (s.baseline[field] = bad), (e) => (e.baseline = null)]),
  ...resultFields.map(([field, bad]): Row => [`blocks[1].from.${field}: ${JSON.stringify(bad)}`, (s) => (s.blocks[1].from[field] = bad), (e) => e.blocks.splice(1, 1)]),
  ...resultFields.map(([field, bad]): Row => [
    `blocks[0].tests[0].result.${field}: ${JSON.stringify(bad)}`,
    (s) => (s.blocks[0].tests[0].result[field] = bad),
    (e) => (e.blocks[0].tests = []),
  ]),
  ['blocks: not a list', (s) => (s.blocks = { 0: s.blocks[0] }), (e) => (e.blocks = [])],
  ['blocks[0].number: 0', (s) => (s.blocks[0].number = 0), (e) => e.blocks.splice(0, 1)],
  ['blocks[0].number: 1.5', (s) => (s.blocks[0].number = 1.5), (e) => e.blocks.splice(0, 1)],
  ['blocks[1].number: 1, a second block 1', (s) => (s.blocks[1].number = 1), (e) => e.blocks.splice(1, 1)],
  ['blocks[0].startedAtMs: -5', (s) => (s.blocks[0].startedAtMs = -5), (e) => e.blocks.splice(0, 1)],
  ['blocks[0].targetPercent: 12', (s) => (s.blocks[0].targetPercent = 12), (e) => e.blocks.splice(0, 1)],
  ['blocks[0].targetSpm: 168.5', (s) => (s.blocks[0].targetSpm = 168.5), (e) => e.blocks.splice(0, 1)],
  ['blocks[0].targetSpm: 400', (s) => (s.blocks[0].targetSpm = 400), (e) => e.blocks.splice(0, 1)],
  ['blocks[0].repeatChosen: "yes"', (s) => (s.blocks[0].repeatChosen = 'yes'), (e) => (e.blocks[0].repeatChosen = null)],
  ['blocks[0].sessions: null', (s) => (s.blocks[0].sessions = null), (e) => (e.blocks[0].sessions = [])],
  ['blocks[0].tests[0].kind: "baseline"', (s) => (s.blocks[0].tests[0].kind = 'baseline'), (e) => (e.blocks[0].tests = [])],
  ['blocks[0].tests: end-of-block twice', (s) => s.blocks[0].tests.push(s.blocks[0].tests[0]), () => undefined],
  ['blocks[0].sessions[1].n: 0', (s) => (s.blocks[0].sessions[1].n = 0), (e) => e.blocks[0].sessions.splice(1, 1)],
  ['blocks[0].sessions[1].n: 9', (s) => (s.blocks[0].sessions[1].n = 9), (e) => e.blocks[0].sessions.splice(1, 1)],
  ['blocks[0].sessions[1].n: 2.5', (s) => (s.blocks[0].sessions[1].n = 2.5), (e) => e.blocks[0].sessions.splice(1, 1)],
  ['blocks[0].sessions[1].atMs: null', (s) => (s.blocks[0].sessions[1].atMs = null), (e) => e.blocks[0].sessions.splice(1, 1)],
  ['blocks[0].sessions[1].mainRunningS: -1', (s) => (s.blocks[0].sessions[1].mainRunningS = -1), (e) => e.blocks[0].sessions.splice(1, 1)],
  ['blocks[0].sessions[1].plannedMinutes: 0', (s) => (s.blocks[0].sessions[1].plannedMinutes = 0), (e) => e.blocks[0].sessions.splice(1, 1)],
  ['blocks[0].sessions[1].metronomeShare: 1.5', (s) => (s.blocks[0].sessions[1].metronomeShare = 1.5), (e) => e.blocks[0].sessions.splice(1, 1)],
  ['blocks[0].sessions[1].cadenceSpm: "fast"', (s) => (s.blocks[0].sessions[1].cadenceSpm = 'fast'), (e) => (e.blocks[0].sessions[1].cadenceSpm = null)],
  ['blocks[0].sessions[1].speedMps: -2', (s) => (s.blocks[0].sessions[1].speedMps = -2), (e) => (e.blocks[0].sessions[1].speedMps = null)],
  ['blocks[0].sessions[0].answers.effort: 11', (s) => (s.blocks[0].sessions[0].answers.effort = 11), (e) => (e.blocks[0].sessions[0].answers = null)],
  ['blocks[0].sessions[0].answers.natural: 0', (s) => (s.blocks[0].sessions[0].answers.natural = 0), (e) => (e.blocks[0].sessions[0].answers = null)],
  ['blocks[0].sessions[0].sessionIds: [7, "a"]', (s) => (s.blocks[0].sessions[0].sessionIds = [7, 'a']), (e) => (e.blocks[0].sessions[0].sessionIds = ['a'])],
  ['pauses[0].toMs before fromMs', (s) => (s.pauses[0].toMs = 1), (e) => e.pauses.splice(0, 1)],
  ['pauses[0].fromMs: "x"', (s) => (s.pauses[0].fromMs = 'x'), (e) => e.pauses.splice(0, 1)],
  ['pauses: an open pause before the last', (s) => (s.pauses[0].toMs = null), (e) => e.pauses.splice(0, 1)],
  ['pauses: not a list', (s) => (s.pauses = 'none'), (e) => (e.pauses = [])],
  ['active.kind: "race"', (s) => (s.active.kind = 'race'), (e) => (e.active = null)],
  ['active.n: null for a session', (s) => (s.active.n = null), (e) => (e.active = null)],
  ['active.test: "baseline" for a session', (s) => (s.active.test = 'baseline'), (e) => (e.active = null)],
  ['active.block: -1', (s) => (s.active.block = -1), (e) => (e.active = null)],
  ['active.mainRunningS: NaN', (s) => (s.active.mainRunningS = Number.NaN), (e) => (e.active = null)],
  ['active.sessionIds: [null, "b"]', (s) => (s.active.sessionIds = [null, 'b']), (e) => (e.active.sessionIds = ['b'])],
];

describe('programStateFrom, field by field', () => {
  for (const [what, damage, expect_] of rows) {
    it(`takes ${what} as damage to that field alone`, () => {
      const stored = structuredClone(whole()) as Json;
      damage(stored);
      const expected = structuredClone(whole()) as Json;
      expect_(expected);
      expect(programStateFrom(stored)).to.deep.equal(expected);
    });
  }

  it('keeps a test run in an active run', () => {
    const stored = { ...whole(), active: { kind: 'test', test: 'one-week', n: null, block: 1, startedAtMs: 5, sessionIds: [], warmUpRunningS: 0, mainRunningS: 0 } };
    expect(programStateFrom(stored)!.active).to.deep.equal(stored.active);
  });

  it('never throws on what JSON can hold, however odd', () => {
    const odd: unknown[] = [{ version: 1, createdAtMs: 1, blocks: [null, 1, 'x', [], { from: [] }], pauses: [null, [], { fromMs: {} }], active: [] }];
    const cyclicFree = { version: 1, createdAtMs: 1, baseline: { sessionId: {}, atMs: [] }, blocks: [{ number: 1, sessions: [{ n: 1, answers: 'x' }] }] };
    odd.push(cyclicFree, Object.create(null), new Date(0));
    for (const value of odd) expect(() => programStateFrom(value)).not.to.throw();
  });
});
