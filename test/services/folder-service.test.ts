// FolderService end to end against a real folder (origin private file system): it writes after a
// choice, a save and an edit; never the run being recorded; says once when permission or the folder
// is gone, keeps working and writes what is pending at the next chance; restores by id; and on a
// browser without the API says why.

import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { encodeFit } from '../../src/export/fit.js';
import { UNSUPPORTED_WHY } from '../../src/services/folder-service.js';
import { INDEX_FILE_NAME } from '../../src/store/backup-folder-index.js';
import { runFileName } from '../../src/store/backup-folder-names.js';
import { keepFolder } from '../../src/store/backup-folder-handle.js';
import { folderChosen } from '../../src/app/start-up.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { listSessions, saveSession } from '../../src/store/session-store.js';
import { type TestFolder, fileRunIn, filesOf, indexOf, putFile, run } from '../store/backup-folder-rig.js';
import { RUN_WITH_TWO_PAUSES, watchActivity } from '../support/watch-files.js';
import { folderRig, forgetStoredFolder, freshFolderEachTest, settled } from './folder-rig.js';

useSeparateDatabase('stride-test-folder-service');

let folder: TestFolder;
freshFolderEachTest((fresh) => (folder = fresh));

const fitCount = async () => [...(await filesOf(folder.dir)).keys()].filter((n) => n.endsWith('.fit')).length;

