// Restoring again, as a restore advises for a file a cloud drive is still copying, brings in the
// folder's newer copy of a run already stored (the same run, changed in another browser later);
// an equal or older copy, or a run being recorded, is left as it is. Issue 21: "never overwrite a
// newer file with an older one ... and say what happened".

import { expect } from '@open-wc/testing';
import { encodeFit } from '../../src/export/fit.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { freshFolder, putFile } from '../store/backup-folder-rig.js';
import { generatedSession } from '../support/generated-sessions.js';
import { restoreInto } from './folder-restore-rig.js';

const START = Date.UTC(2026, 10, 3, 7, 0);
const OLDER = START + 3_600_000;
const NEWER = START + 86_400_000;
const version = (speed: number, changedAt: number) => {
  const s = generatedSession({ id: 'same-run', startedAt: START, minutes: 20, cadenceBase: 172, speed, name: 'Easy' });
  return { ...s, meta: { ...s.meta, changedAt } };
};

describe('restoring again weighs the folder’s copy against the run stored', function () {
  this.timeout(30_000);
  let folder: Awaited<ReturnType<typeof freshFolder>>;
  beforeEach(async () => {
    folder = await freshFolder();
  });
  afterEach(async () => {
    await folder.remove();
  });

  it('brings in the newer copy of a run once the drive has finished copying it, and says so apart', async () => {
    await putFile(folder.dir, '2026-11-03 07.00 Easy.fit', encodeFit(version(2.5, OLDER)));
    await putFile(folder.dir, '2026-11-03 07.00 Easy (corrected).fit', encodeFit(version(2.8, NEWER)).slice(0, 400));
    const first = await restoreInto(folder.dir, defaultCadenceZones);
    expect(first.result.outcomes[0]?.message ?? '', 'the advice').to.match(/restore again once it has finished/);
    expect(first.stored.get('same-run')?.meta.changedAt).to.equal(OLDER);

    // The drive finishes; the runner restores again, as told.
    await putFile(folder.dir, '2026-11-03 07.00 Easy (corrected).fit', encodeFit(version(2.8, NEWER)));
    const again = await restoreInto(folder.dir, defaultCadenceZones, new Map([['same-run', { changedAt: OLDER, recording: false }]]));
    expect(again.stored.get('same-run')?.meta.changedAt, 'the run kept is the one changed last').to.equal(NEWER);
    expect(again.result.updated).to.deep.equal(['same-run']);
    expect(again.result.summary).to.match(/^Added 0 runs; updated 1 run to the folder's newer copy\./);
  });

  it('leaves a run whose copy is as new or older, and a run being recorded, as it is', async () => {
    await putFile(folder.dir, 'a.fit', encodeFit(version(2.5, OLDER)));
    await putFile(folder.dir, 'b.fit', encodeFit(version(2.8, NEWER)));
    for (const kept of [{ changedAt: NEWER, recording: false }, { changedAt: OLDER, recording: true }]) {
      const again = await restoreInto(folder.dir, defaultCadenceZones, new Map([['same-run', kept]]));
      expect(again.stored.size, JSON.stringify(kept)).to.equal(0);
      expect(again.result.summary).to.match(/^Added 0 runs; 1 already here was skipped\./);
    }
  });

  it('advises an empty file (a cloud drive’s placeholder for one not yet copied) to restore again', async () => {
    await putFile(folder.dir, '2026-11-03 07.00 Easy.fit', new Uint8Array(0));
    const { result } = await restoreInto(folder.dir, defaultCadenceZones);
    expect(result.outcomes.map((o) => o.message)).to.deep.equal([
      'The file is empty: it holds no data at all. If a cloud drive is still copying the folder, restore again once it has finished; otherwise the run is still in the browser that wrote this file, which can export it again.',
    ]);
  });
});
