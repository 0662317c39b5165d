import { expect } from '@open-wc/testing';
import { openedFilesNotice, pageForOpenedFiles } from '../../src/app/launch-words.js';
import type { FileOutcome } from '../../src/services/data-files.js';

const stored = (fileName: string, id: string): FileOutcome => ({ fileName, ok: true, message: 'Imported “Easy run”.', id });
const refused = (fileName: string): FileOutcome => ({ fileName, ok: false, message: 'This file is neither FIT nor TCX.' });

describe('files opened with the app or shared to it', () => {
  // [outcomes, run going on, page shown]
  const pages: [string, FileOutcome[], boolean, string | null][] = [
    ['one run: its page', [stored('a.fit', 'r1')], false, '/history/r1'],
    ['several files, one stored: History', [stored('a.fit', 'r1'), refused('b.txt')], false, '/history'],
    ['several runs: History', [stored('a.fit', 'r1'), stored('b.tcx', 'r2')], false, '/history'],
    ['nothing stored: no page change', [refused('b.txt')], false, null],
    ['no file at all: no page change', [], false, null],
    ['a run being recorded is never left', [stored('a.fit', 'r1')], true, null],
    ['nor for several', [stored('a.fit', 'r1'), stored('b.tcx', 'r2')], true, null],
  ];
  for (const [name, outcomes, runGoingOn, page] of pages) {
    it(name, () => expect(pageForOpenedFiles(outcomes, runGoingOn)).to.equal(page));
  }

  it('says each file with its outcome, a refused one with its reason', () => {
    expect(openedFilesNotice([stored('a.fit', 'r1'), refused('b.txt')], false, false)).to.equal(
      'a.fit: Imported “Easy run”. b.txt: This file is neither FIT nor TCX.',
    );
  });

  it('tells a runner recording that the run goes on and where the import went', () => {
    expect(openedFilesNotice([stored('a.fit', 'r1')], true, false)).to.equal('a.fit: Imported “Easy run”. Your run goes on recording; the imported run is in History.');
    expect(openedFilesNotice([stored('a.fit', 'r1'), stored('b.fit', 'r2')], true, true)).to.match(/the imported runs are in History\.$/);
    expect(openedFilesNotice([refused('b.txt')], true, false)).to.equal('b.txt: This file is neither FIT nor TCX.');
  });

  it('says when a share held no file', () => {
    expect(openedFilesNotice([], false, true)).to.equal('Nothing came with the share: it held no file to import.');
  });
});
