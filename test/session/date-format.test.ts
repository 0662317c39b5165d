import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { formatDate, formatDateTime, formatDayMonth, formatTime, runTitle } from '../../src/session/date-format.js';
import { invariantRuns } from '../support/invariant-runs.js';

/** Spaces a line may break at (a no-break space and a narrow one may not). */
const breaks = (text: string): number => (text.match(/[ \t\n]/g) ?? []).length;

describe('date-format', () => {
  it('keeps the date and the time each on one line: a line may break only between them', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (t) => {
        expect(breaks(formatDateTime(t)), formatDateTime(t)).to.equal(1);
        expect(breaks(formatDate(t)), formatDate(t)).to.equal(0);
        expect(breaks(formatTime(t)), formatTime(t)).to.equal(0);
        expect(breaks(formatDayMonth(t)), formatDayMonth(t)).to.equal(0);
        expect(formatDateTime(t).startsWith(formatDate(t)), 'the date first, as the date alone reads').to.equal(true);
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
