// The folder removed, moved or its drive unplugged half-way through a restore (a cloud drive going
// offline, a USB stick pulled): the issue says "When permission is gone or the folder moved, the app
// says so", and the contract "never leave a runner without a message when something did not
// happen". Every file the restore could no longer reach is passed over as if it had never been
// there, and the runner reads "Added 1 run." of a folder of five.

import { expect } from '@open-wc/testing';
import { encodeFit } from '../../../src/export/fit.js';
import { readInWorker, stopImportWorker } from '../../../src/export/import-worker-client.js';
import { restoreFromFolder } from '../../../src/services/folder-restore.js';
import { defaultCadenceZones } from '../../../src/session/zones.js';
import { type TestFolder, freshFolder, putFile, run } from '../../store/backup-folder-rig.js';

describe('r-restore: the folder gone half-way through a restore', () => {
  let folder: TestFolder;
  beforeEach(async () => (folder = await freshFolder()));
  afterEach(() => folder.remove());

  it('says that the rest of the folder could not be read, not only what was added', async function () {
    this.timeout(20_000);
    for (const n of [1, 2, 3, 4, 5]) await putFile(folder.dir, `run ${n}.fit`, encodeFit(run(n)));
    let saves = 0;
    const done = await restoreFromFolder(folder.dir, {
      zones: defaultCadenceZones,
      storedIds: new Set(),
      read: (file, zones) => readInWorker(file, zones, crypto.randomUUID()),
      save: async () => {
        // The drive goes away right after the first run is stored.
        if (saves++ === 0) await folder.parent.removeEntry(folder.name, { recursive: true });
      },
      done: stopImportWorker,
    });
    expect(done.added).to.have.length(1);
    const said = `${done.summary} ${done.outcomes.map((o) => o.message).join(' ')}`;
    expect(said, said).to.match(/could not|cannot|not be read|gone|moved|removed/i);
  });
});
