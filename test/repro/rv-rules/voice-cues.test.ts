// rv-rules: voice cues after a skip compare with the planned step before, not with the step the
// runner came from.
import { expect } from '@open-wc/testing';
import { planSteps } from '../../../src/workout/workout-plan.js';
import { positionAt } from '../../../src/workout/workout-position.js';
import type { Workout, WorkoutStep } from '../../../src/workout/workout-types.js';
import { NOTHING_SAID, voiceCueAt } from '../../../src/workout/voice-cues.js';

const step = (name: string, speedKmh: number | null, inclinePercent: number | null = null): WorkoutStep => ({
  kind: 'step', name, intensity: 'active', length: { kind: 'time', seconds: 60 }, speedKmh, inclinePercent, cadence: null,
});
const plan = (...items: Workout['items']) => planSteps({ id: 'w', name: 'W', items, origin: 'mine', updatedAt: 0 });

describe('rv-rules: voiceCueAt after a skip', () => {
  // Issue 19: on a treadmill that cannot be driven "the same workout runs by screen and voice:
  // 'Set 12.0 km/h now'". Steps: Easy 10 km/h, Hard 12 km/h 2 %, Hold 12 km/h 2 %. The runner is in
  // Easy (belt at 10 km/h, flat) and presses Skip twice, landing in Hold. Nothing tells them to set
  // 12.0 km/h and 2 %: the cue compares Hold with Hard (the planned step before, never run) rather
  // than with what the belt was last told, so the runner stays at 10 km/h on the flat for a step
  // that asks 12 km/h up a 2 % hill, and no "reached" is ever said either.
  it('says "Set 12.0 km/h and 2.0 % incline now" when a skip lands on a step whose speed the runner was never told', () => {
    const steps = plan(step('Easy', 10), step('Hard', 12, 2), step('Hold', 12, 2));
    // 30 s into Easy, the runner skips past Hard to Hold: the runner keeps Hold's start at now.
    const position = positionAt(steps, { seconds: 30, metres: 83 }, { stepIndex: 2, seconds: 30, metres: 83 });
    expect(position.stepIndex).to.equal(2);
    const said = { ...NOTHING_SAID, setFor: 0 }; // Easy's cue was said at the start
    const { cue } = voiceCueAt(steps, position, { nowS: 30, measuredKmh: 10, unit: 'km' }, said);
    expect(cue?.text).to.equal('Set 12.0 km/h and 2.0 % incline now');
  });

  it('says "12.0 km/h reached" in a skipped-to step once the belt the runner set by hand holds it for 3 s', () => {
    const steps = plan(step('Easy', 10), step('Hard', 12), step('Hold', 12));
    let said = { ...NOTHING_SAID, setFor: 2 };
    const from = { stepIndex: 2, seconds: 30, metres: 83 };
    const heard: string[] = [];
    for (let t = 30; t <= 40; t++) {
      const position = positionAt(steps, { seconds: t, metres: 83 + (t - 30) * 3.33 }, from);
      const out = voiceCueAt(steps, position, { nowS: t, measuredKmh: 12, unit: 'km' }, said);
      said = out.said;
      if (out.cue) heard.push(out.cue.text);
    }
    expect(heard).to.deep.equal(['12.0 km/h reached']);
  });
});
