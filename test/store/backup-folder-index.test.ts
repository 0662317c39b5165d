// The folder's index: read whole or in part (saying what was wrong), merged per id by changedAt.

import { expect } from '@open-wc/testing';
import { emptyIndex, indexText, mergeIndexes, parseIndex } from '../../src/store/backup-folder-index.js';

const entry = (file: string, changedAt: number) => ({ file, startedAt: 1, name: file, notes: '', changedAt });

describe('the backup folder index', () => {
  it('reads back what it wrote', () => {
    const index = { ...emptyIndex(), runs: { a: entry('a.fit', 5), b: entry('b.fit', 7) } };
    expect(parseIndex(indexText(index))).to.deep.equal({ index, problem: null });
  });

  it('says what is wrong with a damaged one and keeps the entries it can read', () => {
    expect(parseIndex('{"format":"stridewise-fol').problem).to.match(/damaged/);
    expect(parseIndex('{"format":"other","runs":{}}').problem).to.match(/not a Stridewise index/);
    expect(parseIndex('{"format":"stridewise-folder","version":9,"runs":{}}').problem).to.match(/newer/);
    const partly = parseIndex(JSON.stringify({ format: 'stridewise-folder', version: 1, runs: { a: entry('a.fit', 1), b: { file: 3 } } }));
    expect(partly.problem).to.match(/1 damaged entry/);
    expect(Object.keys(partly.index.runs)).to.deep.equal(['a']);
  });

  it('merges per id, the entry that changed last winning, ids of either side kept', () => {
    const found = { ...emptyIndex(), runs: { a: entry('a-new.fit', 9), b: entry('b.fit', 1) } };
    const mine = { ...emptyIndex(), runs: { a: entry('a-old.fit', 3), c: entry('c.fit', 2) } };
    expect(mergeIndexes(found, mine).runs).to.deep.equal({ a: entry('a-new.fit', 9), b: entry('b.fit', 1), c: entry('c.fit', 2) });
  });

  it('takes an entry whose file is no plain file name (a path, "..", a control character) as naming no file', () => {
    for (const file of ['..', '.', '', 'Runs\\a.fit', 'Runs/a.fit', 'a\u0000.fit', 'a\n.fit']) {
      const read = parseIndex(JSON.stringify({ format: 'stridewise-folder', version: 1, runs: { a: entry(file, 1) } }));
      expect(read.index.runs['a']?.file, JSON.stringify(file)).to.equal('');
    }
    const plain = parseIndex(JSON.stringify({ format: 'stridewise-folder', version: 1, runs: { a: entry('2026-12-02 07.00 Run (2).fit', 1) } }));
    expect(plain.index.runs['a']?.file).to.equal('2026-12-02 07.00 Run (2).fit');
  });
});
