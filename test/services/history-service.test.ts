import { expect } from '@open-wc/testing';
import { clear, set } from 'idb-keyval';
import { HistoryService } from '../../src/services/history-service.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { SESSIONS_KEY, chunkKey, listSessions, loadSession, saveSession } from '../../src/store/session-store.js';
import { generatedSession } from '../support/generated-sessions.js';

const DAY = 24 * 3600 * 1000;
const monday = new Date(2025, 2, 3, 7, 30).getTime();
const sessions = [
  generatedSession({ id: 'first', startedAt: monday, minutes: 10, cadenceBase: 168, speed: 3 }),
  generatedSession({ id: 'second', startedAt: monday + 2 * DAY, minutes: 5, cadenceBase: 176, speed: 3.3, name: 'Intervals' }),
  generatedSession({ id: 'third', startedAt: monday + DAY, minutes: 7, cadenceBase: 172, speed: 2.8 }),
];

const changes = (service: EventTarget) => {
  const counter = { count: 0 };
  service.addEventListener('change', () => counter.count++);
  return counter;
};
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('HistoryService', () => {
  before(() => useSeparateDatabase('stride-test-history-service'));
  beforeEach(async () => {
    await clear(kvStore());
    for (const session of sessions) await saveSession(session);
  });

  it('lists every session from the index, newest first, and says when it changed', async () => {
    const service = new HistoryService();
    const counter = changes(service);
    expect(service.loaded).to.equal(false);
    await service.load();
    expect(service.loaded).to.equal(true);
    expect(service.sessions.map((s) => s.id)).to.deep.equal(['second', 'third', 'first']);
    expect(service.sessions[0]!.avgCadence).to.be.closeTo(176, 0.5);
    expect(service.sessions[0]).to.not.have.property('laps');
    expect(counter.count).to.equal(1);
    expect(service.problem).to.equal(null);
  });

  it('shares one read between calls made while it is under way', async () => {
    const service = new HistoryService();
    const counter = changes(service);
    await Promise.all([service.load(), service.load(), service.load()]);
    expect(counter.count).to.equal(1);
  });

  it('renames and keeps notes, and both are there for the next service that loads', async () => {
    const service = new HistoryService();
    await service.load();
    expect(await service.rename('first', '  Easy Monday  ')).to.equal(true);
    expect(await service.setNotes('first', 'Felt light.\nNew shoes.')).to.equal(true);
    expect(service.summary('first')).to.include({ name: 'Easy Monday', notes: 'Felt light.\nNew shoes.' });
    const reloaded = new HistoryService();
    await reloaded.load();
    expect(reloaded.summary('first')).to.include({ name: 'Easy Monday', notes: 'Felt light.\nNew shoes.' });
    expect((await loadSession('first'))!.meta.name).to.equal('Easy Monday');
  });

  it('deletes, and undo brings the session back exactly as it was', async () => {
    const service = new HistoryService();
    await service.load();
    const indexBefore = await listSessions();
    const stored = await loadSession('third');
    expect(await service.remove('third')).to.equal(true);
    expect(service.sessions.map((s) => s.id)).to.deep.equal(['second', 'first']);
    expect(service.removed!.id).to.equal('third');
    expect(await loadSession('third')).to.equal(null);
    expect((await listSessions()).map((s) => s.id)).to.deep.equal(['first', 'second']);

    expect(await service.undoRemove()).to.equal(true);
    expect(service.removed).to.equal(null);
    expect(service.sessions.map((s) => s.id)).to.deep.equal(['second', 'third', 'first']);
    expect(await listSessions()).to.deep.equal(indexBefore);
    expect(await loadSession('third')).to.deep.equal(stored);
    expect(await service.undoRemove(), 'nothing left to undo').to.equal(false);
  });

  it('lets the undo go after its time window', async () => {
    const service = new HistoryService({ undoWindowMs: 40 });
    await service.load();
    const counter = changes(service);
    await service.remove('first');
    expect(service.removed).to.not.equal(null);
    await wait(80);
    expect(service.removed).to.equal(null);
    expect(counter.count).to.equal(2);
    expect(await service.undoRemove()).to.equal(false);
    expect(await loadSession('first')).to.equal(null);
  });

  it('can undo only the latest delete', async () => {
    const service = new HistoryService();
    await service.load();
    await service.remove('first');
    await service.remove('second');
    await service.undoRemove();
    expect(service.sessions.map((s) => s.id)).to.deep.equal(['second', 'third']);
    expect(await loadSession('first')).to.equal(null);
  });

  it('opens a whole session, and says plainly when one is unknown or damaged', async () => {
    const service = new HistoryService();
    const opened = await service.open('second');
    expect(opened.problem).to.equal(null);
    expect(opened.session!.samples.t.length).to.equal(5 * 60 + 1);

    const unknown = await service.open('nope');
    expect(unknown.session).to.equal(null);
    expect(unknown.problem).to.match(/no session with this address/i);

    await set(chunkKey('first', 2), 'not columns', kvStore());
    const damaged = await service.open('first');
    expect(damaged.session).to.equal(null);
    expect(damaged.problem).to.match(/damaged/);
  });

  it('keeps a storage problem as a sentence instead of throwing', async () => {
    const service = new HistoryService();
    await service.load();
    expect(await service.rename('gone', 'x')).to.equal(false);
    expect(service.problem).to.match(/no longer stored/);
    expect(await service.remove('gone')).to.equal(false);

    await set(SESSIONS_KEY, 'garbage', kvStore());
    await service.load();
    expect(service.problem).to.match(/list of sessions is damaged/);
    expect(service.sessions.map((s) => s.id), 'the last good list stays').to.have.length(3);
  });
});
