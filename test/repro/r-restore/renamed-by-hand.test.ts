// A FIT of ours renamed by hand in the folder ("Monday long run.fit"): the issue matches by "a
// stable id in the file, never by name", and the restore does find the run by its id. But the next
// sync, seeing no file under the index's name, writes the same run again under the app's name: the
// folder now holds two copies of one run, and a later restore counts one of them as "already here"
// (and takes whichever sorts first). Never delete a runner's file, yes; but do not make a second one
// of a run the folder already holds.

import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { FOLDER_CHOSEN_KEY } from '../../../src/store/backup-folder-handle.js';
import { kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import { saveSession } from '../../../src/store/session-store.js';
import { type TestFolder, filesOf, freshFolder, run } from '../../store/backup-folder-rig.js';
import { folderRig, forgetStoredFolder, settled } from '../../services/folder-rig.js';

useSeparateDatabase('stride-test-r-restore-renamed');

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

describe('r-restore: a FIT of ours renamed by hand', () => {
  it('is restored by its id and not written a second time under the app’s name', async function () {
    this.timeout(30_000);
    await saveSession(run(1, { name: 'Long' }));
    const first = folderRig(async () => folder.dir);
    await first.folder.choose();
    await settled(first.folder);
    const [written] = await fitNames();
    const handle = (await folder.dir.getFileHandle(written!)) as FileSystemFileHandle & { move(name: string): Promise<void> };
    await handle.move('Monday long run.fit');

    await clear(kvStore());
    await forgetStoredFolder();
    const second = folderRig(async () => folder.dir);
    await second.history.load();
    await second.folder.restore();
    expect(second.folder.message).to.match(/^Added 1 run\./);
    await settled(second.folder);
    expect(await fitNames()).to.deep.equal(['Monday long run.fit']);
  });
});
