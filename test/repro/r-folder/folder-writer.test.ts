// Reviewer repros (issue 21, writing the backup folder): where the folder writer loses a runner's
// newer file, writes a name a file system refuses, or lets one run stop all the others.
// Issue: "never overwrite a newer file with an older one, never delete a runner's file, and say
// what happened."

import { expect } from '@open-wc/testing';
import { syncFolder } from '../../../src/store/backup-folder.js';
import { INDEX_FILE_NAME } from '../../../src/store/backup-folder-index.js';
import { runFileName } from '../../../src/store/backup-folder-names.js';
import type { FolderHandle } from '../../../src/store/backup-folder-files.js';
import { RUN_WITH_TWO_PAUSES, watchActivity } from '../../support/watch-files.js';
import { type TestFolder, fileRunIn, filesOf, freshFolder, indexOf, putFile, run, workOver } from '../../store/backup-folder-rig.js';

let folder: TestFolder;
beforeEach(async () => {
  folder = await freshFolder();
});
afterEach(() => folder.remove());

/** Every FIT file in the folder that says it holds `id`, with the changedAt it carries. */
async function copiesOf(dir: FolderHandle, id: string): Promise<{ file: string; changedAt: number }[]> {
  const copies: { file: string; changedAt: number }[] = [];
  for (const [name, bytes] of await filesOf(dir)) {
    if (!name.endsWith('.fit')) continue;
    let held: ReturnType<typeof fileRunIn> = null;
    try {
      held = fileRunIn(bytes);
    } catch {
      continue; // not a whole FIT file
    }
    if (held?.id === id) copies.push({ file: name, changedAt: held.changedAt });
  }
  return copies.sort((a, b) => a.file.localeCompare(b.file));
}

/** Makes writes of the file `name` fail as a full disk does (the handle's own methods, patched). */
function failWritesOf(dir: FolderHandle, name: string): void {
  const get = dir.getFileHandle.bind(dir);
  dir.getFileHandle = async (asked: string, options?: FileSystemGetFileOptions) => {
    const handle = await get(asked, options);
    if (asked !== name) return handle;
    const open = handle.createWritable.bind(handle);
    handle.createWritable = async (o?: FileSystemCreateWritableOptions) => {
      const writable = await open(o);
      writable.write = async () => {
        throw new DOMException('The operation failed because it would cause the application to exceed its storage quota.', 'QuotaExceededError');
      };
      return writable;
    };
    return handle;
  };
}

