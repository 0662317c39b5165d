import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { CoachEvent } from '../../src/coach/coach-events.js';
import { CoachRules } from '../../src/coach/coach-rules.js';
import { cueDirectionFor, cueWords, ZoneCues } from '../../src/coach/zone-cues.js';
import { type CueSettings, defaultCoachSettings } from '../../src/session/coach-settings.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { feed, timesOf } from './coach-feed.js';
import { invariantRuns } from '../support/invariant-runs.js';

const settings = (changes: Partial<CueSettings> = {}): CueSettings => ({ ...defaultCoachSettings.cues, ...changes });
/** No warm-up, so each test looks at one rule at a time. */
const quick = (changes: Partial<CueSettings> = {}): ZoneCues =>
  new ZoneCues(settings({ warmUpS: 0, afterS: 10, everyS: 60, ...changes }), defaultCadenceZones);
const cues = (events: readonly CoachEvent[]) => events.filter((e) => e.kind === 'cue');

describe('ZoneCues: when the first cue comes', () => {
  it('cues exactly afterS seconds after the cadence left the zone, not a second sooner', () => {
    const rule = quick();
    expect(feed(rule, 0, 9, { cadence: 175 })).to.deep.equal([]);
    const events = feed(rule, 10, 30, { cadence: 160 });
    expect(timesOf(events, 'cue')).to.deep.equal([20]);
  });

  it('counts the zone edges as inside: 170 and 180 never cue', () => {
    const rule = quick();
    expect(feed(rule, 0, 300, (t) => ({ cadence: t % 2 === 0 ? 170 : 180 }))).to.deep.equal([]);
    expect(cueDirectionFor(169.9, defaultCadenceZones)).to.equal('low');
    expect(cueDirectionFor(180.1, defaultCadenceZones)).to.equal('high');
  });

  it('follows the afterS setting', () => {
    const rule = quick({ afterS: 30 });
    expect(timesOf(feed(rule, 0, 40, { cadence: 150 }), 'cue')).to.deep.equal([30]);
  });

  it('counts time with uneven steps the same way', () => {
    const rule = quick();
    // Steps of 0.5 s: out of zone from 3.5 s, so the cue is due at 13.5 s.
    const events = feed(rule, 0, 20, (t) => ({ cadence: t < 3.5 ? 175 : 150 }), 0.5);
    expect(timesOf(events, 'cue')).to.deep.equal([13.5]);
  });
});

describe('ZoneCues: how often', () => {
  it('gives at most one cue per everyS while the cadence stays out', () => {
    const rule = quick({ everyS: 60 });
    expect(timesOf(feed(rule, 0, 200, { cadence: 160 }), 'cue')).to.deep.equal([10, 70, 130, 190]);
  });

  it('waits everyS after the last cue even when a new spell begins (no nagging at a boundary)', () => {
    const rule = quick({ everyS: 60 });
    // Cue at 10, back in zone at 15, out again from 20: due by afterS at 30, by everyS at 70.
    const events = feed(rule, 0, 80, (t) => ({ cadence: t >= 15 && t < 20 ? 175 : 160 }));
    expect(timesOf(events, 'cue')).to.deep.equal([10, 70]);
  });
});

describe('ZoneCues: warm-up', () => {
  it('gives no cue in the first warmUpS seconds of running, then cues at once if due', () => {
    const rule = quick({ warmUpS: 60 });
    expect(timesOf(feed(rule, 0, 59, { cadence: 150 }), 'cue')).to.deep.equal([]);
    expect(timesOf(feed(rule, 60, 60, { cadence: 150 }), 'cue')).to.deep.equal([60]);
  });

  it('counts only running, unpaused seconds towards the warm-up', () => {
    const rule = quick({ warmUpS: 60 });
    // Running 0-19 (19 s between inputs), paused 20-39, walking 40-49, running again from 50:
    // 41 more seconds of running end the warm-up at 91; out of zone since 50, so the cue is due.
    const events = feed(rule, 0, 100, (t) => ({
      cadence: 150,
      paused: t >= 20 && t < 40,
      running: !(t >= 40 && t < 50),
    }));
    expect(timesOf(events, 'cue')).to.deep.equal([91]);
  });

  it('does not count a gap in the clock as running', () => {
    const rule = quick({ warmUpS: 60, afterS: 10 });
    // 0-30 running, then nothing until 200: 30 s of warm-up are left from 200.
    const before = feed(rule, 0, 30, { cadence: 150 });
    const after = feed(rule, 200, 240, { cadence: 150 });
    expect(timesOf([...before, ...after], 'cue')).to.deep.equal([230]);
  });
});