describe('FolderService', () => {
  it('writes every stored run once a folder is chosen, then after a save and an edit', async () => {
    await saveSession(run(1));
    const { folder: service, history, recording } = folderRig(async () => folder.dir);
    await service.ready;
    expect(service.status).to.deep.equal({ kind: 'none' });
    expect(await service.choose()).to.equal(true);
    await settled(service);
    expect(service.status).to.include({ kind: 'ready', name: folder.name, written: 1 });
    expect(folderChosen(), 'start-up.ts loads the folder at the next start').to.equal(true);
    await saveSession(run(2));
    recording.saved();
    await settled(service);
    expect(await fitCount()).to.equal(2);
    expect(service.status).to.include({ written: 2 });
    await history.rename('run-2', 'Hill repeats');
    await settled(service);
    const index = await indexOf(folder.dir);
    expect(index.runs['run-2']).to.include({ name: 'Hill repeats', file: runFileName({ ...run(2).meta, name: 'Hill repeats' }) });
  });

  it('says nothing when the picker is cancelled', async () => {
    const { folder: service } = folderRig(async () => {
      throw new DOMException('The user aborted a request.', 'AbortError');
    });
    expect(await service.choose()).to.equal(false);
    expect(service.status).to.deep.equal({ kind: 'none' });
    expect(service.message).to.equal(null);
  });

  it('writes nothing while this tab records, and everything once the run is saved', async () => {
    await saveSession(run(1));
    await saveSession(run(2, { status: 'recording' }));
    const rig = folderRig(async () => folder.dir);
    rig.recording.recordingId = 'run-2';
    await rig.folder.choose();
    await rig.history.rename('run-1', 'Renamed while recording');
    await settled(rig.folder);
    expect(await fitCount()).to.equal(0);
    rig.recording.recordingId = null;
    await saveSession(run(2));
    rig.recording.saved();
    await settled(rig.folder);
    expect(Object.keys((await indexOf(folder.dir)).runs).sort()).to.deep.equal(['run-1', 'run-2']);
    expect((await indexOf(folder.dir)).runs['run-1']!.name).to.equal('Renamed while recording');
  });

  it('never writes a run another tab records', async () => {
    await saveSession(run(1));
    await saveSession(run(2));
    const rig = folderRig(async () => folder.dir);
    const isRecordingNow = rig.history.isRecordingNow.bind(rig.history);
    rig.history.isRecordingNow = (id) => id === 'run-2' || isRecordingNow(id);
    await rig.folder.choose();
    await settled(rig.folder);
    expect(Object.keys((await indexOf(folder.dir)).runs)).to.deep.equal(['run-1']);
  });

  it('says once when permission is gone, keeps working, and writes what is pending once allowed', async () => {
    await saveSession(run(1));
    const { folder: service, history } = folderRig(async () => folder.dir);
    await service.choose();
    await settled(service);
    let permission: PermissionState = 'prompt';
    let asked = 0;
    folder.dir.queryPermission = async () => permission;
    folder.dir.requestPermission = async () => {
      asked++;
      permission = 'granted';
      return permission;
    };
    await saveSession(run(2));
    await history.load();
    await settled(service);
    expect(service.status).to.deep.equal({ kind: 'needs-permission', name: folder.name });
    expect(service.notice).to.match(/may no longer write.*safe in this browser/);
    service.dismissNotice();
    await saveSession(run(3));
    await history.load();
    await settled(service);
    expect(service.notice, 'said once').to.equal(null);
    expect(await fitCount()).to.equal(1);
    expect(asked).to.equal(0);
    await service.allow();
    await settled(service);
    expect(asked).to.equal(1);
    expect(service.status).to.include({ kind: 'ready', written: 3 });
    expect(await fitCount()).to.equal(3);
  });

  it('says once when the folder is gone, and keeps the runs', async () => {
    await saveSession(run(1));
    const { folder: service, history } = folderRig(async () => folder.dir);
    await service.choose();
    await settled(service);
    await folder.parent.removeEntry(folder.name, { recursive: true });
    await saveSession(run(2));
    await history.load();
    await settled(service);
    expect(service.status).to.include({ kind: 'unreachable', name: folder.name });
    expect(service.notice).to.match(/cannot be reached/);
    expect((await listSessions()).map((s) => s.id).sort()).to.deep.equal(['run-1', 'run-2']);
  });

  it('writes what is pending at start, from the folder kept in IndexedDB', async () => {
    await saveSession(run(1));
    await saveSession(run(2));
    await keepFolder(folder.dir);
    const { folder: service } = folderRig(async () => folder.dir);
    // Nothing else asks it to sync: its start does.
    await service.ready;
    expect(service.status).to.include({ kind: 'ready', written: 2 });
    expect(await fitCount()).to.equal(2);
  });

  it('on a browser without the API, says why and points at the one-file backup', async () => {
    const { folder: service } = folderRig(null);
    await service.ready;
    expect(service.status).to.deep.equal({ kind: 'unsupported', why: UNSUPPORTED_WHY });
    expect(UNSUPPORTED_WHY).to.match(/File System Access API.*Download a backup of everything/);
    expect(await service.choose()).to.equal(false);
  });

  it('restores by id: runs not here added with their names and notes, runs here skipped, files without an id left out', async function () {
    this.timeout(20_000);
    for (const n of [1, 2, 3]) await saveSession(run(n, { name: `Run number ${n}`, notes: `notes ${n}` }));
    const first = folderRig(async () => folder.dir);
    await first.folder.choose();
    await settled(first.folder);
    const watch = watchActivity({ ...RUN_WITH_TWO_PAUSES, sampling: 'every-second', seed: 4 });
    await putFile(folder.dir, 'from my watch.fit', watch.fit);
    await putFile(folder.dir, 'cut short.fit', encodeFit(run(7)).slice(0, 300));
    // A second browser: its own store, one of the runs already in it.
    await clear(kvStore());
    await forgetStoredFolder();
    // Renamed here after the folder's copy was written.
    await saveSession(run(2, { name: 'Mine here' }), Date.now());
    const second = folderRig(async () => folder.dir);
    await second.history.load();
    const before = await filesOf(folder.dir);
    const outcomes = await second.folder.restore();
    expect(second.folder.message).to.match(/^Added 2 runs; 1 already here was skipped\. 1 FIT file carries no Stridewise run id.*Import runs from a watch\. 1 file could not be read/);
    expect(outcomes).to.have.length(1);
    expect(outcomes[0]).to.include({ fileName: 'cut short.fit', ok: false });
    expect(outcomes[0]!.message).to.match(/truncated/);
    const shown = second.history.sessions.map((s) => [s.id, s.name, s.notes]).sort();
    expect(shown).to.deep.equal([
      ['run-1', 'Run number 1', 'notes 1'],
      ['run-2', 'Mine here', ''],
      ['run-3', 'Run number 3', 'notes 3'],
    ]);
    const files = await filesOf(folder.dir);
    expect(second.history.summary('run-3')!.changedAt).to.equal(fileRunIn(files.get(runFileName(run(3, { name: 'Run number 3' }).meta))!)!.changedAt);
    // Restored runs are in the folder already: nothing is written over them, nothing removed. The
    // run that was here changed later than its file (renamed here), so its file is written and renamed.
    await settled(second.folder);
    const after = await filesOf(folder.dir);
    const run2File = runFileName(run(2, { name: 'Run number 2' }).meta);
    for (const [name, bytes] of before) if (name !== 'stridewise-index.json' && name !== run2File) expect(after.get(name), name).to.deep.equal(bytes);
    expect(after.has(run2File)).to.equal(false);
    expect(fileRunIn(after.get(runFileName(run(2, { name: 'Mine here' }).meta))!)!.id).to.equal('run-2');
    expect(after.size).to.equal(before.size);
    // Again: everything is here now.
    await second.folder.restore();
    expect(second.folder.message).to.match(/^Added 0 runs; 3 already here were skipped\./);
  });

  it('restore replaces a stored run with the folder’s newer copy of it, in the real store', async function () {
    this.timeout(20_000);
    const older = run(5, { name: 'Easy', changedAt: Date.now() - 60_000 });
    const newer = run(5, { name: 'Easy, corrected', notes: 'after the belt check', changedAt: Date.now() });
    await saveSession(older);
    await putFile(folder.dir, 'a newer copy.fit', encodeFit(newer));
    const rig = folderRig(async () => folder.dir);
    await rig.history.load();
    await rig.folder.restore();
    expect(rig.folder.message).to.match(/updated 1 run to the folder.s newer copy/);
    const stored = (await listSessions()).filter((s) => s.id === 'run-5');
    expect(stored.map((s) => [s.changedAt, s.sampleCount])).to.deep.equal([[newer.meta.changedAt, newer.meta.sampleCount]]);
  });

  it('restore waits behind an import under way', async function () {
    this.timeout(20_000);
    const { data } = folderRig(async () => folder.dir);
    const importing = data.importFiles([new File([encodeFit(run(4))], 'a.fit')]);
    let seen = -1;
    const after = data.afterImports(async () => {
      seen = data.outcomes.length;
    });
    await Promise.all([importing, after]);
    expect(seen).to.equal(1);
  });

  it('says a newer Stridewise’s folder is not kept up to date, and why, rather than “ready, 0 runs”', async () => {
    for (let n = 1; n <= 2; n++) await saveSession(run(n));
    await putFile(folder.dir, INDEX_FILE_NAME, JSON.stringify({ format: 'stridewise-folder', version: 2, runs: {} }));
    const { folder: service } = folderRig(async () => folder.dir);
    await service.ready;
    await service.choose();
    await settled(service);
    expect(await fitCount()).to.equal(0);
    expect(service.status.kind).to.equal('unreachable');
    expect(service.status.kind === 'unreachable' && service.status.message).to.match(/newer Stridewise: update this app.*Nothing is written there meanwhile/);
    expect(service.notice).to.match(/newer Stridewise: update this app/);
  });

  it('writes nothing into a folder forgotten while its sync waited for another tab', async () => {
    await saveSession(run(1));
    const { folder: service } = folderRig(async () => folder.dir);
    await service.ready;
    let release!: () => void;
    let held!: () => void;
    const heldNow = new Promise<void>((resolve) => (held = resolve));
    const otherTab = navigator.locks.request('stridewise-backup-folder', () => {
      held();
      return new Promise<void>((resolve) => (release = resolve));
    });
    await heldNow;
    const chosen = service.choose();
    await new Promise((resolve) => setTimeout(resolve, 100)); // the sync now waits for the lock
    await service.forget();
    release();
    await otherTab;
    await chosen;
    await settled(service);
    expect([...(await filesOf(folder.dir)).keys()]).to.deep.equal([]);
  });
});
