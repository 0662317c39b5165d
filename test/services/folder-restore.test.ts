// Restore from the folder, file by file: a run comes back counted with the zones it was recorded
// with; two files of one run give the one changed last; and every file it does not bring in is
// said (TCX files, other files, a folder gone part-way), while the files a system leaves beside
// them are passed over without a word.

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { encodeFit } from '../../src/export/fit.js';
import { encodeTcx } from '../../src/export/tcx.js';
import { readInWorker, stopImportWorker } from '../../src/export/import-worker-client.js';
import { restoreFromFolder } from '../../src/services/folder-restore.js';
import { statedTotalsNotes } from '../../src/session/stated-totals.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import type { FolderHandle } from '../../src/store/backup-folder-files.js';
import { type TestFolder, freshFolder, putFile, run } from '../store/backup-folder-rig.js';
import { generatedRunningSeconds, generatedZones, runOf, withBreaks } from '../support/generated-runs-with-walks.js';
import { generatedSession } from '../support/generated-sessions.js';
import { invariantRuns } from '../support/invariant-runs.js';
import { restoreInto, restoredSession } from './folder-restore-rig.js';

const START = Date.UTC(2026, 10, 3, 7, 0);

describe('restoring a run from the folder', () => {
  it('a restored run keeps the zones it was recorded with and its time in each zone', async function () {
    this.timeout(60_000);
    await fc.assert(
      fc.asyncProperty(generatedRunningSeconds, generatedZones, async (running, zones) => {
        fc.pre(JSON.stringify(zones) !== JSON.stringify(defaultCadenceZones));
        const original = runOf(running, { startedAt: START, zones, id: 'zones-run' });
        const { meta } = await restoredSession(original, defaultCadenceZones);
        expect(meta.zones, 'zones').to.deep.equal(original.meta.zones);
        expect(meta.zoneTimes, 'time in zones').to.deep.equal(original.meta.zoneTimes);
      }),
      { numRuns: invariantRuns(6) },
    );
  });

  it('a restored footpod run with walks shows the notes its original showed (none about a watch)', async function () {
    this.timeout(20_000);
    const walked = withBreaks(
      Array.from({ length: 120 }, () => ({ cadence: 172, speedMps: 3, running: true })),
      [{ after: 60, spell: { kind: 'walk', seconds: 90, cadence: 110, speedMps: 1.2 } }],
    );
    const original = runOf(walked, { startedAt: START, zones: defaultCadenceZones, id: 'walk-run' });
    expect(original.meta.statedTotals).to.equal(undefined);
    const back = await restoredSession(original);
    expect(back.meta.statedTotals ? statedTotalsNotes(back.meta.statedTotals) : []).to.deep.equal([]);
  });
});

describe('restoring a folder that holds two files of one run', () => {
  let folder: TestFolder;
  beforeEach(async () => (folder = await freshFolder()));
  afterEach(() => folder.remove());

  const version = (speed: number, changedAt: number) => {
    const s = generatedSession({ id: 'same-run', startedAt: START, minutes: 20, cadenceBase: 172, speed, name: 'Easy' });
    return { ...s, meta: { ...s.meta, changedAt } };
  };
  // The older copy (before the run was corrected, say) sorts first by name.
  const older = version(2.5, START + 3_600_000);
  const newer = version(2.8, START + 86_400_000);

  it('restores the copy that changed last, whatever the files are called', async function () {
    this.timeout(20_000);
    for (const [first, second] of [[older, newer], [newer, older]]) {
      await putFile(folder.dir, '2026-11-03 07.00 Easy (conflicted copy).fit', encodeFit(first!));
      await putFile(folder.dir, '2026-11-03 07.00 Easy.fit', encodeFit(second!));
      const { result, stored } = await restoreInto(folder.dir, defaultCadenceZones);
      expect(result.added).to.deep.equal(['same-run']);
      const back = stored.get('same-run')!.meta;
      expect(back.changedAt, 'changedAt').to.equal(newer.meta.changedAt);
      expect(Math.round(back.distanceM), 'distance').to.equal(Math.round(newer.meta.distanceM));
    }
  });

  it('does not count a second copy of a run it just added as a run already here', async function () {
    this.timeout(20_000);
    await putFile(folder.dir, '2026-11-03 07.00 Easy (1).fit', encodeFit(newer));
    await putFile(folder.dir, '2026-11-03 07.00 Easy.fit', encodeFit(newer));
    const { result } = await restoreInto(folder.dir, defaultCadenceZones);
    expect(result.added).to.have.length(1);
    expect(result.summary).to.equal('Added 1 run. The folder holds 2 copies of one run (a cloud drive\'s conflicted copy, say): the one changed last was used.');
  });
});

