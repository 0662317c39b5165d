// The backup folder's promise, over generated runs: whatever order runs were saved and renamed in,
// and however often the folder was synced between, a restore into an empty store (a second browser
// with the default zones) gives back every run: its id, start, name and notes, its figures as a FIT
// round trip keeps them (an ordinary import of the same file), its time in zone counted with the
// zones it was recorded with, and a watch's stated totals exactly where it had them (none on a
// recorded run).

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { clear } from 'idb-keyval';
import { encodeFit } from '../../src/export/fit.js';
import { decodeFit } from '../../src/export/fit-decode.js';
import { importedSession } from '../../src/export/imported-session.js';
import { importedSummary } from '../../src/export/imported-summary.js';
import type { ImportedRun } from '../../src/export/imported-run.js';
import { readInWorker, stopImportWorker } from '../../src/export/import-worker-client.js';
import { restoreFromFolder } from '../../src/services/folder-restore.js';
import type { RecordedSession } from '../../src/session/recorded-session.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { syncFolder } from '../../src/store/backup-folder.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { listSessions, loadSession, saveSession, updateSessionInfo } from '../../src/store/session-store.js';
import { freshFolder } from '../store/backup-folder-rig.js';
import { generatedSession } from '../support/generated-sessions.js';
import { generatedZones } from '../support/generated-runs-with-walks.js';
import { invariantRuns } from '../support/invariant-runs.js';

useSeparateDatabase('stride-test-folder-round-trip');

const START = Date.UTC(2026, 9, 1, 6, 0);

const runSpec = fc.record({
  day: fc.integer({ min: 0, max: 60 }),
  minute: fc.integer({ min: 0, max: 1439 }),
  minutes: fc.integer({ min: 1, max: 12 }),
  cadenceBase: fc.integer({ min: 150, max: 190 }),
  speed: fc.double({ min: 1.5, max: 5, noNaN: true }),
  // Two runs may share a name and a start minute: their files clash.
  name: fc.constantFrom('', 'Easy', 'Easy', 'Tempo: 3×1 km', 'Long / slow'),
  notes: fc.constantFrom('', 'windy', 'new shoes'),
  renamedTo: fc.option(fc.constantFrom('Recovery', 'Easy', 'Hills?'), { nil: null }),
  zones: fc.option(generatedZones, { nil: undefined }),
  // An imported watch run whose watch stated its own timer (and distance).
  watchStated: fc.constantFrom(null, 'time', 'time and distance'),
});

const stepsOf = fc.array(runSpec, { minLength: 1, maxLength: 5 }).chain((specs) =>
  fc.record({
    specs: fc.constant(specs),
    order: fc.shuffledSubarray(specs.map((_, i) => i), { minLength: specs.length, maxLength: specs.length }),
    syncAfter: fc.array(fc.boolean(), { minLength: specs.length * 2, maxLength: specs.length * 2 }),
  }),
);

type RunSpec = typeof runSpec extends fc.Arbitrary<infer T> ? T : never;

function sessionOf(spec: RunSpec, i: number): RecordedSession {
  const session = generatedSession({
    id: `gen-${i}`,
    startedAt: START + spec.day * 86_400_000 + spec.minute * 60_000,
    minutes: spec.minutes,
    cadenceBase: spec.cadenceBase,
    speed: spec.speed,
    name: spec.name,
    notes: spec.notes,
    ...(spec.zones ? { zones: spec.zones } : {}),
  });
  if (spec.watchStated === null) return session;
  const { meta, samples } = session;
  const stated = { movingS: meta.movingS + 7, ...(spec.watchStated === 'time and distance' ? { distanceM: Math.round(meta.distanceM * 1.02) } : {}) };
  const run: ImportedRun = { startedAt: meta.startedAt, deviceName: null, name: null, samples, sport: 'run', treadmill: false, laps: [], gaps: meta.gaps, statedTotals: stated };
  return { meta: { ...meta, origin: 'import', ...importedSummary(run, meta.zones) }, samples };
}

async function sync(dir: Parameters<typeof syncFolder>[0]): Promise<void> {
  await syncFolder(dir, {
    runs: await listSessions(),
    isRecording: () => false,
    load: loadSession,
    encode: encodeFit,
    // As the service reads them: the id inside a file decides whose it is before it is written over.
    readFileRun: async (file) => {
      const read = decodeFit(new Uint8Array(await file.arrayBuffer()));
      return read.fileRun ? { ...read.fileRun, startedAt: read.startedAt } : null;
    },
    betweenRuns: async () => {},
  });
}

/** What a run comes back as through its FIT file, figure by figure, counted with its own zones. */
function figures(session: RecordedSession) {
  const { meta } = importedSession(decodeFit(encodeFit(session)), session.meta.zones, { id: 'x' });
  const { distanceM, movingS, elapsedS, avgCadence, sampleCount, zones, zoneTimes } = meta;
  return { distanceM, movingS, elapsedS, avgCadence, sampleCount, zones, zoneTimes };
}

describe('a backup folder restored into an empty store', () => {
  beforeEach(() => clear(kvStore()));

  it('gives back every run, whatever the order of saves and renames and however often it was synced', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(stepsOf, async ({ specs, order, syncAfter }) => {
        await clear(kvStore());
        const folder = await freshFolder();
        try {
          let step = 0;
          for (const i of order) {
            await saveSession(sessionOf(specs[i]!, i), Date.now());
            if (syncAfter[step++]) await sync(folder.dir);
            const renamed = specs[i]!.renamedTo;
            if (renamed !== null) await updateSessionInfo(`gen-${i}`, { name: renamed });
            if (syncAfter[step++]) await sync(folder.dir);
          }
          await sync(folder.dir);
          const stored = new Map<string, RecordedSession>();
          for (const { id } of await listSessions()) stored.set(id, (await loadSession(id))!);

          await clear(kvStore());
          const restored = await restoreFromFolder(folder.dir, {
            zones: defaultCadenceZones,
            storedIds: new Set(),
            read: (file, zones) => readInWorker(file, zones, crypto.randomUUID()),
            save: saveSession,
            done: stopImportWorker,
          });
          expect(restored.outcomes).to.deep.equal([]);
          const back = await listSessions();
          expect(back.map((s) => s.id).sort()).to.deep.equal([...stored.keys()].sort());
          for (const summary of back) {
            const original = stored.get(summary.id)!;
            expect(summary.startedAt, summary.id).to.equal(original.meta.startedAt);
            expect([summary.name, summary.notes], summary.id).to.deep.equal([original.meta.name, original.meta.notes]);
            expect(summary.changedAt, summary.id).to.equal(original.meta.changedAt);
            const { distanceM, movingS, elapsedS, avgCadence, sampleCount, zones, zoneTimes } = summary;
            expect({ distanceM, movingS, elapsedS, avgCadence, sampleCount, zones, zoneTimes }, summary.id).to.deep.equal(figures(original));
            expect(zones, summary.id).to.deep.equal(original.meta.zones);
            const watch = original.meta.statedTotals?.stated;
            const restoredWatch = (await loadSession(summary.id))!.meta.statedTotals?.stated;
            expect(Object.keys(restoredWatch ?? {}).sort(), `${summary.id}: the watch's totals`).to.deep.equal(Object.keys(watch ?? {}).sort());
            if (watch?.movingS !== undefined) expect(movingS, summary.id).to.be.closeTo(watch.movingS, 0.001);
          }
        } finally {
          await folder.remove();
        }
      }),
      { numRuns: invariantRuns(6) },
    );
  });
});
