import { expect } from '@open-wc/testing';
import { RecentValues } from '../../src/outputs/recent-values.js';

describe('RecentValues', () => {
  it('keeps the most recent values, never more than 10% over its limit', () => {
    const values = new RecentValues(1000);
    for (let i = 0; i < 35_000; i++) {
      values.push(i);
      if (values.values.length > 1100) expect.fail(`${values.values.length} values kept`);
    }
    expect(values.values.length).to.be.within(1000, 1100);
    expect(values.last).to.equal(34_999);
    expect(values.values[values.values.length - 1000]).to.equal(34_000);
  });

  it('drops the last values and clears', () => {
    const values = new RecentValues(10);
    [1, 2, 3].forEach((v) => values.push(v));
    values.dropLast(2);
    expect(values.values).to.deep.equal([1]);
    values.clear();
    expect(values.last).to.equal(undefined);
  });
});
