// The store stamps changedAt on every change of a finished run (what the backup folder compares),
// never while the run records, and the one-file backup keeps it.

import { expect } from '@open-wc/testing';
import { clear, get } from 'idb-keyval';
import { changedAtOf } from '../../src/session/changed-at.js';
import { createBackup, restoreBackup } from '../../src/store/backup.js';
import { sha256Of } from '../../src/store/backup-checksum.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import {
  listSessions,
  loadSession,
  markRecovered,
  metaKey,
  saveRecordingProgress,
  saveSession,
  updateSessionInfo,
  withoutProgramMark,
} from '../../src/store/session-store.js';
import { fileRunIn, run } from './backup-folder-rig.js';
import { encodeFit } from '../../src/export/fit.js';
import { importRunFiles } from '../../src/services/data-files.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { sliceColumns } from '../../src/session/recorded-columns.js';
import { correctStoredRun } from '../../src/services/correct-run.js';

useSeparateDatabase('stride-test-folder-changed-at');

const tick = () => new Promise((resolve) => setTimeout(resolve, 3));
const summaryChangedAt = async (id: string) => (await listSessions()).find((s) => s.id === id)?.changedAt;

describe('changedAt, set by the store', () => {
  beforeEach(() => clear(kvStore()));

  it('is now on an import\'s save, a rename, notes, a program mark removed and a recovery; meta and index agree', async () => {
    const { meta: plain, samples } = run(1);
    delete plain.changedAt;
    await saveSession({ meta: plain, samples });
    expect((await loadSession('run-1'))!.meta.changedAt, 'stored as given').to.equal(undefined);
    const before = Date.now();
    await saveSession({ meta: plain, samples }, Date.now());
    let last = (await loadSession('run-1'))!.meta.changedAt!;
    expect(last).to.be.within(before, Date.now());
    expect(await summaryChangedAt('run-1')).to.equal(last);
    for (const change of [
      () => updateSessionInfo('run-1', { name: 'Tempo' }),
      () => updateSessionInfo('run-1', { notes: 'windy' }),
      () => withoutProgramMark('run-1'),
      () => markRecovered('run-1'),
    ]) {
      await tick();
      await change();
      const now = (await loadSession('run-1'))!.meta.changedAt!;
      expect(now).to.be.above(last);
      expect(await summaryChangedAt('run-1')).to.equal(now);
      last = now;
    }
  });

  it('is now for an imported run', async function () {
    this.timeout(10_000);
    const before = Date.now();
    await importRunFiles([new File([encodeFit(run(3))], 'r.fit')], defaultCadenceZones);
    expect((await listSessions())[0]!.changedAt).to.be.within(before, Date.now());
  });

  it('grows with each change, even two within one millisecond', async () => {
    await saveSession(run(1), Date.now() + 60_000);
    let last = (await summaryChangedAt('run-1'))!;
    for (let i = 0; i < 5; i++) {
      await updateSessionInfo('run-1', { notes: `n${i}` });
      const now = (await summaryChangedAt('run-1'))!;
      expect(now).to.be.above(last);
      last = now;
    }
  });

  it('is the given time for a run restored from a folder', async () => {
    await saveSession(run(1), 1_790_000_000_000);
    expect(await summaryChangedAt('run-1')).to.equal(1_790_000_000_000);
  });

  it('is absent while a run records, and set when it is saved at its end', async () => {
    const { meta, samples } = run(2);
    delete meta.changedAt;
    await saveRecordingProgress({ ...meta, status: 'recording' }, [[0, sliceColumns(samples, 0, 60)]], true);
    expect(await get(metaKey('run-2'), kvStore())).to.include({ status: 'recording' }).and.not.to.have.property('changedAt');
    expect(await summaryChangedAt('run-2')).to.equal(undefined);
    await saveRecordingProgress({ ...meta, status: 'complete' }, [], true);
    expect(await summaryChangedAt('run-2')).to.be.a('number');
  });

  it('reads, on a run stored before it was kept, as the run\'s end', () => {
    expect(changedAtOf({ startedAt: 1000, elapsedS: 60.5 })).to.equal(61_500);
    expect(changedAtOf({ startedAt: 1000, elapsedS: 60.5, changedAt: 5 })).to.equal(5);
  });

  it('survives the one-file backup, and a backup with a damaged one is refused', async () => {
    await saveSession(run(1), 1_790_000_000_000);
    const blob = await createBackup();
    await clear(kvStore());
    await restoreBackup(new File([blob], 'b.json'));
    expect(await summaryChangedAt('run-1')).to.equal(1_790_000_000_000);
    const { checksum: _old, ...payload } = JSON.parse((await blob.text()).replaceAll('"changedAt":1790000000000', '"changedAt":"yesterday"'));
    const text = JSON.stringify({ ...payload, checksum: await sha256Of(JSON.stringify(payload)) });
    const refused = await restoreBackup(new File([text], 'bad.json')).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(refused).to.match(/last change/);
  });

  // A run restored from a computer whose clock runs ahead carries that clock's changedAt: a
  // correction stamped with this clock alone would read as older, and never reach the folder.
  it('is after the run’s last change for a treadmill correction, whatever the clock says', async () => {
    const base = run(1, { podId: 'simulator-name:Pod A', changedAt: Date.now() + 120_000 });
    const restored = { ...base, samples: { ...base.samples, rawDistanceM: base.samples.distanceM.slice(), rawSpeedMps: base.samples.speedMps.slice() } };
    await saveSession(restored);
    const outcome = await correctStoredRun('run-1', restored.meta.distanceM * 1.1, undefined, true, [], 'km', async () => {});
    expect(outcome.ok, outcome.message).to.equal(true);
    const corrected = (await loadSession('run-1'))!;
    expect(corrected.meta.distanceM).to.be.closeTo(restored.meta.distanceM * 1.1, 1);
    expect(corrected.meta.changedAt).to.equal(restored.meta.changedAt! + 1);
  });

  it('reads in whole ms when a hand-edited backup gave it a fraction, so the run still encodes', () => {
    const meta = { ...run(1).meta, changedAt: 1_790_000_000_000.6 };
    expect(changedAtOf(meta)).to.equal(1_790_000_000_001);
    expect(fileRunIn(encodeFit({ ...run(1), meta }))).to.deep.equal({ id: 'run-1', changedAt: 1_790_000_000_001 });
  });
});
