import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { set } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import '../../src/app/stride-app.js';
import type { StrideApp } from '../../src/app/stride-app.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { chunkKey, listSessions } from '../../src/store/session-store.js';
import { craftedStore, snapshotStore, syntheticSession } from '../store/fixtures.js';
import { appTheme } from '../support/app-theme.js';
import { describePersistence } from '../../src/pages/storage-words.js';

useSeparateDatabase('stride-test-data-service');

/** A browser's Storage API that counts the requests to persist, and grants them or not. */
function fakeStorage(grant: boolean) {
  const calls = { persist: 0 };
  let persisted = false;
  const storage = {
    persisted: () => Promise.resolve(persisted),
    persist: () => {
      calls.persist++;
      persisted = grant;
      return Promise.resolve(grant);
    },
    estimate: () => Promise.resolve({ usage: 1000, quota: 1e9 }),
  };
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
  return calls;
}

/** What the recording service looks like to the data service: a state and 'change'. */
class FakeRecording extends EventTarget {
  state = 'idle';
  set(state: string): void {
    this.state = state;
    this.dispatchEvent(new Event('change'));
  }
}

describe('data service', () => {
  before(() => appTheme);
  afterEach(() => delete (navigator as unknown as Record<string, unknown>)['storage']);

  for (const grant of [true, false]) {
    it(`asks for persistent storage once, at the first recording, not at start (${grant ? 'granted' : 'refused'})`, async () => {
      const calls = fakeStorage(grant);
      const { data } = createServices();
      const recording = new FakeRecording();
      data.askForStorageAtFirstRecording(recording);
      await data.refreshUsage();
      expect(calls.persist, 'not at start').to.equal(0);
      expect(data.persistence).to.equal('not-asked');
      expect(describePersistence(data.persistence)).to.match(/not granted so far.*asks the browser when you record a run/);
      recording.set('connected');
      expect(calls.persist).to.equal(0);
      recording.set('recording');
      await waitUntil(() => data.persistence !== 'not-asked', 'asked');
      expect(calls.persist).to.equal(1);
      expect(data.persistence).to.equal(grant ? 'granted' : 'refused');
      expect(describePersistence(data.persistence)).to.match(grant ? /^Persistent storage: granted/ : /^Persistent storage: not granted.*backup/);
      recording.set('paused');
      recording.set('recording');
      await data.refreshUsage();
      expect(calls.persist, 'once a visit').to.equal(1);
    });
  }

  it('says storage is kept when an earlier visit was granted it, without asking again', async () => {
    const calls = fakeStorage(true);
    await navigator.storage.persist();
    const { data } = createServices();
    await data.refreshUsage();
    expect(data.persistence).to.equal('granted');
    expect(calls.persist).to.equal(1);
  });

  it('shows what the store check repaired and found on the app shell, in words', async () => {
    await craftedStore([syntheticSession({ id: 'a', seconds: 130 }), syntheticSession({ id: 'b', seconds: 70 })], { without: [chunkKey('b', 1)] });
    await set('sessions', (await listSessions()).filter((s) => s.id !== 'a'), kvStore());
    const services = createServices();
    const app = await fixture<StrideApp>(html`<stride-app .services=${services}></stride-app>`);
    expect(app.shadowRoot!.querySelector('.notice')).to.equal(null);
    await services.history.load();
    expect(services.history.sessions.map((s) => s.id), 'the history as read before the check').to.deep.equal(['b']);
    await services.data.checkStore();
    // The history on screen is read again, so it lists the repairs at once.
    await waitUntil(() => services.history.sessions.length === 2, 'history read again');
    expect(services.history.sessions.map((s) => [s.id, s.damage])).to.deep.equal([['a', undefined], ['b', 'samples are missing in part 2 of 2']]);
    await waitUntil(() => app.shadowRoot!.querySelector('.notice') !== null, 'notice shown');
    const notice = app.shadowRoot!.querySelector('.notice')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.textContent!.replace(/\s+/g, ' ')).to.equal(
      'Stored data was checked: “Run a” was missing from the list of sessions; it is listed again. ' +
        '“Run b” is damaged: samples are missing in part 2 of 2. It is marked so and kept; the rest of its samples are untouched.' +
        ' Dismiss',
    );
    await expect(app).to.be.accessible();
    // The history lists the damage from the index, without opening the session.
    expect((await listSessions()).map((s) => [s.id, s.damage])).to.deep.equal([['a', undefined], ['b', 'samples are missing in part 2 of 2']]);
    notice.querySelector('button')!.click();
    await app.updateComplete;
    expect(app.shadowRoot!.querySelector('.notice')).to.equal(null);
  });

  it('says what a backup leaves out, and nothing when it leaves out nothing', async () => {
    await craftedStore([syntheticSession({ id: 'a', seconds: 130 })]);
    const { data } = createServices();
    await data.backup();
    expect(data.outcomes).to.deep.equal([]);
    await craftedStore([syntheticSession({ id: 'a', seconds: 130 })], { without: [chunkKey('a', 1)] });
    const { fileName } = await data.backup();
    expect(data.outcomes).to.deep.equal([
      {
        fileName,
        ok: false,
        message:
          'This backup leaves out what could not be restored (it stays in this browser): ' +
          '“Run a” goes in with its first 60 of 130 samples: part 2 of 3 is missing or damaged.',
      },
    ]);
  });

  it('shows nothing when the store is sound', async () => {
    await craftedStore([syntheticSession({ id: 'a', seconds: 130 })]);
    const before = await snapshotStore();
    const { data } = createServices();
    await data.checkStore();
    expect(data.notices).to.deep.equal([]);
    expect(await snapshotStore()).to.deep.equal(before);
  });
});
