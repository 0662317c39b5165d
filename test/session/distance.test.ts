import { expect } from '@open-wc/testing';
import { DistanceTracker } from '../../src/session/distance.js';

describe('DistanceTracker', () => {
  it('counts from the first total the pod reports, not from zero', () => {
    const d = new DistanceTracker();
    expect(d.add(0, 3, 5000)).to.equal(0);
    expect(d.add(1, 3, 5003)).to.equal(3);
    expect(d.add(2, 3, 5006.5)).to.equal(6.5);
  });

  it('continues across the uint32 decimetre wrap', () => {
    const d = new DistanceTracker();
    const top = 2 ** 32 / 10;
    d.add(0, 3, top - 2);
    expect(d.add(1, 3, 1)).to.be.closeTo(3, 1e-6);
  });

  it('treats a backwards jump far from the top as a pod reset and keeps counting', () => {
    const d = new DistanceTracker();
    d.add(0, 3, 1000);
    d.add(1, 3, 1003);
    expect(d.add(2, 3, 2)).to.equal(5);
    expect(d.add(3, 3, 5)).to.equal(8);
  });

  it('integrates speed when the pod sends no total, but not across a long gap', () => {
    const d = new DistanceTracker();
    d.add(0, 3, null);
    d.add(1, 3, null);
    d.add(2, 4, null);
    expect(d.distanceM).to.equal(7);
    d.add(60, 4, null);
    expect(d.distanceM).to.equal(7);
    d.add(61, 2, null);
    expect(d.distanceM).to.equal(9);
  });
});
