// r-restore2: the advice a restore gives for a file cut short ("If a cloud drive is still copying
// the folder, restore again once it has finished") must work. When the cut-short file is the
// newer copy of a run whose older copy sits beside it (the runner corrected the run on the first
// computer; the drive is still bringing the new file), the first restore stores the older copy,
// and the second restore, as advised, skips the run as "already here": the correction never
// arrives, and the runner was told it would. Issue 21: "never overwrite a newer file with an
// older one ... and say what happened".

import { expect } from '@open-wc/testing';
import { encodeFit } from '../../../src/export/fit.js';
import { defaultCadenceZones } from '../../../src/session/zones.js';
import { freshFolder, putFile } from '../../store/backup-folder-rig.js';
import { generatedSession } from '../../support/generated-sessions.js';
import { restoreInto } from '../../services/folder-restore-rig.js';

const START = Date.UTC(2026, 10, 3, 7, 0);
const version = (speed: number, changedAt: number) => {
  const s = generatedSession({ id: 'same-run', startedAt: START, minutes: 20, cadenceBase: 172, speed, name: 'Easy' });
  return { ...s, meta: { ...s.meta, changedAt } };
};

describe('r-restore2: restoring again, as the restore advises for a file still being copied', () => {
  it('brings in the newer copy of a run once the drive has finished copying it', async function () {
    this.timeout(30_000);
    const folder = await freshFolder();
    try {
      const older = version(2.5, START + 3_600_000);
      const newer = version(2.8, START + 86_400_000);
      await putFile(folder.dir, '2026-11-03 07.00 Easy.fit', encodeFit(older));
      await putFile(folder.dir, '2026-11-03 07.00 Easy (corrected).fit', encodeFit(newer).slice(0, 400));
      const first = await restoreInto(folder.dir, defaultCadenceZones);
      expect(first.result.outcomes[0]?.message ?? '', 'the advice').to.match(/restore again once it has finished/);

      // The drive finishes; the runner restores again, as told.
      await putFile(folder.dir, '2026-11-03 07.00 Easy (corrected).fit', encodeFit(newer));
      const again = await restoreInto(folder.dir, defaultCadenceZones, new Set(first.stored.keys()));
      const stored = again.stored.get('same-run') ?? first.stored.get('same-run')!;
      expect(stored.meta.changedAt, 'the run kept is the one changed last').to.equal(newer.meta.changedAt);
    } finally {
      await folder.remove();
    }
  });
});
