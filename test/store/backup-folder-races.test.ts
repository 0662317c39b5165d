// The backup folder written by two browsers at once (a synced folder), or changed under a sync:
// the folder is looked at as it is NOW before each run's write, and the id inside a file says
// whose it is. Never an older copy over a newer one, never another run's or the runner's own file
// written over, never the same run twice.

import { expect } from '@open-wc/testing';
import { syncFolder } from '../../src/store/backup-folder.js';
import { INDEX_FILE_NAME } from '../../src/store/backup-folder-index.js';
import { runFileName } from '../../src/store/backup-folder-names.js';
import { RUN_WITH_TWO_PAUSES, watchActivity } from '../support/watch-files.js';
import { type TestFolder, copiesOf, filesOf, freshFolder, indexOf, putFile, run, secondHandleOn, workOver } from './backup-folder-rig.js';

let folder: TestFolder;
beforeEach(async () => {
  folder = await freshFolder();
});
afterEach(() => folder.remove());

describe('the backup folder writer, with the folder changing under it', () => {
  it('never writes an older copy over the newer file another browser wrote during the sync', async () => {
    const older = run(2, { name: 'Tempo' });
    const newer = run(2, { name: 'Tempo', changedAt: older.meta.changedAt! + 60_000, notes: 'corrected on the laptop' });
    const mine = workOver([run(1), older]);
    let turns = 0;
    // The other browser's whole sync runs between this one's first and second run.
    mine.betweenRuns = async () => {
      if (turns++ === 0) await syncFolder(folder.dir, workOver([newer]));
    };
    await syncFolder(folder.dir, mine);
    const copies = await copiesOf(folder.dir, 'run-2');
    expect(copies.map((c) => c.changedAt)).to.deep.equal([newer.meta.changedAt]);
    const entry = (await indexOf(folder.dir)).runs['run-2']!;
    expect(copies[0]).to.deep.equal({ file: entry.file, changedAt: entry.changedAt });
  });

  it('gives two browsers’ runs of the same name and minute a file each', async () => {
    const mine = run(1, { name: 'Morning run' });
    const theirs = run(1, { name: 'Morning run', id: 'other-browser' });
    const work = workOver([run(0), mine]);
    let turns = 0;
    work.betweenRuns = async () => {
      if (turns++ === 0) await syncFolder(folder.dir, workOver([theirs]));
    };
    await syncFolder(folder.dir, work);
    expect((await copiesOf(folder.dir, 'other-browser')).map((c) => c.file)).to.deep.equal([runFileName(mine.meta)]);
    expect((await copiesOf(folder.dir, 'run-1')).map((c) => c.file)).to.deep.equal([runFileName(mine.meta).replace('.fit', ' (2).fit')]);
  });

  it('finds a file of ours the runner renamed by hand by the id inside, and writes no second copy', async () => {
    const long = run(1, { name: 'Long' });
    await syncFolder(folder.dir, workOver([long]));
    const handle = (await folder.dir.getFileHandle(runFileName(long.meta))) as FileSystemFileHandle & { move(name: string): Promise<void> };
    await handle.move('Monday long run.fit');
    // Another browser (or this one after a restore) syncs the same run: the index still names the old file.
    await syncFolder(folder.dir, workOver([long]));
    expect((await copiesOf(folder.dir, 'run-1')).map((c) => c.file)).to.deep.equal(['Monday long run.fit']);
    expect((await indexOf(folder.dir)).runs['run-1']!.file).to.equal('Monday long run.fit');
  });

  it('names a run renamed during the sync as it was loaded', async () => {
    const easy = run(1, { name: 'Easy' });
    const tempo = run(1, { name: 'Tempo', changedAt: easy.meta.changedAt! + 1000 });
    const during = workOver([easy]);
    during.load = async () => tempo; // renamed between the list being read and the run being loaded
    await syncFolder(folder.dir, during);
    await syncFolder(folder.dir, workOver([tempo]));
    expect((await copiesOf(folder.dir, 'run-1')).map((c) => c.file)).to.deep.equal([runFileName(tempo.meta)]);
  });

  it('finds the run’s own file again after a sync cut off before its index', async () => {
    const easy = run(1, { name: 'Easy' });
    const cut = await secondHandleOn(folder.dir);
    const get = cut.getFileHandle.bind(cut);
    cut.getFileHandle = async (name: string, options?: FileSystemGetFileOptions) => {
      if (name === INDEX_FILE_NAME && options?.create) throw new DOMException('The request is not allowed by the user agent.', 'NotAllowedError');
      return get(name, options);
    };
    await syncFolder(cut, workOver([easy])).catch(() => {});
    expect((await syncFolder(folder.dir, workOver([easy]))).written, 'nothing written again').to.deep.equal([]);
    expect((await copiesOf(folder.dir, 'run-1')).map((c) => c.file)).to.deep.equal([runFileName(easy.meta)]);
    expect((await indexOf(folder.dir)).runs['run-1']!.file).to.equal(runFileName(easy.meta));
  });

  it('finds the run’s own file cut off from the index even once the run is renamed, and moves it', async () => {
    const easy = run(1, { name: 'Easy' });
    const cut = await secondHandleOn(folder.dir);
    const get = cut.getFileHandle.bind(cut);
    cut.getFileHandle = async (name: string, options?: FileSystemGetFileOptions) => {
      if (name === INDEX_FILE_NAME && options?.create) throw new DOMException('The request is not allowed by the user agent.', 'NotAllowedError');
      return get(name, options);
    };
    await syncFolder(cut, workOver([easy])).catch(() => {});
    const tempo = run(1, { name: 'Tempo', changedAt: easy.meta.changedAt! + 1000 });
    await syncFolder(folder.dir, workOver([tempo]));
    expect(await copiesOf(folder.dir, 'run-1')).to.deep.equal([{ file: runFileName(tempo.meta), changedAt: tempo.meta.changedAt }]);
  });

  it('never writes over the runner’s own file that now has the run’s file name', async () => {
    const easy = run(1, { name: 'Easy' });
    await syncFolder(folder.dir, workOver([easy]));
    const theirs = watchActivity({ ...RUN_WITH_TWO_PAUSES, sampling: 'every-second', seed: 4 }).fit;
    await putFile(folder.dir, runFileName(easy.meta), theirs);
    await syncFolder(folder.dir, workOver([run(1, { name: 'Easy', notes: 'windy', changedAt: easy.meta.changedAt! + 1000 })]));
    const files = await filesOf(folder.dir);
    expect(files.get(runFileName(easy.meta))).to.deep.equal(theirs);
    expect((await copiesOf(folder.dir, 'run-1')).map((c) => c.file)).to.deep.equal([runFileName(easy.meta).replace('.fit', ' (2).fit')]);
  });

  it('writes no second copy of a run whose unindexed file the runner renamed by hand', async () => {
    const one = run(1, { name: 'Long run' });
    await syncFolder(folder.dir, workOver([one]));
    const fileName = runFileName(one.meta);
    const bytes = (await filesOf(folder.dir)).get(fileName)!;
    await folder.dir.removeEntry(INDEX_FILE_NAME); // the sync as if cut off before its index
    await putFile(folder.dir, 'Sunday long run with Anna.fit', bytes);
    await folder.dir.removeEntry(fileName);
    await syncFolder(folder.dir, workOver([one]));
    expect((await copiesOf(folder.dir, 'run-1')).map((c) => c.file)).to.deep.equal(['Sunday long run with Anna.fit']);
  });

  it('writes no second copy of an unindexed run after the computer’s time zone changed', async () => {
    const one = run(1, { name: 'Long run' });
    await syncFolder(folder.dir, workOver([one]));
    await folder.dir.removeEntry(INDEX_FILE_NAME);
    const getHours = Date.prototype.getHours;
    // One hour east: every local hour reads one more, and so does the minute in the run's file name.
    Date.prototype.getHours = function (this: Date) {
      return (getHours.call(this) + 1) % 24;
    };
    try {
      await syncFolder(folder.dir, workOver([one]));
    } finally {
      Date.prototype.getHours = getHours;
    }
    expect(await copiesOf(folder.dir, 'run-1')).to.have.length(1);
  });

  it('reads the folder’s files for their ids at most once a sync, and only when a run would get a new file', async () => {
    const runs = [run(1), run(2), run(3)];
    await syncFolder(folder.dir, workOver(runs));
    const work = workOver([...runs, run(4), run(5)]);
    const read = work.readFileRun;
    let reads = 0;
    work.readFileRun = (file) => {
      reads++;
      return read(file);
    };
    await syncFolder(folder.dir, work);
    // Runs 4 and 5 each look at their own name (nothing there), and the three files are read once.
    expect(reads).to.equal(3);
    reads = 0;
    await syncFolder(folder.dir, workOver([...runs, run(4), run(5)]));
    expect(reads).to.equal(0);
  });

  it('writes no older copy of a run whose index entry is newer while its file is still on its way', async () => {
    const older = run(1, { name: 'Tempo' });
    const newer = run(1, { name: 'Race', changedAt: older.meta.changedAt! + 60_000 });
    await syncFolder(folder.dir, workOver([older]));
    await syncFolder(folder.dir, workOver([newer])); // the laptop's sync: the file moved to "… Race.fit"
    const newFile = runFileName(newer.meta);
    const bytes = (await filesOf(folder.dir)).get(newFile)!;
    await folder.dir.removeEntry(newFile); // not yet delivered on the desktop
    const result = await syncFolder(folder.dir, workOver([older])); // the desktop's sync
    expect(result.held).to.equal(0);
    await putFile(folder.dir, newFile, bytes); // delivered
    expect(await copiesOf(folder.dir, 'run-1')).to.deep.equal([{ file: newFile, changedAt: newer.meta.changedAt }]);
  });

  it('never replaces a file that appeared under a renamed run’s new name while its file was written', async () => {
    const before = run(1, { name: 'Tempo' });
    await syncFolder(folder.dir, workOver([before]));
    const renamed = run(1, { name: 'Race', changedAt: before.meta.changedAt! + 60_000 });
    const theirs = run(1, { id: 'other-browser', name: 'Race' });
    const other = await secondHandleOn(folder.dir);
    const get = folder.dir.getFileHandle.bind(folder.dir);
    folder.dir.getFileHandle = async (name: string, options?: FileSystemGetFileOptions) => {
      // The in-place write of the renamed run: another browser's sync lands its own "… Race.fit" meanwhile.
      if (name === runFileName(before.meta) && options?.create) await syncFolder(other, workOver([theirs]));
      return get(name, options);
    };
    await syncFolder(folder.dir, workOver([renamed]));
    folder.dir.getFileHandle = get;
    expect((await copiesOf(folder.dir, 'other-browser')).map((c) => c.file)).to.deep.equal([runFileName(renamed.meta)]);
    expect((await copiesOf(folder.dir, 'run-1')).map((c) => c.file)).to.deep.equal([runFileName(renamed.meta).replace('.fit', ' (2).fit')]);
  });
});
