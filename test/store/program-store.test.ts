// The program under its one key: stored and read back whole, a damaged or unreadable value said in
// words (never thrown, never taken for "no program"), carried by the backup with the other stored
// values, and left alone by the store check. Real IndexedDB.
import { expect } from '@open-wc/testing';
import { clear, get, set } from 'idb-keyval';
import { newProgram, withRunStarted, withTestDone, withTestSpeed } from '../../src/program/program-state.js';
import type { ProgramState } from '../../src/program/program-types.js';
import { createBackup, restoreBackup } from '../../src/store/backup.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { programStored } from '../../src/store/program-key.js';
import { loadProgram, saveProgram } from '../../src/store/program-store.js';
import { listSessions, saveSession } from '../../src/store/session-store.js';
import { checkStore } from '../../src/store/store-check.js';
import { syntheticSession } from './fixtures.js';

useSeparateDatabase('stride-test-program-store');

const day = new Date(2026, 11, 7, 7).getTime();

/** A program a little way in: a test speed, a baseline, and the first session going on. */
function programUnderWay(): ProgramState {
  let state = withTestSpeed(newProgram(day), 2.8);
  state = withRunStarted(state, { kind: 'test', block: 0, test: 'baseline', dayMs: day, speedMps: 2.8, done: null }, day);
  const result = { sessionId: 'run-1', atMs: day, speedMps: 2.8, cadenceSpm: 163.4, strideLengthM: 1.03, keptMinutes: 5, discardedMinutes: 0 };
  state = withTestDone(state, { ok: true, result, note: null }, 'run-1');
  return { ...state, active: { kind: 'session', test: null, n: 1, block: 1, startedAtMs: day, sessionIds: ['run-2'], warmUpRunningS: 300, mainRunningS: 415 } };
}

describe('program store (real IndexedDB)', () => {
  beforeEach(() => clear(kvStore()));

  it('has no program and no problem in an empty store, and the start-up look finds none', async () => {
    expect(await loadProgram()).to.deep.equal({ program: null, problem: null, damaged: false });
    expect(await programStored()).to.equal(false);
  });

  it('stores the program under `program` and reads it back whole; null removes it', async () => {
    const program = programUnderWay();
    expect(await saveProgram(program)).to.equal(null);
    expect(await get('program', kvStore())).to.deep.equal(program);
    expect(await programStored()).to.equal(true);
    expect(await loadProgram()).to.deep.equal({ program, problem: null, damaged: false });
    expect(await saveProgram(null)).to.equal(null);
    expect(await programStored()).to.equal(false);
    expect((await loadProgram()).program).to.equal(null);
  });

  it('says a damaged program is damaged, keeps it stored, and does not take it for none', async () => {
    await set('program', { version: 1, blocks: 'oops' }, kvStore());
    const loaded = await loadProgram();
    expect(loaded.program).to.equal(null);
    expect(loaded.damaged).to.equal(true);
    expect(loaded.problem).to.match(/^The stored program is damaged/);
    expect(await get('program', kvStore()), 'left as it was').to.deep.equal({ version: 1, blocks: 'oops' });
  });

  it('turns a failed write into a sentence, and a failed read too, never an exception', async () => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    try {
      expect(await saveProgram(programUnderWay())).to.match(/^The program could not be saved: The disk is full/);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    const read = IDBObjectStore.prototype.get;
    IDBObjectStore.prototype.get = function () {
      throw new DOMException('broken', 'UnknownError');
    };
    try {
      const loaded = await loadProgram();
      expect(loaded.program).to.equal(null);
      expect(loaded.problem).to.match(/^The program could not be read: The browser's storage failed/);
      expect(await programStored(), 'an unreadable store is looked at in full, to say why').to.equal(true);
    } finally {
      IDBObjectStore.prototype.get = read;
    }
  });

  it('travels in the backup: a restore brings back the program and the runs marked as program runs', async () => {
    const program = programUnderWay();
    await saveProgram(program);
    const run = syntheticSession({ id: 'run-2', seconds: 900 });
    const mark = { kind: 'session' as const, test: null, n: 1, block: 1, mainFromT: 300, mainToT: 899 };
    await saveSession({ ...run, meta: { ...run.meta, program: mark } });
    const backup = await createBackup();
    await clear(kvStore());
    expect(await restoreBackup(backup)).to.deep.equal({ sessions: 1 });
    expect((await loadProgram()).program).to.deep.equal(program);
    expect((await listSessions())[0]!.program, 'the index carries the mark').to.deep.equal(mark);
  });

  it('is no damage to the store check', async () => {
    await saveProgram(programUnderWay());
    await saveSession(syntheticSession({ id: 'run-2', seconds: 120 }));
    expect(await checkStore()).to.deep.equal({ repaired: [], found: [] });
    expect((await loadProgram()).program).to.deep.equal(programUnderWay());
  });
});
