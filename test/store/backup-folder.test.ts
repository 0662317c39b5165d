// The backup folder's writer against a real directory handle (the origin private file system):
// every finished run as a FIT file plus the index, a diff each time, never the run recording,
// never an older copy over a newer file, never a file deleted, a clash numbered, a damaged index
// rebuilt without losing what it knew, a renamed run's file moved, and a write failing half-way
// leaving the old file whole.

import { expect } from '@open-wc/testing';
import { syncFolder } from '../../src/store/backup-folder.js';
import { INDEX_FILE_NAME, indexText } from '../../src/store/backup-folder-index.js';
import { runFileName } from '../../src/store/backup-folder-names.js';
import { type TestFolder, START, fileRunIn, filesOf, freshFolder, indexOf, putFile, run, workOver } from './backup-folder-rig.js';
import { encodeFit } from '../../src/export/fit.js';

let folder: TestFolder;
beforeEach(async () => {
  folder = await freshFolder();
});
afterEach(() => folder.remove());

const fitNames = (files: Map<string, Uint8Array>) => [...files.keys()].filter((n) => n.endsWith('.fit')).sort();

describe('the backup folder writer', () => {
  it('writes each finished run as a FIT file carrying its id, and the index', async () => {
    const runs = [run(1, { name: 'Easy run', notes: 'felt good' }), run(2)];
    const result = await syncFolder(folder.dir, workOver(runs));
    expect(result).to.deep.equal({ written: ['run-1', 'run-2'], problems: [], held: 2, full: false });
    const files = await filesOf(folder.dir);
    expect(fitNames(files)).to.deep.equal([runFileName(runs[0]!.meta), runFileName(runs[1]!.meta)].sort());
    for (const { meta } of runs) expect(fileRunIn(files.get(runFileName(meta))!)).to.deep.equal({ id: meta.id, changedAt: meta.changedAt });
    const index = await indexOf(folder.dir);
    expect(index.runs['run-1']).to.deep.equal({
      file: runFileName(runs[0]!.meta),
      startedAt: runs[0]!.meta.startedAt,
      name: 'Easy run',
      notes: 'felt good',
      changedAt: runs[0]!.meta.changedAt,
    });
  });

  it('writes nothing the folder holds already; a changed run is written again', async () => {
    const runs = [run(1), run(2)];
    await syncFolder(folder.dir, workOver(runs));
    expect((await syncFolder(folder.dir, workOver(runs))).written).to.deep.equal([]);
    const changed = [runs[0]!, { ...runs[1]!, meta: { ...runs[1]!.meta, notes: 'hills', changedAt: runs[1]!.meta.changedAt! + 1 } }];
    expect((await syncFolder(folder.dir, workOver(changed))).written).to.deep.equal(['run-2']);
    expect((await indexOf(folder.dir)).runs['run-2']!.notes).to.equal('hills');
  });

  it('never writes the run being recorded, nor one stored as recording', async () => {
    const runs = [run(1), run(2), run(3, { status: 'recording' })];
    const result = await syncFolder(folder.dir, workOver(runs, new Set(['run-2'])));
    expect(result.written).to.deep.equal(['run-1']);
    expect(fitNames(await filesOf(folder.dir))).to.deep.equal([runFileName(runs[0]!.meta)]);
  });

  it('never writes an older copy over a newer file (another browser changed the run since)', async () => {
    const mine = run(1);
    const newer = { ...mine, meta: { ...mine.meta, name: 'Renamed elsewhere', changedAt: mine.meta.changedAt! + 60_000 } };
    const name = runFileName(mine.meta);
    await putFile(folder.dir, name, encodeFit(newer));
    const entry = { file: name, startedAt: mine.meta.startedAt, name: 'Renamed elsewhere', notes: '', changedAt: newer.meta.changedAt };
    await putFile(folder.dir, INDEX_FILE_NAME, indexText({ format: 'stridewise-folder', version: 1, runs: { 'run-1': entry } }));
    const before = await filesOf(folder.dir);
    // Equal is not newer either.
    for (const changedAt of [mine.meta.changedAt!, newer.meta.changedAt!]) {
      const result = await syncFolder(folder.dir, workOver([{ ...mine, meta: { ...mine.meta, changedAt } }]));
      expect(result.written).to.deep.equal([]);
    }
    expect(await filesOf(folder.dir)).to.deep.equal(before);
  });

  it('gives a name another run\'s file has " (2)", and leaves that file alone', async () => {
    const a = run(1, { name: 'Tempo' });
    const b = run(1, { id: 'other', name: 'Tempo', changedAt: a.meta.changedAt! + 1 });
    const theirs = new Uint8Array([1, 2, 3]);
    const name = runFileName(a.meta);
    await putFile(folder.dir, name, theirs);
    await syncFolder(folder.dir, workOver([a, b]));
    const files = await filesOf(folder.dir);
    expect(files.get(name)).to.deep.equal(theirs);
    const index = await indexOf(folder.dir);
    expect([index.runs['run-1']!.file, index.runs['other']!.file].sort()).to.deep.equal(
      [name.replace('.fit', ' (2).fit'), name.replace('.fit', ' (3).fit')].sort(),
    );
  });

  it('merges the index another browser wrote rather than replacing it', async () => {
    const elsewhere = { file: 'elsewhere.fit', startedAt: START, name: 'Theirs', notes: '', changedAt: START };
    await putFile(folder.dir, INDEX_FILE_NAME, indexText({ format: 'stridewise-folder', version: 1, runs: { theirs: elsewhere } }));
    // And another while this sync goes on, between its two runs.
    const meanwhile = { file: 'meanwhile.fit', startedAt: START, name: 'Also theirs', notes: '', changedAt: START };
    const work = workOver([run(1), run(2)]);
    const load = work.load;
    work.load = async (id) => {
      if (id === 'run-2') {
        const index = await indexOf(folder.dir);
        await putFile(folder.dir, INDEX_FILE_NAME, indexText({ ...index, runs: { ...index.runs, meanwhile } }));
      }
      return load(id);
    };
    await syncFolder(folder.dir, work);
    const index = await indexOf(folder.dir);
    expect(Object.keys(index.runs).sort()).to.deep.equal(['meanwhile', 'run-1', 'run-2', 'theirs']);
    expect(index.runs['theirs']).to.deep.equal(elsewhere);
    expect(index.runs['meanwhile']).to.deep.equal(meanwhile);
  });

  it('keeps a damaged index beside the new one and rebuilds it from the runs here and the ids in the files', async () => {
    const theirs = run(5, { id: 'from-another-browser', name: 'Long run' });
    await putFile(folder.dir, 'their long run.fit', encodeFit(theirs));
    await putFile(folder.dir, 'a watch file.fit', new Uint8Array([14, 16]));
    await putFile(folder.dir, INDEX_FILE_NAME, '{"format":"stridewise-folder","runs":{"from-ano');
    const result = await syncFolder(folder.dir, workOver([run(1)]));
    expect(result.problems.join(' ')).to.match(/damaged.*kept beside the new one/);
    const files = await filesOf(folder.dir);
    const copies = [...files.keys()].filter((n) => n.startsWith('stridewise-index (damaged'));
    expect(copies).to.have.length(1);
    expect(new TextDecoder().decode(files.get(copies[0]!)!)).to.equal('{"format":"stridewise-folder","runs":{"from-ano');
    expect(files.has('their long run.fit') && files.has('a watch file.fit')).to.equal(true);
    const index = await indexOf(folder.dir);
    expect(index.runs['from-another-browser']).to.include({ file: 'their long run.fit', changedAt: theirs.meta.changedAt });
    expect(index.runs['run-1']!.file).to.equal(runFileName(run(1).meta));
  });

  it('moves a renamed run\'s file where the browser can, else keeps its name', async () => {
    const first = run(1, { name: 'Easy' });
    await syncFolder(folder.dir, workOver([first]));
    const renamed = { ...first, meta: { ...first.meta, name: 'Recovery', changedAt: first.meta.changedAt! + 1 } };
    await syncFolder(folder.dir, workOver([renamed]));
    expect(fitNames(await filesOf(folder.dir))).to.deep.equal([runFileName(renamed.meta)]);
    expect((await indexOf(folder.dir)).runs['run-1']!.file).to.equal(runFileName(renamed.meta));

    // A browser without FileSystemHandle.move (wherever Chromium defines it).
    const owners = [FileSystemFileHandle.prototype, FileSystemHandle.prototype].filter((p) => Object.hasOwn(p, 'move'));
    const moves = owners.map((owner) => Object.getOwnPropertyDescriptor(owner, 'move')!);
    expect(owners, 'Chromium moves files').not.to.be.empty;
    for (const owner of owners) delete (owner as { move?: unknown }).move;
    try {
      const again = { ...renamed, meta: { ...renamed.meta, name: 'Third name', changedAt: renamed.meta.changedAt! + 1 } };
      await syncFolder(folder.dir, workOver([again]));
      const files = await filesOf(folder.dir);
      expect(fitNames(files)).to.deep.equal([runFileName(renamed.meta)]);
      expect(fileRunIn(files.get(runFileName(renamed.meta))!)!.changedAt).to.equal(again.meta.changedAt);
      expect((await indexOf(folder.dir)).runs['run-1']).to.include({ file: runFileName(renamed.meta), name: 'Third name' });
    } finally {
      owners.forEach((owner, i) => Object.defineProperty(owner, 'move', moves[i]!));
    }
  });

  it('keeps the file of a run deleted here', async () => {
    await syncFolder(folder.dir, workOver([run(1), run(2)]));
    const before = await filesOf(folder.dir);
    await syncFolder(folder.dir, workOver([run(2)]));
    expect(await filesOf(folder.dir)).to.deep.equal(before);
    expect(Object.keys((await indexOf(folder.dir)).runs).sort()).to.deep.equal(['run-1', 'run-2']);
  });

  it('writes a file that is missing again (the runner moved it away)', async () => {
    await syncFolder(folder.dir, workOver([run(1)]));
    await folder.dir.removeEntry(runFileName(run(1).meta));
    expect((await syncFolder(folder.dir, workOver([run(1)]))).written).to.deep.equal(['run-1']);
  });

  it('leaves the old file whole when a write fails half-way', async () => {
    const long = run(1);
    const longer = { ...run(1, { changedAt: long.meta.changedAt! + 1 }) };
    await syncFolder(folder.dir, workOver([long]));
    const before = await filesOf(folder.dir);
    const bytes = encodeFit(longer);
    // Big enough to be written in more than one piece.
    const big = { ...longer, meta: longer.meta };
    const work = workOver([big]);
    work.encode = () => {
      const padded = new Uint8Array(200 * 1024);
      padded.set(bytes);
      return padded;
    };
    const write = FileSystemWritableFileStream.prototype.write;
    let calls = 0;
    FileSystemWritableFileStream.prototype.write = function (this: FileSystemWritableFileStream, data: FileSystemWriteChunkType) {
      calls++;
      if (calls === 2) return Promise.reject(new DOMException('The disk is full.', 'QuotaExceededError'));
      return write.call(this, data);
    } as typeof write;
    try {
      const result = await syncFolder(folder.dir, work);
      expect(result).to.include({ full: true });
      expect(result.problems.join(' ')).to.match(/disk is full.*tried again at the next sync/);
    } finally {
      FileSystemWritableFileStream.prototype.write = write;
    }
    expect(calls).to.equal(2);
    expect(await filesOf(folder.dir)).to.deep.equal(before);
  });
});
