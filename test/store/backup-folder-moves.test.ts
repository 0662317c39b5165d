// A renamed run's file moved to its new name: the clash number the writer gave is told apart from a
// " (2)" the runner typed, the run's own file is never a clash (a folder blind to case), and a move
// that failed is tried again at the next sync.

import { expect } from '@open-wc/testing';
import { syncFolder } from '../../src/store/backup-folder.js';
import { runFileName } from '../../src/store/backup-folder-names.js';
import { type TestFolder, copiesOf, freshFolder, run, workOver } from './backup-folder-rig.js';

let folder: TestFolder;
beforeEach(async () => {
  folder = await freshFolder();
});
afterEach(() => folder.remove());

interface Movable extends FileSystemFileHandle {
  move(name: string): Promise<void>;
}

describe('the backup folder writer, moving a renamed run’s file', () => {
  it('moves a run named “Hill repeats (2)” to “… Hill repeats.fit” once renamed “Hill repeats”', async () => {
    const before = run(1, { name: 'Hill repeats (2)' });
    await syncFolder(folder.dir, workOver([before]));
    const renamed = run(1, { name: 'Hill repeats', changedAt: before.meta.changedAt! + 60_000 });
    await syncFolder(folder.dir, workOver([renamed]));
    expect((await copiesOf(folder.dir, 'run-1')).map((c) => c.file)).to.deep.equal([runFileName(renamed.meta)]);
  });

  it('moves “… tempo.fit” to “… Tempo.fit”, not “… Tempo (2).fit”, on a folder blind to case', async () => {
    // The origin private file system tells case apart: its lookups are made case-blind as NTFS and APFS do.
    const get = folder.dir.getFileHandle.bind(folder.dir);
    folder.dir.getFileHandle = async (name: string, options?: FileSystemGetFileOptions) => {
      for await (const entry of folder.dir.values()) {
        if (entry.kind === 'file' && entry.name.toLowerCase() === name.toLowerCase()) return get(entry.name, options);
      }
      return get(name, options);
    };
    const before = run(1, { name: 'tempo' });
    await syncFolder(folder.dir, workOver([before]));
    const renamed = run(1, { name: 'Tempo', changedAt: before.meta.changedAt! + 60_000 });
    await syncFolder(folder.dir, workOver([renamed]));
    folder.dir.getFileHandle = get;
    expect((await copiesOf(folder.dir, 'run-1')).map((c) => c.file)).to.deep.equal([runFileName(renamed.meta)]);
  });

  it('tries a failed move again at the next sync', async () => {
    const before = run(1, { name: 'Tempo' });
    await syncFolder(folder.dir, workOver([before]));
    const renamed = run(1, { name: 'Race', changedAt: before.meta.changedAt! + 60_000 });
    const get = folder.dir.getFileHandle.bind(folder.dir);
    folder.dir.getFileHandle = async (name: string, options?: FileSystemGetFileOptions) => {
      const handle = (await get(name, options)) as Movable;
      handle.move = async () => {
        throw new DOMException('The file is open in another program.', 'NoModificationAllowedError');
      };
      return handle;
    };
    await syncFolder(folder.dir, workOver([renamed]));
    folder.dir.getFileHandle = get;
    expect((await copiesOf(folder.dir, 'run-1')).map((c) => c.file)).to.deep.equal([runFileName(before.meta)]);
    await syncFolder(folder.dir, workOver([renamed]));
    expect(await copiesOf(folder.dir, 'run-1')).to.deep.equal([{ file: runFileName(renamed.meta), changedAt: renamed.meta.changedAt }]);
  });
});
