import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import type { StrideMetricTile } from '../../src/components/stride-metric-tile.js';
import type { StrideLiveChart } from '../../src/components/stride-live-chart.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { MeasurementEvent } from '../../src/sources/footpod-source.js';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { formatDuration } from '../../src/session/units.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { appTheme } from '../support/app-theme.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { finishRun } from '../support/finish-run.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import type { AppServices } from '../../src/services/services.js';
import { cutToHundredths } from '../support/shown-distance.js';

const tile = (page: StrideLivePage, id: string) => page.shadowRoot!.querySelector<StrideMetricTile>(`#${id}`)!;
/** The zone shown with the cadence: its word, or '' while there is none. */
const zoneWord = (page: StrideLivePage) => page.shadowRoot!.querySelector('#zone')!.textContent!.trim();
const chart = (page: StrideLivePage, id: string) => page.shadowRoot!.querySelector<StrideLiveChart>(`#${id}`)!;
/** The charts load with the first session (not with the page): wait until they are drawn. */
async function chartsReady(page: StrideLivePage): Promise<void> {
  await customElements.whenDefined('stride-live-chart');
  await page.updateComplete;
  for (const id of ['cadence-chart', 'stride-chart']) await chart(page, id).updateComplete;
}
const panelButton = (page: StrideLivePage, id: string) =>
  page.shadowRoot!.querySelector('stride-connection-panel')!.shadowRoot!.querySelector<HTMLButtonElement>(`#${id}`);

async function livePage(pod: SimulatedFootpod) {
  const services = createServices({ simulator: () => pod });
  const page = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
  return { page, services };
}


useSeparateDatabase('stride-test-live-page');

