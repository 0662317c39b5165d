// Recording from the live page as a runner does it: buttons, space and L, the prompt for a run a
// closed tab left unfinished, and the disk filling up mid-run. Real IndexedDB throughout.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear, set } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { listSessions, loadSession, saveSession } from '../../src/store/session-store.js';
import { generatedSession } from '../support/generated-sessions.js';
import { appTheme } from '../support/app-theme.js';
import { catchDownloads } from '../support/catch-downloads.js';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { finishRun } from '../support/finish-run.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import type { StrideMetricTile } from '../../src/components/stride-metric-tile.js';
import { formatDuration } from '../../src/session/units.js';
import { cutToHundredths } from '../support/shown-distance.js';

useSeparateDatabase('stride-test-live-page-recording');

let services: AppServices;
let pod: SimulatedFootpod;
let page: StrideLivePage;

const controls = () => page.shadowRoot!.querySelector('stride-recording-controls')!;
const control = (id: string) => controls().shadowRoot!.querySelector<HTMLButtonElement>(`#${id}`);
const press = (key: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));

async function openLivePage(): Promise<void> {
  pod = new SimulatedFootpod({ seed: 21 });
  services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 });
  page = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
}

/** The prompt loads on demand (only a closed tab mid-run needs it), so wait for it to be drawn. */
async function recoveryPrompt(): Promise<HTMLElement & { updateComplete: Promise<boolean> }> {
  await customElements.whenDefined('stride-recovery-prompt');
  const prompt = page.shadowRoot!.querySelector('stride-recovery-prompt') as HTMLElement & { updateComplete: Promise<boolean> };
  await prompt.updateComplete;
  return prompt;
}

async function settled(): Promise<void> {
  await page.updateComplete;
  await controls().updateComplete;
}