describe('r-folder: writing the backup folder', () => {
  // Two browsers (or two tabs) write the same synced folder. Browser A reads the folder at the start
  // of its sync; while it writes its first run, browser B writes its newer copy of run 2. A then
  // writes its older copy of run 2 over B's file, because its list of names and its index were read
  // before B's write. The index (merged) still says the newer copy is there, so no later sync ever
  // fixes it: the runner's correction made on B is gone from the folder.
  it('never writes an older copy of a run over the newer file another browser wrote during the sync', async () => {
    const older = run(2, { name: 'Tempo' });
    const newer = run(2, { name: 'Tempo', changedAt: older.meta.changedAt! + 60_000, notes: 'corrected on the laptop' });
    const workA = workOver([run(1), older]);
    let turns = 0;
    workA.betweenRuns = async () => {
      // Browser B's whole sync runs between A's first and second run.
      if (turns++ === 0) await syncFolder(folder.dir, workOver([newer]));
    };
    await syncFolder(folder.dir, workA);
    const copies = await copiesOf(folder.dir, 'run-2');
    expect(copies.map((c) => c.changedAt), 'the newer copy is still in the folder').to.include(newer.meta.changedAt);
    const entry = (await indexOf(folder.dir)).runs['run-2']!;
    const inFile = copies.find((c) => c.file === entry.file);
    expect(inFile?.changedAt, 'the file the index names holds what the index says').to.equal(entry.changedAt);
  });

  // The same watch run imported in two browsers gets two ids but the same start and name, so the
  // same file name. If both sync at once, the second writes its file over the first browser's file
  // instead of numbering it " (2)": one run's file (and its id) is lost from the folder.
  it('two browsers syncing at once each keep their own file for runs with the same name and minute', async () => {
    const mine = run(1, { name: 'Morning run' });
    const theirs = { ...run(1, { name: 'Morning run' }), meta: { ...run(1, { name: 'Morning run' }).meta, id: 'other-browser' } };
    const workA = workOver([run(0), mine]);
    let turns = 0;
    workA.betweenRuns = async () => {
      if (turns++ === 0) await syncFolder(folder.dir, workOver([theirs]));
    };
    await syncFolder(folder.dir, workA);
    expect(await copiesOf(folder.dir, 'other-browser'), 'the other browser’s file').to.have.length(1);
    expect(await copiesOf(folder.dir, 'run-1'), 'this browser’s file').to.have.length(1);
  });

  // Linux and Android file systems (ext4, f2fs) allow 255 BYTES in a file name; the name is cut
  // at 80 characters, but 80 characters of a runner's language or emoji are up to 320 bytes, and
  // such a run's file can never be written there.
  it('gives every run a file name of at most 255 bytes, whatever script its name is in', () => {
    for (const name of ['長距離走'.repeat(20), '🏃'.repeat(80), 'Долгий бег по набережной '.repeat(4)]) {
      const file = runFileName(run(1, { name }).meta);
      expect(new TextEncoder().encode(file).length, file).to.be.at.most(255);
    }
  });

  // One run the folder cannot take (a long run when the disk is nearly full; a name the file
  // system refuses) throws out of the whole sync: every run after it is never written, at every
  // sync, and the runner is not told which run. The issue: "nothing is lost … written at the next
  // chance" and "say what happened".
  it('a run whose file cannot be written does not stop the runs after it, and is named in the problems', async () => {
    const runs = [run(1, { name: 'Long run' }), run(2, { name: 'Easy' }), run(3, { name: 'Intervals' })];
    failWritesOf(folder.dir, runFileName(runs[0]!.meta));
    let result: Awaited<ReturnType<typeof syncFolder>> | null = null;
    let thrown: unknown = null;
    try {
      result = await syncFolder(folder.dir, workOver(runs));
    } catch (error) {
      thrown = error;
    }
    expect(await copiesOf(folder.dir, 'run-2'), 'run 2 written').to.have.length(1);
    expect(await copiesOf(folder.dir, 'run-3'), 'run 3 written').to.have.length(1);
    expect(thrown, 'the sync went on').to.equal(null);
    expect(result!.problems.join(' ')).to.match(/Long run/);
  });

  // The file is made (getFileHandle with create) before its bytes are written; when the write
  // fails (disk full) the write is aborted but the new, empty file stays: a 0-byte "run" in the
  // runner's folder, which a restore on the next computer reports as a damaged file. The writer's
  // own promise: "a run's file is either the old copy whole or the new one whole, never cut short".
  it('a write that fails for a new run leaves no empty file in the folder', async () => {
    const long = run(1, { name: 'Long run' });
    failWritesOf(folder.dir, runFileName(long.meta));
    await syncFolder(folder.dir, workOver([long])).catch(() => {});
    const files = await filesOf(folder.dir);
    const empty = [...files].filter(([name, bytes]) => name.endsWith('.fit') && bytes.length === 0).map(([name]) => name);
    expect(empty).to.deep.equal([]);
  });

  // A renamed run's file is moved to its new name before the new bytes are written. When that
  // write fails (disk full) the index still names the old file, which no longer exists, so the
  // next sync writes the run again under a new " (2)" name: two files of the same run in the
  // folder, one of them orphaned, the other not even under the run's name.
  it('a rename whose write failed leaves one file of the run, under its new name, once a later sync succeeds', async () => {
    const first = run(1, { name: 'Easy' });
    await syncFolder(folder.dir, workOver([first]));
    const renamed = run(1, { name: 'Tempo', changedAt: first.meta.changedAt! + 1000 });
    const failing = (await freshFolderView(folder.dir));
    failWritesOf(failing, runFileName(renamed.meta));
    await syncFolder(failing, workOver([renamed])).catch(() => {});
    await syncFolder(folder.dir, workOver([renamed]));
    const copies = await copiesOf(folder.dir, 'run-1');
    expect(copies.map((c) => c.file)).to.deep.equal([runFileName(renamed.meta)]);
  });

  // The runner renames a run while a sync is under way (the sync read the list of runs, then loads
  // the run to encode it). The file is named from the list (the old name) but the index records the
  // loaded run's changedAt (the rename's), so the next sync thinks the folder is up to date and the
  // file keeps the old name for good: the runner looks for "Tempo" and finds "Easy".
  it('a run renamed while a sync writes it ends up in a file under its new name', async () => {
    const easy = run(1, { name: 'Easy' });
    const tempo = run(1, { name: 'Tempo', changedAt: easy.meta.changedAt! + 1000 });
    const during = workOver([easy]);
    during.load = async () => tempo; // renamed between the list being read and the run being loaded
    await syncFolder(folder.dir, during);
    await syncFolder(folder.dir, workOver([tempo]));
    const copies = await copiesOf(folder.dir, 'run-1');
    expect(copies.map((c) => c.file)).to.deep.equal([runFileName(tempo.meta)]);
  });

  // Permission taken back (or the folder's drive gone) between a run's FIT file and the index
  // write: the file is there, the index does not name it. The next sync does not look for the
  // run's own file (its id is inside it) and writes the run again as "… (2).fit": the same run
  // twice in the folder, and twice on the next computer's restore list.
  it('a sync cut off between a run’s file and the index does not leave the run in the folder twice', async () => {
    const easy = run(1, { name: 'Easy' });
    const cut = await freshFolderView(folder.dir);
    const get = cut.getFileHandle.bind(cut);
    cut.getFileHandle = async (name: string, options?: FileSystemGetFileOptions) => {
      if (name === INDEX_FILE_NAME && options?.create) throw new DOMException('The request is not allowed by the user agent.', 'NotAllowedError');
      return get(name, options);
    };
    await syncFolder(cut, workOver([easy])).catch(() => {});
    await syncFolder(folder.dir, workOver([easy]));
    expect((await copiesOf(folder.dir, 'run-1')).map((c) => c.file)).to.deep.equal([runFileName(easy.meta)]);
  });

  // The runner replaced the run's file with a FIT of their own under the same name (trimmed in
  // another tool, or their watch's file for the same run). The next change of the run in the app
  // (a note) writes over it without looking: the index says the name is ours, the file no longer
  // is. The issue: "never delete a runner's file".
  it('never writes over a file of the runner’s own that now has the run’s file name', async () => {
    const easy = run(1, { name: 'Easy' });
    await syncFolder(folder.dir, workOver([easy]));
    const theirs = watchActivity({ ...RUN_WITH_TWO_PAUSES, sampling: 'every-second', seed: 4 }).fit;
    await putFile(folder.dir, runFileName(easy.meta), theirs);
    const noted = run(1, { name: 'Easy', notes: 'windy', changedAt: easy.meta.changedAt! + 1000 });
    await syncFolder(folder.dir, workOver([noted]));
    const files = await filesOf(folder.dir);
    const kept = [...files.values()].some((bytes) => bytes.length === theirs.length && bytes.every((b, i) => b === theirs[i]));
    expect(kept, 'the runner’s own file is still in the folder').to.equal(true);
  });

  // An index written by a newer Stridewise (another computer updated first) is called damaged,
  // put aside and replaced by this older version's index, at every sync: an older app writing
  // over a newer file, and the newer app's index churned into "damaged" copies.
  it('does not replace an index a newer Stridewise wrote', async () => {
    const newer = JSON.stringify({ format: 'stridewise-folder', version: 2, runs: {}, devices: ['laptop'] });
    await putFile(folder.dir, INDEX_FILE_NAME, newer);
    await syncFolder(folder.dir, workOver([run(1)])).catch(() => {});
    const text = new TextDecoder().decode((await filesOf(folder.dir)).get(INDEX_FILE_NAME));
    expect(JSON.parse(text)).to.include({ version: 2 });
  });
});

/** A second handle on the same folder (so patching it leaves the first as it is). */
async function freshFolderView(dir: FolderHandle): Promise<FolderHandle> {
  const root = await navigator.storage.getDirectory();
  const path = await root.resolve(dir);
  let at: FileSystemDirectoryHandle = root;
  for (const part of path ?? []) at = await at.getDirectoryHandle(part);
  return at as FolderHandle;
}
