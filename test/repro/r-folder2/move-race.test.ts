// Repro (r-folder2): a renamed run's file is written in place, then moved to its new name. The
// new name was seen free when the folder was looked at, but the move comes after the whole write:
// a file another browser's sync puts under that name meanwhile is replaced by the move.

import { expect } from '@open-wc/testing';
import { syncFolder } from '../../../src/store/backup-folder.js';
import { runFileName } from '../../../src/store/backup-folder-names.js';
import { type TestFolder, copiesOf, freshFolder, run, workOver } from '../../store/backup-folder-rig.js';

let folder: TestFolder;
beforeEach(async () => {
  folder = await freshFolder();
});
afterEach(() => folder.remove());

interface Movable extends FileSystemFileHandle {
  move(name: string): Promise<void>;
}

describe('r-folder2: a renamed run’s file moved to its new name', () => {
  // The issue: "never delete a runner's file". Chromium's move() replaces a file already under
  // the target name, so a run another browser wrote under the same name and minute (its own run,
  // or the runner's file) between the look and the move is gone for good.
  it('never replaces a file that appeared under the new name after the folder was looked at', async () => {
    const before = run(1, { name: 'Tempo' });
    await syncFolder(folder.dir, workOver([before]));
    const renamed = run(1, { name: 'Race', changedAt: before.meta.changedAt! + 60_000 });
    const target = runFileName(renamed.meta);
    const theirs = run(1, { id: 'other-browser', name: 'Race' });
    const get = folder.dir.getFileHandle.bind(folder.dir);
    folder.dir.getFileHandle = async (name: string, options?: FileSystemGetFileOptions) => {
      const handle = (await get(name, options)) as Movable;
      if (name === runFileName(before.meta) && options === undefined && typeof handle.move === 'function') {
        const move = handle.move.bind(handle);
        handle.move = async (to: string) => {
          // The other browser's sync lands its own run under that name just now.
          const other = await folder.parent.getDirectoryHandle(folder.name);
          await syncFolder(other as typeof folder.dir, workOver([theirs]));
          return move(to);
        };
      }
      return handle;
    };
    await syncFolder(folder.dir, workOver([renamed]));
    folder.dir.getFileHandle = get;
    expect(await copiesOf(folder.dir, 'other-browser'), `the other browser's ${target}`).to.have.length(1);
    expect(await copiesOf(folder.dir, 'run-1')).to.have.length(1);
  });
});
