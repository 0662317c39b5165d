// Issue 17: "The metronome starts ... at most 5 % above [the runner's current cadence]".
// metronomeRate rounds the ceiling (Math.round(cadence × 1.05)), so a ceiling ending in .5 or
// more is rounded UP past 5 %. Expected values: the largest whole rate that is not above
// cadence × 1.05, i.e. Math.floor(cadence × 1.05) (the rate is a whole steps/min number).
//   - cadence 150, no plan target above it (plan 175): 150 × 1.05 = 157.5  → at most 157; code says 158 (5.33 % above).
//   - cadence 164.3, plan 175:                         164.3 × 1.05 = 172.515 → at most 172; code says 173 (5.30 % above).
//   - cadence 160, runner's own rate 180:              160 × 1.05 = 168 exactly → 168 (holds, a control).
import { expect } from '@open-wc/testing';
import { metronomeRate } from '../../src/coach/metronome-rate.js';
import { defaultCoachSettings } from '../../src/session/coach-settings.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

const following = { ...defaultCoachSettings.metronome, followPlan: true };

describe('repro: the metronome start rate is never more than 5 % above the cadence', () => {
  it('control: 160 with a 180 rate starts at 168 (exactly 5 %)', () => {
    expect(metronomeRate({ ...defaultCoachSettings.metronome, rateSpm: 180 }, defaultCadenceZones, null, 160)).to.equal(168);
  });

  it('plan 175, runner at 150: at most 157 (150 × 1.05 = 157.5)', () => {
    const rate = metronomeRate(following, defaultCadenceZones, 175, 150);
    expect(rate / 150 - 1, `rate ${rate} is ${(100 * (rate / 150 - 1)).toFixed(2)} % above 150`).to.be.at.most(0.05);
    expect(rate).to.equal(157);
  });

  it('plan 175, runner at 164.3: at most 172 (164.3 × 1.05 = 172.515)', () => {
    const rate = metronomeRate(following, defaultCadenceZones, 175, 164.3);
    expect(rate / 164.3 - 1, `rate ${rate} is ${(100 * (rate / 164.3 - 1)).toFixed(2)} % above 164.3`).to.be.at.most(0.05);
    expect(rate).to.equal(172);
  });
});
