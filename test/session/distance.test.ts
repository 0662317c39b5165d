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

  it('counts a pod that sends its total in only some notifications once, not twice', () => {
    // 3 m/s, totals 100, none, 106, none, 112 over 4 s: 12 m were run.
    const d = new DistanceTracker();
    const totals = [100, null, 106, null, 112];
    const covered = totals.map((total, t) => d.add(t, 3, total));
    expect(covered).to.deep.equal([0, 3, 6, 9, 12]);
  });

  it('lets the next total correct what was integrated, without ever going back', () => {
    const d = new DistanceTracker();
    d.add(0, 4, 100);
    expect(d.add(1, 4, null)).to.equal(4);
    // The pod says only 3 m were run: the distance holds until the counter passes it.
    expect(d.add(2, 4, 103)).to.equal(4);
    expect(d.add(3, 3, null)).to.equal(6);
    expect(d.add(4, 3, 106)).to.equal(6);
  });

  it('ignores a small step back of the counter (jitter) instead of restarting the count', () => {
    const d = new DistanceTracker();
    d.add(0, 3, 1500);
    d.add(1, 3, 1503);
    expect(d.add(2, 3, 1502.9)).to.be.closeTo(3, 1e-9);
    expect(d.add(3, 3, 1503.1)).to.be.closeTo(3.1, 1e-9);
    expect(d.corrections).to.deep.equal({ jitter: 1, resets: 0, implausibleJumps: 0 });
  });

  it('starts a new pod from its own first reading, so another odometer is never spliced in', () => {
    const d = new DistanceTracker();
    for (let t = 0; t <= 200; t++) d.add(t, 3, 1000 + 3 * t);
    expect(d.distanceM).to.equal(600);
    d.newSource();
    for (let t = 0; t <= 100; t++) d.add(300 + t, 3, 52_000 + 3 * t);
    expect(d.distanceM).to.equal(900);
  });

  it('does not integrate across a change of pod', () => {
    const d = new DistanceTracker();
    d.add(0, 3, null);
    d.add(1, 3, null);
    d.newSource();
    expect(d.add(2, 3, null)).to.equal(3);
    expect(d.add(3, 3, null)).to.equal(6);
  });

  it('counts no counter jump faster than anyone runs', () => {
    const d = new DistanceTracker();
    d.add(0, 3, 100);
    expect(d.add(1, 3, 5100)).to.equal(0);
    expect(d.add(2, 3, 5103)).to.equal(3);
    expect(d.corrections.implausibleJumps).to.equal(1);
  });

  it('keeps what the counter covered through a link loss (the pod kept counting)', () => {
    const d = new DistanceTracker();
    d.add(0, 3, 0);
    expect(d.add(60, 3, 180)).to.equal(180);
  });
});
