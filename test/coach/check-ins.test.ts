import { expect } from '@open-wc/testing';
import { CheckIns, shuffledRound } from '../../src/coach/check-ins.js';
import type { CoachEvent, TechniquePrompt } from '../../src/coach/coach-events.js';
import { techniquePrompts } from '../../src/coach/technique-prompts.js';
import { feed, seededRandom, timesOf } from './coach-feed.js';

const promptIds = (events: readonly CoachEvent[]): string[] =>
  events.flatMap((e) => (e.kind === 'check-in' ? [e.prompt.id] : []));

const ids = techniquePrompts.map((p) => p.id);

describe('CheckIns: schedule', () => {
  it('checks in every everyMin minutes, the first after one interval', () => {
    const rule = new CheckIns(5, techniquePrompts, seededRandom(1));
    expect(timesOf(feed(rule, 0, 1200, { cadence: 172 }), 'check-in')).to.deep.equal([300, 600, 900, 1200]);
  });

  it('never checks in when everyMin is 0', () => {
    const rule = new CheckIns(0, techniquePrompts, seededRandom(1));
    expect(feed(rule, 0, 3 * 3600, { cadence: 172 })).to.deep.equal([]);
  });

  it('counts only running, unpaused minutes', () => {
    const rule = new CheckIns(5, techniquePrompts, seededRandom(1));
    // Running 0-99 (99 s), paused 100-159, walking 160-219, running from 220: 201 s more is 421.
    const events = feed(rule, 0, 800, (t) => ({
      cadence: t >= 160 && t < 220 ? 110 : 172,
      paused: t >= 100 && t < 160,
      running: !(t >= 160 && t < 220),
    }));
    expect(timesOf(events, 'check-in')).to.deep.equal([421, 721]);
  });

  it('does not count a gap in the clock', () => {
    const rule = new CheckIns(5, techniquePrompts, seededRandom(1));
    const events = [...feed(rule, 0, 200, { cadence: 172 }), ...feed(rule, 1000, 1200, { cadence: 172 })];
    expect(timesOf(events, 'check-in')).to.deep.equal([1100]);
  });

  it('checks in at the first input at or after each mark with uneven input steps', () => {
    const rule = new CheckIns(1, techniquePrompts, seededRandom(1));
    // Steps of 0.7 s: 60 s of running is first reached at 60.2, then 60 s later at 120.4 and 180.6.
    const times = timesOf(feed(rule, 0, 181, { cadence: 172 }, 0.7), 'check-in');
    expect(times.map((t) => Math.round(t * 10) / 10)).to.deep.equal([60.2, 120.4, 180.6]);
  });

  it('a shorter interval chosen mid-run counts from the last check-in', () => {
    const rule = new CheckIns(10, techniquePrompts, seededRandom(1));
    expect(feed(rule, 0, 400, { cadence: 172 })).to.deep.equal([]);
    rule.setEveryMin(5);
    expect(timesOf(feed(rule, 401, 800, { cadence: 172 }), 'check-in')).to.deep.equal([401, 701]);
  });

  it('reset starts the schedule of a new session', () => {
    const rule = new CheckIns(5, techniquePrompts, seededRandom(1));
    feed(rule, 0, 299, { cadence: 172 });
    rule.reset();
    expect(timesOf(feed(rule, 0, 300, { cadence: 172 }), 'check-in')).to.deep.equal([300]);
  });
});

describe('CheckIns: rotation', () => {
  const hundredCheckIns = (random: () => number): string[] => {
    const rule = new CheckIns(1, techniquePrompts, random);
    const chosen = promptIds(feed(rule, 0, 100 * 60, { cadence: 172 }));
    expect(chosen).to.have.length(100);
    return chosen;
  };

  const randoms: Array<[string, () => number]> = [
    ['seed 1', seededRandom(1)],
    ['seed 42', seededRandom(42)],
    ['always 0', () => 0],
    ['always just under 1', () => 0.999999],
    ['always 1 (out of range)', () => 1],
  ];

  for (const [name, random] of randoms) {
    it(`never the same prompt twice in a row over 100 check-ins (${name})`, () => {
      const chosen = hundredCheckIns(random);
      for (let i = 1; i < chosen.length; i++) expect(chosen[i], `check-in ${i}`).not.to.equal(chosen[i - 1]);
    });

    it(`uses every prompt once in each round (${name})`, () => {
      const chosen = hundredCheckIns(random);
      const n = ids.length;
      for (let start = 0; start + n <= chosen.length; start += n) {
        expect([...chosen.slice(start, start + n)].sort(), `round from ${start}`).to.deep.equal([...ids].sort());
      }
    });
  }

  it('shuffles: rounds differ, and the same seed gives the same order', () => {
    const a = hundredCheckIns(seededRandom(7));
    const b = hundredCheckIns(seededRandom(7));
    expect(a).to.deep.equal(b);
    const n = ids.length;
    expect(a.slice(0, n)).not.to.deep.equal(a.slice(n, 2 * n));
    expect(a.slice(0, n)).not.to.deep.equal(ids);
  });

  it('never opens a round with the prompt that closed the last one', () => {
    const two: TechniquePrompt[] = techniquePrompts.slice(0, 2);
    for (let seed = 0; seed < 50; seed++) {
      const random = seededRandom(seed);
      let last: string | null = null;
      for (let round = 0; round < 20; round++) {
        const order = shuffledRound(two, random, last);
        expect(order[0]!.id).not.to.equal(last);
        last = order[order.length - 1]!.id;
      }
    }
  });

  it('gives no check-ins without prompts, and repeats the only prompt when there is one', () => {
    expect(feed(new CheckIns(1, [], Math.random), 0, 600, { cadence: 172 })).to.deep.equal([]);
    const one = techniquePrompts.slice(0, 1);
    expect(promptIds(feed(new CheckIns(1, one, Math.random), 0, 180, { cadence: 172 }))).to.deep.equal([one[0]!.id, one[0]!.id, one[0]!.id]);
  });
});
