// The live page's sensors part: loaded on request, simulated sensors beside the simulated pod, the
// speed source once a treadmill is there, and the guided check waiting for a pod.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import { SettingsService } from '../../src/services/settings-service.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import type { StrideMetricTile } from '../../src/components/stride-metric-tile.js';
import type { StrideGuidedCalibration } from '../../src/components/stride-guided-calibration.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { appTheme } from '../support/app-theme.js';
import { ScriptedHeartRate, ScriptedTreadmill } from '../support/scripted-sensor.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-test-live-page-sensors');

let services: AppServices;
let treadmill: ScriptedTreadmill;

async function livePage(pod: SimulatedFootpod) {
  services = createServices({ simulator: () => pod }, {}, null, {
    treadmill: (o) => (treadmill = new ScriptedTreadmill('treadmill-1', 'Belt 3000', o.rememberedId)),
    'heart-rate': (o) => new ScriptedHeartRate('strap-1', 'Chest strap', o.rememberedId),
  });
  await services.settings.load();
  const page = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
  return page;
}

const $ = <T extends Element>(root: Element, selector: string) => root.shadowRoot!.querySelector<T>(selector);
const sensorsPart = (page: StrideLivePage) => $(page, 'stride-live-sensors');

/** The Sensors section's own <details>, open or closed as the runner sees it. */
const details = (page: StrideLivePage) => $(page, '#sensors')!.shadowRoot!.querySelector('details')!;