describe('stride-live-page recording', () => {
  before(() => appTheme);
  beforeEach(() => clear(kvStore()));
  afterEach(async () => {
    await finishRun(services);
  });

  it('offers recording only once a footpod is connected, then records from the button', async () => {
    await openLivePage();
    await settled();
    expect(control('start')!.disabled, 'nothing to record yet').to.equal(true);
    await services.footpod.simulate();
    await settled();
    control('start')!.click();
    await waitUntil(() => services.recording.state === 'recording', 'recording');
    pod.emitSeconds(30);
    await settled();
    expect(controls().shadowRoot!.querySelector('.state')!.textContent).to.match(/^Recording/);
    control('stop')!.click();
    await waitUntil(async () => (await listSessions()).some((s) => s.status === 'complete' && s.sampleCount >= 29), 'saved');
    await expect(page).to.be.accessible();
  });

  it('starts and pauses with space and marks laps with L, but not while typing', async () => {
    await openLivePage();
    await services.footpod.simulate();
    press(' ');
    await waitUntil(() => services.recording.state === 'recording', 'space starts');
    pod.emitSeconds(20);
    press('l');
    pod.emitSeconds(20);
    press('L');
    expect(services.recording.laps).to.equal(2);
    const select = page.shadowRoot!.querySelector<HTMLSelectElement>('#smoothing')!;
    select.dispatchEvent(new KeyboardEvent('keydown', { key: 'l', bubbles: true, composed: true }));
    expect(services.recording.laps, 'L typed into a field is not a lap').to.equal(2);
    press(' ');
    expect(services.recording.state).to.equal('paused');
    press(' ');
    expect(services.recording.state).to.equal('recording');
  });

  it('offers a run a closed tab left unfinished: keep it as it is, or resume it', async () => {
    const unfinished = generatedSession({ startedAt: Date.now() - 3_600_000, minutes: 10, cadenceBase: 172, speed: 3 });
    unfinished.meta.status = 'recording';
    await saveSession(unfinished);
    await openLivePage();
    await services.recording.checkUnfinished();
    await settled();
    const prompt = await recoveryPrompt();
    expect(prompt.shadowRoot!.textContent).to.match(/unfinished run/);
    await expect(page).to.be.accessible();

    prompt.shadowRoot!.querySelector<HTMLButtonElement>('#save-unfinished')!.click();
    await waitUntil(async () => (await loadSession(unfinished.meta.id))?.meta.status === 'recovered', 'kept as recovered');
    await settled();
    expect(page.shadowRoot!.querySelector('stride-recovery-prompt')).to.equal(null);
    expect((await loadSession(unfinished.meta.id))!.samples.t.length).to.equal(unfinished.samples.t.length);
  });

  it('offers a run a crashed tab left with the time and distance it saved, not the 0:00 it began with', async () => {
    await openLivePage();
    await services.footpod.simulate();
    await services.recording.start();
    pod.emitSeconds(20);
    const recorder = services.recording.recorder!;
    await waitUntil(async () => (await loadSession(recorder.id))?.samples.t.length === recorder.sampleCount, 'every sample durable');
    const saved = recorder.meta();
    // The tab crashes: nothing more is written, and the next start finds the run unfinished.
    services.recording.abandon();
    services.footpod.disconnect();
    await openLivePage();
    await waitUntil(async () => {
      await services.recording.checkUnfinished();
      return services.recording.unfinished.length === 1;
    }, 'the run is offered once its lock is let go');
    await settled();
    const prompt = await recoveryPrompt();
    const text = prompt.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(saved.movingS, 'a run of some length').to.be.above(15);
    expect(text).to.include(`(${formatDuration(saved.movingS)}, ${cutToHundredths(saved.distanceM / 1000)} km)`);
    const [offered] = services.recording.unfinished;
    expect(offered!.movingS).to.equal(saved.movingS);
    expect(offered!.distanceM).to.be.closeTo(saved.distanceM, 1e-6);
    expect(offered!.avgCadence).to.be.closeTo(saved.avgCadence, 1e-3);
  });

  it('states an unfinished run\'s distance in the runner\'s unit: a miles runner reads miles', async () => {
    const unfinished = generatedSession({ startedAt: Date.now() - 3_600_000, minutes: 10, cadenceBase: 172, speed: 3 });
    unfinished.meta.status = 'recording';
    await saveSession(unfinished);
    await openLivePage();
    await services.settings.load();
    await services.settings.update({ distanceUnit: 'mi' });
    await services.recording.checkUnfinished();
    await settled();
    const text = (await recoveryPrompt()).shadowRoot!.textContent!.replace(/\s+/g, ' ');
    const [offered] = services.recording.unfinished;
    // 1609.344 m is one mile by definition: the figure History and the run's page show, hundredths cut.
    expect(text, `prompt: ${text}`).to.include(`${(Math.floor((offered!.distanceM / 1609.344) * 100) / 100).toFixed(2)} mi)`);
    expect(text).not.to.include(' km');
  });

  it('says so when the list of runs is too damaged to look for unfinished ones', async () => {
    await set('sessions', 'not a list', kvStore());
    await openLivePage();
    await services.recording.checkUnfinished();
    await settled();
    expect(services.recording.problem).to.match(/^Could not look for unfinished runs: The list of sessions is damaged/);
    expect(page.shadowRoot!.textContent).to.include('Could not look for unfinished runs');
  });

  it('resumes an unfinished run into the same session once the footpod is back', async () => {
    const unfinished = generatedSession({ startedAt: Date.now() - 600_000, minutes: 5, cadenceBase: 172, speed: 3 });
    unfinished.meta.status = 'recording';
    await saveSession(unfinished);
    await openLivePage();
    await services.recording.checkUnfinished();
    await settled();
    (await recoveryPrompt()).shadowRoot!.querySelector<HTMLButtonElement>('#resume-unfinished')!.click();
    await waitUntil(() => services.recording.state === 'paused', 'resumed paused');
    await services.footpod.simulate();
    await settled();
    control('resume')!.click();
    pod.emitSeconds(30);
    expect(services.recording.recorder!.id).to.equal(unfinished.meta.id);
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
    const stored = (await loadSession(unfinished.meta.id))!;
    expect(stored.samples.t.length).to.be.within(unfinished.samples.t.length + 29, unfinished.samples.t.length + 31);
    expect(stored.meta.gaps.some((gap) => gap.reason === 'link-lost')).to.equal(true);
    expect(stored.meta.status).to.equal('complete');
  });

  it('says plainly when the disk is full, keeps recording, and offers the run as a file', async () => {
    await openLivePage();
    await services.footpod.simulate();
    await services.recording.start();
    pod.emitSeconds(10);
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      pod.emitSeconds(20);
      await waitUntil(() => page.shadowRoot!.querySelector('.storage-problem') !== null, 'storage message', { timeout: 3000 });
      await settled();
      const banner = page.shadowRoot!.querySelector('.storage-problem')!;
      expect(banner.textContent).to.match(/disk is full/i);
      const buttons = [...banner.querySelectorAll<HTMLButtonElement>('button.export')].map((b) => b.dataset['format']);
      expect(buttons).to.deep.equal(['fit', 'tcx', 'csv']);
      expect(services.recording.recorder!.sampleCount).to.be.at.least(29);

      // The CSV export of the run so far holds every sample recorded, disk or no disk.
      const caught = catchDownloads();
      try {
        banner.querySelector<HTMLButtonElement>('button[data-format=csv]')!.click();
        await waitUntil(() => caught.downloads.length === 1, 'file made');
      } finally {
        caught.restore();
      }
      expect(caught.downloads[0]!.fileName).to.match(/^stridewise-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
      const lines = (await caught.downloads[0]!.blob.text()).trim().split('\r\n');
      expect(lines.length - 1).to.equal(services.recording.recorder!.sampleCount);
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    await waitUntil(() => page.shadowRoot!.querySelector('.storage-problem') === null, 'message gone once space is back', { timeout: 3000 });
  });
});

describe('stride-live-page: space pauses whatever was clicked last', () => {
  before(() => appTheme);
  beforeEach(() => clear(kvStore()));
  afterEach(async () => {
    await finishRun(services);
  });

  /** A real mouse click in the middle of the button: it takes focus, as it does for a runner. */
  async function clickWithMouse(button: HTMLElement): Promise<void> {
    const box = button.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
  }

  it('pauses on space after Lap was clicked, without marking a second lap', async () => {
    await openLivePage();
    await services.footpod.simulate();
    await settled();
    control('start')!.click();
    await waitUntil(() => services.recording.state === 'recording', 'recording');
    pod.emitSeconds(20);
    await settled();
    await clickWithMouse(control('lap')!);
    expect(services.recording.laps).to.equal(1);
    expect(controls().shadowRoot!.activeElement === control('lap'), 'the Lap button has focus').to.equal(true);
    pod.emitSeconds(20);
    await sendKeys({ press: ' ' });
    await settled();
    expect(services.recording.state, 'space pauses').to.equal('paused');
    expect(services.recording.laps, 'and marks no lap').to.equal(1);

    // Resume with the mouse, then Enter on the focused Pause button still presses it.
    await clickWithMouse(control('resume')!);
    expect(services.recording.state).to.equal('recording');
    await settled();
    control('pause')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled();
    expect(services.recording.state, 'Enter presses the focused button').to.equal('paused');
    await sendKeys({ press: ' ' });
    expect(services.recording.state, 'space resumes').to.equal('recording');
  });
});

describe('stride-live-page: the saved run after a zone edit', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('still shows the saved run’s 0:30 in target (what History shows), not 0:00 recounted with zones edited after Stop', async () => {
    const scripted = new ScriptedFootpod('Test pod');
    services = createServices({ simulator: () => scripted }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
    await services.settings.update({ smoothingS: 0, autoStart: false, autoPauseAfterS: 0 });
    const live = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
    await services.footpod.simulate();
    await services.recording.start();
    for (let t = 0; t <= 30; t++) scripted.send(t, { cadence: 175, speedMps: 3.125 });
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
    await services.settings.update({ zones: { buildingFrom: 168, targetFrom: 178, targetTo: 188 } });
    await live.updateComplete;
    const tile = live.shadowRoot!.querySelector<StrideMetricTile>('#in-target')!;
    const [stored] = await listSessions();
    expect(stored!.zoneTimes.target, 'the saved run').to.equal(30);
    expect(tile.detail).to.equal('saved run');
    expect(tile.value, 'the tile that says "saved run"').to.equal('0:30');
  });
});
