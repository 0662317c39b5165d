import { expect } from '@open-wc/testing';
import { SampleColumns } from '../../src/session/sample-columns.js';

describe('SampleColumns', () => {
  it('grows past its capacity and keeps every row', () => {
    const columns = new SampleColumns(16);
    for (let i = 0; i < 10_800; i++) columns.push({ t: i, speedMps: 3, cadence: 170 + (i % 10), strideLengthM: 1, distanceM: i * 3 });
    expect(columns.length).to.equal(10_800);
    expect(columns.column('t').length).to.equal(10_800);
    expect(columns.at('cadence', 10_799)).to.equal(179);
    expect(columns.column('distanceM', 10_798)[1]).to.equal(10_799 * 3);
  });
  it('finds the first row at or after a time', () => {
    const columns = new SampleColumns();
    [0, 1, 2, 5, 6].forEach((t) => columns.push({ t, speedMps: 0, cadence: 0, strideLengthM: 0, distanceM: 0 }));
    expect(columns.indexAtTime(-1)).to.equal(0);
    expect(columns.indexAtTime(3)).to.equal(3);
    expect(columns.indexAtTime(5)).to.equal(3);
    expect(columns.indexAtTime(7)).to.equal(5);
  });
});
