// The backup folder writer when a write fails or the folder is not ours to write: a run that
// fails is named and the others go on, a failed new file leaves nothing behind, a failed rename
// leaves one file of the run, and an index a newer Stridewise wrote is left alone.

import { expect } from '@open-wc/testing';
import { RUNS_PER_INDEX_WRITE, syncFolder } from '../../src/store/backup-folder.js';
import { INDEX_FILE_NAME } from '../../src/store/backup-folder-index.js';
import { runFileName } from '../../src/store/backup-folder-names.js';
import { type TestFolder, copiesOf, failWritesOf, filesOf, freshFolder, indexOf, putFile, run, secondHandleOn, workOver } from './backup-folder-rig.js';

let folder: TestFolder;
beforeEach(async () => {
  folder = await freshFolder();
});
afterEach(() => folder.remove());

describe('the backup folder writer, when writes fail', () => {
  it('goes on past a run whose file cannot be written, names it, and writes it at the next sync', async () => {
    const runs = [run(1, { name: 'Long run' }), run(2, { name: 'Easy' }), run(3, { name: 'Intervals' })];
    const failing = await secondHandleOn(folder.dir);
    failWritesOf(failing, runFileName(runs[0]!.meta));
    const result = await syncFolder(failing, workOver(runs));
    expect(result.written).to.deep.equal(['run-2', 'run-3']);
    expect(result.problems.join(' ')).to.match(/“Long run” could not be written \(the folder’s disk is full\).*tried again at the next sync/);
    expect(result.full).to.equal(true);
    expect((await syncFolder(folder.dir, workOver(runs))).written).to.deep.equal(['run-1']);
  });

  it('leaves no empty file when the write of a new run fails', async () => {
    const long = run(1, { name: 'Long run' });
    failWritesOf(folder.dir, runFileName(long.meta));
    await syncFolder(folder.dir, workOver([long]));
    expect([...(await filesOf(folder.dir)).keys()]).to.deep.equal([INDEX_FILE_NAME]);
  });

  it('leaves one file of a renamed run when its write fails, under its new name once a sync succeeds', async () => {
    const first = run(1, { name: 'Easy' });
    await syncFolder(folder.dir, workOver([first]));
    const renamed = run(1, { name: 'Tempo', changedAt: first.meta.changedAt! + 1000 });
    const failing = await secondHandleOn(folder.dir);
    failWritesOf(failing, runFileName(first.meta), runFileName(renamed.meta));
    expect((await syncFolder(failing, workOver([renamed]))).written).to.deep.equal([]);
    expect(await copiesOf(folder.dir, 'run-1')).to.deep.equal([{ file: runFileName(first.meta), changedAt: first.meta.changedAt }]);
    await syncFolder(folder.dir, workOver([renamed]));
    expect(await copiesOf(folder.dir, 'run-1')).to.deep.equal([{ file: runFileName(renamed.meta), changedAt: renamed.meta.changedAt }]);
  });

  it('leaves an index a newer Stridewise wrote, and the folder, alone, and says to update', async () => {
    const newer = JSON.stringify({ format: 'stridewise-folder', version: 2, runs: {}, devices: ['laptop'] });
    await putFile(folder.dir, INDEX_FILE_NAME, newer);
    const result = await syncFolder(folder.dir, workOver([run(1)]));
    expect(result.problems.join(' ')).to.match(/written by a newer Stridewise: update this app/);
    const files = await filesOf(folder.dir);
    expect([...files.keys()]).to.deep.equal([INDEX_FILE_NAME]);
    expect(new TextDecoder().decode(files.get(INDEX_FILE_NAME))).to.equal(newer);
  });

  it('writes the index once per batch of runs, not once per run', async () => {
    const runs = Array.from({ length: RUNS_PER_INDEX_WRITE + 5 }, (_, n) => run(n));
    const get = folder.dir.getFileHandle.bind(folder.dir);
    let indexWrites = 0;
    folder.dir.getFileHandle = async (name: string, options?: FileSystemGetFileOptions) => {
      if (name === INDEX_FILE_NAME && options?.create) indexWrites++;
      return get(name, options);
    };
    const work = workOver(runs);
    work.betweenRuns = async () => {};
    await syncFolder(folder.dir, work);
    expect(indexWrites).to.equal(2);
    expect(Object.keys((await indexOf(folder.dir)).runs)).to.have.length(runs.length);
  });
});
