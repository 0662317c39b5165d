// Settings → Your data → "Export all runs" as one zip, through the page's own buttons and the
// browser's real IndexedDB: how many runs the buttons offer, the zip read back by the test's own
// reader, a damaged run left out and named, and an empty history that has nothing to offer.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear, del, set } from 'idb-keyval';
import { type AppServices, createServices } from '../../src/services/services.js';
import '../../src/pages/stride-settings-page.js';
import type { StrideSettingsPage } from '../../src/pages/stride-settings-page.js';
import { runsZipName } from '../../src/export/download-name.js';
import { exportRunFile } from '../../src/services/export-run.js';
import type { RecordedSession } from '../../src/session/recorded-session.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { SESSIONS_KEY } from '../../src/store/session-keys.js';
import { chunkKey, saveSession } from '../../src/store/session-store.js';
import { appTheme } from '../support/app-theme.js';
import { catchDownloads } from '../support/catch-downloads.js';
import { generatedSession } from '../support/generated-sessions.js';
import { readZip } from '../support/zip-reader.js';

const start = new Date(2026, 10, 2, 6, 45).getTime();
const DAY = 86_400_000;
const stored = [
  generatedSession({ id: 'one', startedAt: start, minutes: 4, cadenceBase: 170, speed: 3, name: 'Easy' }),
  generatedSession({ id: 'two', startedAt: start + DAY, minutes: 3, cadenceBase: 176, speed: 3.4, name: 'Damaged one' }),
  generatedSession({ id: 'three', startedAt: start + 2 * DAY, minutes: 5, cadenceBase: 180, speed: 3.8 }),
];

async function settingsPage(services: AppServices = createServices()) {
  const page = await fixture<StrideSettingsPage>(html`<stride-settings-page .services=${services}></stride-settings-page>`);
  await waitUntil(() => services.history.loaded, 'the list was read');
  await page.updateComplete;
  return { page, services };
}

const button = (page: StrideSettingsPage, format: 'fit' | 'tcx') => page.shadowRoot!.querySelector<HTMLButtonElement>(`#export-all-${format}`)!;
const status = (page: StrideSettingsPage) =>
  page.shadowRoot!.querySelector('stride-runs-export-status')!.shadowRoot!.querySelector<HTMLElement>('[role=status]')!;

async function exportAll(page: StrideSettingsPage, services: AppServices, format: 'fit' | 'tcx') {
  const caught = catchDownloads();
  try {
    button(page, format).click();
    await waitUntil(() => services.data.runsExport?.message, 'the zip was written', { timeout: 10_000 });
    await page.updateComplete;
    await page.shadowRoot!.querySelector('stride-runs-export-status')!.updateComplete;
    return caught.downloads;
  } finally {
    caught.restore();
  }
}

async function expectZipOf(blob: Blob, runs: RecordedSession[], format: 'fit' | 'tcx') {
  const entries = await readZip(new Uint8Array(await blob.arrayBuffer()));
  expect(entries.length).to.equal(runs.length);
  for (const [i, run] of runs.entries()) {
    const single = await exportRunFile(run, format);
    expect(entries[i]!.name).to.equal(single.fileName);
    expect(entries[i]!.bytes).to.deep.equal(new Uint8Array(await single.blob.arrayBuffer()));
  }
}

