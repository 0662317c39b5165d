// Reviewer repro (issue 21): a correction's changedAt. Renames, notes and "keep as recovered" are
// stamped "now, and always after the run's last change" (session-store's changedNow), but a
// treadmill correction (re-scaling the run) is stamped with the plain clock. A run restored from a
// folder carries the changedAt another computer's clock gave it; when that clock runs a few
// minutes ahead (or this one was set back), the corrected run's changedAt is OLDER than the
// folder's file, and the folder never gets the corrected distance ("never overwrite a newer file
// with an older one" turned round: the newer run is taken for the older).

import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { correctStoredRun } from '../../../src/services/correct-run.js';
import { changedAtOf } from '../../../src/session/changed-at.js';
import { kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import { loadSession, saveSession } from '../../../src/store/session-store.js';
import { syncFolder } from '../../../src/store/backup-folder.js';
import { type TestFolder, fileRunIn, filesOf, freshFolder, indexOf, run } from '../../store/backup-folder-rig.js';
import { decodeFit } from '../../../src/export/fit-decode.js';
import { summaryOf } from '../../../src/session/session-summary.js';
import type { SessionSummary } from '../../../src/session/recorded-session.js';
import { encodeFit } from '../../../src/export/fit.js';

useSeparateDatabase('stride-repro-r-folder-changed-at');

let folder: TestFolder;
beforeEach(async () => {
  await clear(kvStore());
  folder = await freshFolder();
});
afterEach(() => folder.remove());

describe('r-folder: changedAt of a corrected run', () => {
  it('a treadmill correction of a run restored from a computer whose clock is ahead reaches the folder', async () => {
    // Restored from the folder: changedAt is the laptop's clock, two minutes ahead of this one.
    const base = run(1, { podId: 'simulator-name:Pod A', changedAt: Date.now() + 120_000 });
    // Recorded by the pod: its raw values are the ones shown.
    const restored = { ...base, samples: { ...base.samples, rawDistanceM: base.samples.distanceM.slice(), rawSpeedMps: base.samples.speedMps.slice() } };
    await saveSession(restored);
    const work = {
      isRecording: () => false,
      load: loadSession,
      encode: encodeFit,
      readFileRun: async () => null,
      betweenRuns: async () => {},
    };
    await syncFolder(folder.dir, { ...work, runs: [summaryOf(restored.meta) as SessionSummary] });

    const outcome = await correctStoredRun('run-1', restored.meta.distanceM * 1.1, undefined, true, [], 'km', async () => {});
    expect(outcome.ok, outcome.message).to.equal(true);
    const corrected = (await loadSession('run-1'))!;
    expect(corrected.meta.distanceM).to.be.closeTo(restored.meta.distanceM * 1.1, 1);
    expect(changedAtOf(corrected.meta), 'the correction is later than what it corrected').to.be.greaterThan(restored.meta.changedAt!);

    await syncFolder(folder.dir, { ...work, runs: [summaryOf(corrected.meta) as SessionSummary] });
    const entry = (await indexOf(folder.dir)).runs['run-1']!;
    const bytes = (await filesOf(folder.dir)).get(entry.file)!;
    expect(fileRunIn(bytes)?.changedAt).to.equal(corrected.meta.changedAt);
    const samples = decodeFit(bytes).samples;
    expect(samples.distanceM[samples.distanceM.length - 1], 'the folder holds the corrected distance').to.be.closeTo(corrected.meta.distanceM, 1);
  });
});
