// Running at one pace, and running at other paces to add to it: for tests of what the share at a
// pace (the plan's usual pace) may depend on. A speed band is 0.5 m/s wide (SPEED_BAND_MPS); the
// running at one band keeps to its inside, the other running keeps out of it. Cadences whole and
// fractional, as generated-runs-with-walks makes them.

import fc from 'fast-check';
import { SPEED_BAND_MPS } from '../../src/session/recorded-session.js';
import type { Second } from './generated-runs-with-walks.js';

const cadenceOf = (tenths: number, whole: boolean, i: number): number => (whole ? Math.round(tenths / 10) + (i % 3) - 1 : (tenths + (i % 7)) / 10);

/** Running seconds all inside speed band `band`, cadences 150-195. */
export function generatedRunningInBand(band: number): fc.Arbitrary<Second[]> {
  const from = band * SPEED_BAND_MPS;
  return fc
    .array(
      fc.record({
        seconds: fc.integer({ min: 1, max: 90 }),
        tenths: fc.integer({ min: 1500, max: 1950 }),
        whole: fc.boolean(),
        // A hair inside both edges, so the float32 columns cannot move a speed across one.
        speedMps: fc.double({ min: from + 0.01, max: from + SPEED_BAND_MPS - 0.01, noNaN: true }),
      }),
      { minLength: 1, maxLength: 10 },
    )
    .map((spells) =>
      spells.flatMap(({ seconds, tenths, whole, speedMps }) =>
        Array.from({ length: seconds }, (_, i): Second => ({ cadence: cadenceOf(tenths, whole, i), speedMps, running: true })),
      ),
    );
}

/** A spell of running outside speed band `band` (slower or faster, 2.0-5.5 m/s), to go after the running second `after`. */
export interface OtherPaceSpell {
  after: number;
  seconds: Second[];
}

export function generatedRunningAtOtherPaces(band: number, most = { spells: 5, seconds: 100 }): fc.Arbitrary<OtherPaceSpell[]> {
  const from = band * SPEED_BAND_MPS;
  const to = from + SPEED_BAND_MPS;
  const speed = fc.oneof(fc.double({ min: 2.0, max: from - 0.01, noNaN: true }), fc.double({ min: to + 0.01, max: 5.5, noNaN: true }));
  return fc.array(
    fc
      .record({ after: fc.nat(), seconds: fc.integer({ min: 1, max: most.seconds }), tenths: fc.integer({ min: 1500, max: 1990 }), whole: fc.boolean(), speedMps: speed })
      .map(({ after, seconds, tenths, whole, speedMps }) => ({
        after,
        seconds: Array.from({ length: seconds }, (_, i): Second => ({ cadence: cadenceOf(tenths, whole, i), speedMps, running: true })),
      })),
    { minLength: 1, maxLength: most.spells },
  );
}

/** The running with the other-pace spells inserted after some of its seconds, never before the first (which owns no time). */
export function withRunningAtOtherPaces(running: readonly Second[], spells: readonly OtherPaceSpell[]): Second[] {
  const seconds: Second[] = [];
  running.forEach((second, i) => {
    seconds.push(second);
    for (const spell of spells) if (spell.after % running.length === i) seconds.push(...spell.seconds);
  });
  return seconds;
}
