// File names in the backup folder: date, start and the run's name, safe on every system, and
// " (2)" for a name another file has.

import { expect } from '@open-wc/testing';
import { fileSafe, numberedName, runFileName, uniqueFileName } from '../../src/store/backup-folder-names.js';

const at = new Date(2026, 11, 7, 18, 5, 30).getTime();

describe('backup folder file names', () => {
  it('read the local date, start and name', () => {
    expect(runFileName({ startedAt: at, name: 'Easy run', origin: 'bluetooth' })).to.equal('2026-12-07 18.05 Easy run.fit');
  });

  it('name an unnamed run by its kind', () => {
    expect(runFileName({ startedAt: at, name: '', origin: 'bluetooth' })).to.equal('2026-12-07 18.05 Run.fit');
    expect(runFileName({ startedAt: at, name: '', sport: 'walk', origin: 'import' })).to.equal('2026-12-07 18.05 Walk.fit');
  });

  it('replace what Windows, macOS or Android refuse, and trim dots and spaces at the ends', () => {
    expect(fileSafe('a/b\\c:d*e?f"g<h>i|j\u0001k')).to.equal('a-b-c-d-e-f-g-h-i-j-k');
    expect(fileSafe('  ..tempo..  ')).to.equal('tempo');
    expect(fileSafe('x'.repeat(200))).to.have.length(80);
    expect(runFileName({ startedAt: at, name: '../../etc', origin: 'bluetooth' })).to.equal('2026-12-07 18.05 -..-etc.fit');
    expect(runFileName({ startedAt: at, name: '...', origin: 'bluetooth' })).to.equal('2026-12-07 18.05 Run.fit');
  });

  it('give a taken name " (2)", " (3)"…, without regard to case', () => {
    expect(uniqueFileName('a.fit', new Set())).to.equal('a.fit');
    expect(uniqueFileName('a.fit', new Set(['A.FIT']))).to.equal('a (2).fit');
    expect(uniqueFileName('a.fit', new Set(['a.fit', 'a (2).fit']))).to.equal('a (3).fit');
  });

  // ext4 and f2fs (Linux, Android) allow 255 bytes: 80 characters of Japanese or emoji are up to 320.
  it('stay within 255 bytes whatever script the name is in, with room for " (n)", cut between characters', () => {
    for (const name of ['長距離走'.repeat(20), '🏃'.repeat(80), 'Долгий бег по набережной '.repeat(4), 'é'.repeat(200)]) {
      const file = numberedName(runFileName({ startedAt: at, name, origin: 'bluetooth' }), 99_999);
      expect(new TextEncoder().encode(file).length, file).to.be.at.most(255);
      expect((file as unknown as { isWellFormed(): boolean }).isWellFormed(), 'no character split').to.equal(true);
      expect(file.startsWith(`2026-12-07 18.05 ${name.slice(0, 10)}`)).to.equal(true);
    }
    expect(fileSafe('🏃'.repeat(80))).to.equal('🏃'.repeat(56));
  });
});
