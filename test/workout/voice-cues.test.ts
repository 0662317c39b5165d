import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { DistanceUnit } from '../../src/session/units.js';
import { planSteps } from '../../src/workout/workout-plan.js';
import { type StepStart, WORKOUT_START, positionAt } from '../../src/workout/workout-position.js';
import type { PlannedStep, Workout, WorkoutStep } from '../../src/workout/workout-types.js';
import { NOTHING_SAID, type VoiceCueState, voiceCueAt } from '../../src/workout/voice-cues.js';
import { shortWorkout } from '../support/generated-workouts.js';
import { invariantRuns } from '../support/invariant-runs.js';

const step = (name: string, length: WorkoutStep['length'], speedKmh: number | null, inclinePercent: number | null = null): WorkoutStep => ({
  kind: 'step', name, intensity: 'active', length, speedKmh, inclinePercent, cadence: null,
});
const plan = (...items: Workout['items']) => planSteps({ id: 'w', name: 'W', items, origin: 'mine', updatedAt: 0 });

interface Said { t: number; step: number; text: string; sound: boolean }

/**
 * A runner on a belt they set by hand: `setAfterS` after a step starts the belt reaches the step's
 * speed (before, it is at the last one). Ticks of `dtS` on a fake clock; the runner keeps each
 * step's start as the workout runner does.
 */
function runByVoice(steps: readonly PlannedStep[], unit: DistanceUnit, dtS: (i: number) => number = () => 1, setAfterS = 2): Said[] {
  const out: Said[] = [];
  let said: VoiceCueState = NOTHING_SAID;
  let from: StepStart = WORKOUT_START;
  let progress = { seconds: 0, metres: 0 };
  let belt: number | null = null;
  for (let i = 0; ; i++) {
    if (i > 100_000) throw new Error('the run never finished the workout');
    const position = positionAt(steps, progress, from);
    if (position.done) break;
    from = { stepIndex: position.stepIndex, seconds: progress.seconds - position.stepElapsedS, metres: progress.metres - position.stepCoveredM };
    const wanted = steps[position.stepIndex]!.speedKmh;
    if (wanted !== null && position.stepElapsedS >= setAfterS) belt = wanted;
    for (let cues = 0; ; cues++) {
      if (cues > 3) throw new Error(`more than 3 cues at once at ${progress.seconds} s`);
      const { cue, said: next } = voiceCueAt(steps, position, { nowS: progress.seconds, measuredKmh: belt, unit }, said);
      said = next;
      if (cue === null) break;
      out.push({ t: Number(progress.seconds.toFixed(1)), step: cue.stepIndex, text: cue.text, sound: cue.sound });
    }
    const dt = dtS(i);
    progress = { seconds: progress.seconds + dt, metres: progress.metres + ((belt ?? 8) / 3.6) * dt };
  }
  return out;
}

