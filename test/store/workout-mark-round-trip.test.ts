// A run's WorkoutMark survives the store and a backup round trip as it was recorded, and a damaged
// one in a backup is dropped (the run goes in as an ordinary run), so the session page never draws
// a planned speed from a mark it cannot read.
import { expect } from '@open-wc/testing';
import { clear, setMany } from 'idb-keyval';
import { createBackup, restoreBackup } from '../../src/store/backup.js';
import { SCHEMA_VERSION, kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { loadSession, saveSession } from '../../src/store/session-store.js';
import type { WorkoutMark } from '../../src/session/recorded-session.js';
import { syntheticSession } from './fixtures.js';

useSeparateDatabase('stride-test-workout-mark');

const mark: WorkoutMark = {
  workoutId: 'library-intervals',
  name: 'Intervals',
  steps: [
    { fromT: 0, name: 'Warm up', speedKmh: 9, inclinePercent: null, cadence: null },
    { fromT: 300, name: 'Hard', speedKmh: 13.5, inclinePercent: 1, cadence: 175 },
  ],
};

async function restored(change: (backup: { sessions: { meta: Record<string, unknown> }[] }) => void) {
  const backup = JSON.parse(await (await createBackup()).text());
  change(backup);
  const { checksum: _, ...unsigned } = backup;
  await clear(kvStore());
  await setMany([['schema', SCHEMA_VERSION]], kvStore());
  await restoreBackup(new Blob([JSON.stringify({ ...unsigned, version: 1 })]));
  return (await loadSession('run'))!.meta;
}

describe('a WorkoutMark through the store and a backup', () => {
  beforeEach(async () => {
    await clear(kvStore());
    await setMany([['schema', SCHEMA_VERSION]], kvStore());
    const run = syntheticSession({ id: 'run', seconds: 400, startedAt: Date.UTC(2026, 10, 2) });
    await saveSession({ ...run, meta: { ...run.meta, workout: mark } });
  });

  it('is kept as recorded', async () => {
    expect((await loadSession('run'))!.meta.workout).to.deep.equal(mark);
    expect((await restored(() => undefined)).workout).to.deep.equal(mark);
  });

  it('keeps where the workout ended and its pauses, and reads a mark without them as before', async () => {
    expect((await restored(() => undefined)).workout).to.deep.equal(mark);
    const ended: WorkoutMark = { ...mark, toT: 380, pauses: [{ fromT: 100, toT: 130 }, { fromT: 370, toT: null }] };
    const meta = await restored((backup) => {
      backup.sessions[0]!.meta['workout'] = ended;
    });
    expect(meta.workout).to.deep.equal(ended);
  });

  it('is dropped from a backup when its end or pauses are damaged', async () => {
    for (const damaged of [{ toT: 'later' }, { toT: null }, { pauses: {} }, { pauses: [{ fromT: 100 }] }, { pauses: [{ fromT: 100, toT: 90 }] }]) {
      const meta = await restored((backup) => {
        backup.sessions[0]!.meta['workout'] = { ...mark, ...damaged };
      });
      expect(meta.workout, JSON.stringify(damaged)).to.equal(undefined);
    }
  });

  it('is dropped from a backup when damaged, the run kept', async () => {
    const meta = await restored((backup) => {
      backup.sessions[0]!.meta['workout'] = { ...mark, steps: [{ ...mark.steps[0], fromT: 'soon' }] };
    });
    expect(meta.id).to.equal('run');
    expect(meta.workout).to.equal(undefined);
  });
});
