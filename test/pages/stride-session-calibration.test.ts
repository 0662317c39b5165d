// The session page's "the treadmill showed…" correction, through the real component: a stored live
// run with the pod's raw values, the distance typed and applied, the pod's curve saved and the run
// re-scaled in Chromium's real IndexedDB.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import { SettingsService } from '../../src/services/settings-service.js';
import '../../src/pages/stride-session-page.js';
import type { StrideSessionPage } from '../../src/pages/stride-session-page.js';
import type { StrideDistanceCorrection } from '../../src/components/stride-distance-correction.js';
import { calibrationOf, knownFootpod } from '../../src/session/known-footpods.js';
import { type RecordedSession, SAMPLE_SPEED_FROM_TREADMILL } from '../../src/session/recorded-session.js';
import { summarizeSamples } from '../../src/session/session-summary.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { loadSession, saveSession } from '../../src/store/session-store.js';
import { appTheme } from '../support/app-theme.js';
import { finishRun } from '../support/finish-run.js';
import { generatedSession } from '../support/generated-sessions.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-test-session-calibration');

const POD_ID = 'bluetooth:pod-device-7';
const FACTOR_LIVE = 1.02;

/** Ten minutes at 3 m/s raw, recorded live with the pod at 102 %: raw columns, pod id and curve kept. */
function liveRun(id: string): RecordedSession {
  const run = generatedSession({ id, startedAt: new Date(2025, 4, 6, 18, 0).getTime(), minutes: 10, cadenceBase: 172, speed: 3 * FACTOR_LIVE, deviceName: 'Stryd' });
  const c = run.samples;
  for (let i = 0; i < c.t.length; i++) {
    c.rawSpeedMps[i] = 3;
    c.rawDistanceM[i] = c.distanceM[i]! / FACTOR_LIVE;
  }
  run.meta = {
    ...run.meta,
    ...summarizeSamples(c, run.meta.zones, run.meta.gaps),
    origin: 'bluetooth',
    podId: POD_ID,
    speedFrom: 'footpod',
    calibration: [{ podSpeedMps: 3, factor: FACTOR_LIVE }],
  };
  return run;
}

async function sessionPage(id: string) {
  const services = createServices();
  await services.settings.load();
  const page = await fixture<StrideSessionPage>(html`<stride-session-page style="width:900px" .services=${services} .sessionId=${id}></stride-session-page>`);
  await waitUntil(() => page.opened !== null, 'the session was opened');
  await page.updateComplete;
  return { page, services };
}

async function correction(page: StrideSessionPage): Promise<StrideDistanceCorrection> {
  const part = page.shadowRoot!.querySelector('stride-session-calibration')!;
  await part.updateComplete;
  const form = part.shadowRoot!.querySelector('stride-distance-correction')!;
  await form.updateComplete;
  return form;
}
const $ = <T extends Element>(root: Element, selector: string) => root.shadowRoot!.querySelector<T>(selector);
const shownDistance = (page: StrideSessionPage) =>
  $(page, 'stride-session-summary')!.shadowRoot!.querySelector('[data-stat=distance]')!.textContent!.replace(/\s+/g, '');

async function typeDistance(form: StrideDistanceCorrection, km: string) {
  const input = $<HTMLInputElement>(form, '#treadmill-distance')!;
  input.value = km;
  input.dispatchEvent(new Event('input'));
  await form.updateComplete;
}

const podCurve = (services: AppServices) => calibrationOf(knownFootpod(services.settings.settings.footpods, POD_ID));

