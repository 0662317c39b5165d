// A new baseline after the last block's held test went stale (older than 8 weeks) starts a block
// whose target is capped at 5 % above the LAST target, even when the runner's new baseline is
// already above that cap: the block then aims BELOW the cadence the runner runs today.
// Issue 18: "Target. Baseline +5 % by default (7.5 % and 10 % offered, never more)" and "targets
// come from the runner's own cadence at the same speed". Eight sessions at a target slower than
// the runner's own cadence (metronome throughout) retrain them backwards.
import { expect } from '@open-wc/testing';
import { nextItem } from '../../../src/program/program-schedule.js';
import { canStartBlock, needsNewBaseline, newProgram, withBlockStarted, withTestSpeed } from '../../../src/program/program-state.js';
import { runNext, onDay } from '../../program/program-driver.js';
import { at } from '../../program/program-fixtures.js';
import type { ProgramState } from '../../../src/program/program-types.js';

const day = (n: number) => onDay(at(2026, 1, 5) + n * 86_400_000, 18);

describe('a new baseline after a stale held test (rev7)', () => {
  it('a block started from a new baseline of 182 aims above 182, never below the cadence the runner already runs', () => {
    let s: ProgramState = withTestSpeed(newProgram(day(0)), 2.8);
    s = runNext(s, day(0), { test: { cadence: 164 } }).state;
    s = withBlockStarted(s, 5, day(0)); // target 172
    let d = 1;
    const runOn = (run: Parameters<typeof runNext>[2]) => {
      const item = nextItem(s, day(d))!;
      while (item.dayMs > day(d)) d++;
      s = runNext(s, day(d), run).state;
    };
    for (let i = 0; i < 8; i++) runOn({ effort: 4 });
    // Held, and above the target, at all three tests: the runner kept rising.
    runOn({ test: { cadence: 176 } });
    runOn({ test: { cadence: 177 } });
    runOn({ test: { cadence: 178 } });
    // Nine weeks later (travel): the held test is stale, a new baseline comes first.
    d += 63;
    expect(needsNewBaseline(s, day(d))).to.equal(true);
    runOn({ test: { cadence: 182 } });
    expect(canStartBlock(s, day(d))).to.equal(true);
    s = withBlockStarted(s, 5, day(d));
    const block = s.blocks.at(-1)!;
    expect(block.from.cadenceSpm).to.be.closeTo(182, 0.5);
    expect(block.targetSpm, `target ${block.targetSpm} from a baseline of 182`).to.be.greaterThan(182);
  });
});
