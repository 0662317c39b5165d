// A folder whose FIT files arrived before its index (a cloud drive syncs files one by one), or that
// the runner copied without stridewise-index.json: the restore finds every run by the id in its file,
// as the issue says ("matched by a stable id in the file, never by name"). The folder must not then
// get a second file of every run it already holds: each restored run is in the folder already.

import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { FOLDER_CHOSEN_KEY } from '../../../src/store/backup-folder-handle.js';
import { INDEX_FILE_NAME } from '../../../src/store/backup-folder-index.js';
import { kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import { saveSession } from '../../../src/store/session-store.js';
import { type TestFolder, filesOf, freshFolder, run } from '../../store/backup-folder-rig.js';
import { folderRig, forgetStoredFolder, settled } from '../../services/folder-rig.js';

useSeparateDatabase('stride-test-r-restore-no-index');

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

const fitNames = async () => [...(await filesOf(folder.dir)).keys()].filter((n) => n.endsWith('.fit')).sort();

describe('r-restore: a folder restored before its index arrived', () => {
  it('writes no second copy of the runs it restored from the folder itself', async function () {
    this.timeout(30_000);
    for (const n of [1, 2, 3]) await saveSession(run(n, { name: `Run ${n}` }));
    const first = folderRig(async () => folder.dir);
    await first.folder.choose();
    await settled(first.folder);
    const before = await fitNames();
    expect(before).to.have.length(3);
    await folder.dir.removeEntry(INDEX_FILE_NAME);

    // The second browser.
    await clear(kvStore());
    await forgetStoredFolder();
    const second = folderRig(async () => folder.dir);
    await second.history.load();
    await second.folder.restore();
    expect(second.folder.message).to.match(/^Added 3 runs\./);
    await settled(second.folder);
    expect(await fitNames()).to.deep.equal(before);
  });
});
