// Every FIT Stridewise writes says which run it holds: the run's id and changedAt travel as
// developer fields on the session message and come back exact; a watch's file has none; and an
// ordinary import of our own file still stores a new run (only a folder restore uses the file's id).

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { clear } from 'idb-keyval';
import { Decoder, Stream } from '@garmin/fitsdk';
import { encodeFit } from '../../src/export/fit.js';
import { decodeFit } from '../../src/export/fit-decode.js';
import { readInWorker, stopImportWorker } from '../../src/export/import-worker-client.js';
import { importRunFiles } from '../../src/services/data-files.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { listSessions } from '../../src/store/session-store.js';
import { generatedSession } from '../support/generated-sessions.js';
import { invariantRuns } from '../support/invariant-runs.js';
import { RUN_WITH_TWO_PAUSES, watchActivity } from '../support/watch-files.js';
import { fixtureSession } from './session-fixture.js';
import { importedSession } from '../../src/export/imported-session.js';
import { generatedBreaks, generatedRunningSeconds, generatedZones, runOf, withBreaks } from '../support/generated-runs-with-walks.js';

useSeparateDatabase('stride-test-fit-run-id');

const withChange = (changedAt: number | undefined, id = 'run-id-1') => {
  const session = fixtureSession();
  const meta = { ...session.meta, id };
  if (changedAt === undefined) delete meta.changedAt;
  else meta.changedAt = changedAt;
  return { ...session, meta };
};

describe('a FIT file carries its run\'s id and changedAt', () => {
  it('comes back exact from our decoder, on the page and in the import worker', async () => {
    const session = withChange(1_796_000_123_457, 'b7c1e0f2-5d1a-4a7e-9f00-0123456789ab');
    const bytes = encodeFit(session);
    expect(decodeFit(bytes).fileRun).to.deep.equal({ id: 'b7c1e0f2-5d1a-4a7e-9f00-0123456789ab', changedAt: 1_796_000_123_457 });
    const read = await readInWorker(new File([bytes], 'run.fit'), defaultCadenceZones, 'new-id');
    stopImportWorker();
    expect(read.fileRun).to.deep.equal({ id: 'b7c1e0f2-5d1a-4a7e-9f00-0123456789ab', changedAt: 1_796_000_123_457 });
    // The session itself is stored under the id it was asked for, not the file's.
    expect(read.session.meta.id).to.equal('new-id');
  });

  it('a run stored before changedAt was kept reads as changed when it ended', () => {
    const session = withChange(undefined);
    const { startedAt, elapsedS } = session.meta;
    expect(decodeFit(encodeFit(session)).fileRun).to.deep.equal({ id: 'run-id-1', changedAt: Math.round(startedAt + elapsedS * 1000) });
  });

  it('Garmin\'s decoder reads the file whole, with the fields named on the session message', () => {
    const session = withChange(1_800_000_000_000);
    const decoder = new Decoder(Stream.fromByteArray(encodeFit(session)));
    expect(decoder.checkIntegrity()).to.equal(true);
    const { messages, errors } = decoder.read();
    expect(errors).to.deep.equal([]);
    const names = (messages.fieldDescriptionMesgs ?? []).map((d) => d.fieldName);
    expect(names).to.deep.equal([
      'stridewise_run_id',
      'stridewise_changed_at',
      'stridewise_zone_building_from',
      'stridewise_zone_target_from',
      'stridewise_zone_target_to',
      'stridewise_watch_totals',
      'stridewise_started_at',
    ]);
    // The fixture is a recorded run: none of its session totals is a watch's.
    expect(Object.values(messages.sessionMesgs![0]!.developerFields ?? {})).to.deep.equal([
      'run-id-1', 1_800_000_000_000, 160, 170, 180, 0, session.meta.startedAt,
    ]);
  });

  it('a watch\'s own file carries none', () => {
    const watch = watchActivity({ ...RUN_WITH_TWO_PAUSES, sampling: 'every-second', seed: 3 });
    expect(decodeFit(watch.fit).fileRun).to.equal(undefined);
  });

  it('for generated runs, ids and times of any size round-trip exactly', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 60 }).filter((s) => new TextEncoder().encode(s).length <= 254 && !s.includes('\u0000'))),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2200, 0, 1) }),
        fc.integer({ min: 1, max: 20 }),
        (id, changedAt, minutes) => {
          const session = generatedSession({ startedAt: Date.UTC(2026, 5, 1, 6), minutes, cadenceBase: 172, speed: 3, id });
          const bytes = encodeFit({ ...session, meta: { ...session.meta, changedAt } });
          expect(decodeFit(bytes).fileRun).to.deep.equal({ id, changedAt });
        },
      ),
      { numRuns: invariantRuns(16) },
    );
  });
});

