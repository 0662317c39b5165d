// Issue 17: "The metronome starts at the plan's target when there is one". Settings offers
// "Follow my cadence plan (Weeks) when I have one" (followPlan). A runner who once typed a rate
// (180) and later ticks "Follow my cadence plan" with an accepted plan step of 170–175 (target
// 172.5, the middle, as CoachService#rateFor computes it) still gets their old 180: metronomeRate
// takes settings.rateSpm before the plan (`settings.rateSpm ?? plan`).
// Runner at 172 steps/min: 5 % above is 180.6, so the cap does not hide it.
// Expected: the plan's target, Math.round(172.5) = 173. Actual: 180.
import { expect } from '@open-wc/testing';
import { metronomeRate } from '../../src/coach/metronome-rate.js';
import { defaultCoachSettings } from '../../src/session/coach-settings.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

describe('repro: "Follow my cadence plan" with a rate typed earlier', () => {
  it('control: without a typed rate the plan’s 173 is used', () => {
    expect(metronomeRate({ ...defaultCoachSettings.metronome, followPlan: true }, defaultCadenceZones, 172.5, 172)).to.equal(173);
  });
  it('starts at the plan’s target, 173, not the typed 180', () => {
    const settings = { ...defaultCoachSettings.metronome, rateSpm: 180, followPlan: true };
    expect(metronomeRate(settings, defaultCadenceZones, 172.5, 172)).to.equal(173);
  });
});
