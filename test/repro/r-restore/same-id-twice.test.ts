// Two files of the folder carrying the same run id: a cloud drive's conflicted copy ("… (conflicted
// copy).fit", "… (1).fit") when two computers wrote the same run, or a copy the runner made by hand.
// The issue: "never overwrite a newer file with an older one"; the contract: "an older copy never
// replaces a newer file". A restore must then take the copy that changed last, not whichever name
// sorts first, and must not count the other copy as a run "already here".

import { expect } from '@open-wc/testing';
import { encodeFit } from '../../../src/export/fit.js';
import { defaultCadenceZones } from '../../../src/session/zones.js';
import { generatedSession } from '../../support/generated-sessions.js';
import { type TestFolder, freshFolder, putFile } from '../../store/backup-folder-rig.js';
import { restoreInto } from './restore-rig.js';

const START = Date.UTC(2026, 10, 3, 7, 0);

const version = (speed: number, minutes: number, changedAt: number) => {
  const s = generatedSession({ id: 'same-run', startedAt: START, minutes, cadenceBase: 172, speed, name: 'Easy' });
  return { ...s, meta: { ...s.meta, changedAt } };
};

describe('r-restore: two files with the same run id', () => {
  let folder: TestFolder;
  beforeEach(async () => (folder = await freshFolder()));
  afterEach(() => folder.remove());

  // The older copy (before the run was corrected to the treadmill's 5.0 km, say) sorts first by
  // name; the newer one is the run as the runner last left it.
  const older = version(2.5, 20, START + 3_600_000);
  const newer = version(2.8, 20, START + 86_400_000);

  it('restores the copy that changed last, whatever the files are called', async function () {
    this.timeout(20_000);
    await putFile(folder.dir, '2026-11-03 07.00 Easy (conflicted copy).fit', encodeFit(older));
    await putFile(folder.dir, '2026-11-03 07.00 Easy.fit', encodeFit(newer));
    const { saved } = await restoreInto(folder.dir, defaultCadenceZones);
    expect(saved).to.have.length(1);
    expect(saved[0]!.changedAt, 'changedAt').to.equal(newer.meta.changedAt);
    expect(Math.round(saved[0]!.distanceM), 'distance').to.equal(Math.round(newer.meta.distanceM));
  });

  it('does not count a second copy of a run it just added as a run already here', async function () {
    this.timeout(20_000);
    await putFile(folder.dir, '2026-11-03 07.00 Easy (1).fit', encodeFit(newer));
    await putFile(folder.dir, '2026-11-03 07.00 Easy.fit', encodeFit(newer));
    // This browser holds no run at all: nothing was "already here".
    const { result } = await restoreInto(folder.dir, defaultCadenceZones);
    expect(result.added).to.have.length(1);
    expect(result.summary).to.not.match(/already here/);
  });
});
