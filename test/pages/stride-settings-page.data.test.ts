// The settings page's "Your data" section end to end: files go in through the page's own file
// inputs, the backup comes out through its own button, and everything lands in (or stays out of)
// the browser's real IndexedDB.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { type AppServices, createServices } from '../../src/services/services.js';
import { encodeFit } from '../../src/export/fit.js';
import { encodeTcx } from '../../src/export/tcx.js';
import '../../src/pages/stride-settings-page.js';
import type { StrideSettingsPage } from '../../src/pages/stride-settings-page.js';
import { defaultCoachSettings } from '../../src/session/coach-settings.js';
import type { RecordedSession } from '../../src/session/recorded-session.js';
import { formatDateTime, runTitle } from '../../src/session/date-format.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { listSessions, loadSession, saveSession } from '../../src/store/session-store.js';
import { columnDifference, snapshotStore } from '../store/fixtures.js';
import { appTheme } from '../support/app-theme.js';
import { generatedSession } from '../support/generated-sessions.js';
import { catchDownloads } from '../support/catch-downloads.js';
import { watchActivity } from '../support/watch-files.js';

useSeparateDatabase('stride-test-settings-page-data');

// Whole seconds, so FIT (which keeps whole seconds) brings the start back exactly.
const watchRun = generatedSession({
  id: 'watch-run',
  startedAt: new Date(2025, 2, 10, 7, 15, 0).getTime(),
  minutes: 12,
  cadenceBase: 176,
  speed: 3.4,
  laps: [300],
});
const appRun = generatedSession({
  id: 'app-run',
  startedAt: new Date(2025, 2, 12, 18, 40, 0).getTime(),
  minutes: 8,
  cadenceBase: 168,
  speed: 2.8,
  name: 'Hills <img src=x onerror="window.hacked=1">',
});
const storedRun = generatedSession({
  id: 'stored',
  startedAt: new Date(2025, 1, 20, 6, 0, 0).getTime(),
  minutes: 5,
  cadenceBase: 172,
  speed: 3,
  laps: [120],
  gaps: [{ fromT: 60, toT: 90, reason: 'paused' }],
  name: 'Treadmill <b>easy</b>',
  notes: 'Felt good.',
});
const changedSettings = {
  zones: { buildingFrom: 158, targetFrom: 168, targetTo: 178 },
  distanceUnit: 'mi' as const,
  smoothingS: 15 as const,
  autoStart: true,
  autoPauseAfterS: 10,
  footpods: [
    {
      id: 'bluetooth:q1w2==',
      name: 'Polar Stride',
      detected: 'strides' as const,
      override: 'steps' as const,
      calibration: [{ podSpeedMps: 2.5, factor: 0.9 }, { podSpeedMps: 4, factor: 0.95 }],
      autoCalibrationLocked: true,
    },
  ],
  speedFrom: 'treadmill' as const,
  sensors: { footpodId: 'q1w2==', treadmillId: 'tm1==', heartRateId: 'hr1==' },
  theme: 'light' as const,
  liveSensorsOpen: true,
  coach: { ...defaultCoachSettings, muted: true, metronome: { ...defaultCoachSettings.metronome, rateSpm: 172 } },
  plan: { accepted: [{ targetFrom: 168, targetTo: 178, atMs: 1_700_000_000_000 }], declined: null, tapped: { spm: 164, atMs: 1_699_000_000_000 } },
};

const bytesOfFit = (run: RecordedSession) => encodeFit(run);
const fitFile = (run: RecordedSession, name = 'watch.fit') => new File([bytesOfFit(run)], name);
const tcxFile = (run: RecordedSession, name = 'phone.tcx') => new File([encodeTcx(run)], name);
const PNG_START = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52];

async function settingsPage() {
  const services = createServices();
  await services.settings.load();
  await services.history.load();
  const page = await fixture<StrideSettingsPage>(html`<stride-settings-page .services=${services}></stride-settings-page>`);
  return { page, services };
}

const $ = <E extends Element = HTMLElement>(page: StrideSettingsPage, selector: string) => page.shadowRoot!.querySelector<E>(selector);

/**
 * Picks files in one of the page's file inputs as a runner would, and waits until the page has
 * dealt with them (it empties the input once the service is done).
 */
async function pick(page: StrideSettingsPage, id: 'import' | 'restore', files: File[]): Promise<void> {
  const input = $<HTMLInputElement>(page, `#${id}`)!;
  const dt = new DataTransfer();
  for (const file of files) dt.items.add(file);
  input.files = dt.files;
  expect(input.value, 'the picked file is in the input').to.not.equal('');
  input.dispatchEvent(new Event('change'));
  await waitUntil(() => input.value === '', `the page dealt with the ${id}`, { timeout: 10_000 });
  await page.updateComplete;
}

