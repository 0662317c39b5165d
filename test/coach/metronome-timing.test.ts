import { expect } from '@open-wc/testing';
import { BeatClock, beatIntervalS, metronomeRate, middleOfTarget } from '../../src/coach/metronome-timing.js';
import { defaultCoachSettings, type MetronomeSettings } from '../../src/session/coach-settings.js';
import { type CadenceZones, defaultCadenceZones } from '../../src/session/zones.js';

/** Asks for beats the way a look-ahead scheduler does: every `tickS`, up to now + `aheadS`. */
function schedule(clock: BeatClock, fromS: number, toS: number, tickS = 0.025, aheadS = 0.1): number[] {
  const beats: number[] = [];
  let previousUntil = Number.NEGATIVE_INFINITY;
  for (let k = 0; fromS + k * tickS <= toS; k++) {
    const untilS = fromS + k * tickS + aheadS;
    const due = clock.due(untilS);
    for (const beat of due) {
      expect(beat, 'inside the window asked for').to.be.greaterThan(previousUntil).and.at.most(untilS);
    }
    beats.push(...due);
    previousUntil = untilS;
  }
  return beats;
}

describe('beatIntervalS', () => {
  it('is one step’s time, or two steps’ time on every second step', () => {
    expect(beatIntervalS(175, true)).to.equal(60 / 175);
    expect(beatIntervalS(175, false)).to.equal(120 / 175);
    expect(beatIntervalS(120, true)).to.equal(0.5);
  });

  it('refuses a rate that is not a positive number', () => {
    for (const rate of [0, -170, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => beatIntervalS(rate, true), String(rate)).to.throw(RangeError, /positive number of steps per minute/);
    }
  });
});

describe('BeatClock', () => {
  it('hands out 10 minutes at 175 spm, each beat within 1e-9 s of start + k × 60/175, each once', () => {
    const startS = 3.217;
    const clock = new BeatClock(startS, 175, true);
    const beats = schedule(clock, startS, startS + 600);
    // 600 s × 175/60 = 1750 intervals: beats k = 0…1750, the last at exactly start + 600.
    expect(beats).to.have.length(1751);
    beats.forEach((beat, k) => expect(Math.abs(beat - (startS + (k * 60) / 175)), `beat ${k}`).to.be.below(1e-9));
    expect(clock.lastBeatS).to.equal(beats[1750]);
  });

  it('clicks half as often on every second step', () => {
    const startS = 3.217;
    const every = schedule(new BeatClock(startS, 175, true), startS, startS + 600);
    const second = schedule(new BeatClock(startS, 175, false), startS, startS + 600);
    expect(second).to.have.length(876);
    expect(second.length).to.equal(Math.ceil(every.length / 2));
    second.forEach((beat, k) => expect(Math.abs(beat - every[2 * k]!), `beat ${k}`).to.be.below(1e-9));
  });

  it('hands out nothing before the start, and nothing twice when asked again for the same time', () => {
    const clock = new BeatClock(10, 120, true);
    expect(clock.due(9.99)).to.deep.equal([]);
    expect(clock.due(10)).to.deep.equal([10]);
    expect(clock.due(10)).to.deep.equal([]);
    expect(clock.due(11)).to.deep.equal([10.5, 11]);
    expect(clock.due(10.9)).to.deep.equal([]);
  });

  it('refuses an endless or unknown horizon instead of looping or going quiet', () => {
    const clock = new BeatClock(0, 175, true);
    expect(() => clock.due(Number.POSITIVE_INFINITY)).to.throw(RangeError);
    expect(() => clock.due(Number.NaN)).to.throw(RangeError);
    expect(() => new BeatClock(Number.NaN, 175, true)).to.throw(RangeError);
  });

  it('retimes mid-stream from the last beat handed out: no gap, no double beat', () => {
    const startS = 1;
    const clock = new BeatClock(startS, 170, true);
    const before = schedule(clock, startS, 30);
    const lastS = before[before.length - 1]!;
    clock.retime(180, true, 30);
    const after = schedule(clock, 30.025, 90);
    expect(after[0]).to.equal(lastS + 60 / 180);
    after.forEach((beat, k) => expect(Math.abs(beat - (lastS + ((k + 1) * 60) / 180)), `beat ${k}`).to.be.below(1e-9));

    const beats = [...before, ...after];
    for (let i = 1; i < beats.length; i++) {
      const stepS = beats[i]! - beats[i - 1]!;
      expect(stepS, `step ${i}`).to.be.within(60 / 180 - 1e-9, 60 / 170 + 1e-9);
    }
  });

  it('retimes to every second step and back without a gap beyond the slower interval', () => {
    const clock = new BeatClock(0, 175, true);
    const a = clock.due(20);
    clock.retime(175, false, 20);
    const b = clock.due(40);
    clock.retime(175, true, 40);
    const c = clock.due(60);
    expect(b[0]! - a[a.length - 1]!).to.be.closeTo(120 / 175, 1e-9);
    expect(c[0]! - b[b.length - 1]!).to.be.closeTo(60 / 175, 1e-9);
  });

  it('retimed before the first beat keeps the start; an overdue next beat comes at fromS, not in the past', () => {
    const early = new BeatClock(5, 170, true);
    early.retime(180, true, 1);
    expect(early.due(5.9)).to.deep.equal([5, 5 + 60 / 180, 5 + 120 / 180]);

    const late = new BeatClock(0, 120, true);
    expect(late.due(1)).to.deep.equal([0, 0.5, 1]);
    late.retime(180, true, 4);
    expect(late.nextBeatS).to.equal(4);
    expect(late.due(4.4)).to.deep.equal([4, 4 + 1 / 3]);
  });

  it('keeps time over 3 hours at 175 spm: beat 31 500 is at start + 10 800 s', () => {
    const startS = 0.734;
    const clock = new BeatClock(startS, 175, true);
    // A minute's look-ahead at a time keeps this quick; the beat times do not depend on it.
    const beats: number[] = [];
    for (let untilS = startS + 60; untilS <= startS + 3 * 3600 + 30; untilS += 60) beats.push(...clock.due(untilS));
    expect(beats).to.have.length(31501);
    expect(Math.abs(beats[31500]! - (startS + 10800))).to.be.below(1e-9);
    beats.forEach((beat, k) => {
      if (Math.abs(beat - (startS + (k * 60) / 175)) >= 1e-9) expect.fail(`beat ${k} drifted to ${beat}`);
    });
  });
});

