// Properties of the bandwidth cues over generated inputs: silence while every half-minute of
// running is within 3 % of the target, a cue once a half-minute of running is more than 3 % off,
// walking, pauses and the metronome's stretches neither filling nor emptying the half-minute
// wrongly (a break of 10 s or more not running empties it), whatever the time steps.

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { maxStepS } from '../../src/coach/active-time.js';
import type { CoachEvent, CoachInput } from '../../src/coach/coach-events.js';
import { BANDWIDTH, BANDWIDTH_EVERY_S, BANDWIDTH_WINDOW_S, BandwidthCues, BREAK_S } from '../../src/program/bandwidth-cues.js';

type Input = CoachInput & { allowed: boolean };

const run = (target: number, inputs: readonly Input[]): { input: Input; events: CoachEvent[] }[] => {
  const rule = new BandwidthCues(target);
  return inputs.map((input) => ({ input, events: rule.update(input) }));
};
const cueTimes = (target: number, inputs: readonly Input[]): number[] =>
  run(target, inputs).flatMap(({ events }) => events.map((e) => e.atS));

const targets = fc.integer({ min: 140, max: 200 });
const steps = fc.oneof(fc.constant(1), fc.double({ min: 0.2, max: 3, noNaN: true }));

/** What the runner does for a spell of inputs, apart from the cadence. */
const kinds = fc.constantFrom('run', 'run', 'run', 'walk', 'pause', 'metronome', 'gap');

interface Spell {
  kind: string;
  /** Inputs in the spell (a 'gap' is one input after a jump of jumpS). */
  count: number;
  stepS: number;
  jumpS: number;
  /** The cadence walking and paused inputs carry: anything at all, as none of it may count. */
  wild: number;
}

/** Inputs with times from the spells' steps, each running one at a cadence the caller picks by index. */
function inputsOf(spells: readonly Spell[], cadence: (k: number) => number): Input[] {
  let timeS = 0;
  const inputs: Input[] = [];
  for (const spell of spells) {
    for (let j = 0; j < (spell.kind === 'gap' ? 1 : spell.count); j++) {
      timeS += spell.kind === 'gap' ? spell.jumpS : spell.stepS;
      const still = spell.kind === 'walk' || spell.kind === 'pause';
      inputs.push({
        timeS,
        cadence: still ? spell.wild : cadence(inputs.length),
        running: spell.kind !== 'walk',
        paused: spell.kind === 'pause',
        allowed: spell.kind !== 'metronome',
      });
    }
  }
  return inputs;
}

const items = fc.array(
  fc.record({
    kind: kinds,
    count: fc.integer({ min: 1, max: 80 }),
    stepS: steps,
    jumpS: fc.double({ min: 6, max: 60, noNaN: true }),
    wild: fc.oneof(fc.constant(0), fc.constant(Number.NaN), fc.integer({ min: 40, max: 260 })),
  }),
  { minLength: 1, maxLength: 20, size: 'max' },
);

