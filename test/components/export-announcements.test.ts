// How often an export's count is read out by a screen reader: the first at once, then at most
// every ANNOUNCE_EVERY_MS.
import { expect } from '@open-wc/testing';
import { ANNOUNCE_EVERY_MS, countIsAnnounced } from '../../src/components/export-announcements.js';

describe('export announcements', () => {
  it('the first count is said at once; the next only after a few seconds', () => {
    expect(countIsAnnounced(null, 0)).to.equal(true);
    expect(countIsAnnounced(1000, 1000 + ANNOUNCE_EVERY_MS - 1)).to.equal(false);
    expect(countIsAnnounced(1000, 1000 + ANNOUNCE_EVERY_MS)).to.equal(true);
    expect(ANNOUNCE_EVERY_MS).to.be.within(2000, 10_000);
  });
});