describe('Settings: export all runs as one zip', () => {
  before(async () => {
    useSeparateDatabase('stride-test-settings-export');
    await appTheme;
  });
  beforeEach(() => clear(kvStore()));

  it('offers every stored run, and the FIT zip holds each as its single download, with progress on the way', async () => {
    for (const run of stored) await saveSession(run);
    const { page, services } = await settingsPage();
    expect(button(page, 'fit').textContent).to.equal('Export all 3 runs as FIT zip');
    expect(button(page, 'tcx').textContent).to.equal('Export all 3 runs as TCX zip');
    const progress: string[] = [];
    services.data.addEventListener('change', () => {
      const p = services.data.runsExport?.progress;
      if (p) progress.push(`${p.done} of ${p.total}`);
    });
    const downloads = await exportAll(page, services, 'fit');
    expect([...new Set(progress)]).to.deep.equal(['0 of 3', '1 of 3', '2 of 3', '3 of 3']);
    expect(downloads.map((d) => d.fileName)).to.deep.equal([runsZipName('fit', Date.now())]);
    await expectZipOf(downloads[0]!.blob, stored, 'fit');
    expect(status(page).textContent).to.equal(`Exported 3 runs as ${runsZipName('fit', Date.now())}.`);
    await expect(page).to.be.accessible();
  });

  it('while the zip is written the buttons refuse (keeping the focus), the count follows every run, and the live region says only the start and the end', async () => {
    for (const run of stored) await saveSession(run);
    const { page, services } = await settingsPage();
    const element = page.shadowRoot!.querySelector('stride-runs-export-status')!;
    const seen: string[] = [];
    const said: string[] = [];
    const drawn: Promise<void>[] = [];
    services.data.addEventListener('change', () => {
      drawn.push(
        (async () => {
          await page.updateComplete;
          await element.updateComplete;
          const text = status(page).textContent!;
          if (said.at(-1) !== text) said.push(text);
          if (!services.data.runsExport?.progress) return;
          const busy = ['fit', 'tcx'].every((f) => button(page, f as 'fit').getAttribute('aria-disabled') === 'true');
          seen.push(`${element.shadowRoot!.querySelector('#count')!.textContent} ${busy ? 'busy' : 'free'}`);
        })(),
      );
    });
    button(page, 'tcx').focus();
    await exportAll(page, services, 'tcx');
    await Promise.all(drawn);
    expect(seen).to.include('Writing the TCX zip: 1 of 3 runs… busy');
    expect(seen).to.include('Writing the TCX zip: 2 of 3 runs… busy');
    expect(said.filter((t) => t !== ''), 'read out').to.deep.equal(['Writing the TCX zip: 0 of 3 runs…', `Exported 3 runs as ${runsZipName('tcx', Date.now())}.`]);
    expect(page.shadowRoot!.activeElement?.id, 'the pressed button keeps the focus').to.equal('export-all-tcx');
    expect(button(page, 'fit').hasAttribute('aria-disabled'), 'free again once written').to.equal(false);
  });

  it('counts "1 run", not "1 runs"', async () => {
    await saveSession(stored[0]!);
    const { page, services } = await settingsPage();
    const counts: string[] = [];
    const element = page.shadowRoot!.querySelector('stride-runs-export-status')!;
    services.data.addEventListener('change', () => {
      if (services.data.runsExport?.progress) void element.updateComplete.then(() => counts.push(element.shadowRoot!.querySelector('#count')?.textContent ?? ''));
    });
    await exportAll(page, services, 'fit');
    expect(counts).to.include('Writing the FIT zip: 0 of 1 run…');
  });

  it('the message of the last export goes when the runner leaves the page, and when a new one starts', async () => {
    await saveSession(stored[0]!);
    const { page, services } = await settingsPage();
    await exportAll(page, services, 'fit');
    const seen: (string | null | undefined)[] = [];
    services.data.addEventListener('change', () => seen.push(services.data.runsExport?.message));
    await exportAll(page, services, 'tcx');
    expect(seen[0], 'cleared as the next one starts').to.equal(null);
    page.remove();
    expect(services.data.runsExport, 'forgotten with the page').to.equal(null);
  });

  it('a list that cannot be read is said, not "no runs yet", and the buttons are off with that reason', async () => {
    await saveSession(stored[0]!);
    await set(SESSIONS_KEY, { damaged: true }, kvStore());
    const { page, services } = await settingsPage();
    expect(services.history.problem, 'the list is known to be damaged').to.not.equal(null);
    for (const format of ['fit', 'tcx'] as const) {
      expect(button(page, format).disabled).to.equal(true);
      expect(button(page, format).textContent).to.equal(`Export all runs as ${format.toUpperCase()} zip`);
      const reason = page.shadowRoot!.getElementById(button(page, format).getAttribute('aria-describedby')!)!;
      expect(reason.textContent).to.equal(services.history.problem);
    }
    expect(page.shadowRoot!.querySelector('#export-all')!.textContent).to.not.contain('There are no runs yet');
  });

  it('a damaged run is left out and named; the others still go', async () => {
    for (const run of stored) await saveSession(run);
    await del(chunkKey('two', 0), kvStore());
    const { page, services } = await settingsPage();
    const downloads = await exportAll(page, services, 'tcx');
    await expectZipOf(downloads[0]!.blob, [stored[0]!, stored[2]!], 'tcx');
    const said = status(page).textContent!;
    expect(said).to.match(new RegExp(`^Exported 2 runs as ${runsZipName('tcx', Date.now())}\\. Left out 1 run: “Damaged one” \\(The session .* is damaged: .*\\)\\.$`));
    expect(status(page).classList.contains('problem')).to.equal(true);
  });

  it('with no runs the buttons are off and say there is nothing to export, and why', async () => {
    const { page } = await settingsPage();
    for (const format of ['fit', 'tcx'] as const) {
      expect(button(page, format).disabled).to.equal(true);
      expect(button(page, format).textContent).to.equal(`Nothing to export as ${format.toUpperCase()} zip`);
      const reason = page.shadowRoot!.getElementById(button(page, format).getAttribute('aria-describedby')!)!;
      expect(reason.textContent).to.contain('There are no runs yet');
    }
    await expect(page).to.be.accessible();
  });
});
