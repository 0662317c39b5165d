// The program's words, as the issue gives them: today's item in one sentence, the labels History
// and Weeks show, the metronome's share and a retention verdict with both numbers.
import { expect } from '@open-wc/testing';
import { itemHolds, itemSentence, keptWords, metronomeWords, programMarkLabel, verdictWords } from '../../src/components/program-format.js';
import type { ScheduleItem } from '../../src/program/program-types.js';
import { metronomeShare, sessionMinutes } from '../../src/program/session-plan.js';
import { testAt } from '../program/program-fixtures.js';

const session = (n: number, targetSpm = 172): ScheduleItem => ({
  kind: 'session', block: 1, n, dayMs: 0, minutes: sessionMinutes(n), targetSpm, metronomeShare: metronomeShare(n), done: null,
});
const test = (kind: 'baseline' | 'one-week', speedMps: number): ScheduleItem => ({ kind: 'test', block: 0, test: kind, dayMs: 0, speedMps, done: null });

describe('program-format', () => {
  it('says today’s session and test in one sentence', () => {
    expect(itemSentence(session(5), 'km')).to.equal('Session 5 of 8: 22 minutes at 172, metronome for 75 % of it');
    expect(itemSentence(session(1), 'km')).to.equal('Session 1 of 8: 15 minutes at 172, metronome throughout');
    expect(itemSentence(session(8), 'km')).to.equal('Session 8 of 8: 30 minutes at 172, no metronome, a cue only when you drift more than 3 % off');
    // 10.0 km/h is 2.7778 m/s.
    expect(itemSentence(test('baseline', 10 / 3.6), 'km')).to.equal(
      'Baseline test: 5 minutes at 10.0 km/h after a 5-minute warm-up, no metronome and no cadence on screen',
    );
    expect(itemSentence(test('one-week', 6 * 1609.344 / 3600), 'mi')).to.match(/^Retention test, 1 week: 5 minutes at 6\.0 mph/);
  });

  it('says what a schedule row holds', () => {
    expect(itemHolds(session(6), 'km')).to.equal('25 min at 172, metronome 50 %');
    expect(itemHolds(session(8), 'km')).to.equal('30 min at 172, no metronome');
    expect(itemHolds(test('baseline', 10 / 3.6), 'km')).to.equal('5 min at 10.0 km/h, cue-free');
  });

  it('never says "0.0 km/h" for a baseline planned before the runner chose its speed', () => {
    expect(itemHolds(test('baseline', 0), 'km')).to.equal('5 min at an easy speed you choose, cue-free');
    expect(itemSentence(test('baseline', 0), 'mi')).to.match(/^Baseline test: 5 minutes at an easy speed you choose after/);
  });

  it('labels program runs for History and Weeks', () => {
    const mark = { mainFromT: null, mainToT: null, block: 1 };
    expect(programMarkLabel({ ...mark, kind: 'session', test: null, n: 5 })).to.equal('Program 5/8');
    expect(programMarkLabel({ ...mark, kind: 'test', test: 'baseline', n: null })).to.equal('Baseline test');
    expect(programMarkLabel({ ...mark, kind: 'test', test: 'one-week', n: null })).to.equal('Retention test, 1 week');
    expect(programMarkLabel({ ...mark, kind: 'test', test: 'four-weeks', n: null })).to.equal('Retention test, 4 weeks');
  });

  it('words the metronome share of every session', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => metronomeWords(metronomeShare(n)))).to.deep.equal([
      ...Array(4).fill('metronome throughout'),
      'metronome for 75 % of it', 'metronome for 50 % of it', 'metronome for 25 % of it',
      'no metronome, a cue only when you drift more than 3 % off',
    ]);
  });

  it('gives a verdict with both numbers, and says when minutes were left out', () => {
    expect(verdictWords('held', testAt(0, 169.4), 172)).to.equal('Held: 169 steps/min against the target of 172, within 2 % of it or above.');
    expect(verdictWords('faded', testAt(0, 165.6), 172)).to.equal('Faded: 166 steps/min against the target of 172, more than 2 % below it.');
    expect(keptWords(testAt(0, 170))).to.equal(null);
    expect(keptWords(testAt(0, 170, { keptMinutes: 3, discardedMinutes: 2 }))).to.match(/^2 of 5 minutes were left out/);
  });
});
