import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear, set } from 'idb-keyval';
import { HistoryService } from '../../src/services/history-service.js';
import { type AppServices, createServices } from '../../src/services/services.js';
import '../../src/pages/stride-history-page.js';
import type { StrideTrendStrip } from '../../src/components/stride-trend-strip.js';
import type { StrideHistoryPage } from '../../src/pages/stride-history-page.js';
import { summaryOf } from '../../src/session/session-summary.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { SESSIONS_KEY, listSessions, loadSession, saveSession } from '../../src/store/session-store.js';
import { appTheme } from '../support/app-theme.js';
import { generatedSession } from '../support/generated-sessions.js';
import { momentsOf, runOf } from '../support/generated-runs-with-walks.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { formatDuration } from '../../src/session/units.js';
import { finishRun } from '../support/finish-run.js';
import { cutToHundredths } from '../support/shown-distance.js';

const DAY = 24 * 3600 * 1000;
const start = new Date(2025, 2, 3, 7, 30).getTime();
// Ids sort differently by every column, so each sort is visible in the order of rows.
const seeded = [
  generatedSession({ id: 'a', startedAt: start, minutes: 30, cadenceBase: 166, speed: 2.9, name: 'Long easy' }),
  generatedSession({ id: 'b', startedAt: start + 1 * DAY, minutes: 12, cadenceBase: 182, speed: 4.1, name: 'Intervals' }),
  generatedSession({ id: 'c', startedAt: start + 3 * DAY, minutes: 20, cadenceBase: 174, speed: 3.3, name: 'Cadence drill' }),
  generatedSession({ id: 'd', startedAt: start + 2 * DAY, minutes: 8, cadenceBase: 171, speed: 3.0, name: '' }),
];

async function historyPage(services: AppServices = createServices()) {
  const page = await fixture<StrideHistoryPage>(html`<stride-history-page .services=${services}></stride-history-page>`);
  await waitUntil(() => services.history.loaded, 'the list was read');
  await page.updateComplete;
  return { page, services };
}

