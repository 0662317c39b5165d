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

  it('leaves alone a newer Stridewise’s index written while the sync runs, and writes no run after it', async () => {
    const newer = `${JSON.stringify({ format: 'stridewise-folder', version: 2, runs: {}, layout: 'by-year' })}\n`;
    const work = workOver([run(1), run(2)]);
    let turns = 0;
    work.betweenRuns = async () => {
      if (turns++ === 0) await putFile(folder.dir, INDEX_FILE_NAME, newer);
    };
    const result = await syncFolder(folder.dir, work);
    expect(result.newer).to.equal(true);
    expect(new TextDecoder().decode((await filesOf(folder.dir)).get(INDEX_FILE_NAME))).to.equal(newer);
  });

  it('leaves alone a newer index met at the batch index write, and stops writing runs there', async () => {
    const newer = `${JSON.stringify({ format: 'stridewise-folder', version: 3, runs: {} })}\n`;
    const runs = Array.from({ length: RUNS_PER_INDEX_WRITE + 2 }, (_, n) => run(n + 1));
    const work = workOver(runs);
    let turns = 0;
    work.betweenRuns = async () => {
      if (turns++ === 5) await putFile(folder.dir, INDEX_FILE_NAME, newer);
    };
    const result = await syncFolder(folder.dir, work);
    expect(new TextDecoder().decode((await filesOf(folder.dir)).get(INDEX_FILE_NAME))).to.equal(newer);
    // The batch write came after run 19 (a folder without an index counts as one pending write); none after it.
    expect(result.written).to.have.length(RUNS_PER_INDEX_WRITE - 1);
    expect(result.problems.join(' ')).to.match(/written by a newer Stridewise/);
  });

  it('says an index that could not be written is tried again, against no run', async () => {
    const runs = [run(1, { name: 'Long run' })];
    const failing = await secondHandleOn(folder.dir);
    failWritesOf(failing, INDEX_FILE_NAME);
    const result = await syncFolder(failing, workOver(runs));
    expect(result.problems.join(' ')).to.match(/stridewise-index\.json could not be written.*tried again at the next sync/);
    expect(result.problems.join(' ')).to.not.match(/Long run/);
  });

  it('writes nothing once told to stop, not even the index (a folder forgotten while the sync waited)', async () => {
    const work = workOver([run(1)]);
    work.shouldStop = () => true;
    await syncFolder(folder.dir, work);
    expect([...(await filesOf(folder.dir)).keys()]).to.deep.equal([]);
  });

  for (const file of ['..', 'Runs\\2026-12-02 07.00 Run.fit']) {
    it(`writes a changed run whose hand-edited index entry names the file ${JSON.stringify(file)}`, async () => {
      const one = run(1);
      const changed = run(1, { name: 'Renamed', changedAt: one.meta.changedAt! + 60_000 });
      const index = { format: 'stridewise-folder', version: 1, runs: { 'run-1': { file, startedAt: one.meta.startedAt, name: '', notes: '', changedAt: one.meta.changedAt } } };
      await putFile(folder.dir, INDEX_FILE_NAME, JSON.stringify(index));
      const result = await syncFolder(folder.dir, workOver([changed]));
      expect(result.problems).to.deep.equal([]);
      expect((await copiesOf(folder.dir, 'run-1')).map((c) => c.file)).to.deep.equal([runFileName(changed.meta)]);
    });
  }
});