describe('a FIT file carries what a restore needs to show its run as its page did', () => {
  it('the zones the run was counted with, exactly (a half step of an older run too); a watch\'s file has none', () => {
    fc.assert(
      fc.property(generatedZones, fc.boolean(), (zones, half) => {
        const counted = half ? { ...zones, targetFrom: zones.targetFrom + 0.5 } : zones;
        const session = generatedSession({ startedAt: Date.UTC(2026, 5, 1, 6), minutes: 2, cadenceBase: 172, speed: 3, id: 'z' });
        expect(decodeFit(encodeFit({ ...session, meta: { ...session.meta, zones: counted } })).fileZones).to.deep.equal(counted);
      }),
      { numRuns: invariantRuns(12) },
    );
    expect(decodeFit(watchActivity({ ...RUN_WITH_TWO_PAUSES, sampling: 'every-second', seed: 3 }).fit).fileZones).to.equal(undefined);
  });

  it('a recorded run read back states no watch totals: its notes are its original\'s, walks or not', () => {
    fc.assert(
      fc.property(generatedRunningSeconds, generatedBreaks, (running, breaks) => {
        const original = runOf(withBreaks(running, breaks), { startedAt: Date.UTC(2026, 5, 1, 7), zones: defaultCadenceZones, id: 'walk-run' });
        const back = importedSession(decodeFit(encodeFit(original)), defaultCadenceZones, { id: 'back' });
        expect(back.meta.statedTotals).to.equal(undefined);
        expect(back.meta.avgCadence, 'running only, as the page').to.be.closeTo(original.meta.avgCadence, 0.02);
      }),
      { numRuns: invariantRuns(12) },
    );
  });

  it('an imported watch run keeps exactly the totals its watch stated, and no others', () => {
    const watch = decodeFit(watchActivity({ ...RUN_WITH_TWO_PAUSES, sampling: 'smart', seed: 5 }).fit);
    for (const stated of [watch.statedTotals!, { movingS: watch.statedTotals!.movingS! }, { distanceM: watch.statedTotals!.distanceM!, avgHeartRate: 151 }]) {
      const page = importedSession({ ...watch, statedTotals: stated }, defaultCadenceZones, { id: 'watch-run' });
      const again = decodeFit(encodeFit(page)).statedTotals ?? {};
      expect(Object.keys(again).sort(), JSON.stringify(stated)).to.deep.equal(Object.keys(page.meta.statedTotals!.stated).sort());
    }
  });
});

describe('an ordinary import of our own file', () => {
  beforeEach(() => clear(kvStore()));

  it('stores a new run each time, never the file\'s id (twice in: two runs, the original untouched)', async function () {
    this.timeout(20_000);
    const bytes = encodeFit(withChange(1_796_000_000_000, 'kept-id'));
    await importRunFiles([new File([bytes], 'a.fit')], defaultCadenceZones);
    await importRunFiles([new File([bytes], 'a.fit')], defaultCadenceZones);
    const ids = (await listSessions()).map((s) => s.id);
    expect(ids).to.have.length(2);
    expect(ids).not.to.include('kept-id');
    expect(new Set(ids).size).to.equal(2);
  });
});
