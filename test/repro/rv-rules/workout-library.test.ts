// rv-rules: easyPaceFromHistory depends on the order of the summaries it is given.
import { expect } from '@open-wc/testing';
import { easyPaceFromHistory } from '../../../src/workout/workout-library.js';
import { summary } from '../../support/session-summaries.js';

const DAY = 24 * 3600 * 1000;

describe('rv-rules: easyPaceFromHistory with no recent runs', () => {
  // Issue 19: library speeds "derive from the runner's own easy pace (from history ...)". With no
  // run in the last 8 weeks, runsLookedAt falls back to "their last 10 older runs" by taking
  // `.slice(-10)`, which assumes oldest first; easyPaceFromHistory passes the summaries on as it
  // gets them. The history the app holds is sorted newest first (history-service: newestFirst), so
  // a runner back after a break gets the library at the pace of their 10 OLDEST runs (old imported
  // races at 15.3 km/h here) instead of their latest ones (9.9 km/h): intervals at 19.1 km/h.
  it('gives the same easy pace whether the runs come oldest or newest first', () => {
    const now = 400 * DAY;
    const runs = [
      // Five old fast runs (imported races), then ten later easy runs, all more than 8 weeks ago.
      ...Array.from({ length: 5 }, (_, i) => summary(now - (300 - i) * DAY, { bands: [[8, 5000, 180]] })),
      ...Array.from({ length: 10 }, (_, i) => summary(now - (200 - i) * DAY, { bands: [[5, 300, 165]] })),
    ];
    expect(easyPaceFromHistory(runs, now), 'oldest first').to.equal(9.9);
    expect(easyPaceFromHistory([...runs].reverse(), now), 'newest first, as the history holds them').to.equal(9.9);
  });
});