const rows = (page: StrideHistoryPage) => [...page.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const ids = (page: StrideHistoryPage) => rows(page).map((row) => row.dataset['id']);
const row = (page: StrideHistoryPage, id: string) => page.shadowRoot!.querySelector<HTMLTableRowElement>(`tr[data-id="${id}"]`)!;
/** Each cell's value, without the label a card shows beside it. */
const valueOf = (td: HTMLTableCellElement) => {
  const copy = td.cloneNode(true) as HTMLElement;
  for (const label of copy.querySelectorAll('.card-label')) label.remove();
  return copy.textContent!.trim().replace(/\s+/g, ' ');
};
const cells = (page: StrideHistoryPage, id: string) => [...row(page, id).querySelectorAll('td')].map(valueOf);
const sortButton = (page: StrideHistoryPage, key: string) => page.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-sort=${key}]`)!;

async function clickSort(page: StrideHistoryPage, key: string) {
  sortButton(page, key).click();
  await page.updateComplete;
}

describe('stride-history-page', () => {
  before(async () => {
    useSeparateDatabase('stride-test-history-page');
    await appTheme;
  });
  beforeEach(async () => {
    await clear(kvStore());
    for (const session of seeded) await saveSession(session);
  });

  it('lists every session with date, time, distance, pace, cadence and time in target, newest first', async () => {
    const { page } = await historyPage();
    expect(ids(page)).to.deep.equal(['c', 'd', 'b', 'a']);
    const b = seeded[1]!.meta;
    const [, name, date, time, distance, pace, cadence, target] = cells(page, 'b');
    expect(name).to.equal('Intervals');
    expect(date).to.contain('2025');
    expect(row(page, 'b').querySelector('time')!.getAttribute('datetime')).to.equal(new Date(b.startedAt).toISOString());
    expect(time).to.equal('12:00');
    expect(distance).to.equal(cutToHundredths(b.distanceM / 1000));
    expect(distance).to.equal('2.95');
    expect(pace).to.equal('4:03');
    expect(cadence).to.equal('182');
    // Cadence 180, 181, 182, 183, 184 in turn: one second in five is in the 170–180 target.
    expect(target).to.equal('2:24 (20%)');
    expect(cells(page, 'c')[7]).to.equal('20:00 (100%)');
    expect(cells(page, 'd')[1], 'a session without a name is called by its start, as its date reads').to.equal(`Run ${cells(page, 'd')[2]}`);
    expect(row(page, 'c').querySelector('a.title')!.getAttribute('href')).to.equal('/history/c');
    await expect(page).to.be.accessible();
  });

  it('counts time in target over running only, as Weeks and the plan do: a walk-run-walk is 100 %', async () => {
    // 10 min walking at 118, 20 min running at 175, 10 min walking (the default zones: 170-180).
    const run = runOf(momentsOf([
      { kind: 'walk', seconds: 600, cadence: 118, speedMps: 1.4 },
      { kind: 'run', seconds: 1200, cadence: 175, speedMps: 3.2 },
      { kind: 'walk', seconds: 600, cadence: 118, speedMps: 1.4 },
    ]), { startedAt: start + 9 * DAY, zones: defaultCadenceZones, id: 'walk-run-walk' });
    await saveSession(run);
    const { page } = await historyPage();
    expect(cells(page, 'walk-run-walk')[7]).to.equal('20:00 (100%)');
  });

  it('shows distance and pace in miles when the runner uses miles', async () => {
    const services = createServices();
    await services.settings.update({ distanceUnit: 'mi' });
    const { page } = await historyPage(services);
    expect(cells(page, 'b')[4]).to.equal(cutToHundredths(seeded[1]!.meta.distanceM / 1609.344));
    expect(cells(page, 'b')[5]).to.equal('6:32');
    expect(page.shadowRoot!.querySelector('thead')!.textContent).to.contain('min/mi');
  });

  it('sorts by each column from its header button, and says so with aria-sort', async () => {
    const { page } = await historyPage();
    const th = (key: string) => sortButton(page, key).closest('th')!;
    expect(th('date').getAttribute('aria-sort')).to.equal('descending');

    await clickSort(page, 'cadence');
    expect(ids(page)).to.deep.equal(['b', 'c', 'd', 'a']);
    expect(th('cadence').getAttribute('aria-sort')).to.equal('descending');
    expect(th('date').hasAttribute('aria-sort')).to.equal(false);
    await clickSort(page, 'cadence');
    expect(ids(page)).to.deep.equal(['a', 'd', 'c', 'b']);
    expect(th('cadence').getAttribute('aria-sort')).to.equal('ascending');

    await clickSort(page, 'pace');
    expect(ids(page), 'fastest first').to.deep.equal(['b', 'c', 'd', 'a']);
    await clickSort(page, 'distance');
    expect(ids(page)).to.deep.equal(['a', 'c', 'b', 'd']);
    await clickSort(page, 'duration');
    expect(ids(page)).to.deep.equal(['a', 'c', 'b', 'd']);
    await clickSort(page, 'duration');
    expect(ids(page)).to.deep.equal(['d', 'b', 'c', 'a']);
    await clickSort(page, 'name');
    expect(ids(page), 'A to Z, the unnamed one by its "Run <start>" title').to.deep.equal(['c', 'b', 'a', 'd']);
    await clickSort(page, 'target');
    expect(ids(page)[0]).to.equal('c');
    await clickSort(page, 'date');
    expect(ids(page)).to.deep.equal(['c', 'd', 'b', 'a']);
    await expect(page).to.be.accessible();
  });

  it('renames in place, saved through the service, and the name is there after a reload', async () => {
    const { page, services } = await historyPage();
    row(page, 'a').querySelector<HTMLButtonElement>('button.rename')!.click();
    await page.updateComplete;
    const input = row(page, 'a').querySelector<HTMLInputElement>('input.name-input')!;
    expect(page.shadowRoot!.activeElement).to.equal(input);
    await expect(page).to.be.accessible();
    input.value = 'Sunday long run';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await waitUntil(() => services.history.summary('a')?.name === 'Sunday long run');
    await page.updateComplete;
    expect(row(page, 'a').querySelector('input.name-input')).to.equal(null);
    expect(row(page, 'a').querySelector('a.title')!.textContent).to.equal('Sunday long run');
    expect(page.shadowRoot!.activeElement).to.equal(row(page, 'a').querySelector('button.rename'));

    const reloaded = new HistoryService();
    await reloaded.load();
    expect(reloaded.summary('a')!.name).to.equal('Sunday long run');
  });

  it('cancels a rename with Escape and keeps the old name', async () => {
    const { page, services } = await historyPage();
    row(page, 'b').querySelector<HTMLButtonElement>('button.rename')!.click();
    await page.updateComplete;
    const input = row(page, 'b').querySelector<HTMLInputElement>('input.name-input')!;
    input.value = 'Not this';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await page.updateComplete;
    expect(row(page, 'b').querySelector('a.title')!.textContent).to.equal('Intervals');
    expect((await loadSession('b'))!.meta.name).to.equal('Intervals');
    expect(services.history.summary('b')!.name).to.equal('Intervals');
  });

  it('keeps notes, shown as text only, including text that looks like markup', async () => {
    const { page } = await historyPage();
    row(page, 'c').querySelector<HTMLButtonElement>('button.edit-notes')!.click();
    await page.updateComplete;
    const notes = row(page, 'c').querySelector<HTMLTextAreaElement>('textarea.notes-input')!;
    notes.value = 'Windy <img src=x onerror="window.hacked=1"> & hills';
    row(page, 'c').querySelector<HTMLButtonElement>('.edit button.save')!.click();
    await waitUntil(() => row(page, 'c').querySelector('p.notes') !== null);
    expect(row(page, 'c').querySelector('p.notes')!.textContent).to.equal('Windy <img src=x onerror="window.hacked=1"> & hills');
    expect(row(page, 'c').querySelector('img')).to.equal(null);
    expect((await loadSession('c'))!.meta.notes).to.equal('Windy <img src=x onerror="window.hacked=1"> & hills');
  });

  it('deletes a session, offers Undo, and Undo brings it back exactly', async () => {
    const { page, services } = await historyPage();
    const before = await loadSession('b');
    const indexBefore = await listSessions();
    row(page, 'b').querySelector<HTMLButtonElement>('button.delete')!.click();
    await waitUntil(() => !ids(page).includes('b'), 'the row went');
    expect(await loadSession('b')).to.equal(null);
    const toast = page.shadowRoot!.querySelector('stride-undo-toast')!;
    await toast.updateComplete;
    expect(toast.shadowRoot!.textContent).to.contain('Deleted “Intervals”.');
    await expect(page).to.be.accessible();

    toast.shadowRoot!.querySelector<HTMLButtonElement>('button.undo')!.click();
    await waitUntil(() => ids(page).includes('b'), 'the row came back');
    expect(ids(page)).to.deep.equal(['c', 'd', 'b', 'a']);
    expect(page.shadowRoot!.querySelector('stride-undo-toast')).to.equal(null);
    expect(await loadSession('b')).to.deep.equal(before);
    expect(await listSessions()).to.deep.equal(indexBefore);
    expect(services.history.problem).to.equal(null);
  });

  it('lets the Undo notice go after its time window, and the delete stays', async () => {
    const services = createServices();
    services.history = new HistoryService({ undoWindowMs: 100 });
    const { page } = await historyPage(services);
    row(page, 'd').querySelector<HTMLButtonElement>('button.delete')!.click();
    await waitUntil(() => page.shadowRoot!.querySelector('stride-undo-toast') !== null);
    await waitUntil(() => page.shadowRoot!.querySelector('stride-undo-toast') === null, 'the notice went', { timeout: 2000 });
    expect(ids(page)).to.deep.equal(['c', 'b', 'a']);
    expect(await loadSession('d')).to.equal(null);
  });

  it('opens from the one index read: no meta or sample chunk is read', async () => {
    const requested: unknown[] = [];
    const get = IDBObjectStore.prototype.get;
    const getAll = IDBObjectStore.prototype.getAll;
    IDBObjectStore.prototype.get = function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
      requested.push(key);
      return get.call(this, key);
    };
    IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['getAll']>) {
      requested.push(args[0] ?? 'everything');
      return getAll.apply(this, args);
    };
    try {
      const { page } = await historyPage();
      expect(ids(page)).to.have.length(4);
    } finally {
      IDBObjectStore.prototype.get = get;
      IDBObjectStore.prototype.getAll = getAll;
    }
    expect(requested).to.deep.equal([SESSIONS_KEY]);
  });

  it('shows the list from the index alone, even with no samples stored at all', async () => {
    await clear(kvStore());
    await set(SESSIONS_KEY, seeded.map((s) => summaryOf(s.meta)), kvStore());
    const { page } = await historyPage();
    expect(ids(page)).to.deep.equal(['c', 'd', 'b', 'a']);
    expect(cells(page, 'c')[6]).to.equal('174');
  });

  it('tells an unfinished or recovered session from a finished one', async () => {
    await clear(kvStore());
    const statuses = ['recording', 'recovered', 'complete', 'complete'] as const;
    await set(SESSIONS_KEY, seeded.map((s, i) => ({ ...summaryOf(s.meta), status: statuses[i] })), kvStore());
    const { page } = await historyPage();
    expect(row(page, 'a').querySelector('.tag')!.textContent).to.equal('unfinished');
    expect(row(page, 'b').querySelector('.tag')!.textContent).to.equal('recovered');
    expect(row(page, 'c').querySelector('.tag')).to.equal(null);
  });

  it('marks a session the store check found samples missing in, saying which, as text', async () => {
    await clear(kvStore());
    const damage = 'samples are missing in part 2 of 3 <b>';
    await set(SESSIONS_KEY, seeded.map((s, i) => ({ ...summaryOf(s.meta), ...(i === 0 ? { damage } : {}) })), kvStore());
    const { page } = await historyPage();
    expect(row(page, 'a').querySelector('.tag.damaged')!.textContent).to.equal('damaged');
    expect(row(page, 'a').querySelector('.damage')!.textContent).to.equal(`Damaged: ${damage}. The rest of its samples are kept.`);
    expect(row(page, 'a').querySelector('b')).to.equal(null);
    expect(row(page, 'b').querySelector('.damaged, .damage')).to.equal(null);
    await expect(page).to.be.accessible();
  });

  it('picks two sessions to compare, a third tick replacing the older pick', async () => {
    const { page } = await historyPage();
    const tick = async (id: string) => {
      row(page, id).querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
      await page.updateComplete;
    };
    expect(page.shadowRoot!.querySelector('#compare')).to.equal(null);
    await tick('a');
    expect(page.shadowRoot!.querySelector('#compare-hint')!.textContent).to.contain('one more');
    await tick('c');
    expect(page.shadowRoot!.querySelector('#compare')!.getAttribute('href')).to.equal('/compare/a/c');
    await tick('b');
    expect(page.shadowRoot!.querySelector('#compare')!.getAttribute('href')).to.equal('/compare/c/b');
    expect(row(page, 'a').querySelector<HTMLInputElement>('input[type=checkbox]')!.checked).to.equal(false);
    await expect(page).to.be.accessible();
  });

  it('shows a trend strip of the last runs\' average cadence above the list, with the same in words', async () => {
    const { page } = await historyPage();
    const strip = page.shadowRoot!.querySelector<StrideTrendStrip>('stride-trend-strip')!;
    await strip.updateComplete;
    const table = page.shadowRoot!.querySelector('table')!;
    expect((strip.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0, 'above the list').to.equal(true);
    // Oldest first by date: a (166), b (182), d (171), c (174).
    expect(strip.points.map((p) => p.id)).to.deep.equal(['a', 'b', 'd', 'c']);
    expect(strip.shadowRoot!.querySelector('#trend-text')!.textContent!.trim()).to.equal(
      'Average cadence over your last 4 runs: 166 → 174 steps/min (target 170–180).',
    );
    const svg = strip.shadowRoot!.querySelector('svg')!;
    expect(svg.getAttribute('aria-hidden'), 'the words say it; the picture is not read twice').to.equal('true');
    expect(svg.querySelector('polyline')!.getAttribute('points')!.split(' ')).to.have.length(4);
    const band = svg.querySelector('rect.band')!.getBoundingClientRect();
    expect(band.height, 'the target zone is drawn').to.be.greaterThan(0);
    await expect(page).to.be.accessible();
  });

  it('keeps the trend strip inside a 390 px screen', async () => {
    const { page } = await historyPage();
    page.style.width = '390px';
    await page.updateComplete;
    const strip = page.shadowRoot!.querySelector<StrideTrendStrip>('stride-trend-strip')!;
    expect(strip.getBoundingClientRect().width).to.be.at.most(390);
    expect(strip.scrollWidth).to.be.at.most(strip.clientWidth);
    expect(strip.shadowRoot!.querySelector('svg')!.getBoundingClientRect().right).to.be.at.most(page.getBoundingClientRect().right);
  });

  it('shows names as text and points to the live page when there is nothing yet', async () => {
    await clear(kvStore());
    const { page } = await historyPage();
    const link = page.shadowRoot!.querySelector<HTMLAnchorElement>('.empty a')!;
    expect(link.getAttribute('href')).to.equal('/');
    expect(page.shadowRoot!.textContent).to.contain('No sessions yet');
    await expect(page).to.be.accessible();

    await saveSession(generatedSession({ id: 'x', startedAt: start, minutes: 1, cadenceBase: 170, speed: 3, name: '<b>bold</b>' }));
    await page.services!.history.load();
    await page.updateComplete;
    expect(row(page, 'x').querySelector('a.title')!.textContent).to.equal('<b>bold</b>');
    expect(row(page, 'x').querySelector('b')).to.equal(null);
  });

  it('says when the list cannot be read, with a way to try again', async () => {
    await set(SESSIONS_KEY, { not: 'a list' }, kvStore());
    const { page } = await historyPage();
    const alert = page.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.match(/list of sessions is damaged/);
    await set(SESSIONS_KEY, seeded.map((s) => summaryOf(s.meta)), kvStore());
    alert.querySelector('button')!.click();
    await waitUntil(() => ids(page).length === 4);
    expect(page.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
  });

  it('shows the run this tab records as recording now, its time and distance growing, and offers no Delete', async () => {
    const pod = new SimulatedFootpod({ seed: 3 });
    const services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 });
    try {
      await services.settings.update({ autoStart: false, autoPauseAfterS: 0 });
      await services.footpod.simulate();
      await services.recording.start();
      pod.emitSeconds(10);
      const recorder = services.recording.recorder!;
      await waitUntil(async () => (await listSessions()).some((s) => s.id === recorder.id), 'begun in the store');
      const { page } = await historyPage(services);
      const live = () => row(page, recorder.id);
      expect(live().querySelector('.tag')!.textContent).to.equal('recording now');
      expect(live().querySelector('button.delete, button.rename, button.edit-notes'), 'nothing to change while it records').to.equal(null);
      expect(live().querySelector('a.live')!.getAttribute('href')).to.equal('/');
      expect(cells(page, recorder.id)[3]).to.equal(formatDuration(recorder.movingS));
      const before = cells(page, recorder.id).slice(3, 5);

      pod.emitSeconds(30);
      await page.updateComplete;
      const [time, distance] = cells(page, recorder.id).slice(3, 5);
      expect(time, 'the time as it stands').to.equal(formatDuration(recorder.movingS));
      expect(distance).to.equal(cutToHundredths(recorder.distanceM / 1000));
      expect([time, distance]).to.not.deep.equal(before);
      await expect(page).to.be.accessible();

      const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
      services.recording.stop();
      await saved;
      await waitUntil(() => live().querySelector('button.delete') !== null, 'saved: an ordinary run again');
      expect(live().querySelector('.tag')).to.equal(null);
    } finally {
      await finishRun(services);
    }
  });

  it('shows a run another tab records (it holds the run\'s lock) as recording now, with nothing to change', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const lock = navigator.locks.request('stridewise-recording/b', () => held);
    try {
      const { page } = await historyPage();
      expect(row(page, 'b').querySelector('.tag')!.textContent).to.equal('recording now');
      expect(row(page, 'b').querySelector('button')).to.equal(null);
      expect(row(page, 'b').querySelector('td.actions')!.textContent!.trim()).to.equal('In another tab');
      expect(row(page, 'a').querySelector('button.delete')).to.not.equal(null);
    } finally {
      release();
      await lock;
    }
  });
});
