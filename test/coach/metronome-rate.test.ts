import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { metronomeRate, nudgedRate, RATE_STEP_SPM } from '../../src/coach/metronome-rate.js';
import { defaultCoachSettings, METRONOME_MAX_SPM, METRONOME_MIN_SPM, type MetronomeSettings } from '../../src/session/coach-settings.js';
import { type CadenceZones, defaultCadenceZones } from '../../src/session/zones.js';
import { invariantRuns } from '../support/invariant-runs.js';

const settings = (change: Partial<MetronomeSettings> = {}): MetronomeSettings => ({ ...defaultCoachSettings.metronome, ...change });
const following = settings({ followPlan: true });

describe('metronomeRate at the start', () => {
  const cases: Array<[string, MetronomeSettings, number | null, number | null, number]> = [
    ['the plan’s 175 for a runner at 158: 165, at most 5 % above 158 (165.9), not 175', following, 175, 158, 165],
    ['the runner’s own cadence, rounded, with no plan (not the zone’s 175)', settings(), null, 158.4, 158],
    ['the plan’s target when the runner already runs near it', following, 175, 172, 175],
    ['the plan’s target when the runner runs above it (never raised to the cadence)', following, 172, 181, 172],
    ['the plan’s target before the pod reads a cadence', following, 171, null, 171],
    ['the middle of the target zone with neither', settings(), null, null, 175],
    ['the plan only when the runner follows it', settings(), 168, 165, 165],
    ['the runner’s own rate, also at most 5 % above', settings({ rateSpm: 180 }), null, 160, 168],
    ['157 for a runner at 150 (157.5 is 5 % above: rounded down, never up to 158)', following, 175, 150, 157],
    ['172 for a runner at 164.3 (172.515 rounded down)', following, 175, 164.3, 172],
    ['the plan’s target over a rate typed earlier, when following the plan', settings({ rateSpm: 180, followPlan: true }), 172.5, 172, 173],
    ['the runner’s own rate when following a plan there is none of', settings({ rateSpm: 180, followPlan: true }), null, 175, 180],
    ['the lowest rate, 140, for a walk at 110', following, 175, 110, 140],
  ];
  for (const [name, metronome, plan, cadence, expected] of cases) {
    it(`is ${name}`, () => expect(metronomeRate(metronome, defaultCadenceZones, plan, cadence)).to.equal(expected));
  }

  it('never starts more than 5 % above a running cadence, nor outside 140-220, and picks the plan when following one, whatever the settings', () => {
    const zones = fc
      .tuple(fc.integer({ min: 120, max: 200 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }))
      .map(([buildingFrom, a, b]): CadenceZones => ({ buildingFrom, targetFrom: buildingFrom + a, targetTo: buildingFrom + a + b }));
    const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
    fc.assert(
      fc.property(
        fc.record({
          rateSpm: optional(fc.integer({ min: METRONOME_MIN_SPM, max: METRONOME_MAX_SPM })),
          everyStep: fc.boolean(),
          volume: fc.double({ min: 0, max: 1, noNaN: true }),
          followPlan: fc.boolean(),
        }),
        zones,
        // Tenths of a step: fc.double would spend most runs between 0 and 1.
        optional(fc.integer({ min: 1000, max: 2400 }).map((tenths) => tenths / 10)),
        optional(fc.integer({ min: 0, max: 2600 }).map((tenths) => tenths / 10)),
        (metronome, zoneSet, plan, cadence) => {
          const rate = metronomeRate(metronome, zoneSet, plan, cadence);
          expect(Number.isInteger(rate)).to.equal(true);
          expect(rate).to.be.within(METRONOME_MIN_SPM, METRONOME_MAX_SPM);
          // A cadence whose 5 % lies inside the metronome's range is a running one: the start keeps
          // to it, measured against the cadence itself (a whole rate rounded up past 5 % is above it).
          if (cadence !== null && cadence > 0 && cadence * 1.05 >= METRONOME_MIN_SPM) {
            expect(rate / cadence - 1, `${rate} at ${cadence}`).to.be.at.most(0.05 + 1e-12);
          }
          // Before a cadence: the plan's target when followed and there is one, else the runner's rate, else the zone's middle.
          if (cadence === null) {
            const target = metronome.followPlan && plan !== null ? plan : (metronome.rateSpm ?? (zoneSet.targetFrom + zoneSet.targetTo) / 2);
            expect(rate, 'the target').to.equal(Math.min(METRONOME_MAX_SPM, Math.max(METRONOME_MIN_SPM, Math.round(target))));
          }
        },
      ),
      { numRuns: invariantRuns(500) },
    );
  });
});

describe('nudgedRate', () => {
  it(`moves ${RATE_STEP_SPM} steps/min a press, within 140-220`, () => {
    expect(nudgedRate(166, 1)).to.equal(168);
    expect(nudgedRate(166, -1)).to.equal(164);
    expect(nudgedRate(219, 1)).to.equal(220);
    expect(nudgedRate(141, -1)).to.equal(140);
  });
});