/** Opens the Sensors section as the runner does, and waits until its code has loaded and drawn it. */
async function openSensors(page: StrideLivePage) {
  $(page, '#sensors')!.shadowRoot!.querySelector<HTMLElement>('summary')!.click();
  await waitUntil(() => sensorsPart(page) !== null, 'the sensors part in the page');
  await page.updateComplete;
  await customElements.whenDefined('stride-live-sensors');
  const part = sensorsPart(page)!;
  await (part as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return part;
}

describe('stride-live-page: treadmill, strap and calibration', () => {
  before(() => appTheme);
  beforeEach(() => clear(kvStore()));
  afterEach(() => {
    for (const sensor of ['treadmill', 'heart-rate'] as const) services.sensors.disconnect(sensor);
    services.footpod.disconnect();
  });

  it('loads the sensors part only when asked for', async () => {
    const page = await livePage(new SimulatedFootpod());
    expect(sensorsPart(page) === null, 'not in the page before the click').to.equal(true);
    expect(customElements.get('stride-live-sensors') === undefined, 'its code not loaded either').to.equal(true);
    expect(details(page).open, 'closed').to.equal(false);
    const part = await openSensors(page);
    expect(part instanceof customElements.get('stride-live-sensors')!).to.equal(true);
    expect(details(page).open).to.equal(true);
    expect($(part, 'stride-sensor-panel') !== null).to.equal(true);
  });

  it('opens by itself when the runner left it open, and a strap paired before shows in its closed line', async () => {
    const before = new SettingsService();
    await before.load();
    await before.update({ sensors: { treadmillId: null, heartRateId: 'strap-1', footpodId: null } });
    let page = await livePage(new SimulatedFootpod());
    expect(sensorsPart(page) === null, 'closed until the runner opens it').to.equal(true);
    expect($(page, '#sensors')!.shadowRoot!.querySelector('#status')!.textContent).to.equal('No footpod · strap not connected · no treadmill');
    await before.update({ liveSensorsOpen: true });
    page = await livePage(new SimulatedFootpod());
    expect(sensorsPart(page) !== null).to.equal(true);
    expect(details(page).open).to.equal(true);
  });

  it('adds a simulated treadmill and strap beside the simulated footpod, and shows heart rate and incline tiles', async () => {
    const pod = new SimulatedFootpod({ seed: 4 });
    const page = await livePage(pod);
    const part = await openSensors(page);
    expect($(part, '#simulate-sensors') === null, 'no simulated sensors without the simulated pod').to.equal(true);
    await services.footpod.simulate();
    await (part as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    $<HTMLButtonElement>(part, '#simulate-sensors')!.click();
    // The simulated pod and sensors run in real time: the strap's beat shows as it comes, the
    // incline with the next pod row.
    await waitUntil(() => $(page, '#heart-rate') !== null && $(page, '#incline') !== null, 'the heart-rate and incline tiles', { timeout: 5000 });
    const heartRate = $<StrideMetricTile>(page, '#heart-rate')!;
    expect(heartRate.value).to.match(/^\d{2,3}$/);
    expect(heartRate.unit).to.equal('bpm');
    expect(Number(heartRate.value)).to.equal(Math.round(services.footpod.session!.latestChannels.heartRate!));
    expect($<StrideMetricTile>(page, '#incline')!.value).to.equal('1.0');
    await (part as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect($(part, '#simulate-sensors') === null, 'offered once').to.equal(true);
  });

  it('shows the incline as the treadmill has it, and none once the treadmill is gone, though no pod row follows', async () => {
    const pod = new ScriptedFootpod('Pod');
    const page = await livePage(pod as unknown as SimulatedFootpod);
    await services.footpod.simulate();
    await services.sensors.pair('treadmill');
    await waitUntil(() => services.sensors.source('treadmill')?.state === 'connected', 'treadmill connected');
    for (let t = 0; t <= 3; t++) {
      treadmill.send(t, { inclinationPercent: 2 });
      pod.send(t, { cadence: 170, speedMps: 3 });
    }
    await page.updateComplete;
    expect($<StrideMetricTile>(page, '#incline')?.value).to.equal('2.0');
    // The belt is switched off; the pod falls silent with it (the runner stands).
    treadmill.disconnect();
    await waitUntil(() => services.sensors.source('treadmill')?.state !== 'connected', 'treadmill gone');
    await page.updateComplete;
    expect($(page, '#incline') === null, 'no incline beside a treadmill that is gone').to.equal(true);
  });

  it('shows a power tile only for a pod that sends power', async () => {
    const plain = new ScriptedFootpod('Pod');
    let page = await livePage(plain as unknown as SimulatedFootpod);
    await services.footpod.simulate();
    for (let t = 0; t <= 3; t++) plain.send(t, { cadence: 170, speedMps: 3 });
    await page.updateComplete;
    expect($(page, '#speed') !== null && $(page, '#power') === null, 'no power tile for a pod without power').to.equal(true);
    services.footpod.disconnect();
    page.remove();

    // The simulated pod sends power beside its RSC readings, as a Stryd does.
    page = await livePage(new SimulatedFootpod({ seed: 4 }));
    await services.footpod.simulate();
    await waitUntil(() => $(page, '#power') !== null, 'the power tile', { timeout: 5000 });
    const power = $<StrideMetricTile>(page, '#power')!;
    expect(power.unit).to.equal('W');
    expect(Number(power.value)).to.equal(Math.round(services.footpod.session!.latestChannels.powerW!));
    expect(Number(power.value)).to.be.within(100, 400);
  });

  it('offers the source of speed once a treadmill is connected, and saves the choice', async () => {
    const page = await livePage(new SimulatedFootpod());
    const part = await openSensors(page);
    expect($(part, '#speed-from') === null, 'no choice without a treadmill').to.equal(true);
    const panel = $(part, 'stride-sensor-panel')!;
    await (panel as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await waitUntil(() => $<HTMLButtonElement>(panel, '#pair-treadmill')?.disabled === false, 'the treadmill can be paired');
    $<HTMLButtonElement>(panel, '#pair-treadmill')!.click();
    await waitUntil(() => $(part, '#speed-from') !== null, 'the speed source choice');
    expect(treadmill.connects).to.deep.equal(['chooser']);
    const select = $<HTMLSelectElement>(part, '#speed-from')!;
    expect(select.value).to.equal('footpod');
    select.value = 'treadmill';
    select.dispatchEvent(new Event('change'));
    expect(services.settings.settings.speedFrom).to.equal('treadmill');
    await waitUntil(async () => {
      const stored = new SettingsService();
      await stored.load();
      return stored.settings.speedFrom === 'treadmill';
    }, 'saved in IndexedDB');
  });

  it('with a pod and a treadmill, says what the treadmill teaches and keeps the factor when the runner locks it', async () => {
    const page = await livePage(new SimulatedFootpod());
    await services.footpod.simulate();
    await waitUntil(() => services.footpod.source?.state === 'connected', 'the pod connected');
    const part = await openSensors(page);
    expect($(part, '#lock-calibration') === null, 'nothing to lock without a treadmill').to.equal(true);
    await services.sensors.pair('treadmill');
    await waitUntil(() => services.calibration.pod !== undefined && $(part, '#lock-calibration') !== null, 'the lock offered');
    expect($(part, '#auto-calibration')!.textContent).to.match(/Learning from the treadmill/);
    const lock = $<HTMLInputElement>(part, '#lock-calibration')!;
    expect(lock.checked).to.equal(false);
    lock.click();
    await waitUntil(() => services.calibration.pod?.autoCalibrationLocked === true, 'locked for this pod');
    expect(services.footpod.session!.autoCalibration.locked, 'the live session stops learning').to.equal(true);
  });

  it('keeps the guided check disabled until a footpod is connected', async () => {
    const page = await livePage(new SimulatedFootpod());
    const part = await openSensors(page);
    const guided = $<StrideGuidedCalibration>(part, 'stride-guided-calibration')!;
    await guided.updateComplete;
    expect(guided.disabled).to.equal(true);
    expect($<HTMLButtonElement>(guided, '#start')!.disabled).to.equal(true);
    expect($(guided, '#disabled-reason') !== null).to.equal(true);
    await services.footpod.simulate();
    await waitUntil(() => guided.disabled === false, 'enabled with a pod');
    await guided.updateComplete;
    expect($<HTMLButtonElement>(guided, '#start')!.disabled).to.equal(false);
    $<HTMLButtonElement>(guided, '#start')!.click();
    await waitUntil(() => services.calibration.guided.phase === 'running', 'the check started through the page');
  });

  it('is accessible with the sensors part open, a treadmill and strap connected', async () => {
    const pod = new SimulatedFootpod({ seed: 2 });
    const page = await livePage(pod);
    const part = await openSensors(page);
    await services.footpod.simulate();
    $<HTMLButtonElement>(part, '#simulate-sensors')!.click();
    await waitUntil(() => $(part, '#speed-from') !== null && $(page, '#heart-rate') !== null, 'sensors shown', { timeout: 5000 });
    await expect(page).to.be.accessible();
  });
});
