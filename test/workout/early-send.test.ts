import { expect } from '@open-wc/testing';
import { sendAheadS } from '../../src/workout/early-send.js';

describe('sendAheadS', () => {
  it('sends a step’s change by the learned lag, only when asked, never more than 10 s early', () => {
    expect(sendAheadS(3.2, true)).to.equal(3.2);
    expect(sendAheadS(3.2, false)).to.equal(0);
    expect(sendAheadS(null, true)).to.equal(0);
    expect(sendAheadS(25, true)).to.equal(10);
    expect(sendAheadS(-1, true)).to.equal(0);
    expect(sendAheadS(Number.NaN, true)).to.equal(0);
  });
});
