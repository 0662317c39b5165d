import { expect } from '@open-wc/testing';
import { clear, set } from 'idb-keyval';
import { createBackup, restoreBackup } from '../../src/store/backup.js';
import { withChecksum } from '../../src/store/backup-checksum.js';
import { SCHEMA_VERSION, kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { loadSession, saveSession } from '../../src/store/session-store.js';
import { StoreError } from '../../src/store/store-errors.js';
import { statedTotalsNotes } from '../../src/session/stated-totals.js';
import { syntheticSession } from '../store/fixtures.js';

useSeparateDatabase('stride-test-repro-backup-stated');

async function fileOf(value: Record<string, unknown>): Promise<Blob> {
  const { format, version, schemaVersion, checksum: _, ...rest } = value;
  return new Blob([await withChecksum({ format, version, schemaVersion }, rest)]);
}

describe('repro: a backup with damaged watch totals', () => {
  beforeEach(async () => {
    await clear(kvStore());
    await set('schema', SCHEMA_VERSION, kvStore());
    const run = syntheticSession({ id: 'w', seconds: 600, startedAt: Date.UTC(2026, 0, 6) });
    run.meta.origin = 'import';
    run.meta.statedTotals = {
      stated: { movingS: 600, distanceM: 2000 },
      fromRecords: { movingS: 600, distanceM: 1990, avgCadence: 172, avgHeartRate: null },
    };
    await saveSession(run);
  });

  it('refuses a session whose statedTotals is damaged (as it refuses damaged zones or calibration), changing nothing', async () => {
    const b = JSON.parse(await (await createBackup()).text());
    // A restore that keeps this breaks the run's page: statedTotalsNotes reads fromRecords.movingS.
    b.sessions[0].meta.statedTotals = { stated: { distanceM: 'far' } };
    await clear(kvStore());
    await set('schema', SCHEMA_VERSION, kvStore());
    let error: unknown = null;
    try {
      await restoreBackup(await fileOf(b));
    } catch (e) {
      error = e;
    }
    const loaded = await loadSession('w');
    let pageNotes: unknown = null;
    try {
      pageNotes = loaded?.meta.statedTotals ? statedTotalsNotes(loaded.meta.statedTotals) : 'none';
    } catch (e) {
      pageNotes = e;
    }
    expect(loaded, `restored a damaged statedTotals; the session page then gets: ${String(pageNotes)}`).to.equal(undefined);
    expect(error).to.be.instanceOf(StoreError);
  });
});
