// A backup's checksum and data version: a file damaged on its way is refused with the store
// byte for byte as it was, and backups of older formats and data versions still restore.
import { expect } from '@open-wc/testing';
import { clear, setMany } from 'idb-keyval';
import { createBackup, restoreBackup } from '../../src/store/backup.js';
import { SCHEMA_VERSION, kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { loadSession, saveSession } from '../../src/store/session-store.js';
import { StoreError } from '../../src/store/store-errors.js';
import { withChecksum } from '../../src/store/backup-checksum.js';
import { columnDifference, snapshotStore, syntheticSession } from './fixtures.js';
import { rejectionOf } from '../support/rejection.js';

useSeparateDatabase('stride-test-backup-integrity');

const settings = { zones: { buildingFrom: 158, targetFrom: 168, targetTo: 178 }, distanceUnit: 'mi', smoothingS: 15 };
const run = syntheticSession({ id: 'run', seconds: 130, startedAt: Date.UTC(2025, 0, 6) });
const other = syntheticSession({ id: 'other', seconds: 61, startedAt: Date.UTC(2025, 0, 7), seed: 5 });

async function storeSomething(): Promise<void> {
  await clear(kvStore());
  await setMany([['schema', SCHEMA_VERSION], ['settings', settings], ['remembered-footpod', { name: 'Stryd', id: 'AbC==' }]], kvStore());
  await saveSession(run);
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

/** Restoring `file` must fail with a StoreError and leave the store byte for byte as it was. */
async function expectRefused(file: Blob, message?: RegExp): Promise<void> {
  const before = await snapshotStore();
  const error = await rejectionOf(restoreBackup(file));
  expect(error, String(error)).to.be.instanceOf(StoreError);
  expect(error.message.endsWith('Nothing was changed.'), error.message).to.equal(true);
  if (message) expect(error.message).to.match(message);
  expect(await snapshotStore()).to.deep.equal(before);
}

describe('backup checksum and data version (real IndexedDB)', () => {
  let good: Uint8Array<ArrayBuffer>;
  let original: Record<string, string>;
  before(async () => {
    await storeSomething();
    original = await snapshotStore();
    good = await bytesOf(await createBackup());
  });
  beforeEach(async () => {
    // A different store, so a restore that went through would show.
    await clear(kvStore());
    await setMany([['schema', SCHEMA_VERSION], ['settings', { distanceUnit: 'km' }]], kvStore());
    await saveSession(other);
  });

  it('carries the data version and a SHA-256 of its payload, and restores exactly', async () => {
    const backup = JSON.parse(new TextDecoder().decode(good));
    expect(backup.schemaVersion).to.equal(SCHEMA_VERSION);
    expect(backup.checksum).to.match(/^sha256:[0-9a-f]{64}$/);
    await restoreBackup(new Blob([good]));
    expect(await snapshotStore()).to.deep.equal(original);
  });

  it('refuses a sample changed inside the file by its checksum, though the file still reads as a backup', async () => {
    const text = new TextDecoder().decode(good);
    const at = text.indexOf('"base64":"', text.indexOf('"cadence"')) + '"base64":"'.length + 8;
    const changed = text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    await expectRefused(new Blob([changed]), /^The backup is damaged: its checksum does not match its contents/);
  });

  it('refuses the file with any one byte flipped, anywhere', async () => {
    // 64 places spread over the file, each a different bit, and the checksum itself.
    const checksumAt = new TextDecoder().decode(good).indexOf('sha256:') + 20;
    const places = [...Array.from({ length: 64 }, (_, i) => Math.floor((i * (good.length - 1)) / 63)), checksumAt];
    const before = await snapshotStore();
    for (const [i, place] of places.entries()) {
      const flipped = good.slice();
      flipped[place]! ^= 1 << i % 8;
      const error = await rejectionOf(restoreBackup(new Blob([flipped])));
      expect(error, `byte ${place}: ${String(error)}`).to.be.instanceOf(StoreError);
    }
    expect(await snapshotStore()).to.deep.equal(before);
  });

  for (const [what, keep] of [
    ['its last byte', (n: number) => n - 1],
    ['its second half', (n: number) => Math.floor(n / 2)],
    ['all but its header', () => 60],
  ] as const) {
    it(`refuses a truncated file (without ${what})`, async () => {
      await expectRefused(new Blob([good.slice(0, keep(good.length))]), /^The backup is truncated/);
    });
  }

  it('refuses a backup of this format whose checksum was taken out', async () => {
    const backup = JSON.parse(new TextDecoder().decode(good));
    delete backup.checksum;
    await expectRefused(new Blob([JSON.stringify(backup)]), /checksum does not match/);
  });

  it('restores a backup of format 1, made before backups carried a checksum, exactly', async () => {
    const { checksum: _, ...backup } = JSON.parse(new TextDecoder().decode(good));
    await restoreBackup(new Blob([JSON.stringify({ ...backup, version: 1 })]));
    expect(await snapshotStore()).to.deep.equal(original);
    expect(columnDifference(run.samples, (await loadSession('run'))!.samples)).to.equal(null);
  });

  const v1Backup = {
    format: 'stridewise-backup',
    version: 1,
    createdAt: '2024-11-02T07:00:00.000Z',
    schemaVersion: 1,
    settings,
    other: [{ key: 'remembered-footpod', value: { name: 'Stryd', id: 'AbC==' } }],
  };

  it('restores a backup of data version 1 (settings only) through the migrations', async () => {
    expect(await restoreBackup(new Blob([JSON.stringify(v1Backup)]))).to.deep.equal({ sessions: 0 });
    expect(await snapshotStore()).to.deep.equal({
      '"remembered-footpod"': JSON.stringify({ name: 'Stryd', id: 'AbC==' }),
      '"schema"': String(SCHEMA_VERSION),
      // Added by the migration from 1 to 2, as for a version 1 store.
      '"sessions"': '[]',
      '"settings"': JSON.stringify(settings),
    });
  });

  it('restores data version 1 in a checksummed file too', async () => {
    const { format, version: _, schemaVersion, ...rest } = v1Backup;
    await restoreBackup(new Blob([await withChecksum({ format, version: 2, schemaVersion }, rest)]));
    expect(Object.keys(await snapshotStore()).sort()).to.deep.equal(['"remembered-footpod"', '"schema"', '"sessions"', '"settings"']);
  });

  it('refuses a data version 1 backup that claims to hold sessions', async () => {
    const { sessions, index } = JSON.parse(new TextDecoder().decode(good));
    await expectRefused(new Blob([JSON.stringify({ ...v1Backup, sessions, index })]), /data version 1, which held no sessions/);
  });
});