describe('what a restore says of the files it does not bring in', () => {
  let folder: TestFolder;
  beforeEach(async () => (folder = await freshFolder()));
  afterEach(() => folder.remove());

  it('says that the rest of the folder could not be read when the folder goes part-way', async function () {
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
    expect(done.outcomes).to.deep.equal([]);
    expect(done.summary).to.equal(
      'Added 1 run. The folder could no longer be read part-way (moved, removed, or its drive went offline): the other 4 files were not read. Restore again once the folder is back.',
    );
  });

  it('says a file that went from the folder before it was read, and reads the rest', async function () {
    this.timeout(20_000);
    for (const n of [1, 2, 3]) await putFile(folder.dir, `run ${n}.fit`, encodeFit(run(n)));
    let saves = 0;
    const done = await restoreFromFolder(folder.dir, {
      zones: defaultCadenceZones,
      storedIds: new Set(),
      read: (file, zones) => readInWorker(file, zones, crypto.randomUUID()),
      save: async () => {
        if (saves++ === 0) await folder.dir.removeEntry('run 2.fit');
      },
      done: stopImportWorker,
    });
    expect(done.added).to.deep.equal(['run-1', 'run-3']);
    expect(done.summary).to.equal('Added 2 runs. 1 file went from the folder before it could be read.');
  });

  it('says that permission to read the folder went part-way, and what to do', async function () {
    this.timeout(20_000);
    for (const n of [1, 2, 3]) await putFile(folder.dir, `run ${n}.fit`, encodeFit(run(n)));
    let lost = false;
    // The browser takes the permission back after the first run is stored.
    const dir = {
      name: folder.dir.name,
      values: () => folder.dir.values(),
      getFileHandle: (name: string) => (lost ? Promise.reject(new DOMException('Permission gone', 'NotAllowedError')) : folder.dir.getFileHandle(name)),
    } as unknown as FolderHandle;
    const done = await restoreFromFolder(dir, {
      zones: defaultCadenceZones,
      storedIds: new Set(),
      read: (file, zones) => readInWorker(file, zones, crypto.randomUUID()),
      save: async () => void (lost = true),
      done: stopImportWorker,
    });
    expect(done.outcomes).to.deep.equal([]);
    expect(done.summary).to.equal(
      'Added 1 run. Stridewise lost permission to read the folder part-way: the other 2 files were not read. Allow the folder again and restore again.',
    );
  });

  it('says a TCX file in the folder was not restored, and other files left; passes over system files silently', async function () {
    this.timeout(20_000);
    await putFile(folder.dir, '2026-12-02 07.00 Tempo.tcx', encodeTcx(run(1, { name: 'Tempo' })));
    await putFile(folder.dir, 'shoes.jpg', 'not a run');
    await putFile(folder.dir, '._2026-12-02 07.00 Tempo.fit', 'macOS resource fork');
    await putFile(folder.dir, '.DS_Store', 'macOS');
    const { result, stored } = await restoreInto(folder.dir, defaultCadenceZones);
    expect(stored.size).to.equal(0);
    expect(result.outcomes).to.deep.equal([]);
    expect(result.summary).to.equal(
      'Added 0 runs. 1 TCX file was not restored: a restore reads the FIT files Stridewise writes there. ' +
        'Import a TCX file from Settings → Your data → Import runs from a watch (it becomes a new run, so check it is not here already). ' +
        '1 other file is no run file (not FIT or TCX) and was left as it is.',
    );
  });

  it('advises a damaged file of the folder as a copy a cloud drive may still be writing, not as a watch\'s', async function () {
    this.timeout(20_000);
    await putFile(folder.dir, 'cut short.fit', encodeFit(run(7)).slice(0, 300));
    const { result } = await restoreInto(folder.dir, defaultCadenceZones);
    expect(result.outcomes).to.have.length(1);
    expect(result.outcomes[0]!.message).to.match(/truncated.*cloud drive is still copying the folder, restore again/);
    expect(result.outcomes[0]!.message).to.not.match(/watch/);
  });
});
