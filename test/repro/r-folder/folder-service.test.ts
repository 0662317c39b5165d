// Reviewer repros (issue 21, FolderService): what the service does while this tab starts a run
// mid-sync, and what it tells the runner when the folder's disk is full.

import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { FOLDER_CHOSEN_KEY } from '../../../src/store/backup-folder-handle.js';
import { kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import { saveSession } from '../../../src/store/session-store.js';
import { type TestFolder, filesOf, freshFolder, run } from '../../store/backup-folder-rig.js';
import { folderRig, forgetStoredFolder, settled } from '../../services/folder-rig.js';

useSeparateDatabase('stride-repro-r-folder-service');

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

const fitCount = async () => [...(await filesOf(folder.dir)).keys()].filter((n) => n.endsWith('.fit')).length;

describe('r-folder: FolderService', () => {
  // The contract: "never while the run itself is still recording, and never blocking the
  // recording"; the service: "Nothing is encoded or written while this tab records". The check is
  // made once, when a sync starts: a runner who presses Start while the first sync after choosing
  // the folder (or after a restore of many runs) is writing gets every remaining run encoded and
  // written during their first minutes of running.
  it('stops writing runs once this tab starts recording, part-way through a sync', async () => {
    for (let n = 1; n <= 4; n++) await saveSession(run(n));
    const { folder: service, recording } = folderRig(async () => folder.dir);
    await service.ready;
    const get = folder.dir.getFileHandle.bind(folder.dir);
    folder.dir.getFileHandle = async (name: string, options?: FileSystemGetFileOptions) => {
      // The runner presses Start as the first run's file is made.
      if (name.endsWith('.fit') && options?.create) recording.recordingId = 'live-run';
      return get(name, options);
    };
    await service.choose();
    await settled(service);
    expect(await fitCount(), 'runs written after the recording began').to.equal(1);
  });

  // A full disk is not a missing folder: the shell tells the runner the folder "cannot be reached"
  // and to "choose the folder again", which does nothing for a full disk (the same folder fails
  // the same way), while the real cause is only in Settings. The issue: "say what happened".
  it('when the folder’s disk is full, the notice says so rather than that the folder cannot be reached', async () => {
    await saveSession(run(1));
    const { folder: service } = folderRig(async () => folder.dir);
    await service.ready;
    const get = folder.dir.getFileHandle.bind(folder.dir);
    folder.dir.getFileHandle = async (name: string, options?: FileSystemGetFileOptions) => {
      const handle = await get(name, options);
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
    await service.choose();
    await settled(service);
    expect(service.notice).to.be.a('string');
    expect(service.notice, 'the notice').not.to.match(/cannot be reached|choose the folder again/);
    expect(service.notice, 'the notice names the cause').to.match(/full|space|quota/i);
  });
});
