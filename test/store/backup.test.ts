import { expect } from '@open-wc/testing';
import { clear, set, setMany } from 'idb-keyval';
import { createBackup, createBackupWithReport, restoreBackup } from '../../src/store/backup.js';
import { withChecksum } from '../../src/store/backup-checksum.js';
import { SCHEMA_VERSION, kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { chunkKey, listSessions, loadSession, metaKey, saveSession } from '../../src/store/session-store.js';
import { StoreError } from '../../src/store/store-errors.js';
import { columnDifference, snapshotStore, syntheticSession } from './fixtures.js';
import { rejectionOf } from '../support/rejection.js';

useSeparateDatabase('stride-test-backup');

const settings = { zones: { buildingFrom: 158, targetFrom: 168, targetTo: 178 }, distanceUnit: 'mi', smoothingS: 15 };
const sessions = [
  syntheticSession({ id: 'a', seconds: 3600, startedAt: Date.UTC(2025, 0, 6) }),
  syntheticSession({ id: 'b', seconds: 2700 + 17, startedAt: Date.UTC(2025, 0, 8), seed: 2 }),
  syntheticSession({ id: 'c', seconds: 59, startedAt: Date.UTC(2025, 0, 9), seed: 3, status: 'recording' }),
];

async function storeEverything(): Promise<void> {
  await setMany([['schema', SCHEMA_VERSION], ['settings', settings], ['remembered-footpod', { name: 'Stryd', id: 'AbC==' }]], kvStore());
  for (const session of sessions) await saveSession(session);
}

/** The backup as an object, to damage in one place and write back out. */
async function backupObject(): Promise<Record<string, any>> {
  return JSON.parse(await (await createBackup()).text());
}
/**
 * A backup object written out as a file, its checksum made anew: a file whose checksum is right
 * but whose contents are wrong (a bug, or an edit that re-signed it) is still refused by name.
 */
async function fileOf(value: unknown): Promise<Blob> {
  if (typeof value !== 'object' || value === null || (value as Record<string, unknown>)['format'] !== 'stridewise-backup') {
    return new Blob([JSON.stringify(value)]);
  }
  const { format, version, schemaVersion, checksum: _, ...rest } = value as Record<string, unknown>;
  return new Blob([await withChecksum({ format, version, schemaVersion }, rest)]);
}
const base64Of = (array: Float32Array | Float64Array) => btoa(String.fromCharCode(...new Uint8Array(array.buffer)));

describe('backup and restore (real IndexedDB)', () => {
  beforeEach(async () => {
    await clear(kvStore());
    await storeEverything();
  });

  it('writes one JSON file with the header first', async () => {
    const text = await (await createBackup()).text();
    expect(text.startsWith(`{"format":"stridewise-backup","version":2,"schemaVersion":${SCHEMA_VERSION},"checksum":"sha256:`)).to.equal(true);
    const backup = JSON.parse(text);
    expect(backup.schemaVersion).to.equal(SCHEMA_VERSION);
    expect(backup.settings).to.deep.equal(settings);
    expect(backup.sessions.map((s: { meta: { id: string } }) => s.meta.id)).to.deep.equal(['a', 'b', 'c']);
    expect(backup.sessions[1].chunks).to.have.length(46);
    expect(backup.sessions[1].chunks[0].distanceM.type).to.equal('Float64Array');
    expect(Date.now() - Date.parse(backup.createdAt)).to.be.within(0, 10_000);
  });

  it('round-trips 3 sessions, settings and other keys exactly, replacing what was there', async () => {
    const original = await snapshotStore();
    const file = await createBackup();
    await clear(kvStore());
    await saveSession(syntheticSession({ id: 'newer', seconds: 120 }));
    await set('settings', { distanceUnit: 'km' }, kvStore());

    expect(await restoreBackup(file)).to.deep.equal({ sessions: 3 });
    expect(await snapshotStore()).to.deep.equal(original);
    for (const session of sessions) {
      const loaded = (await loadSession(session.meta.id))!;
      expect(loaded.meta).to.deep.equal(session.meta);
      expect(columnDifference(session.samples, loaded.samples)).to.equal(null);
    }
    expect((await listSessions()).map((s) => s.id)).to.deep.equal(['a', 'b', 'c']);
  });

  it('keeps every kind of break, and the distance a counter covered across one, through a round trip', async () => {
    const session = syntheticSession({ id: 'breaks', seconds: 300 });
    session.meta.gaps = [
      { fromT: 100, toT: 160, reason: 'link-lost', coveredM: 180 },
      { fromT: 200, toT: 230, reason: 'missing-records', coveredM: 90 },
      { fromT: 250, toT: 260, reason: 'paused' },
    ];
    session.meta.checkIns = [{ t: 90, promptId: 'under-hips' }];
    await clear(kvStore());
    await saveSession(session);
    const file = await createBackup();
    await clear(kvStore());
    expect(await restoreBackup(file)).to.deep.equal({ sessions: 1 });
    expect((await loadSession('breaks'))!.meta.gaps).to.deep.equal(session.meta.gaps);
    expect((await loadSession('breaks'))!.meta.checkIns).to.deep.equal(session.meta.checkIns);
  });

  it("keeps a watch file's own totals, set-aside figures and running cadences through a round trip", async () => {
    const session = syntheticSession({ id: 'watch', seconds: 300 });
    session.meta.origin = 'import';
    session.meta.statedTotals = {
      stated: { movingS: 300, distanceM: 1000, avgHeartRate: 151 },
      setAside: { avgCadence: 145.5 },
      fromRecords: { movingS: 298, distanceM: 995, avgCadence: 170, avgHeartRate: null },
    };
    session.meta.runningCadence = { 170: 200, 172.5: 98 };
    session.meta.runningCadenceByBand = { 3: { 170: 200 }, 4: { 172.5: 98 } };
    await clear(kvStore());
    await saveSession(session);
    const file = await createBackup();
    await clear(kvStore());
    expect(await restoreBackup(file)).to.deep.equal({ sessions: 1 });
    expect((await loadSession('watch'))!.meta).to.deep.equal(session.meta);
  });

  it('restores a backup made before channels existed, with the channels empty', async () => {
    const b = await backupObject();
    const channels = ['heartRate', 'treadmillSpeedMps', 'inclinePercent', 'rawSpeedMps', 'rawDistanceM'];
    for (const session of b.sessions) for (const chunk of session.chunks) for (const name of channels) delete chunk[name];
    await clear(kvStore());
    expect(await restoreBackup(await fileOf(b))).to.deep.equal({ sessions: 3 });
    const loaded = (await loadSession('a'))!;
    expect(Array.from(loaded.samples.cadence)).to.deep.equal(Array.from(sessions[0]!.samples.cadence));
    expect(loaded.samples.heartRate.every((v) => Number.isNaN(v))).to.equal(true);
    expect(loaded.samples.rawSpeedMps.every((v) => Number.isNaN(v)), 'raw speed empty, never zero').to.equal(true);
    expect(loaded.samples.rawDistanceM.every((v) => Number.isNaN(v)), 'raw distance empty, never zero').to.equal(true);
  });

  it('keeps the raw pod columns and the calibration, speed source and pod of a session bit for bit', async () => {
    const calibrated = syntheticSession({ id: 'calibrated', seconds: 150 });
    calibrated.meta.calibration = [{ podSpeedMps: 2.5, factor: 0.9 }, { podSpeedMps: 4, factor: 0.95 }];
    calibrated.meta.speedFrom = 'footpod';
    calibrated.meta.podId = 'bluetooth:q1w2==';
    await saveSession(calibrated);
    const b = await backupObject();
    expect(b.sessions.find((s: { meta: { id: string } }) => s.meta.id === 'calibrated').chunks[0].rawDistanceM.type).to.equal('Float64Array');
    await clear(kvStore());
    await restoreBackup(await fileOf(b));
    const loaded = (await loadSession('calibrated'))!;
    expect(loaded.meta).to.deep.equal(calibrated.meta);
    expect(columnDifference(calibrated.samples, loaded.samples)).to.equal(null);
    expect(loaded.samples.rawSpeedMps[10]).to.equal(calibrated.samples.rawSpeedMps[10]);
  });

  for (const [what, damage] of [
    ['a damaged footpod calibration', (meta: Record<string, unknown>) => (meta['calibration'] = [{ podSpeedMps: 'fast', factor: 0.9 }])],
    ['an unknown source of speed', (meta: Record<string, unknown>) => (meta['speedFrom'] = 'gps')],
    ['a footpod id that is not text', (meta: Record<string, unknown>) => (meta['podId'] = 7)],
  ] as const) {
    it(`refuses a backup whose session has ${what}, changing nothing`, async () => {
      const b = await backupObject();
      damage(b.sessions[0].meta);
      const before = await snapshotStore();
      const error = await rejectionOf(restoreBackup(await fileOf(b)));
      expect(error).to.be.instanceOf(StoreError);
      expect(error.message).to.contain(what);
      expect(await snapshotStore()).to.deep.equal(before);
    });
  }

  it('restores an empty store from a backup of an empty store', async () => {
    await clear(kvStore());
    const file = await createBackup();
    await storeEverything();
    expect(await restoreBackup(file)).to.deep.equal({ sessions: 0 });
    expect(await snapshotStore()).to.deep.equal({ '"schema"': '2', '"sessions"': '[]' });
  });

  it('backs up a damaged session cut short, so the backup itself always restores', async () => {
    await set(chunkKey('a', 10), { t: new Float64Array(2) }, kvStore());
    const file = await createBackup();
    await restoreBackup(file);
    const loaded = (await loadSession('a'))!;
    expect(loaded.meta.sampleCount).to.equal(600);
    expect(Array.from(loaded.samples.cadence)).to.deep.equal(Array.from(sessions[0]!.samples.cadence.subarray(0, 600)));
  });

  it('says what it leaves out: samples after a damaged part, a damaged session, samples whose session is lost', async () => {
    expect((await createBackupWithReport()).leftOut, 'a sound store: nothing').to.deep.equal([]);
    await set(chunkKey('a', 10), { t: new Float64Array(2) }, kvStore());
    await set(metaKey('b'), { id: 'b', broken: true }, kvStore());
    await setMany([[chunkKey('gone', 0), { t: new Float64Array(1) }], [chunkKey('gone', 3), { t: new Float64Array(1) }]], kvStore());
    const before = await snapshotStore();
    const { leftOut } = await createBackupWithReport();
    expect(leftOut).to.deep.equal([
      '“Run a” goes in with its first 600 of 3600 samples: part 11 of 60 is missing or damaged.',
      'The details of session b are damaged, so it is left out.',
      '2 parts of samples of a session whose details are lost (gone) are left out.',
    ]);
    expect(await snapshotStore(), 'the browser keeps it all').to.deep.equal(before);
  });

  it('rebuilds the list of sessions from their details, so a damaged list is repaired by a round trip', async () => {
    await set('sessions', 'garbage', kvStore());
    await restoreBackup(await createBackup());
    expect((await listSessions()).map((s) => [s.id, s.sampleCount])).to.deep.equal([['a', 3600], ['b', 2717], ['c', 59]]);
  });

  type Damage = [string, () => Promise<Blob>, string | RegExp];
  const damages: Damage[] = [
    ['a truncated file', async () => { const text = await (await createBackup()).text(); return new Blob([text.slice(0, text.length / 2)]); },
      'The backup is truncated: the file ends part-way through. Use a complete copy of it. Nothing was changed.'],
    ['random bytes', async () => new Blob([crypto.getRandomValues(new Uint8Array(4096))]),
      'This is not a Stridewise backup (the file is not in the backup format). Nothing was changed.'],
    ['an empty file', async () => new Blob([]), 'This is not a Stridewise backup (the file is empty). Nothing was changed.'],
    ['JSON of a foreign shape', async () => fileOf({ type: 'FeatureCollection', features: [] }),
      'This is not a Stridewise backup (it has no Stridewise backup header). Nothing was changed.'],
    ['a JSON array', async () => fileOf([1, 2, 3]), /^This is not a Stridewise backup \(it has no Stridewise backup header\)/],
    ['a chunk with the wrong length', async () => {
      const b = await backupObject();
      b.sessions[0].chunks[1].cadence.base64 = base64Of(new Float32Array(59).fill(170));
      return fileOf(b);
    }, 'The backup is damaged: session “Run a” has 59 cadence values in chunk 2 instead of 60. Nothing was changed.'],
    ['a short last chunk', async () => {
      const b = await backupObject();
      b.sessions[1].chunks[45].t.base64 = base64Of(new Float64Array(16));
      return fileOf(b);
    }, /session “Run b” has 16 t values in chunk 46 instead of 17/],
    ['a missing chunk', async () => { const b = await backupObject(); b.sessions[0].chunks.pop(); return fileOf(b); },
      'The backup is damaged: session “Run a” is missing chunk 60 of 60. Nothing was changed.'],
    ['a column of the wrong type', async () => { const b = await backupObject(); b.sessions[2].chunks[0].speedMps.type = 'Float64Array'; return fileOf(b); },
      /session “Run c” has an unreadable speedMps column in chunk 1/],
    ['bytes that are not base64', async () => { const b = await backupObject(); b.sessions[0].chunks[3].flags.base64 = '%%%'; return fileOf(b); },
      /unreadable flags column in chunk 4/],
    ['a damaged meta', async () => { const b = await backupObject(); delete b.sessions[1].meta.zones; return fileOf(b); },
      'The backup is damaged: session 2 has damaged zones. Nothing was changed.'],
    ['damaged totals from a watch file', async () => {
      const b = await backupObject();
      b.sessions[1].meta.statedTotals = { stated: { distanceM: 'far' } };
      return fileOf(b);
    }, "The backup is damaged: session 2 has damaged totals from the watch's file. Nothing was changed."],
    ['watch totals without the records\' sums', async () => {
      const b = await backupObject();
      b.sessions[1].meta.statedTotals = { stated: { distanceM: 2000 } };
      return fileOf(b);
    }, /session 2 has damaged totals from the watch's file/],
    ['damaged running cadences', async () => {
      const b = await backupObject();
      b.sessions[0].meta.runningCadence = { 172: 'ten' };
      return fileOf(b);
    }, /session 1 has damaged running cadences\./],
    ['damaged running cadences by speed', async () => {
      const b = await backupObject();
      b.sessions[0].meta.runningCadenceByBand = { 3: { 0: 10 } };
      return fileOf(b);
    }, /session 1 has damaged running cadences by speed/],
    ['a session twice', async () => { const b = await backupObject(); b.sessions.push(b.sessions[2]); return fileOf(b); }, /session “Run c” is in it twice/],
    ['an index that does not match', async () => { const b = await backupObject(); b.index.pop(); return fileOf(b); },
      /its list of sessions does not match the sessions in it/],
    ['a newer backup format', async () => { const b = await backupObject(); b.version = 3; return fileOf(b); },
      'This backup was made by a newer Stridewise (backup format 3); update the app to restore it. Nothing was changed.'],
    ['data of a newer schema', async () => { const b = await backupObject(); b.schemaVersion = SCHEMA_VERSION + 1; return fileOf(b); },
      /data of a newer Stridewise \(data version 3\)/],
    ['settings that are not settings', async () => { const b = await backupObject(); b.settings = 'km'; return fileOf(b); }, /settings are not a set of settings/],
    ['another value posing as a session key', async () => { const b = await backupObject(); b.other.push({ key: 'session/x/meta', value: 1 }); return fileOf(b); },
      /other stored values has no proper key/],
  ];
  for (const [what, make, message] of damages) {
    it(`rejects ${what} by name and leaves the store exactly as it was`, async () => {
      const file = await make();
      const before = await snapshotStore();
      const error = await rejectionOf(restoreBackup(file));
      expect(error).to.be.instanceOf(StoreError);
      if (typeof message === 'string') expect(error.message).to.equal(message);
      else expect(error.message).to.match(message);
      expect(await snapshotStore()).to.deep.equal(before);
    });
  }

  it('leaves the store exactly as it was when writing fails half-way', async () => {
    const file = await createBackup();
    await clear(kvStore());
    await saveSession(syntheticSession({ id: 'only', seconds: 200 }));
    const before = await snapshotStore();
    const original = IDBObjectStore.prototype.put;
    let puts = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (++puts === 50) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, value, key);
    };
    let error: Error;
    try {
      error = await rejectionOf(restoreBackup(file));
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(puts).to.equal(50);
    expect(error.name).to.equal('QuotaExceededError');
    expect(await snapshotStore()).to.deep.equal(before);
  });
});
