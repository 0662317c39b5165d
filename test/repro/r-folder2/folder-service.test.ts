// Repros (r-folder2): FolderService over a newer Stridewise’s folder, and a folder forgotten mid-sync.

import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { FOLDER_CHOSEN_KEY } from '../../../src/store/backup-folder-handle.js';
import { INDEX_FILE_NAME } from '../../../src/store/backup-folder-index.js';
import { kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import { saveSession } from '../../../src/store/session-store.js';
import { type TestFolder, filesOf, freshFolder, putFile, run } from '../../store/backup-folder-rig.js';
import { folderRig, forgetStoredFolder, settled } from '../../services/folder-rig.js';

useSeparateDatabase('stride-test-r-folder2-newer');

let folder: TestFolder;
beforeEach(async () => {
  await clear(kvStore());
  await forgetStoredFolder();
  folder = await freshFolder();
});
afterEach(async () => {
  await folder.remove();
  await forgetStoredFolder();
  localStorage.removeItem(FOLDER_CHOSEN_KEY);
});

describe('r-folder2: FolderService over a newer Stridewise’s folder', () => {
  // Nothing is written to the folder (right), yet the status stays 'ready' and Settings reads
  // "Keeping a copy in “…”: 0 runs there" — "keeping a copy" is not true (no save will ever be
  // written there until the app is updated), and "0 runs" is not what the folder holds. The shell
  // says nothing either (notice null): the issue asks to "say what happened".
  it('does not report the folder as kept up to date when a newer Stridewise’s index stops every write', async () => {
    for (let n = 1; n <= 3; n++) await saveSession(run(n));
    await putFile(folder.dir, INDEX_FILE_NAME, JSON.stringify({ format: 'stridewise-folder', version: 2, runs: {} }));
    const { folder: service } = folderRig(async () => folder.dir);
    await service.ready;
    await service.choose();
    await settled(service);
    expect([...(await filesOf(folder.dir)).keys()].filter((n) => n.endsWith('.fit'))).to.deep.equal([]);
    expect(service.status.kind, JSON.stringify(service.status)).to.not.equal('ready');
  });
});

describe('r-folder2: FolderService forgetting a folder while its sync waits its turn', () => {
  // "No copy is kept in a folder any more. The files already there stay." — a sync waiting for
  // another tab's sync (navigator.locks) when the runner forgets the folder stops before any run,
  // yet still writes a new stridewise-index.json into the folder just forgotten.
  it('writes nothing into a folder forgotten while the sync waited for another tab', async () => {
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
    await new Promise((resolve) => setTimeout(resolve, 300)); // the sync now waits for the lock
    await service.forget();
    release();
    await otherTab;
    await chosen;
    await settled(service);
    expect([...(await filesOf(folder.dir)).keys()]).to.deep.equal([]);
  });
});
