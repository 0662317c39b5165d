import { expect } from '@open-wc/testing';
import {
  RecordedColumnsBuilder,
  columnsFrom,
  columnsLength,
  concatColumns,
  emptyColumns,
  sampleAt,
  sliceColumns,
} from '../../src/session/recorded-columns.js';
import type { RecordedColumns, RecordedSample } from '../../src/session/recorded-session.js';

const row = (i: number): RecordedSample => ({
  t: i,
  speedMps: 3 + (i % 4) * 0.25,
  cadence: 170 + (i % 7),
  strideLengthM: 1 + (i % 3) * 0.125,
  distanceM: i * 3.1,
  flags: i % 4,
});

const rows = (c: RecordedColumns): RecordedSample[] => Array.from({ length: columnsLength(c) }, (_, i) => sampleAt(c, i));

describe('recorded columns', () => {
  it('builder grows past its capacity, keeps every row and types each column as the model says', () => {
    const builder = new RecordedColumnsBuilder(16);
    for (let i = 0; i < 10_800; i++) builder.push(row(i));
    expect(builder.length).to.equal(10_800);
    const c = builder.columns();
    expect(c.t).to.be.instanceOf(Float64Array);
    expect(c.speedMps).to.be.instanceOf(Float32Array);
    expect(c.cadence).to.be.instanceOf(Float32Array);
    expect(c.strideLengthM).to.be.instanceOf(Float32Array);
    expect(c.distanceM).to.be.instanceOf(Float64Array);
    expect(c.flags).to.be.instanceOf(Uint8Array);
    expect(c.t.length).to.equal(10_800);
    expect(builder.at(10_799)).to.deep.equal(row(10_799));
    expect(builder.at(17)).to.deep.equal(row(17));
    expect(builder.lastT).to.equal(10_799);
    // distanceM stays a double: a float32 would round 33,476.9 m to the nearest 4 mm
    expect(c.distanceM[10_799]).to.equal(10_799 * 3.1);
  });

  it('columns() are views of the builder, not copies', () => {
    const builder = new RecordedColumnsBuilder(16);
    builder.push(row(0));
    builder.push(row(1));
    const c = builder.columns();
    expect(c.t.buffer.byteLength).to.equal(16 * 8);
    expect(c.t.length).to.equal(2);
    expect(builder.columns().t.buffer).to.equal(c.t.buffer);
  });

  it('refuses indexes outside the rows', () => {
    const builder = new RecordedColumnsBuilder();
    builder.push(row(0));
    expect(() => builder.at(1)).to.throw(RangeError);
    expect(() => sampleAt(builder.columns(), -1)).to.throw(RangeError);
    expect(Number.isNaN(new RecordedColumnsBuilder().lastT)).to.equal(true);
  });

  it('columnsFrom and sampleAt round-trip rows', () => {
    const samples = [row(0), row(1), row(2)];
    expect(rows(columnsFrom(samples))).to.deep.equal(samples);
    expect(columnsLength(emptyColumns())).to.equal(0);
    expect(rows(columnsFrom([]))).to.deep.equal([]);
  });

  it('concatColumns joins parts in order and sliceColumns cuts them back out', () => {
    const all = Array.from({ length: 10 }, (_, i) => row(i));
    const joined = concatColumns([columnsFrom(all.slice(0, 3)), emptyColumns(), columnsFrom(all.slice(3))]);
    expect(rows(joined)).to.deep.equal(all);
    expect(rows(sliceColumns(joined, 2, 5))).to.deep.equal(all.slice(2, 5));
    expect(rows(sliceColumns(joined, 7))).to.deep.equal(all.slice(7));
    expect(rows(concatColumns([]))).to.deep.equal([]);
  });

  it('sliceColumns copies, so a stored chunk does not carry the whole session buffer', () => {
    const builder = new RecordedColumnsBuilder(1024);
    for (let i = 0; i < 100; i++) builder.push(row(i));
    const chunk = sliceColumns(builder.columns(), 60, 100);
    expect(chunk.t.buffer.byteLength).to.equal(40 * 8);
    expect(chunk.flags.buffer.byteLength).to.equal(40);
    builder.push(row(100));
    chunk.t[0] = -1;
    expect(builder.at(60).t).to.equal(60);
  });

  it('pushColumns appends whole columns and later pushes follow them', () => {
    const builder = new RecordedColumnsBuilder(16);
    const stored = Array.from({ length: 40 }, (_, i) => row(i));
    builder.pushColumns(columnsFrom(stored));
    builder.push(row(40));
    expect(builder.length).to.equal(41);
    expect(rows(builder.columns())).to.deep.equal([...stored, row(40)]);
  });
});