describe('stride-live-page with the simulated footpod', () => {
  before(() => appTheme);
  beforeEach(() => clear(kvStore()));

  it('starts the simulator from "Try without a footpod" and shows its numbers', async () => {
    const pod = new SimulatedFootpod({ speedup: 600, seed: 3 });
    const { page, services } = await livePage(pod);
    panelButton(page, 'simulate')!.click();
    await waitUntil(() => (services.footpod.session?.samples.length ?? 0) >= 120, 'two simulated minutes', { timeout: 5000 });
    await page.updateComplete;
    const sensors = page.shadowRoot!.querySelector('#sensors')!;
    await (sensors as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(sensors.shadowRoot!.querySelector('#status')!.textContent, 'the pod and its battery').to.match(
      /^Simulated footpod · \d+ % · no strap · no treadmill$/,
    );
    pod.disconnect();
    await page.updateComplete;
    const latest = services.footpod.session!.latest!;
    const shown = services.footpod.session!.displayed(5);
    expect(tile(page, 'cadence').value).to.equal(String(Math.round(shown.cadence)));
    expect(tile(page, 'stride').value).to.equal(latest.strideLengthM.toFixed(2));
    expect(tile(page, 'distance').value).to.equal(cutToHundredths(latest.distanceM / 1000));
    expect(tile(page, 'elapsed').value).to.equal(`${Math.floor(latest.timeS / 60)}:${String(Math.floor(latest.timeS % 60)).padStart(2, '0')}`);
    expect(zoneWord(page)).to.be.oneOf(['Low', 'Building', 'Target', 'High']);
    await chartsReady(page);
    // Below the fold of the test's window the chart skips its draws; a runner sees it scrolled into view.
    chart(page, 'cadence-chart').scrollIntoView();
    await waitUntil(() => chart(page, 'cadence-chart').plot!.data[1]!.length > 100, 'the cadence chart drawn once in view');
    window.scrollTo(0, 0);
    await expect(page).to.be.accessible();
  });

  it('shows pace per km by default and per mile when the setting says so', async () => {
    const pod = new SimulatedFootpod();
    const { page, services } = await livePage(pod);
    await services.footpod.simulate();
    pod.disconnect();
    pod.dispatchEvent(new MeasurementEvent(new DataView(encodeRscMeasurement({ speedMps: 3.125, cadence: 172, strideLengthM: 1.09, totalDistanceM: 0, isRunning: true }).buffer), 0));
    await page.updateComplete;
    expect(tile(page, 'pace').value).to.equal('5:20');
    expect(tile(page, 'pace').unit).to.equal('min/km');
    expect(tile(page, 'speed').value).to.equal('11.3');
    await services.settings.update({ distanceUnit: 'mi' });
    await page.updateComplete;
    expect(tile(page, 'pace').value).to.equal('8:34');
    expect(tile(page, 'pace').unit).to.equal('min/mi');
  });

  it('smooths displayed cadence as chosen while the chart keeps raw values', async () => {
    const pod = new SimulatedFootpod();
    const { page, services } = await livePage(pod);
    await services.footpod.simulate();
    pod.disconnect();
    [160, 170, 180, 190].forEach((cadence, i) =>
      pod.dispatchEvent(new MeasurementEvent(new DataView(encodeRscMeasurement({ speedMps: 3, cadence, strideLengthM: 1, totalDistanceM: null, isRunning: true }).buffer), i * 1000)),
    );
    const select = page.shadowRoot!.querySelector<HTMLSelectElement>('#smoothing')!;
    select.value = '0';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => tile(page, 'cadence').value === '190');
    select.value = '5';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => tile(page, 'cadence').value === '175');
    await chartsReady(page);
    expect(Array.from(chart(page, 'cadence-chart').plot!.data[1]!)).to.deep.equal([160, 170, 180, 190]);
  });

  it('toggles the charts between the last 5 minutes and the whole run', async () => {
    const pod = new SimulatedFootpod({ seed: 5 });
    const { page, services } = await livePage(pod);
    await services.footpod.simulate();
    pod.disconnect();
    pod.emitSeconds(900);
    await page.updateComplete;
    await chartsReady(page);
    const plot = () => chart(page, 'stride-chart').plot!;
    expect(plot().data[0]!.length).to.be.within(300, 302);
    page.shadowRoot!.querySelector<HTMLButtonElement>('#whole-run')!.click();
    await page.updateComplete;
    await chart(page, 'stride-chart').updateComplete;
    expect(plot().data[0]!.length).to.equal(900);
    expect(page.shadowRoot!.querySelector('#whole-run')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('fills the time-in-zone bar from the run, and keeps it current as samples arrive', async () => {
    const pod = new SimulatedFootpod({ seed: 9 });
    const { page, services } = await livePage(pod);
    await services.footpod.simulate();
    pod.disconnect();
    const bar = page.shadowRoot!.querySelector('stride-zone-bar')!;
    const shown = async () => {
      await page.updateComplete;
      await bar.updateComplete;
      return bar.shadowRoot!.querySelector('li[data-zone=low]')!.textContent!.replace(/\s+/g, ' ').trim();
    };
    pod.emitSeconds(60); // warm-up: low cadence
    const times = services.footpod.session!.zoneTimes;
    expect(await shown()).to.equal(`Low ${formatDuration(times.low)} (${Math.round((times.low / 59) * 100)}%)`);
    pod.emitSeconds(540);
    const total = times.low + times.building + times.target + times.high;
    expect(total).to.be.closeTo(599, 1);
    expect(await shown()).to.equal(`Low ${formatDuration(times.low)} (${Math.round((times.low / total) * 100)}%)`);
    expect(bar.zoneTimes).to.deep.equal(times);
  });

  it('says when a measurement could not be read, and keeps the run', async () => {
    const pod = new SimulatedFootpod();
    const { page, services } = await livePage(pod);
    await services.footpod.simulate();
    pod.disconnect();
    pod.emitSeconds(10);
    pod.dispatchEvent(new MeasurementEvent(new DataView(new Uint8Array([0x01, 0x00, 0x03]).buffer), 10_000));
    await page.updateComplete;
    expect(page.shadowRoot!.querySelector('.problem')!.textContent).to.match(/could not be read/);
    expect(services.footpod.session!.samples.length).to.equal(10);
  });
});

describe('stride-live-page: the cadence number and its zone', () => {
  let services: AppServices;
  let pod: ScriptedFootpod;
  let live: StrideLivePage;
  const tile = (id: string) => live.shadowRoot!.querySelector<StrideMetricTile>(`#${id}`)!;

  async function open(smoothingS: 0 | 5): Promise<void> {
    pod = new ScriptedFootpod('Test pod');
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
    await services.settings.update({ smoothingS, autoStart: false, autoPauseAfterS: 0 });
    live = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
    await services.footpod.simulate();
  }

  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('puts a cadence shown as 170 in the target zone 170–180 (default 5 s smoothing, 169 and 170 alternating)', async () => {
    await open(5);
    for (let t = 0; t <= 20; t++) pod.send(t, { cadence: t % 2 === 0 ? 170 : 169, speedMps: 3.1 });
    await live.updateComplete;
    expect(tile('cadence').value).to.equal('170');
    expect(zoneWord(live), 'the zone of the 170 shown').to.equal('Target');
    expect(tile('cadence').accent).to.equal('var(--zone-target)');
  });

  it('shows no zone while the pod sends cadence 0 (standing still)', async () => {
    await open(0);
    for (let t = 0; t <= 10; t++) pod.send(t, { cadence: 0, speedMps: 0, isRunning: false });
    await live.updateComplete;
    expect(tile('cadence').value).to.equal('0');
    expect(zoneWord(live)).to.equal('');
    expect(tile('cadence').accent).to.equal('transparent');
  });
});