describe('voiceCueAt', () => {
  const steps = plan(
    step('Easy', { kind: 'time', seconds: 60 }, 10),
    step('Hard', { kind: 'time', seconds: 60 }, 12, 2),
    step('Hold', { kind: 'distance', metres: 400 }, 12),
    step('Jog', { kind: 'time', seconds: 60 }, 8, 0),
  );

  it('says each step’s speed 5 s ahead with a sound, and when it is reached, once per step', () => {
    expect(runByVoice(steps, 'km')).to.deep.equal([
      { t: 0, step: 0, text: 'Set 10.0 km/h now', sound: true },
      { t: 5, step: 0, text: '10.0 km/h reached', sound: false },
      { t: 55, step: 1, text: 'Set 12.0 km/h and 2.0 % incline now', sound: true },
      { t: 65, step: 1, text: '12.0 km/h reached', sound: false },
      // 400 m at 12 km/h is 120 s; 5 s ahead is 16.7 m ahead at the measured speed.
      { t: 235, step: 3, text: 'Set 8.0 km/h and 0.0 % incline now', sound: true },
      { t: 245, step: 3, text: '8.0 km/h reached', sound: false },
    ]);
  });

  it('says speeds in mph with one decimal for a runner in miles', () => {
    expect(runByVoice(steps, 'mi').map((s) => s.text)).to.deep.equal([
      'Set 6.2 mph now', '6.2 mph reached', 'Set 7.5 mph and 2.0 % incline now', '7.5 mph reached', 'Set 5.0 mph and 0.0 % incline now', '5.0 mph reached',
    ]);
  });

  it('says a short first step’s speed before the next one’s', () => {
    const short = plan(step('Go', { kind: 'time', seconds: 4 }, 9), step('Run', { kind: 'time', seconds: 60 }, 11));
    expect(runByVoice(short, 'km').map((s) => `${s.t}: ${s.text}`)).to.deep.equal(['0: Set 9.0 km/h now', '0: Set 11.0 km/h now', '9: 11.0 km/h reached']);
  });

  it('counts reached only after 3 s within 2 % or 0.2 km/h', () => {
    const one = plan(step('Easy', { kind: 'time', seconds: 600 }, 15));
    const at = (nowS: number) => positionAt(one, { seconds: nowS, metres: 0 });
    let said = voiceCueAt(one, at(0), { nowS: 0, measuredKmh: null, unit: 'km' }, NOTHING_SAID).said;
    const texts: string[] = [];
    // 14.7 is within 2 % of 15 (0.3), 14.6 is not; the 3 s start again after it.
    for (const [nowS, kmh] of [[10, 14.7], [12, 14.6], [13, 14.7], [15, 14.75], [16, 15.3]] as const) {
      const r = voiceCueAt(one, at(nowS), { nowS, measuredKmh: kmh, unit: 'km' }, said);
      said = r.said;
      if (r.cue) texts.push(`${nowS}: ${r.cue.text}`);
    }
    expect(texts).to.deep.equal(['16: 15.0 km/h reached']);
    const slow = plan(step('Walk', { kind: 'time', seconds: 600 }, 5));
    const atStart = (said: VoiceCueState) => voiceCueAt(slow, positionAt(slow, { seconds: 0, metres: 0 }), { nowS: 0, measuredKmh: 4.81, unit: 'km' }, said).said;
    const s0 = atStart(atStart(NOTHING_SAID)); // the "Set", then the 3 s begin
    expect(voiceCueAt(slow, positionAt(slow, { seconds: 3, metres: 0 }), { nowS: 3, measuredKmh: 4.81, unit: 'km' }, s0).cue?.text).to.equal('5.0 km/h reached');
  });

  /** Ticks at the given times with the belt the runner has set; a skip moves to `skipTo.stepIndex` at its time. */
  function ticks(plan: readonly PlannedStep[], times: readonly number[], beltAt: (t: number) => number, skipTo: { atS: number; stepIndex: number } | null = null): string[] {
    let said: VoiceCueState = NOTHING_SAID;
    let from: StepStart = WORKOUT_START;
    let metres = 0;
    let last = 0;
    const heard: string[] = [];
    for (const t of times) {
      metres += (beltAt(last) / 3.6) * (t - last);
      last = t;
      if (skipTo !== null && t === skipTo.atS) from = { stepIndex: skipTo.stepIndex, seconds: t, metres };
      const position = positionAt(plan, { seconds: t, metres }, from);
      from = { stepIndex: position.stepIndex, seconds: t - position.stepElapsedS, metres: metres - position.stepCoveredM };
      for (let cues = 0; cues < 3; cues++) {
        const out = voiceCueAt(plan, position, { nowS: t, measuredKmh: beltAt(t), unit: 'km' }, said);
        said = out.said;
        if (out.cue === null) break;
        heard.push(`${t}: ${out.cue.text}`);
      }
    }
    return heard;
  }
  const seconds = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, k) => from + k);

  it('after a skip past a step, says the step’s speed and incline against what the runner was last told, then "reached"', () => {
    const skipped = plan(step('Easy', { kind: 'time', seconds: 60 }, 10), step('Hard', { kind: 'time', seconds: 60 }, 12, 2), step('Hold', { kind: 'time', seconds: 60 }, 12, 2));
    // The runner skips twice at 30 s, from Easy (10 km/h, flat) to Hold, and sets 12 km/h by hand at 33 s.
    const heard = ticks(skipped, seconds(0, 45), (t) => (t < 33 ? 10 : 12), { atS: 30, stepIndex: 2 });
    expect(heard).to.deep.equal(['0: Set 10.0 km/h now', '3: 10.0 km/h reached', '30: Set 12.0 km/h and 2.0 % incline now', '36: 12.0 km/h reached']);
  });

  it('says a step’s speed and incline when a gap between ticks jumps the short step before it', () => {
    const jumped = plan(step('Easy', { kind: 'time', seconds: 60 }, 10), step('Short', { kind: 'time', seconds: 3 }, 12, 2), step('Hold', { kind: 'time', seconds: 60 }, 12, 2));
    const heard = ticks(jumped, [...seconds(0, 54), ...seconds(64, 75)], (t) => (t < 66 ? 10 : 12));
    expect(heard).to.deep.equal(['0: Set 10.0 km/h now', '3: 10.0 km/h reached', '64: Set 12.0 km/h and 2.0 % incline now', '69: 12.0 km/h reached']);
  });

  it('over generated workouts and runs (ticks of 1 s or irregular): each cue once per step, in step order, reached only after set', () => {
    fc.assert(
      fc.property(shortWorkout, fc.array(fc.double({ min: 0.5, max: 3, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.boolean(), (workout, gaps, regular) => {
        const steps = planSteps(workout);
        const said = runByVoice(steps, 'km', (i) => (regular ? 1 : gaps[i % gaps.length]!), 1);
        const keys = said.map((s) => `${s.text.endsWith('reached') ? 'reached' : 'set'} ${s.step}`);
        expect(new Set(keys).size, keys.join(', ')).to.equal(keys.length);
        // Every step is run here (no skips, ticks of at most 3 s and steps longer): a "Set" for each
        // step that asks a speed or incline other than the runner was last told.
        let told: { speedKmh: number | null; inclinePercent: number | null } = { speedKmh: null, inclinePercent: null };
        const changes = steps.filter((s) => {
          const changed = (s.speedKmh !== null && s.speedKmh !== told.speedKmh) || (s.inclinePercent !== null && s.inclinePercent !== told.inclinePercent);
          told = { speedKmh: s.speedKmh ?? told.speedKmh, inclinePercent: s.inclinePercent ?? told.inclinePercent };
          return changed;
        });
        expect(keys.filter((k) => k.startsWith('set')), 'a "Set" for every step that changes the belt').to.have.members(changes.map((s) => `set ${s.index}`));
        for (const kind of ['set', 'reached']) {
          const order = keys.filter((k) => k.startsWith(kind)).map((k) => Number(k.split(' ')[1]));
          expect(order, `${kind} in step order`).to.deep.equal([...order].sort((a, b) => a - b));
        }
        said.forEach((s, i) => {
          if (s.text.startsWith('Set')) expect(s.sound).to.equal(true);
          else {
            // Reached after a "Set" of that speed, for this step or (the runner slower than the belt) one before.
            const setOfIt = said.findIndex((o, k) => k < i && o.text.startsWith('Set') && o.step <= s.step && o.text.includes(s.text.replace(' reached', '')));
            expect(setOfIt, `reached ${s.step} after a set of its speed`).to.be.within(0, i - 1);
          }
        });
      }),
      { numRuns: invariantRuns(80) },
    );
  });
});
