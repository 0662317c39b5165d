// Runs of spells as a pod sees them, second by second, for gait properties: running (150-195
// steps/min, 2.2-5 m/s), walking (90-135 steps/min, 0.8-1.9 m/s in steps of 0.5-1.0 m, as people
// walk: 90/min at 1.9 m/s would be 1.27 m steps, which the steps-or-strides rule rightly reads as a
// strides pod on a slow jog), standing (no steps, no speed)
// and link losses (no readings for a while). Each spell also carries a random walking/running bit,
// what a pod without the status feature might send (they send 0; a broken one anything).

import fc from 'fast-check';

export type GaitSpell =
  | { kind: 'run' | 'walk'; seconds: number; cadence: number; speedMps: number; junkBit: boolean }
  | { kind: 'stand'; seconds: number; cadence: 0; speedMps: 0; junkBit: boolean }
  | { kind: 'lost'; seconds: number; cadence: 0; speedMps: 0; junkBit: boolean };

const moving = (kind: 'run' | 'walk', cadence: fc.Arbitrary<number>, speedMps: fc.Arbitrary<number>, maxS: number) =>
  fc.record({
    kind: fc.constant(kind),
    seconds: fc.integer({ min: 3, max: maxS }),
    cadence,
    speedMps,
    junkBit: fc.boolean(),
  });

const still = (kind: 'stand' | 'lost', maxS: number) =>
  fc.record({ kind: fc.constant(kind), seconds: fc.integer({ min: 2, max: maxS }), cadence: fc.constant(0 as const), speedMps: fc.constant(0 as const), junkBit: fc.boolean() });

const spell: fc.Arbitrary<GaitSpell> = fc.oneof(
  { weight: 4, arbitrary: moving('run', fc.integer({ min: 150, max: 195 }), fc.double({ min: 2.2, max: 5, noNaN: true }), 120) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 90, max: 135 }), fc.double({ min: 0.5, max: 1.0, noNaN: true }))
      .chain(([cadence, stepM]) => moving('walk', fc.constant(cadence), fc.constant(Math.min(1.9, Math.max(0.8, (cadence / 60) * stepM))), 60)),
  },
  { weight: 1, arbitrary: still('stand', 30) },
  { weight: 1, arbitrary: still('lost', 20) },
);

/** A run of 1 to 8 spells: up to about 12 minutes. */
export const generatedGaitRun: fc.Arbitrary<GaitSpell[]> = fc.array(spell, { minLength: 1, maxLength: 8 });