describe('ZoneCues: not running', () => {
  it('gives no cue while paused', () => {
    expect(feed(quick(), 0, 600, { cadence: 150, paused: true })).to.deep.equal([]);
  });

  it('gives no cue while the pod says walking or standing', () => {
    expect(feed(quick(), 0, 600, { cadence: 120, running: false })).to.deep.equal([]);
  });

  it('gives no cue without a cadence (0 or NaN)', () => {
    expect(feed(quick(), 0, 600, (t) => ({ cadence: t % 2 === 0 ? 0 : Number.NaN }))).to.deep.equal([]);
  });

  it('starts counting again after a pause', () => {
    const rule = quick();
    // Out from 0, paused 5-7: counting starts again at 8, so the cue is at 18, not 10.
    const events = feed(rule, 0, 30, (t) => ({ cadence: 150, paused: t >= 5 && t <= 7 }));
    expect(timesOf(events, 'cue')).to.deep.equal([18]);
  });

  it('starts counting again after walking', () => {
    const rule = quick();
    const events = feed(rule, 0, 30, (t) => ({ cadence: 150, running: t !== 6 }));
    expect(timesOf(events, 'cue')).to.deep.equal([17]);
  });

  it('starts counting again after a jump in the clock, but not after a short uneven step', () => {
    const gap = quick();
    const withGap = [...feed(gap, 0, 5, { cadence: 150 }), ...feed(gap, 12, 30, { cadence: 150 })];
    expect(timesOf(withGap, 'cue')).to.deep.equal([22]);

    const short = quick();
    const withStep = [...feed(short, 0, 5, { cadence: 150 }), ...feed(short, 8, 30, { cadence: 150 })];
    expect(timesOf(withStep, 'cue')).to.deep.equal([10]);
  });
});

describe('ZoneCues: direction', () => {
  it('says low below the zone and high above it, with the rounded number in the words', () => {
    const low = cues(feed(quick(), 0, 10, { cadence: 151.6 }));
    expect(low).to.have.length(1);
    expect(low[0]).to.include({ direction: 'low', cadence: 151.6, spoken: 'Cadence 152. Quicker, shorter steps, landing under your hips.' });

    const high = cues(feed(quick(), 0, 10, { cadence: 188.4 }));
    expect(high).to.have.length(1);
    expect(high[0]).to.include({ direction: 'high', spoken: 'Cadence 188. Relax and lengthen a touch; stay light.' });
    expect(cueWords('high', 187.5)).to.match(/^Cadence 188\./);
  });

  it('starts counting again when the cadence crosses from low to high', () => {
    const rule = quick();
    // 9 s low, then high from 9: without the restart a high cue would come at 10.
    const events = feed(rule, 0, 30, (t) => ({ cadence: t < 9 ? 150 : 190 }));
    const given = cues(events);
    expect(given.map((e) => [e.atS, e.kind === 'cue' && e.direction])).to.deep.equal([[19, 'high']]);
  });

  it('after a low cue, a high spell cues once both afterS and everyS have passed', () => {
    const rule = quick({ everyS: 30 });
    const events = feed(rule, 0, 80, (t) => ({ cadence: t < 45 ? 150 : 190 }));
    const given = cues(events).map((e) => [e.atS, e.kind === 'cue' && e.direction]);
    // Low cues at 10 and 40; high from 45 is due by afterS at 55 and by everyS at 70.
    expect(given).to.deep.equal([[10, 'low'], [40, 'low'], [70, 'high']]);
  });
});

describe('ZoneCues: back in zone', () => {
  it('says back-in-zone once, when the cadence returns after a cue in that spell', () => {
    const rule = quick();
    const events = feed(rule, 0, 40, (t) => ({ cadence: t <= 20 ? 160 : 172 }));
    expect(timesOf(events, 'cue')).to.deep.equal([10]);
    expect(events.filter((e) => e.kind === 'back-in-zone')).to.deep.equal([{ kind: 'back-in-zone', atS: 21, cadence: 172 }]);
  });

  it('says nothing when the cadence returns before any cue', () => {
    const rule = quick();
    const events = feed(rule, 0, 40, (t) => ({ cadence: t < 5 || (t >= 10 && t < 15) ? 160 : 175 }));
    expect(events).to.deep.equal([]);
  });

  it('says nothing for a spell that was ended by a pause', () => {
    const rule = quick();
    const events = feed(rule, 0, 40, (t) => ({ cadence: t <= 20 ? 160 : 175, paused: t >= 15 && t <= 20 }));
    expect(timesOf(events, 'cue')).to.deep.equal([10]);
    expect(timesOf(events, 'back-in-zone')).to.deep.equal([]);
  });
});

