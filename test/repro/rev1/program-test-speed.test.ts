// rev1: a retention test is "the baseline test again, cue-free at the same belt speed" (issue 18).
import { expect } from '@open-wc/testing';
import { programSchedule } from '../../../src/program/program-schedule.js';
import { withTestSpeed } from '../../../src/program/program-state.js';
import { programInBlock } from '../../support/program-states.js';

describe('rev1: the test speed after a block has begun', () => {
  it('judges the end-of-block test at the speed the schedule and calendar tell the runner', () => {
    // Why: the baseline was run at 3.0 m/s (10.8 km/h). Mid-block the runner changes the test speed
    // field to 3.3 m/s (withTestSpeed accepts it at any time). The schedule and the .ics still say
    // "5 minutes at 10.8 km/h" for the end-of-block test (block.from.speedMps), but the service
    // judges the test against state.testSpeedMps (program-live.ts: testOutcome(..., state.testSpeedMps)):
    // a runner who follows the calendar has every minute discarded as off-speed (10 % > ±3 %), and one
    // who runs 3.3 m/s gets a cadence compared with a target from another speed.
    const start = new Date(2026, 11, 1, 7).getTime();
    const state = withTestSpeed(programInBlock(start, { speedMps: 3, done: 8 }), 3.3);
    const endTest = programSchedule(state, start + 18 * 86_400_000).find((i) => i.kind === 'test' && i.test === 'end-of-block')!;
    expect(endTest.speedMps).to.equal(3);
    expect(state.testSpeedMps, 'speed the end-of-block test is judged at').to.equal(endTest.speedMps);
  });
});