describe('stride-session-page: correcting the distance from the treadmill', () => {
  before(() => appTheme);
  beforeEach(async () => {
    await clear(kvStore());
    const settings = new SettingsService();
    await settings.load();
    await settings.update({ footpods: [{ id: POD_ID, name: 'Stryd', detected: 'steps', override: 'auto', calibration: [{ podSpeedMps: 3, factor: FACTOR_LIVE }] }] });
  });

  it('sets the pod’s factor from the typed distance and, ticked, shows the corrected run', async () => {
    const run = liveRun('treadmill-run');
    await saveSession(run);
    const rawM = run.samples.rawDistanceM.at(-1)!;
    expect(rawM).to.be.closeTo(1800, 1e-6);
    const { page, services } = await sessionPage('treadmill-run');
    expect(shownDistance(page), '1836 m, cut').to.equal('1.83km');
    const form = await correction(page);
    expect(form.available).to.equal(true);
    expect($(form, '#unavailable') === null).to.equal(true);
    expect($<HTMLInputElement>(form, '#rescale-run')!.checked, 'also correct this run, by default').to.equal(true);
    // The treadmill showed 1.71 km where the pod's raw count was 1.80: 95 %.
    await typeDistance(form, '1.71');
    expect($(form, '#reading')!.textContent).to.match(/That is 95\s*% of what the footpod measured/);
    $<HTMLButtonElement>(form, '#apply')!.click();
    await waitUntil(() => ($(form, '#outcome')!.textContent ?? '').trim() !== '', 'the outcome');
    expect($(form, '#outcome')!.textContent!.trim()).to.equal(
      'This run now shows 1.71\u00a0km, as the treadmill did (it showed 1.83\u00a0km). Stryd now reads 95\u00a0% of its raw distance at 10.8\u00a0km/h. It replaces 102\u00a0% at 10.8\u00a0km/h.',
    );
    expect(podCurve(services)).to.have.length(1);
    expect(podCurve(services)[0]!.podSpeedMps).to.equal(3);
    expect(podCurve(services)[0]!.factor).to.be.closeTo(0.95, 1e-9);
    // The page reads the run again and shows it corrected.
    await waitUntil(() => shownDistance(page) === '1.71km', 'the corrected distance', { timeout: 3000 });
    const stored = (await loadSession('treadmill-run'))!;
    expect(stored.meta.distanceM).to.be.closeTo(1710, 1e-6);
    expect(stored.meta.calibration).to.have.length(1);
    expect(stored.meta.calibration![0]!.factor, 'the run keeps the curve it shows').to.be.closeTo(podCurve(services)[0]!.factor, 1e-12);
    const reloaded = new SettingsService();
    await reloaded.load();
    expect(calibrationOf(knownFootpod(reloaded.settings.footpods, POD_ID))).to.deep.equal(podCurve(services));
    await expect(page).to.be.accessible();
  });

  it('unticked, sets the pod’s factor and leaves the run as recorded', async () => {
    await saveSession(liveRun('kept-run'));
    const { page, services } = await sessionPage('kept-run');
    const form = await correction(page);
    $<HTMLInputElement>(form, '#rescale-run')!.click();
    await typeDistance(form, '1.89');
    $<HTMLButtonElement>(form, '#apply')!.click();
    await waitUntil(() => ($(form, '#outcome')!.textContent ?? '').trim() !== '', 'the outcome');
    expect($(form, '#outcome')!.textContent!.trim()).to.equal(
      'Stryd now reads 105\u00a0% of its raw distance at 10.8\u00a0km/h. It replaces 102\u00a0% at 10.8\u00a0km/h.',
    );
    expect(podCurve(services)).to.have.length(1);
    expect(podCurve(services)[0]!.factor).to.be.closeTo(1.05, 1e-9);
    expect(shownDistance(page), '1836 m, cut').to.equal('1.83km');
    expect((await loadSession('kept-run'))!.meta.distanceM).to.be.closeTo(1800 * FACTOR_LIVE, 1e-6);
  });

  it('has nothing to correct when the treadmill’s distance is what the run shows', async () => {
    await saveSession(liveRun('right-run'));
    const { page, services } = await sessionPage('right-run');
    const form = await correction(page);
    expect($(form, '.hint')!.textContent!.replace(/\s+/g, ' ')).to.contain('This run shows 1.83 km.');
    await typeDistance(form, '1.83');
    expect($(form, '#reading')!.textContent!.trim()).to.equal('This run already shows that distance: there is nothing to correct.');
    expect($<HTMLButtonElement>(form, '#apply')!.disabled).to.equal(true);
    expect(podCurve(services)).to.deep.equal([{ podSpeedMps: 3, factor: FACTOR_LIVE }]);
    await expect(page).to.be.accessible();
  });

  it('does not offer to calibrate the footpod from a run no footpod fed: a watch’s file, a treadmill alone', async () => {
    const imported = generatedSession({ id: 'from-watch', startedAt: new Date(2025, 4, 7, 7, 0).getTime(), minutes: 5, cadenceBase: 170, speed: 3 });
    imported.meta.origin = 'import';
    // A treadmill alone: every row's speed the belt's, no pod id, no raw values.
    const beltAlone = generatedSession({ id: 'belt-alone', startedAt: new Date(2025, 4, 7, 8, 0).getTime(), minutes: 5, cadenceBase: 0, speed: 3 });
    beltAlone.samples.flags.forEach((f, i) => (beltAlone.samples.flags[i] = f | SAMPLE_SPEED_FROM_TREADMILL));
    beltAlone.meta.origin = 'bluetooth';
    for (const run of [imported, beltAlone]) {
      await saveSession(run);
      const { page } = await sessionPage(run.meta.id);
      const root = page.shadowRoot!;
      // Booleans, not elements: chai would print the element with the whole run in it.
      expect(root.querySelector('#calibrate-heading') !== null, `${run.meta.id}: "Calibrate the footpod from this run"`).to.equal(false);
      expect(root.querySelector('stride-session-calibration') !== null, `${run.meta.id}: the calibration part`).to.equal(false);
    }
    // A pod's run still offers it (and says why not when it cannot).
    await saveSession(liveRun('pod-run'));
    const { page } = await sessionPage('pod-run');
    expect(page.shadowRoot!.querySelector('#calibrate-heading')!.textContent).to.equal('Calibrate the footpod from this run');
  });

  it('does not offer the correction for the run being recorded: it is offered once the run is saved', async () => {
    const pod = new ScriptedFootpod('Pod A');
    const services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 });
    await services.settings.load();
    try {
      await services.footpod.simulate();
      await services.recording.start();
      for (let t = 0; t < 130; t++) pod.send(t, { speedMps: 3 });
      const recorder = services.recording.recorder!;
      await waitUntil(async () => (await loadSession(recorder.id))?.samples.t.length === recorder.sampleCount, 'stored so far', { timeout: 5000 });
      const page = await fixture<StrideSessionPage>(html`<stride-session-page style="width:900px" .services=${services} .sessionId=${recorder.id}></stride-session-page>`);
      await waitUntil(() => page.opened !== null, 'the session was opened');
      const form = await correction(page);
      expect(form.available).to.equal(false);
      expect($(form, '#unavailable')!.textContent).to.equal('This run is being recorded: the correction is offered once it is saved.');
      expect($(form, '#apply') === null).to.equal(true);
      await finishRun(services);
      const saved = await fixture<StrideSessionPage>(html`<stride-session-page style="width:900px" .services=${services} .sessionId=${recorder.id}></stride-session-page>`);
      await waitUntil(() => saved.opened !== null, 'the saved session was opened');
      const savedForm = await correction(saved);
      expect(savedForm.available, String(savedForm.unavailableReason)).to.equal(true);
    } finally {
      await finishRun(services);
    }
  });

  it('says why a run recorded without the pod’s raw values cannot be corrected', async () => {
    const older = generatedSession({ id: 'older', startedAt: new Date(2025, 4, 8, 7, 0).getTime(), minutes: 5, cadenceBase: 170, speed: 3 });
    older.meta.origin = 'bluetooth';
    await saveSession(older);
    const { page } = await sessionPage('older');
    const form = await correction(page);
    expect(form.available).to.equal(false);
    expect($(form, '#unavailable')!.textContent).to.match(/raw readings/);
  });

  it('offers the correction by where the run’s metres came from, not the speed-source setting it ended on', async () => {
    // Left on Treadmill with no treadmill connected: every row's metres were the pod's.
    const podOnly = liveRun('setting-on-treadmill');
    podOnly.meta.speedFrom = 'treadmill';
    await saveSession(podOnly);
    const { page } = await sessionPage('setting-on-treadmill');
    const form = await correction(page);
    expect(form.available, String(form.unavailableReason)).to.equal(true);
    expect($(form, '#treadmill-distance') !== null).to.equal(true);
    // Every row's metres the belt's, whatever the setting: nothing of the pod's to correct.
    const beltOnly = liveRun('every-row-belt');
    beltOnly.meta.speedFrom = 'footpod';
    beltOnly.samples.flags.forEach((f, i) => (beltOnly.samples.flags[i] = f | SAMPLE_SPEED_FROM_TREADMILL));
    await saveSession(beltOnly);
    const { page: beltPage } = await sessionPage('every-row-belt');
    const beltForm = await correction(beltPage);
    expect(beltForm.available).to.equal(false);
    expect($(beltForm, '#unavailable')!.textContent).to.equal('This run took its speed and distance from the treadmill, so there is nothing to correct.');
  });
});
