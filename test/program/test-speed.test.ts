// Every test after a baseline is at that baseline's belt speed: the schedule shows it, the calendar
// says it and the service judges the test at it (testSpeedFor), whatever test speed is set since.
// A test speed chosen later is the speed of the next new baseline.
import { expect } from '@open-wc/testing';
import { programSchedule } from '../../src/program/program-schedule.js';
import { newProgram, testSpeedFor, withRunStarted, withTestDone, withTestSpeed } from '../../src/program/program-state.js';
import type { ProgramState, ScheduleItem } from '../../src/program/program-types.js';
import { programInBlock } from '../support/program-states.js';
import { at, testAt } from './program-fixtures.js';

const DAY = 86_400_000;
const plannedTests = (state: ProgramState, nowMs: number) =>
  programSchedule(state, nowMs).filter((i): i is Extract<ScheduleItem, { kind: 'test' }> => i.kind === 'test' && i.done === null);

describe('testSpeedFor', () => {
  it('keeps a block\'s tests at its baseline\'s speed after the test speed is changed mid-block', () => {
    const start = at(2026, 12, 1);
    const state = withTestSpeed(programInBlock(start, { speedMps: 3, done: 8 }), 3.3);
    const now = start + 18 * DAY;
    const tests = plannedTests(state, now);
    expect(tests.map((t) => t.test)).to.deep.equal(['end-of-block', 'one-week', 'four-weeks']);
    for (const test of tests) {
      expect(test.speedMps, test.test).to.equal(3);
      expect(testSpeedFor(state, test), test.test).to.equal(3);
    }
    // The run the service judges: the armed end-of-block test.
    const running = withRunStarted(state, tests[0]!, now);
    expect(testSpeedFor(running, running.active!)).to.equal(3);
  });

  it('puts a new baseline at the test speed chosen now, and a baseline taken at its own speed', () => {
    const start = at(2026, 12, 1);
    let state = withTestSpeed(newProgram(start), 2.5);
    const [first] = plannedTests(state, start);
    expect(first).to.deep.include({ test: 'baseline', speedMps: 2.5 });
    expect(testSpeedFor(state, first!)).to.equal(2.5);
    state = withTestDone(withRunStarted(state, first!, start), { ok: true, result: testAt(start, 165, { speedMps: 2.5 }), note: null }, 'b1');
    // Eight weeks on the baseline is stale: a new one is due, at the speed chosen since.
    state = withTestSpeed(state, 3);
    const later = start + 60 * DAY;
    const items = programSchedule(state, later).filter((i) => i.kind === 'test');
    expect(items.map((i) => [i.done === null, i.kind === 'test' && i.speedMps])).to.deep.equal([[false, 2.5], [true, 3]]);
    expect(testSpeedFor(state, items[1] as Extract<ScheduleItem, { kind: 'test' }>)).to.equal(3);
  });

  it('is null for a session, and for a baseline before any speed is chosen (the schedule shows 0)', () => {
    const state = programInBlock(at(2026, 12, 1), { done: 2 });
    expect(testSpeedFor(state, state.active ?? { test: null, block: 1 })).to.equal(null);
    const fresh = newProgram(at(2026, 12, 1));
    expect(testSpeedFor(fresh, { test: 'baseline', block: 0 })).to.equal(null);
    expect(plannedTests(fresh, at(2026, 12, 1))[0]).to.deep.include({ test: 'baseline', speedMps: 0 });
  });
});
