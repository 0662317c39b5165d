// A stored program comes back field by field: damage costs the damaged field, never the program
// or an exception.
import { expect } from '@open-wc/testing';
import { programStateFrom } from '../../src/program/program-state.js';
import { storedOneBlock, testAt } from './program-fixtures.js';

const whole = storedOneBlock;

describe('programStateFrom', () => {
  it('keeps a whole program as it was, through JSON', () => {
    expect(programStateFrom(JSON.parse(JSON.stringify(whole())))).to.deep.equal(whole());
  });

  it('gives null for what is no program', () => {
    for (const value of [null, undefined, 3, 'program', [], {}, { ...whole(), version: 2 }, { ...whole(), createdAtMs: 'x' }]) {
      expect(programStateFrom(value), JSON.stringify(value)).to.equal(null);
    }
  });

  it('drops a damaged session, test, block or pause and keeps the rest', () => {
    const stored = whole() as unknown as { blocks: Record<string, unknown>[]; pauses: unknown[] };
    const block = stored.blocks[0]!;
    (block['sessions'] as unknown[]).push({ n: 9, atMs: 1 }, 'x');
    (block['tests'] as unknown[]).push({ kind: 'ten-years', result: testAt(1, 170) }, { kind: 'one-week', result: { cadenceSpm: 'fast' } });
    stored.blocks.push({ ...block, number: 'two' }, { ...block, number: 2, targetPercent: 12 });
    stored.pauses.push({ fromMs: 5, toMs: 1 }, null);
    const back = programStateFrom(stored)!;
    expect(back.blocks).to.have.length(1);
    expect(back.blocks[0]!.sessions.map((s) => s.n)).to.deep.equal([1, 2]);
    expect(back.blocks[0]!.tests.map((t) => t.kind)).to.deep.equal(['end-of-block']);
    expect(back.pauses).to.deep.equal([{ fromMs: 2300, toMs: 2400 }]);
  });

  it('makes a damaged field null', () => {
    const stored = { ...whole(), testSpeedMps: -1, baseline: { ...testAt(1, 170), atMs: Number.NaN }, active: { kind: 'session', n: 12 } };
    const back = programStateFrom(stored)!;
    expect(back.testSpeedMps).to.equal(null);
    expect(back.baseline).to.equal(null);
    expect(back.active).to.equal(null);
    expect(back.blocks).to.deep.equal(whole().blocks);
  });
});