/** Each line of #outcomes as [file name, message, ok]. */
function outcomeLines(page: StrideSettingsPage): [string, string, boolean][] {
  const items = [...page.shadowRoot!.querySelectorAll('#outcomes li')];
  return items.map((li) => {
    const name = li.querySelector('strong')!.textContent!;
    const message = li.textContent!.slice(name.length).replace(/^:\s*/, '').replace(/\s+/g, ' ').trim();
    return [name, message, li.classList.contains('ok')];
  });
}

/** A store with a recorded session and changed settings in it, so "unchanged" means something. */
async function seedStore(services: AppServices): Promise<void> {
  await saveSession(storedRun);
  await services.settings.update(changedSettings);
  await services.history.load();
}

describe('stride-settings-page: your data', () => {
  before(() => appTheme);
  beforeEach(() => clear(kvStore()));

  describe('importing runs', () => {
    it('imports a FIT and a TCX file into the history with their samples and start times', async () => {
      const { page, services } = await settingsPage();
      await pick(page, 'import', [fitFile(watchRun), tcxFile(appRun)]);

      const lines = outcomeLines(page);
      expect(lines.map(([name, , ok]) => [name, ok])).to.deep.equal([
        ['watch.fit', true],
        ['phone.tcx', true],
      ]);
      // Named from its start as a recorded run is; the file's name stays out of the title.
      expect(lines[0]![1]).to.equal(`Imported “${runTitle(watchRun.meta.startedAt)}”.`);
      // The TCX's name is the runner's text: shown as it is, never as markup.
      expect(lines[1]![1]).to.equal('Imported “Hills <img src=x onerror="window.hacked=1">”.');
      expect($(page, '#outcomes img')).to.equal(null);

      const stored = await listSessions();
      expect(stored).to.have.length(2);
      const fromWatch = stored.find((s) => s.startedAt === watchRun.meta.startedAt)!;
      const fromPhone = stored.find((s) => s.startedAt === appRun.meta.startedAt)!;
      expect(fromWatch, 'the FIT run is stored with its start time').to.not.equal(undefined);
      expect(fromPhone, 'the TCX run is stored with its start time').to.not.equal(undefined);
      expect(fromWatch.sampleCount).to.equal(12 * 60 + 1);
      expect(fromPhone.sampleCount).to.equal(8 * 60 + 1);
      expect(fromPhone.name).to.equal('Hills <img src=x onerror="window.hacked=1">');
      expect(fromWatch.distanceM).to.be.closeTo(watchRun.meta.distanceM, 0.01);

      // The history the pages read has them too, newest first.
      expect(services.history.sessions.map((s) => s.id)).to.deep.equal([fromPhone.id, fromWatch.id]);

      const fit = (await loadSession(fromWatch.id))!;
      expect(fit.meta.origin).to.equal('import');
      expect(fit.meta.name, 'no name of its own: titled by its start when shown').to.equal('');
      expect(fit.meta.importedFrom).to.equal('watch.fit');
      expect(Array.from(fit.samples.t)).to.deep.equal(Array.from(watchRun.samples.t));
      expect(Array.from(fit.samples.cadence)).to.deep.equal(Array.from(watchRun.samples.cadence));
      expect(fit.meta.laps).to.deep.equal([300]);
      const tcx = (await loadSession(fromPhone.id))!;
      expect(Array.from(tcx.samples.t)).to.deep.equal(Array.from(appRun.samples.t));
      expect(Array.from(tcx.samples.speedMps)).to.deep.equal(Array.from(appRun.samples.speedMps));
      await expect(page).to.be.accessible();
    });

    const badFiles: [string, () => File, RegExp][] = [
      [
        'a FIT file with one byte changed',
        () => {
          const bytes = bytesOfFit(watchRun);
          bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
          return new File([bytes], 'flipped.fit');
        },
        /^This FIT file is damaged: its checksum does not match\. Copy or export it again/,
      ],
      [
        'a FIT file cut short',
        () => new File([bytesOfFit(watchRun).slice(0, 5000)], 'cut.fit'),
        /^This FIT file ends early \(truncated\): only \d+% of it is there\. Copy or export it again/,
      ],
      [
        'a PNG named .fit',
        () => new File([new Uint8Array([...PNG_START, ...new Array<number>(200).fill(7)])], 'screenshot.fit'),
        /^This file is neither FIT nor TCX \(even though its name ends in \.fit\)\. Stridewise imports \.fit and \.tcx/,
      ],
      ['an empty file', () => new File([], 'empty.fit'), /^The file is empty: it holds no data at all\./],
      [
        'a bike ride from a watch',
        () => new File([watchActivity({ durationS: 600, sampling: 'smart', sport: 'cycling' }).fit], 'ride.fit'),
        /^This file is a cycling activity \(a bike ride\), not a run or a walk\. Stridewise imports runs and walks/,
      ],
      [
        'an XML file that is not TCX',
        () => new File(['<?xml version="1.0"?>\n<note><to>Coach</to><body>Hi</body></note>'], 'note.tcx'),
        /^This is an XML file but not TCX \(its root element is <note>\)\. Stridewise imports FIT and TCX/,
      ],
    ];

    for (const [what, file, message] of badFiles) {
      it(`refuses ${what} with a message naming the file and the problem, and changes nothing`, async () => {
        const { page, services } = await settingsPage();
        await seedStore(services);
        const before = await snapshotStore();
        const picked = file();
        await pick(page, 'import', [picked]);

        const lines = outcomeLines(page);
        expect(lines).to.have.length(1);
        expect(lines[0]![0]).to.equal(picked.name);
        expect(lines[0]![1]).to.match(message);
        expect(lines[0]![2], 'shown as a problem').to.equal(false);
        expect(await snapshotStore()).to.deep.equal(before);
        expect(services.history.sessions.map((s) => s.id)).to.deep.equal(['stored']);
      });
    }

    it('imports a walk as a walk, named so, with its cadence in steps per minute', async () => {
      const { page } = await settingsPage();
      const walk = watchActivity({ durationS: 600, sampling: 'smart', sport: 'walking' });
      await pick(page, 'import', [new File([walk.fit], 'walk.fit')]);
      const [summary] = await listSessions();
      expect(outcomeLines(page)[0]![1]).to.equal(`Imported “Walk ${formatDateTime(summary!.startedAt)}”.`);
      expect(summary!.sport).to.equal('walk');
      expect(summary!.avgCadence).to.be.closeTo(walk.truth.avgCadence, 1);
    });

    it('imports the good file of a mixed batch and refuses the bad one, naming each', async () => {
      const { page, services } = await settingsPage();
      await seedStore(services);
      const flipped = bytesOfFit(appRun);
      flipped[flipped.length - 40]! ^= 0x01;
      await pick(page, 'import', [new File([flipped], 'bad.fit'), fitFile(watchRun, 'good.fit'), new File([], '<b>odd</b>.tcx')]);

      const lines = outcomeLines(page);
      expect(lines.map(([name, , ok]) => [name, ok])).to.deep.equal([
        ['bad.fit', false],
        ['good.fit', true],
        ['<b>odd</b>.tcx', false],
      ]);
      expect(lines[0]![1]).to.match(/checksum does not match/);
      expect(lines[2]![1]).to.match(/empty/);
      // A file name is outside text too.
      expect($(page, '#outcomes b')).to.equal(null);

      const stored = await listSessions();
      expect(stored.map((s) => s.startedAt).sort()).to.deep.equal([storedRun.meta.startedAt, watchRun.meta.startedAt].sort());
      expect(services.history.sessions).to.have.length(2);
      // The session that was there is untouched.
      const kept = (await loadSession('stored'))!;
      expect(kept.meta).to.deep.equal(storedRun.meta);
      expect(columnDifference(storedRun.samples, kept.samples)).to.equal(null);
      await expect(page).to.be.accessible();
    });
  });

  describe('backup and restore', () => {
    let caught: ReturnType<typeof catchDownloads>;
    beforeEach(() => {
      caught = catchDownloads();
    });
    afterEach(() => caught.restore());

    async function downloadBackup(page: StrideSettingsPage): Promise<File> {
      $<HTMLButtonElement>(page, '#backup')!.click();
      await waitUntil(() => caught.downloads.length === 1, 'the backup was downloaded');
      const { fileName, blob } = caught.downloads[0]!;
      return new File([blob], fileName, { type: blob.type });
    }

    it('restores sessions and settings exactly from the backup the page downloaded', async () => {
      const { page, services } = await settingsPage();
      await seedStore(services);
      await pick(page, 'import', [fitFile(watchRun)]);
      const before = await snapshotStore();
      const sessionsBefore = [...services.history.sessions];
      expect(sessionsBefore).to.have.length(2);

      const backup = await downloadBackup(page);
      expect(backup.name).to.match(/^stridewise-backup-\d{4}-\d{2}-\d{2}\.json$/);
      const today = new Date();
      const local = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
      expect(backup.name, 'named after the local date').to.equal(`stridewise-backup-${local}.json`);
      expect(JSON.parse(await backup.text())).to.include({ format: 'stridewise-backup' });

      // Everything gone, and the app knows it…
      await clear(kvStore());
      await services.settings.load();
      await services.history.load();
      expect(services.history.sessions).to.have.length(0);
      expect(services.settings.settings.distanceUnit).to.equal('km');

      // …then back from the file, through the page.
      await pick(page, 'restore', [backup]);
      expect(outcomeLines(page)).to.deep.equal([[backup.name, 'Restored 2 sessions and your settings.', true]]);
      expect(await snapshotStore()).to.deep.equal(before);
      expect(services.settings.settings).to.deep.equal(changedSettings);
      expect(services.history.sessions).to.deep.equal(sessionsBefore);
      const kept = (await loadSession('stored'))!;
      expect(kept.meta).to.deep.equal(storedRun.meta);
      expect(columnDifference(storedRun.samples, kept.samples)).to.equal(null);
      // The page shows the restored settings.
      expect($<HTMLInputElement>(page, '#targetFrom')!.value).to.equal('168');
      expect($<HTMLInputElement>(page, 'input[value=mi]')!.checked).to.equal(true);
      await expect(page).to.be.accessible();
    });

    const damagedBackups: [string, (good: string) => File, RegExp][] = [
      [
        'a backup cut short',
        (good) => new File([good.slice(0, Math.floor(good.length * 0.6))], 'cut.json'),
        /^The backup is truncated: the file ends part-way through\./,
      ],
      [
        'a backup of a newer format',
        (good) => new File([JSON.stringify({ ...JSON.parse(good), version: 99 })], 'newer.json'),
        /^This backup was made by a newer Stridewise \(backup format 99\); update the app/,
      ],
      [
        'a backup whose sessions do not match its list',
        // A format 1 backup (no checksum), or a changed one would be refused by its checksum first.
        (good) => new File([JSON.stringify({ ...JSON.parse(good), version: 1, checksum: undefined, index: [] })], 'edited.json'),
        /^The backup is damaged: its list of sessions does not match the sessions in it\./,
      ],
      [
        'a backup with one character changed',
        (good) => new File([good.replace('"distanceUnit":"mi"', '"distanceUnit":"km"')], 'changed.json'),
        /^The backup is damaged: its checksum does not match its contents/,
      ],
      [
        'a JSON file of something else',
        () => new File([JSON.stringify({ name: 'my-app', version: '1.0.0', dependencies: {} })], 'package.json'),
        /^This is not a Stridewise backup \(it has no Stridewise backup header\)\./,
      ],
      ['a file that is not JSON', () => new File([new Uint8Array(PNG_START)], 'photo.json'), /^This is not a Stridewise backup \(the file is not in the backup format\)\./],
    ];

    for (const [what, file, message] of damagedBackups) {
      it(`refuses ${what}, says "Nothing was changed." and changes nothing`, async () => {
        const { page, services } = await settingsPage();
        await seedStore(services);
        const good = await (await downloadBackup(page)).text();
        const before = await snapshotStore();
        const picked = file(good);
        await pick(page, 'restore', [picked]);

        const lines = outcomeLines(page);
        expect(lines).to.have.length(1);
        const [name, text, ok] = lines[0]!;
        expect(name).to.equal(picked.name);
        expect(ok).to.equal(false);
        expect(text).to.match(message);
        expect(text.endsWith('Nothing was changed.'), text).to.equal(true);
        expect(text.split('Nothing was changed.'), 'said once').to.have.length(2);
        expect(await snapshotStore()).to.deep.equal(before);
        expect(services.settings.settings).to.deep.equal(changedSettings);
        expect(services.history.sessions.map((s) => s.id)).to.deep.equal(['stored']);
        await expect(page).to.be.accessible();
      });
    }
  });

  it('says how much storage is used', async () => {
    const { page } = await settingsPage();
    const usage = $(page, '#usage')!;
    await waitUntil(() => usage.textContent !== 'Checking storage…', 'the usage was read');
    const size = String.raw`\d+(\.\d)? (bytes|kB|MB|GB|TB)`;
    expect(usage.textContent).to.match(
      new RegExp(`^${size} of ${size} used · (kept by the browser|may be cleared by the browser when space runs low)$`),
    );
    // Asked at the first recording, not when the page opens: granted only if an earlier visit was.
    const persisted = await navigator.storage.persisted();
    expect($(page, '#persistence')!.textContent).to.match(persisted ? /^Persistent storage: granted\./ : /^Persistent storage: not granted so far\./);
  });
});
