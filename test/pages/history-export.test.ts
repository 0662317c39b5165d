// History's selection for a zip, end to end through the page's own controls and the browser's real
// IndexedDB: pick runs (or all), export them, and the zip holds exactly those runs (read back by
// the test's own zip reader), with the outcome said in a polite live region.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clear } from 'idb-keyval';
import { type AppServices, createServices } from '../../src/services/services.js';
import '../../src/pages/stride-history-page.js';
import type { StrideHistoryPage } from '../../src/pages/stride-history-page.js';
import type { StrideRunsExportBar } from '../../src/components/stride-runs-export-bar.js';
import { runsZipName } from '../../src/export/download-name.js';
import { exportRunFile } from '../../src/services/export-run.js';
import { sessionTitle } from '../../src/session/session-title.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { deleteSession, saveSession } from '../../src/store/session-store.js';
import { appTheme } from '../support/app-theme.js';
import { catchDownloads } from '../support/catch-downloads.js';
import { generatedSession } from '../support/generated-sessions.js';
import { readZip } from '../support/zip-reader.js';

const DAY = 24 * 3600 * 1000;
const start = new Date(2025, 2, 3, 7, 30).getTime();
const seeded = [
  generatedSession({ id: 'a', startedAt: start, minutes: 6, cadenceBase: 166, speed: 2.9, name: 'Long easy' }),
  generatedSession({ id: 'b', startedAt: start + 1 * DAY, minutes: 4, cadenceBase: 182, speed: 4.1, name: 'Intervals <b>hard</b>' }),
  generatedSession({ id: 'c', startedAt: start + 3 * DAY, minutes: 5, cadenceBase: 174, speed: 3.3, name: 'Cadence drill' }),
  generatedSession({ id: 'd', startedAt: start + 2 * DAY, minutes: 3, cadenceBase: 171, speed: 3.0, name: '' }),
];
const byId = (id: string) => seeded.find((s) => s.meta.id === id)!;

async function historyPage(services: AppServices = createServices()) {
  const page = await fixture<StrideHistoryPage>(html`<stride-history-page .services=${services}></stride-history-page>`);
  await waitUntil(() => services.history.loaded, 'the list was read');
  await page.updateComplete;
  return { page, services };
}

const $ = <E extends Element>(page: StrideHistoryPage, selector: string) => page.shadowRoot!.querySelector<E>(selector);
const bar = (page: StrideHistoryPage) => $<StrideRunsExportBar>(page, 'stride-runs-export-bar');
const inBar = (page: StrideHistoryPage, selector: string) => bar(page)!.shadowRoot!.querySelector<HTMLButtonElement>(selector)!;
const tick = (page: StrideHistoryPage, id: string) => $<HTMLInputElement>(page, `tr[data-id="${id}"] input[type=checkbox]`)!;
const status = (page: StrideHistoryPage) => $<HTMLElement>(page, 'stride-runs-export-status')!.shadowRoot!.querySelector<HTMLElement>('[role=status]')!;
const settle = async (page: StrideHistoryPage) => {
  await page.updateComplete;
  await bar(page)?.updateComplete;
};

async function startChoosing(page: StrideHistoryPage) {
  $<HTMLButtonElement>(page, '#select-runs')!.click();
  await waitUntil(() => bar(page)?.shadowRoot?.querySelector('#select-all'), 'the export bar is shown');
  await settle(page);
}

async function exported(page: StrideHistoryPage, services: AppServices, format: 'fit' | 'tcx') {
  const caught = catchDownloads();
  try {
    inBar(page, `#export-${format}-zip`).click();
    await waitUntil(() => caught.downloads.length > 0 || services.data.runsExport?.message, 'the zip was written', { timeout: 10_000 });
    await settle(page);
    return caught.downloads;
  } finally {
    caught.restore();
  }
}