describe('ZoneCues: settings', () => {
  it('gives no events at all when cues are off', () => {
    expect(feed(quick({ enabled: false }), 0, 600, (t) => ({ cadence: t < 300 ? 150 : 175 }))).to.deep.equal([]);
  });

  it('keeps counting while off, so cues turned on mid-run need no new warm-up', () => {
    const rule = new ZoneCues(settings({ enabled: false, warmUpS: 60, afterS: 10 }), defaultCadenceZones);
    expect(feed(rule, 0, 100, { cadence: 150 })).to.deep.equal([]);
    rule.setSettings(settings({ enabled: true, warmUpS: 60, afterS: 10 }));
    expect(timesOf(feed(rule, 101, 101, { cadence: 150 }), 'cue')).to.deep.equal([101]);
  });

  it('judges by new zones from the next input', () => {
    const rule = quick();
    expect(timesOf(feed(rule, 0, 12, { cadence: 166 }), 'cue')).to.deep.equal([10]);
    rule.setZones({ buildingFrom: 150, targetFrom: 165, targetTo: 175 });
    expect(feed(rule, 13, 13, { cadence: 166 })).to.deep.equal([{ kind: 'back-in-zone', atS: 13, cadence: 166 }]);
  });

  it('reset starts a new session: warm-up and the last cue are forgotten', () => {
    const rule = quick({ warmUpS: 60 });
    expect(timesOf(feed(rule, 0, 70, { cadence: 150 }), 'cue')).to.deep.equal([60]);
    rule.reset();
    expect(timesOf(feed(rule, 0, 70, { cadence: 150 }), 'cue')).to.deep.equal([60]);
  });
});

describe('ZoneCues: a realistic run', () => {
  it('a steady 150 for a 60 s warm-up and two more minutes cues at 60, 120 and 180 with the defaults', () => {
    const rule = new ZoneCues(defaultCoachSettings.cues, defaultCadenceZones);
    // Smoothed cadence wobbles a little around 150, as a real pod's does.
    const events = feed(rule, 0, 180, (t) => ({ cadence: 150 + Math.sin(t / 7) * 1.5 }));
    expect(events.map((e) => e.kind)).to.deep.equal(['cue', 'cue', 'cue']);
    expect(timesOf(events, 'cue')).to.deep.equal([60, 120, 180]);
    for (const event of cues(events)) {
      expect(event.kind === 'cue' && event.direction).to.equal('low');
      expect(event.kind === 'cue' && event.spoken).to.match(/^Cadence 1(49|50|51)\. Quicker, shorter steps/);
    }
  });
});

describe('ZoneCues: turning cues off', () => {
  it('forgets the cue given before, so no back-in-zone answers it once cues are on again', () => {
    const rule = quick();
    expect(timesOf(feed(rule, 0, 12, { cadence: 150 }), 'cue')).to.deep.equal([10]);
    rule.setSettings(settings({ enabled: false, warmUpS: 0 }));
    feed(rule, 13, 20, { cadence: 150 });
    rule.setSettings(settings({ enabled: true, warmUpS: 0 }));
    expect(feed(rule, 21, 30, { cadence: 175 })).to.deep.equal([]);
  });
});

describe('ZoneCues: the number spoken decides', () => {
  it('never tells a runner "Cadence 170. Quicker, shorter steps" when the target is 170–180', () => {
    const rules = new CoachRules(defaultCoachSettings, defaultCadenceZones, undefined, () => 0);
    const spoken: string[] = [];
    // 3 min running with the cue smoothing's mean at 169.6 steps/min.
    for (let t = 0; t <= 180; t++) {
      for (const e of rules.update({ timeS: t, cadence: 169.6, running: true, paused: false })) if (e.kind === 'cue') spoken.push(e.spoken);
    }
    expect(spoken, spoken.join(' | ')).to.deep.equal([]);
  });

  it('cues a mean of 169.4, spoken as 169', () => {
    const rule = new ZoneCues({ ...defaultCoachSettings.cues, warmUpS: 0 }, defaultCadenceZones);
    const cues = feed(rule, 0, 60, { cadence: 169.4 }).filter((e) => e.kind === 'cue');
    expect(cues.map((e) => (e.kind === 'cue' ? e.spoken : ''))[0]).to.match(/^Cadence 169\. Quicker/);
  });

  it('every cue speaks a number on the side of the target it names (generated smoothed cadences)', () => {
    const spell = fc.record({ seconds: fc.integer({ min: 1, max: 40 }), cadence: fc.double({ min: 150, max: 200, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(spell, { minLength: 1, maxLength: 12 }), (spells) => {
        const rule = new ZoneCues({ ...defaultCoachSettings.cues, warmUpS: 0, afterS: 3, everyS: 5 }, defaultCadenceZones);
        let t = 0;
        for (const { seconds, cadence } of spells) {
          for (const e of feed(rule, t, t + seconds - 1, { cadence })) {
            if (e.kind !== 'cue') continue;
            const spoken = Number(/^Cadence (\d+)\./.exec(e.spoken)![1]);
            expect(cueDirectionFor(spoken, defaultCadenceZones), e.spoken).to.equal(e.direction);
          }
          t += seconds;
        }
      }),
      { numRuns: invariantRuns(100) },
    );
  });
});
