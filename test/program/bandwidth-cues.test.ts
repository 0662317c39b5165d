import { expect } from '@open-wc/testing';
import { BandwidthCues, bandwidthWords } from '../../src/program/bandwidth-cues.js';
import { cueWords } from '../../src/coach/zone-cues.js';
import type { CoachEvent, CoachInput } from '../../src/coach/coach-events.js';

type Given = Partial<Omit<CoachInput, 'timeS'>> & { allowed?: boolean };

/** Inputs at fromS, fromS + stepS, … up to toS: running, not paused, cues allowed, unless told. */
function feed(rule: BandwidthCues, fromS: number, toS: number, given: Given | ((timeS: number) => Given), stepS = 1): CoachEvent[] {
  const events: CoachEvent[] = [];
  for (let k = 0; fromS + k * stepS <= toS + 1e-9; k++) {
    const timeS = fromS + k * stepS;
    const g = typeof given === 'function' ? given(timeS) : given;
    events.push(...rule.update({ cadence: 172, running: true, paused: false, allowed: true, ...g, timeS }));
  }
  return events;
}
const times = (events: readonly CoachEvent[]): number[] => events.map((e) => e.atS);

describe('BandwidthCues: the 3 % band', () => {
  it('says nothing at exactly 3 % off, above or below', () => {
    // 200 × 1.03 and 200 × 0.97: exactly on the band's edges.
    expect(feed(new BandwidthCues(200), 0, 600, { cadence: 206 })).to.deep.equal([]);
    expect(feed(new BandwidthCues(200), 0, 600, { cadence: 194 })).to.deep.equal([]);
    expect(feed(new BandwidthCues(172), 0, 600, { cadence: 172 * 1.03 })).to.deep.equal([]);
    expect(feed(new BandwidthCues(172), 0, 600, { cadence: 172 * 0.97 })).to.deep.equal([]);
  });

  it('cues at 3.1 % off, low below and high above, once a full 30 s of running is heard', () => {
    const low = feed(new BandwidthCues(200), 0, 40, { cadence: 193.8 });
    expect(low).to.have.length(1);
    expect(low[0]).to.deep.include({ kind: 'cue', direction: 'low', atS: 30 });
    const high = feed(new BandwidthCues(200), 0, 40, { cadence: 206.2 });
    expect(high[0]).to.deep.include({ kind: 'cue', direction: 'high', atS: 30 });
  });

  it('speaks the cadence, the target and the zone cues\' advice', () => {
    const [cue] = feed(new BandwidthCues(172), 0, 30, { cadence: 160 });
    expect(cue).to.deep.include({ spoken: bandwidthWords('low', 160, 172) });
    expect(bandwidthWords('low', 160.4, 172)).to.equal(`Cadence 160, aim for 172. ${cueWords('low', 160).replace('Cadence 160. ', '')}`);
    expect(bandwidthWords('high', 185, 172)).to.equal(`Cadence 185, aim for 172. ${cueWords('high', 185).replace('Cadence 185. ', '')}`);
  });
});

describe('BandwidthCues: timing', () => {
  it('cues at most once per 30 s while the cadence stays off', () => {
    expect(times(feed(new BandwidthCues(172), 0, 130, { cadence: 160 }))).to.deep.equal([30, 60, 90, 120]);
  });

  it('judges the mean of the last 30 s: a short dip inside a steady half-minute says nothing', () => {
    const events = feed(new BandwidthCues(172), 0, 300, (t) => ({ cadence: t >= 100 && t < 105 ? 150 : 172 }));
    expect(events).to.deep.equal([]);
  });

  it('leaves a walk or pause of under 10 s out of the window: it neither fills it nor empties it', () => {
    // 20 s running at 160, walking for 9 s (t = 21-29), then running at 160. As every coach clock, a
    // step counts when the runner ran at both ends, so 29 → 30 is not running and the 30th second ends at 40.
    const walked = feed(new BandwidthCues(172), 0, 70, (t) => (t > 20 && t <= 29 ? { cadence: 100, running: false } : { cadence: 160 }));
    expect(times(walked)).to.deep.equal([40, 70]);
    const paused = feed(new BandwidthCues(172), 0, 70, (t) => (t > 20 && t <= 29 ? { paused: true, cadence: 160 } : { cadence: 160 }));
    expect(times(paused)).to.deep.equal([40, 70]);
  });

  it('starts the window afresh after 10 s or more not running: a cue never speaks of the cadence before the break', () => {
    // 20 s running at 150 (well off), 10 s of walking (t = 21-30), then at the target: nothing to say.
    const walked = feed(new BandwidthCues(172), 0, 200, (t) => (t <= 20 ? { cadence: 150 } : t <= 30 ? { cadence: 100, running: false } : { cadence: 172 }));
    expect(walked).to.deep.equal([]);
    // The same at 160 after the walk: a full 30 s of running from t = 31 → 32, so the first cue is at 61.
    const again = feed(new BandwidthCues(172), 0, 61, (t) => (t > 20 && t <= 30 ? { cadence: 100, running: false } : { cadence: 160 }));
    expect(times(again)).to.deep.equal([61]);
    const paused = feed(new BandwidthCues(172), 0, 61, (t) => (t > 20 && t <= 30 ? { paused: true, cadence: 160 } : { cadence: 160 }));
    expect(times(paused)).to.deep.equal([61]);
  });

  it('starts afresh after a pause with no inputs at all (the clock jumps 10 s or more), not after a shorter lost link', () => {
    const rule = new BandwidthCues(172);
    feed(rule, 0, 20, { cadence: 150 });
    expect(times(feed(rule, 30, 80, { cadence: 172 }))).to.deep.equal([]);
    const shorter = new BandwidthCues(172);
    feed(shorter, 0, 20, { cadence: 160 });
    // 20 → 26: a 6 s gap, not counted, not a break: 20 s + 4 s to t = 30 … the 30th second ends at 36.
    expect(times(feed(shorter, 26, 40, { cadence: 160 }))).to.deep.equal([36]);
  });

  it('starts afresh when the metronome comes back on: a full 30 s of OFF running is needed', () => {
    const events = feed(new BandwidthCues(172), 0, 100, (t) => ({ cadence: 160, allowed: !(t >= 20 && t < 40) }));
    // Allowed again at t = 40: the second before it (39 → 40) was the metronome's, so the first
    // second heard is 40 → 41.
    expect(times(events)).to.deep.equal([70, 100]);
  });

  it('never cues while not allowed', () => {
    expect(feed(new BandwidthCues(172), 0, 300, { cadence: 120, allowed: false })).to.deep.equal([]);
  });

  it('forgets everything on reset', () => {
    const rule = new BandwidthCues(172);
    feed(rule, 0, 25, { cadence: 160 });
    rule.reset();
    expect(times(feed(rule, 0, 40, { cadence: 160 }))).to.deep.equal([30]);
  });

  it('says in words when it has no target', () => {
    expect(() => new BandwidthCues(Number.NaN)).to.throw(RangeError, /target/);
    expect(() => new BandwidthCues(0)).to.throw(RangeError, /target/);
  });
});