describe('metronomeRate', () => {
  const metronome = (changes: Partial<MetronomeSettings> = {}): MetronomeSettings => ({ ...defaultCoachSettings.metronome, ...changes });
  const zones = (targetFrom: number, targetTo: number): CadenceZones => ({ buildingFrom: targetFrom - 10, targetFrom, targetTo });

  it('is the middle of the target zone by default: 175', () => {
    expect(middleOfTarget(defaultCadenceZones)).to.equal(175);
    expect(metronomeRate(metronome(), defaultCadenceZones)).to.equal(175);
    expect(metronomeRate(metronome(), zones(164, 172))).to.equal(168);
  });

  const rows: Array<[string, Partial<MetronomeSettings>, CadenceZones, number | null | undefined, number]> = [
    ['the runner’s own rate', { rateSpm: 168 }, defaultCadenceZones, undefined, 168],
    ['the plan’s target over the runner’s own rate when following the plan ("Follow my cadence plan when I have one")', { rateSpm: 168, followPlan: true }, defaultCadenceZones, 172, 172],
    ['the runner’s own rate when following a plan that has no target', { rateSpm: 168, followPlan: true }, defaultCadenceZones, null, 168],
    ['the plan’s target when following it', { followPlan: true }, defaultCadenceZones, 172, 172],
    ['the zone’s middle when not following the plan', { followPlan: false }, defaultCadenceZones, 172, 175],
    ['the zone’s middle when following a plan that has no target', { followPlan: true }, defaultCadenceZones, null, 175],
    ['the zone’s middle when the plan target is not a number', { followPlan: true }, defaultCadenceZones, Number.NaN, 175],
    ['a whole number from a zone with a half-step middle', {}, zones(160, 171), undefined, 166],
    ['a whole number from a fractional plan target', { followPlan: true }, defaultCadenceZones, 171.4, 171],
    ['at most 220 from a plan', { followPlan: true }, defaultCadenceZones, 235, 220],
    ['at least 140 from a plan', { followPlan: true }, defaultCadenceZones, 120, 140],
    ['at least 140 from a low zone', {}, zones(120, 130), undefined, 140],
    ['at most 220 from a high zone', {}, zones(225, 235), undefined, 220],
    ['at most 220 from an own rate out of range', { rateSpm: 250 }, defaultCadenceZones, undefined, 220],
  ];
  for (const [name, settings, zoneSet, plan, expected] of rows) {
    it(`is ${name}`, () => expect(metronomeRate(metronome(settings), zoneSet, plan)).to.equal(expected));
  }
});

describe('BeatClock.restartAt', () => {
  it('starts a new grid at the beat the scheduler names, computed from there, never accumulated', () => {
    const clock = new BeatClock(0, 175, true);
    clock.due(10);
    clock.restartAt(180, false, 10.5);
    const beats = clock.due(10.5 + 3600);
    expect(beats[0]).to.equal(10.5);
    expect(beats.length).to.equal(5401); // an hour of one foot at 180: a beat every 2/3 s
    beats.forEach((beat, k) => expect(Math.abs(beat - (10.5 + (k * 120) / 180))).to.be.below(1e-9));
    expect(() => clock.restartAt(180, true, Number.NaN)).to.throw(RangeError);
  });
});
