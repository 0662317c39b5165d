// "Say what happened" (issue 21) and the contract's "never leave a runner without a message when
// something did not happen": a restore that finds a run's file it will not read must say so, as it
// already does for a watch's FIT without an id. A TCX in the backup folder (the runner's own export
// from the run's page, or a watch's, put there by hand) is a run file the restore passes over in
// silence: "Added 0 runs." while the runner can see the run's file in the folder.

import { expect } from '@open-wc/testing';
import { encodeTcx } from '../../../src/export/tcx.js';
import { defaultCadenceZones } from '../../../src/session/zones.js';
import { type TestFolder, freshFolder, putFile, run } from '../../store/backup-folder-rig.js';
import { restoreInto } from './restore-rig.js';

describe('r-restore: files a restore leaves', () => {
  let folder: TestFolder;
  beforeEach(async () => (folder = await freshFolder()));
  afterEach(() => folder.remove());

  it('says a TCX file in the folder was not restored', async function () {
    this.timeout(20_000);
    await putFile(folder.dir, '2026-12-02 07.00 Tempo.tcx', encodeTcx(run(1, { name: 'Tempo' })));
    const { result, saved } = await restoreInto(folder.dir, defaultCadenceZones);
    expect(saved).to.have.length(0);
    expect(result.summary).to.match(/TCX|\.tcx/);
  });
});
