import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { formatDate, formatDateTime, formatDayMonth, formatTime, runTitle } from '../../src/session/date-format.js';
import { invariantRuns } from '../support/invariant-runs.js';

describe('date-format', () => {
  it('reads a run’s start as its date then its time, the same in its name', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (t) => {
        expect(formatDateTime(t).startsWith(formatDate(t)), 'the date first, as the date alone reads').to.equal(true);
        expect(formatDateTime(t).endsWith(formatTime(t)), 'then the time, as the time alone reads').to.equal(true);
        expect(formatDate(t)).to.contain(formatDayMonth(t).split(/\s/)[0]!);
        expect(runTitle(t)).to.equal(`Run ${formatDateTime(t)}`);
      }),
      { numRuns: invariantRuns(200) },
    );
  });
  it('reads a date it cannot format (a damaged record) as a dash instead of throwing', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 9e15]) expect(formatDateTime(bad)).to.equal('–');
    expect(runTitle(Number.NaN, 'walk')).to.equal('Walk –');
  });
});
