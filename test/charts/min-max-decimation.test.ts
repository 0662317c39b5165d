import { expect } from '@open-wc/testing';
import { MinMaxDecimation, bucketFor } from '../../src/charts/min-max-decimation.js';

function run(seconds: number, gap?: { from: number; to: number }) {
  const t: number[] = [];
  const y: number[] = [];
  for (let s = 0; s < seconds; s++) {
    if (gap && s >= gap.from && s < gap.to) continue;
    t.push(s);
    y.push(170 + 8 * Math.sin(s / 40) + (s === 5000 ? 40 : 0) - (s === 7000 ? 50 : 0));
  }
  return { t: Float64Array.from(t), y: Float64Array.from(y) };
}

describe('MinMaxDecimation', () => {
  it('keeps every sample while there are no more samples than pixels', () => {
    const { t, y } = run(500);
    const [dt, dy] = new MinMaxDecimation().update(t, y, 800);
    expect(Array.from(dt)).to.deep.equal(Array.from(t));
    expect(Array.from(dy)).to.deep.equal(Array.from(y));
  });

  it('draws a 3-hour run from a few points per pixel and keeps every spike and dip', () => {
    const { t, y } = run(10_800);
    const decimation = new MinMaxDecimation();
    const [dt, dy] = decimation.update(t, y, 1000);
    expect(decimation.bucketS).to.equal(16);
    expect(dt.length).to.be.at.most(2 * Math.ceil(10_800 / 16) + 2);
    expect(dt[0]).to.equal(0);
    expect(dt[dt.length - 1]).to.be.within(10_784, 10_799);
    expect(Math.max(...dy)).to.equal(Math.max(...y));
    expect(Math.min(...dy)).to.equal(Math.min(...y));
    for (let i = 1; i < dt.length; i++) expect(dt[i]!).to.be.greaterThan(dt[i - 1]!);
  });

  it('updated sample by sample, it ends exactly where a rebuild from all samples does', () => {
    const { t, y } = run(4000);
    const growing = new MinMaxDecimation();
    let last: [Float64Array, Float64Array] = [new Float64Array(0), new Float64Array(0)];
    for (let n = 1; n <= t.length; n += 7) last = growing.update(t.subarray(0, n), y.subarray(0, n), 600);
    last = growing.update(t, y, 600);
    const [rt, ry] = new MinMaxDecimation().update(t, y, 600);
    expect(Array.from(last[0])).to.deep.equal(Array.from(rt));
    expect(Array.from(last[1])).to.deep.equal(Array.from(ry));
  });

  it('never lets a bucket span a gap', () => {
    const { t, y } = run(10_800, { from: 3000, to: 3060 });
    const decimation = new MinMaxDecimation();
    const [dt] = decimation.update(t, y, 1000);
    const before = Array.from(dt).filter((x) => x < 3000);
    const after = Array.from(dt).filter((x) => x >= 3060);
    expect(before.length + after.length).to.equal(dt.length);
    expect(after[0]! - before[before.length - 1]!).to.be.greaterThan(2 * decimation.bucketS + 2.5);
  });

  it('picks power-of-two buckets of about one pixel', () => {
    expect(bucketFor(500, 800)).to.equal(1);
    expect(bucketFor(10_800, 1000)).to.equal(16);
    expect(bucketFor(10_800, 2400)).to.equal(8);
  });
});