/** The zip holds exactly the runs `ids`, oldest first, each as its single download. */
async function expectZipOf(blob: Blob, ids: string[], format: 'fit' | 'tcx') {
  const entries = await readZip(new Uint8Array(await blob.arrayBuffer()));
  const runs = ids.map(byId).sort((x, y) => x.meta.startedAt - y.meta.startedAt);
  expect(entries.map((e) => e.name)).to.deep.equal(await Promise.all(runs.map(async (r) => (await exportRunFile(r, format)).fileName)));
  for (const [i, run] of runs.entries()) {
    expect(entries[i]!.bytes).to.deep.equal(new Uint8Array(await (await exportRunFile(run, format)).blob.arrayBuffer()));
  }
}

describe('History: runs selected for a zip', () => {
  before(async () => {
    useSeparateDatabase('stride-test-history-export');
    await appTheme;
  });
  beforeEach(async () => {
    await clear(kvStore());
    for (const session of seeded) await saveSession(session);
  });

  it('Select turns the tick boxes into "Select <run>", focus goes to the bar, and the page stays accessible', async () => {
    const { page } = await historyPage();
    expect(tick(page, 'b').getAttribute('aria-label')).to.equal(`Compare ${sessionTitle(byId('b').meta)}`);
    await startChoosing(page);
    expect(tick(page, 'b').getAttribute('aria-label')).to.equal('Select Intervals <b>hard</b>');
    expect(tick(page, 'd').getAttribute('aria-label')).to.equal(`Select ${sessionTitle(byId('d').meta)}`);
    expect($(page, 'thead th')!.textContent!.trim()).to.equal('Select');
    expect(bar(page)!.shadowRoot!.activeElement?.id, 'focus on the bar\'s first button').to.equal('select-all');
    expect(inBar(page, '#export-fit-zip').disabled, 'nothing picked yet').to.equal(true);
    expect(inBar(page, '#export-fit-zip').getAttribute('aria-describedby')).to.equal('none-picked');
    await expect(page).to.be.accessible();
  });

  it('exports exactly the ticked runs as a FIT zip, and says so', async () => {
    const { page, services } = await historyPage();
    await startChoosing(page);
    tick(page, 'b').click();
    tick(page, 'd').click();
    await settle(page);
    expect(inBar(page, '#count').textContent).to.equal('2 runs of 4 selected');
    const downloads = await exported(page, services, 'fit');
    expect(downloads.map((d) => d.fileName)).to.deep.equal([runsZipName('fit', Date.now())]);
    await expectZipOf(downloads[0]!.blob, ['b', 'd'], 'fit');
    expect(status(page).textContent).to.equal(`Exported 2 runs as ${runsZipName('fit', Date.now())}.`);
    expect(status(page).getAttribute('aria-live')).to.equal('polite');
    await expect(page).to.be.accessible();
  });

  it('Select all picks every run (then Select none none), and the TCX zip holds them all', async () => {
    const { page, services } = await historyPage();
    await startChoosing(page);
    inBar(page, '#select-all').click();
    await settle(page);
    expect(inBar(page, '#count').textContent).to.equal('4 runs of 4 selected');
    expect(inBar(page, '#select-all').textContent).to.equal('Select none');
    expect(seeded.every((s) => tick(page, s.meta.id).checked)).to.equal(true);
    inBar(page, '#select-all').click();
    await settle(page);
    expect(inBar(page, '#count').textContent).to.equal('0 runs of 4 selected');
    inBar(page, '#select-all').click();
    await settle(page);
    const downloads = await exported(page, services, 'tcx');
    expect(downloads.map((d) => d.fileName)).to.deep.equal([runsZipName('tcx', Date.now())]);
    await expectZipOf(downloads[0]!.blob, ['a', 'b', 'c', 'd'], 'tcx');
  });

  it('a picked run deleted on the page leaves the count and the zip', async () => {
    const { page, services } = await historyPage();
    await startChoosing(page);
    tick(page, 'a').click();
    tick(page, 'c').click();
    await settle(page);
    await services.history.remove('c');
    await settle(page);
    expect(inBar(page, '#count').textContent).to.equal('1 run of 3 selected');
    const downloads = await exported(page, services, 'fit');
    await expectZipOf(downloads[0]!.blob, ['a'], 'fit');
  });

  it('a picked run deleted elsewhere (another tab) is left out and named; the others still go', async () => {
    const { page, services } = await historyPage();
    await startChoosing(page);
    tick(page, 'a').click();
    tick(page, 'b').click();
    await settle(page);
    // Gone from the store, still on this page's list.
    await deleteSession('b');
    const downloads = await exported(page, services, 'fit');
    await expectZipOf(downloads[0]!.blob, ['a'], 'fit');
    expect(status(page).textContent).to.equal(
      `Exported 1 run as ${runsZipName('fit', Date.now())}. Left out 1 run: “Intervals <b>hard</b>” (it was deleted meanwhile).`,
    );
    expect($(page, 'b') === null, 'the name is text, not markup').to.equal(true);
  });

  it('Esc (and Cancel) leave the selection, forget it, and give focus back to Select', async () => {
    const { page } = await historyPage();
    await startChoosing(page);
    tick(page, 'a').focus();
    await sendKeys({ press: 'Space' });
    await settle(page);
    expect(tick(page, 'a').checked, 'Space ticks it').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await settle(page);
    expect(bar(page) === null, 'Esc took the bar away').to.equal(true);
    expect(tick(page, 'a').getAttribute('aria-label')).to.match(/^Compare /);
    expect(tick(page, 'a').checked, 'the compare tick is its own').to.equal(false);
    expect(page.shadowRoot!.activeElement?.id).to.equal('select-runs');
    await startChoosing(page);
    expect(tick(page, 'a').checked, 'the selection was forgotten').to.equal(false);
    inBar(page, '#cancel').click();
    await settle(page);
    expect(bar(page) === null, 'Cancel took the bar away').to.equal(true);
  });

  it('Esc in a rename box ends the rename, not the selection', async () => {
    const { page } = await historyPage();
    await startChoosing(page);
    $<HTMLButtonElement>(page, 'tr[data-id="a"] .rename')!.click();
    await page.updateComplete;
    $<HTMLInputElement>(page, 'tr[data-id="a"] .name-input')!.focus();
    await sendKeys({ press: 'Escape' });
    await settle(page);
    expect($(page, '.name-input') === null, 'the rename ended').to.equal(true);
    expect(bar(page) !== null, 'the selection goes on').to.equal(true);
  });

  // The pressed button is only aria-disabled while the zip is written: a disabled one would drop the
  // focus to the body, and a keyboard user would Tab from the top of the page back to the bar.
  it('focus stays on the pressed export button after exporting by keyboard', async () => {
    const { page, services } = await historyPage();
    await startChoosing(page);
    inBar(page, '#select-all').click();
    await settle(page);
    inBar(page, '#export-fit-zip').focus();
    const caught = catchDownloads();
    const busyWhileWriting: (string | null)[] = [];
    services.data.addEventListener('change', () => {
      if (services.data.runsExport?.progress) void settle(page).then(() => busyWhileWriting.push(inBar(page, '#export-fit-zip').getAttribute('aria-disabled')));
    });
    try {
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => services.data.runsExport?.message, 'the zip was written', { timeout: 10_000 });
      await settle(page);
      expect(caught.downloads.length).to.equal(1);
    } finally {
      caught.restore();
    }
    expect(busyWhileWriting, 'it said it was busy').to.include('true');
    expect(document.activeElement === document.body, 'focus fell to the body').to.equal(false);
    expect(bar(page)!.shadowRoot!.activeElement?.id, 'focus is on the pressed button').to.equal('export-fit-zip');
  });

  it('the last export\'s message goes when the runner leaves the page', async () => {
    const { page, services } = await historyPage();
    await startChoosing(page);
    tick(page, 'a').click();
    await settle(page);
    await exported(page, services, 'fit');
    expect(status(page).textContent).to.match(/^Exported 1 run/);
    page.remove();
    expect(services.data.runsExport, 'forgotten').to.equal(null);
  });
});
