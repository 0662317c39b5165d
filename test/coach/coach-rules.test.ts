import { expect } from '@open-wc/testing';
import { CoachRules } from '../../src/coach/coach-rules.js';
import { type CoachSettings, defaultCoachSettings } from '../../src/session/coach-settings.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { techniquePrompts } from '../../src/coach/technique-prompts.js';
import { feed, seededRandom, timesOf } from './coach-feed.js';

const coach = (changes: (s: CoachSettings) => CoachSettings = (s) => s): CoachSettings =>
  changes(structuredClone(defaultCoachSettings));

describe('CoachRules', () => {
  it('gives cues and check-ins together with the default settings', () => {
    const rules = new CoachRules(coach(), defaultCadenceZones, techniquePrompts, seededRandom(3));
    const events = feed(rules, 0, 660, { cadence: 150 });
    expect(timesOf(events, 'cue')).to.deep.equal([60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 660]);
    expect(timesOf(events, 'check-in')).to.deep.equal([300, 600]);
    // On a shared second the cue comes first.
    expect(events.filter((e) => e.atS === 300).map((e) => e.kind)).to.deep.equal(['cue', 'check-in']);
  });

  it('still produces events when muted: the outputs side decides what is heard, the screen shows them', () => {
    const rules = new CoachRules(coach((s) => ({ ...s, muted: true })), defaultCadenceZones, techniquePrompts, seededRandom(3));
    const events = feed(rules, 0, 300, { cadence: 150 });
    expect(timesOf(events, 'cue')).to.deep.equal([60, 120, 180, 240, 300]);
    expect(timesOf(events, 'check-in')).to.deep.equal([300]);
  });

  it('follows new settings and zones mid-run', () => {
    const rules = new CoachRules(coach(), defaultCadenceZones, techniquePrompts, seededRandom(3));
    expect(timesOf(feed(rules, 0, 100, { cadence: 165 }), 'cue')).to.deep.equal([60]);
    rules.configure(
      coach((s) => ({ ...s, cues: { ...s.cues, enabled: false }, checkIns: { ...s.checkIns, everyMin: 0 } })),
      defaultCadenceZones,
    );
    expect(feed(rules, 101, 1000, { cadence: 165 })).to.deep.equal([]);
    rules.configure(coach(), { buildingFrom: 150, targetFrom: 160, targetTo: 170 });
    // 165 is inside the new target zone; check-ins are back every 5 minutes from the last (none yet).
    expect(feed(rules, 1001, 1200, { cadence: 165 }).map((e) => [e.kind, e.atS])).to.deep.equal([['check-in', 1001]]);
  });

  it('reset starts a new session for both rules', () => {
    const rules = new CoachRules(coach(), defaultCadenceZones, techniquePrompts, seededRandom(3));
    feed(rules, 0, 299, { cadence: 150 });
    rules.reset();
    const events = feed(rules, 0, 300, { cadence: 150 });
    expect(timesOf(events, 'cue')).to.deep.equal([60, 120, 180, 240, 300]);
    expect(timesOf(events, 'check-in')).to.deep.equal([300]);
  });
});
