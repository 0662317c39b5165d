// A program mark read back from storage is taken only when every field is one a program run has.
import { expect } from '@open-wc/testing';
import { programMarkFrom, withValidProgramMark } from '../../src/session/program-mark.js';

const test = { kind: 'test', test: 'one-week', n: null, block: 1, mainFromT: 300, mainToT: 600 };
const session = { kind: 'session', test: null, n: 5, block: 2, mainFromT: 300, mainToT: null };

describe('programMarkFrom', () => {
  it('keeps a test\'s mark and a session\'s mark whole', () => {
    expect(programMarkFrom(test)).to.deep.equal(test);
    expect(programMarkFrom(session)).to.deep.equal(session);
    expect(programMarkFrom({ ...test, test: 'baseline', block: 0 })).to.not.equal(null);
  });
  const damaged: [string, unknown][] = [
    ['not an object', 'Program 5/8'],
    ['a test named "retention"', { ...test, test: 'retention' }],
    ['a test with a session number', { ...test, n: 3 }],
    ['a session with a test name', { ...session, test: 'baseline' }],
    ['session 9', { ...session, n: 9 }],
    ['session 0', { ...session, n: 0 }],
    ['session 2.5', { ...session, n: 2.5 }],
    ['an unknown kind', { ...session, kind: 'race' }],
    ['no block', { ...session, block: undefined }],
    ['block −1', { ...session, block: -1 }],
    ['a main-part time that is text', { ...session, mainFromT: '300' }],
    ['a main-part time that is NaN', { ...test, mainToT: Number.NaN }],
  ];
  for (const [what, value] of damaged) {
    it(`refuses ${what}`, () => {
      expect(programMarkFrom(value)).to.equal(null);
    });
  }
});

describe('withValidProgramMark', () => {
  it('drops a damaged mark and keeps the rest', () => {
    const meta = { id: 'run', program: { ...test, test: 'retention' } } as unknown as { id: string; program?: never };
    expect(withValidProgramMark(meta)).to.deep.equal({ id: 'run' });
  });
  it('keeps a sound mark and adds none where there was none', () => {
    const meta = { id: 'run', program: test } as unknown as { id: string; program?: never };
    expect(withValidProgramMark(meta)).to.equal(meta);
    const bare: { id: string; program?: never } = { id: 'run' };
    expect(withValidProgramMark(bare)).to.equal(bare);
  });
});

describe('the stored list of sessions', () => {
});
