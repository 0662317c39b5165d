// FolderService while a sync is under way and after one fails: it stops when this tab starts
// recording or the folder is forgotten, names a full disk as a full disk, and takes a sync's
// problem away from Settings once a sync goes through cleanly.

import { expect } from '@open-wc/testing';
import { INDEX_FILE_NAME } from '../../src/store/backup-folder-index.js';
import { runFileName } from '../../src/store/backup-folder-names.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
import { type TestFolder, failWritesOf, filesOf, run } from '../store/backup-folder-rig.js';
import { folderRig, freshFolderEachTest, settled } from './folder-rig.js';

useSeparateDatabase('stride-test-folder-service-sync');

let folder: TestFolder;
freshFolderEachTest((fresh) => (folder = fresh));

const fitCount = async () => [...(await filesOf(folder.dir)).keys()].filter((n) => n.endsWith('.fit')).length;

/** Calls `then` as the first run file is made in the folder. */
function onFirstRunFile(then: () => void): void {
  const get = folder.dir.getFileHandle.bind(folder.dir);
  let done = false;
  folder.dir.getFileHandle = async (name: string, options?: FileSystemGetFileOptions) => {
    if (!done && name.endsWith('.fit') && options?.create) {
      done = true;
      then();
    }
    return get(name, options);
  };
}

describe('FolderService during and after a sync', () => {
  it('stops writing once this tab starts recording part-way through a sync', async () => {
    for (let n = 1; n <= 4; n++) await saveSession(run(n));
    const { folder: service, recording } = folderRig(async () => folder.dir);
    await service.ready;
    onFirstRunFile(() => (recording.recordingId = 'live-run'));
    await service.choose();
    await settled(service);
    expect(await fitCount()).to.equal(1);
  });

  it('stops writing once the folder is forgotten part-way through a sync', async () => {
    for (let n = 1; n <= 4; n++) await saveSession(run(n));
    const { folder: service } = folderRig(async () => folder.dir);
    await service.ready;
    onFirstRunFile(() => void service.forget());
    await service.choose();
    await settled(service);
    expect(await fitCount()).to.equal(1);
    expect(service.status).to.deep.equal({ kind: 'none' });
  });

  it('says the folder’s disk is full, not that the folder cannot be reached', async () => {
    await saveSession(run(1));
    const { folder: service } = folderRig(async () => folder.dir);
    await service.ready;
    failWritesOf(folder.dir, INDEX_FILE_NAME, runFileName(run(1).meta));
    await service.choose();
    await settled(service);
    expect(service.notice).to.match(/disk of your backup folder .* is full/);
    expect(service.notice).not.to.match(/cannot be reached|choose the folder again/);
    expect(service.status).to.include({ kind: 'unreachable' });
    expect((service.status as { message: string }).message).to.match(/full.*Free some space/);
  });

  it('takes a sync’s problem away from Settings once a sync goes through', async () => {
    await saveSession(run(1, { name: 'Long run' }));
    const { folder: service, history } = folderRig(async () => folder.dir);
    await service.ready;
    const get = folder.dir.getFileHandle.bind(folder.dir);
    let refuse = true;
    folder.dir.getFileHandle = async (name: string, options?: FileSystemGetFileOptions) => {
      if (refuse && name.endsWith('.fit') && options?.create) throw new TypeError('Name not allowed here.');
      return get(name, options);
    };
    await service.choose();
    await settled(service);
    expect(service.message).to.match(/“Long run” could not be written: Name not allowed here/);
    refuse = false;
    await history.load();
    await settled(service);
    expect(service.message).to.equal(null);
    expect(await fitCount()).to.equal(1);
  });

  // Two tabs of one browser would each write the same new run (the second as " (2)" at worst).
  it('waits while another tab of this browser syncs the folder', async () => {
    await saveSession(run(1));
    const { folder: service } = folderRig(async () => folder.dir);
    await service.ready;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let taken!: () => void;
    const lockTaken = new Promise<void>((resolve) => (taken = resolve));
    const otherTab = navigator.locks.request('stridewise-backup-folder', () => {
      taken();
      return held;
    });
    await lockTaken;
    const choosing = service.choose();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await fitCount(), 'nothing written while the other tab syncs').to.equal(0);
    release();
    await otherTab;
    await choosing;
    await settled(service);
    expect(await fitCount()).to.equal(1);
  });
});
