import { expect } from '@open-wc/testing';
import { clear, set } from 'idb-keyval';
import { waitUntil } from '@open-wc/testing';
import { HistoryService, recordingNowRefusal } from '../../src/services/history-service.js';
import { createServices } from '../../src/services/services.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { summaryOf } from '../../src/session/session-summary.js';
import { finishRun } from '../support/finish-run.js';
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

  it('refuses to delete, rename or annotate the run this tab is recording, and keeps it', async () => {
    const service = new HistoryService({ recordingId: () => 'second' });
    await service.load();
    const stored = await loadSession('second');
    expect(service.isRecordingNow('second')).to.equal(true);
    expect(service.isRecordingNow('first')).to.equal(false);
    expect(await service.remove('second')).to.equal(false);
    expect(service.problem).to.equal(recordingNowRefusal('deleted'));
    expect(service.removed).to.equal(null);
    expect(await service.rename('second', 'Renamed')).to.equal(false);
    expect(await service.setNotes('second', 'Notes')).to.equal(false);
    expect(service.problem).to.equal(recordingNowRefusal('changed'));
    expect(service.sessions.map((s) => s.id)).to.deep.equal(['second', 'third', 'first']);
    expect(await loadSession('second')).to.deep.equal(stored);
    expect(await service.remove('first'), 'another run still goes').to.equal(true);
  });

  it('refuses to delete a run another tab is recording (it holds the run\'s lock), and deletes it once let go', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const lock = navigator.locks.request('stridewise-recording/third', () => held);
    const service = new HistoryService();
    await service.load();
    expect(service.isRecordingNow('third')).to.equal(true);
    expect(await service.remove('third')).to.equal(false);
    expect(service.problem).to.equal(recordingNowRefusal('deleted'));
    release();
    await lock;
    expect(await service.remove('third')).to.equal(true);
    expect(service.isRecordingNow('third')).to.equal(false);
  });

  it('lists an unfinished run with what was saved of it, not the zeros its index entry began with', async () => {
    const unfinished = generatedSession({ id: 'unfinished', startedAt: monday + 3 * DAY, minutes: 4, cadenceBase: 174, speed: 3.1 });
    unfinished.meta.status = 'recording';
    await saveSession(unfinished);
    const began = { ...summaryOf(unfinished.meta), movingS: 0, elapsedS: 0, distanceM: 0, avgSpeedMps: 0, avgCadence: 0, sampleCount: 0 };
    await set(SESSIONS_KEY, [...(await listSessions()).filter((s) => s.id !== 'unfinished'), began], kvStore());
    const service = new HistoryService();
    await service.load();
    expect(service.summary('unfinished')).to.deep.include({
      status: 'recording', movingS: unfinished.meta.movingS, sampleCount: unfinished.samples.t.length,
    });
    expect(service.summary('unfinished')!.distanceM).to.be.closeTo(unfinished.meta.distanceM, 1e-6);
  });

  it('will not delete a run while it is recorded, so it cannot come back after Stop cut short', async () => {
    const pod = new SimulatedFootpod({ seed: 5 });
    const services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 });
    try {
      await services.settings.update({ autoStart: false, autoPauseAfterS: 0 });
      await services.footpod.simulate();
      await services.recording.start();
      pod.emitSeconds(70);
      const id = services.recording.recorder!.id;
      await waitUntil(async () => (await listSessions()).some((s) => s.id === id), 'in the index');
      await services.history.load();
      expect(services.history.isRecordingNow(id)).to.equal(true);
      expect(await services.history.remove(id)).to.equal(false);
      pod.emitSeconds(10);
      const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
      services.recording.stop();
      await saved;
      const stored = (await loadSession(id))!;
      expect(stored.meta.status).to.equal('complete');
      expect(stored.samples.t.length).to.equal(services.recording.recorder!.sampleCount);
      await services.history.load();
      expect(services.history.isRecordingNow(id), 'saved: an ordinary run again').to.equal(false);
      expect(await services.history.remove(id)).to.equal(true);
    } finally {
      await finishRun(services);
    }
  });
});