describe('BandwidthCues: properties', () => {
  it('never cues when every running second is within 3 % of the target, whatever the walking, pauses and steps', () => {
    fc.assert(
      fc.property(targets, items, fc.array(fc.double({ min: -BANDWIDTH, max: BANDWIDTH, noNaN: true }), { minLength: 1 }), (target, given, offs) => {
        const inputs = inputsOf(given, (k) => target * (1 + offs[k % offs.length]!));
        expect(cueTimes(target, inputs)).to.deep.equal([]);
      }),
    );
  });

  it('never cues when each second is off but every 30-s mean is within 3 %', () => {
    fc.assert(
      fc.property(targets, fc.double({ min: -0.025, max: 0.025, noNaN: true }), fc.double({ min: 0, max: 0.15, noNaN: true }), (target, off, swing) => {
        // Alternating above and below by `swing`: any 30 whole seconds hold 15 of each.
        const inputs = Array.from({ length: 600 }, (_, k): Input => ({
          timeS: k,
          cadence: target * (1 + off + (k % 2 === 0 ? swing : -swing)),
          running: true,
          paused: false,
          allowed: true,
        }));
        expect(cueTimes(target, inputs)).to.deep.equal([]);
      }),
    );
  });

  it('cues exactly when 30 s of running more than 3 % off have been heard since the OFF stretch began, the last cue or the last break', () => {
    fc.assert(
      fc.property(targets, items, fc.double({ min: 0.031, max: 0.2, noNaN: true }), fc.boolean(), (target, given, off, low) => {
        const cadence = target * (low ? 1 - off : 1 + off);
        const inputs = inputsOf(given, () => cadence);
        // The reference count: a step is heard when the runner ran at both of its ends, it is no
        // gap, and cues were allowed at both ends; the metronome coming on empties the count, and
        // so does running again after BREAK_S or more not running (up to the last input, or a gap's end).
        let heardS = 0;
        let previous: Input | null = null;
        let lastActiveS: number | null = null;
        for (const { input, events } of run(target, inputs)) {
          const stepS = previous === null ? 0 : input.timeS - previous.timeS;
          const active = (i: Input) => i.running && !i.paused && Number.isFinite(i.cadence) && i.cadence > 0;
          if (active(input)) {
            const untilS = previous === null || stepS > maxStepS ? input.timeS : previous.timeS;
            if (lastActiveS !== null && untilS - lastActiveS >= BREAK_S - 1e-9) heardS = 0;
            lastActiveS = input.timeS;
          }
          if (!input.allowed) heardS = 0;
          else if (previous !== null && previous.allowed && active(input) && active(previous) && stepS <= maxStepS) heardS += stepS;
          previous = input;
          const due = heardS >= BANDWIDTH_WINDOW_S - 1e-9;
          expect(events.length, `at ${input.timeS} s with ${heardS} s heard`).to.equal(due ? 1 : 0);
          if (due) {
            expect(events[0]).to.deep.include({ kind: 'cue', direction: low ? 'low' : 'high' });
            expect(events[0]!.kind === 'cue' && events[0]!.cadence).to.be.closeTo(cadence, 1e-9 * cadence);
            heardS = 0;
          }
        }
      }),
    );
  });

  it('cues within 30 s of running (+ one step) after the cadence goes more than 3 % off, however long it was in before', () => {
    fc.assert(
      fc.property(targets, fc.integer({ min: 0, max: 1200 }), fc.double({ min: 0.031, max: 0.2, noNaN: true }), steps, (target, inS, off, stepS) => {
        const inputs: Input[] = [];
        for (let k = 0; k * stepS <= inS + 60; k++) {
          const timeS = k * stepS;
          inputs.push({ timeS, cadence: timeS < inS ? target : target * (1 + off), running: true, paused: false, allowed: true });
        }
        const first = cueTimes(target, inputs)[0];
        expect(first).to.not.equal(undefined);
        expect(first! - inS).to.be.at.most(BANDWIDTH_WINDOW_S + stepS + 1e-9);
      }),
    );
  });

  it('cues at most once per 30 s of the session clock, whatever the cadence does', () => {
    const cadences = fc.array(fc.oneof(fc.double({ min: 0, max: 300 }), fc.constant(Number.NaN)), { minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(targets, items, cadences, fc.integer({ min: 1, max: 60 }), (target, given, values, hold) => {
        // Each cadence held for `hold` inputs, so some stretches are in the band and some far off.
        const times = cueTimes(target, inputsOf(given, (k) => values[Math.floor(k / hold) % values.length]!));
        for (let k = 1; k < times.length; k++) expect(times[k]! - times[k - 1]!).to.be.at.least(BANDWIDTH_EVERY_S - 1e-9);
      }),
    );
  });

  it('cues at the same moments at 1, 2, 4 or 5 inputs a second', () => {
    fc.assert(
      fc.property(targets, fc.constantFrom(1, 2, 4, 5), fc.double({ min: 0.031, max: 0.2, noNaN: true }), (target, perSecond, off) => {
        const inputs = Array.from({ length: 200 * perSecond + 1 }, (_, k): Input => ({
          timeS: k / perSecond,
          cadence: target * (1 - off),
          running: true,
          paused: false,
          allowed: true,
        }));
        const times = cueTimes(target, inputs);
        expect(times.length).to.equal(6);
        times.forEach((t, k) => expect(t).to.be.closeTo(30 * (k + 1), 1e-9));
      }),
    );
  });
});
