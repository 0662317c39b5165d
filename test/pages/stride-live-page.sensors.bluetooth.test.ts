// A footpod, a smart treadmill and a heart-rate strap paired from the live page through Chromium's
// own Web Bluetooth stack (emulated adapter and peripherals, real choosers, real GATT), and the
// pod calibrated against the belt: the figures the calibration promises, measured end to end.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { encodeHeartRateMeasurement } from '../../src/ble/heart-rate-encode.js';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { encodeTreadmillData } from '../../src/ble/ftms-treadmill-encode.js';
import { type TreadmillData, emptyTreadmillData } from '../../src/ble/ftms-treadmill.js';
import { createServices, type AppServices } from '../../src/services/services.js';
import type { StrideMetricTile } from '../../src/components/stride-metric-tile.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import { WebBluetoothFootpod } from '../../src/sources/web-bluetooth-footpod.js';
import { WebBluetoothHeartRate } from '../../src/sources/web-bluetooth-heart-rate.js';
import { WebBluetoothTreadmill } from '../../src/sources/web-bluetooth-treadmill.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { loadSession } from '../../src/store/session-store.js';
import { calibrationOf } from '../../src/session/known-footpods.js';
import {
  answerChooserWith,
  clickAsRunner,
  dropLink,
  operationLog,
  sendMeasurement,
  setupEmulatedFootpod,
  teardownEmulatedFootpod,
} from '../support/emulated-footpod.js';
import { type EmulatedDevice, addEmulatedHeartRateStrap, addEmulatedTreadmill, sendHeartRate, sendTreadmillData } from '../support/emulated-sensors.js';
import { finishRun } from '../support/finish-run.js';

const LIVE = 'stride-live-page';
const SENSORS = `${LIVE} >>> stride-live-sensors`;
const PAIR_FOOTPOD = `${LIVE} >>> stride-connection-panel >>> #pair`;
const PAIR_TREADMILL = `${SENSORS} >>> stride-sensor-panel >>> #pair-treadmill`;
const PAIR_STRAP = `${SENSORS} >>> stride-sensor-panel >>> #pair-heart-rate`;

const noTreadmillFields: TreadmillData = { ...emptyTreadmillData(), speedMps: 0 };

let services: AppServices;
let page: StrideLivePage;
// Every source stamps its notifications with this clock, so a minute of running takes the stack a second or two.
let clockMs = 0;
const now = () => clockMs;

async function openLivePage(): Promise<void> {
  const fast = { retryDelaysMs: [50, 100, 200], now };
  services = createServices(
    { bluetooth: () => new WebBluetoothFootpod(undefined, { ...fast, rememberedId: () => null }) },
    {},
    undefined,
    {
      treadmill: (options) => new WebBluetoothTreadmill(undefined, { ...fast, ...options }),
      'heart-rate': (options) => new WebBluetoothHeartRate(undefined, { ...fast, ...options }),
    },
  );
  await services.settings.load();
  // Each test starts with nothing remembered: no pod calibrated, no sensor paired before.
  await services.settings.update({ footpods: [], sensors: { footpodId: null, treadmillId: null, heartRateId: null }, speedFrom: 'footpod', liveSensorsOpen: false });
  page = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
}

async function pairFootpod(): Promise<void> {
  await answerChooserWith('select');
  await clickAsRunner(PAIR_FOOTPOD);
  await waitUntil(() => services.footpod.source?.state === 'connected', 'footpod connected', { timeout: 5000 });
}

async function openSensors(): Promise<void> {
  await clickAsRunner(`${LIVE} >>> #sensors >>> summary`);
  // The pair buttons open the chooser inside the click only once the sensors' code is here.
  await waitUntil(() => services.sensors.source('treadmill') && services.sensors.source('heart-rate'), 'sensors loaded', { timeout: 5000 });
  await waitUntil(() => page.shadowRoot!.querySelector('stride-live-sensors')?.shadowRoot?.querySelector('stride-sensor-panel'), 'panel drawn');
}

async function pair(selector: string, device: EmulatedDevice, sensor: 'treadmill' | 'heart-rate'): Promise<void> {
  await answerChooserWith('select', device);
  await clickAsRunner(selector);
  await waitUntil(() => services.sensors.source(sensor)?.state === 'connected', `${sensor} connected`, { timeout: 5000 });
}

/** The emulated pod (and a treadmill, when asked) paired from the live page, with the sensors part open. */
async function podOnPage({ withTreadmill = false } = {}): Promise<void> {
  await setupEmulatedFootpod({ name: 'Stryd' });
  const treadmill = withTreadmill ? await addEmulatedTreadmill({ name: 'NordicTrack' }) : null;
  await openLivePage();
  await pairFootpod();
  await openSensors();
  if (treadmill) await pair(PAIR_TREADMILL, treadmill, 'treadmill');
}

/** One second of a treadmill run: the belt's reading, the strap's, then the pod's (which makes the row). */
interface Second {
  beltMps?: number;
  treadmillM?: number;
  inclinePercent?: number;
  heartRate?: number;
  podMps: number;
  podM: number;
}

async function runSecond(s: Second): Promise<void> {
  clockMs += 1000;
  if (s.beltMps !== undefined) {
    await sendTreadmillData(encodeTreadmillData({
      ...noTreadmillFields,
      speedMps: s.beltMps,
      totalDistanceM: s.treadmillM === undefined ? null : Math.round(s.treadmillM),
      inclinationPercent: s.inclinePercent ?? null,
    }), { name: 'NordicTrack' });
  }
  if (s.heartRate !== undefined) {
    await sendHeartRate(encodeHeartRateMeasurement({ heartRateBpm: s.heartRate, sensorContact: 'detected', energyExpendedKj: null, rrIntervalsS: null }), { name: 'Polar H10' });
  }
  const rows = services.footpod.session?.samples.length ?? 0;
  await sendMeasurement(encodeRscMeasurement({ speedMps: s.podMps, cadence: 170, strideLengthM: null, totalDistanceM: s.podM, isRunning: true }));
  await waitUntil(() => (services.footpod.session?.samples.length ?? 0) > rows, 'the pod row arrived', { timeout: 3000 });
}

/** A treadmill and a pod that reads it wrong by `podError(belt)`; counts both odometers. */
class Belt {
  treadmillM = 0;
  podM = 0;
  constructor(readonly podError: (beltMps: number) => number, readonly withTreadmill: boolean) {}

  /** Runs `seconds` at `beltMps`; returns the session's and the belt's metres meanwhile. */
  async run(seconds: number, beltMps: number): Promise<{ sessionM: number; beltM: number }> {
    const sessionBefore = services.footpod.session?.latest?.distanceM ?? 0;
    const beltBefore = this.treadmillM;
    for (let i = 0; i < seconds; i++) {
      this.treadmillM += beltMps;
      const podMps = beltMps * (1 + this.podError(beltMps));
      this.podM += podMps;
      await runSecond({
        podMps,
        podM: Math.round(this.podM * 10) / 10,
        ...(this.withTreadmill ? { beltMps, treadmillM: this.treadmillM } : {}),
      });
    }
    return { sessionM: services.footpod.session!.latest!.distanceM - sessionBefore, beltM: this.treadmillM - beltBefore };
  }
}

const within1Percent = ({ sessionM, beltM }: { sessionM: number; beltM: number }, what: string) =>
  expect(Math.abs(sessionM / beltM - 1), `${what}: ${sessionM.toFixed(1)} m against the belt's ${beltM.toFixed(1)} m`).to.be.below(0.01);

const guided = () => page.shadowRoot!.querySelector('stride-live-sensors')!.shadowRoot!.querySelector('stride-guided-calibration')!;

/** The guided check as a runner does it: start, run, type the belt speed in km/h, finish. */
async function guidedCheck(belt: Belt, beltMps: number): Promise<void> {
  await waitUntil(() => guided().shadowRoot?.querySelector('#start, #again'), 'the check can start');
  guided().shadowRoot!.querySelector<HTMLButtonElement>('#start, #again')!.click();
  await waitUntil(() => services.calibration.guided.phase === 'running', 'check running');
  await belt.run(50, beltMps);
  await waitUntil(() => guided().shadowRoot?.querySelector('#belt-speed'), 'belt speed asked');
  guided().shadowRoot!.querySelector<HTMLInputElement>('#belt-speed')!.value = (beltMps * 3.6).toFixed(1);
  guided().shadowRoot!.querySelector<HTMLButtonElement>('#finish')!.click();
  await waitUntil(() => services.calibration.guided.phase === 'done', 'check done');
  expect(services.calibration.guided.result?.ok, JSON.stringify(services.calibration.guided.result)).to.equal(true);
}

useSeparateDatabase('stride-test-live-page-sensors-bluetooth');

describe('stride-live-page with a treadmill and a strap, through the emulated Web Bluetooth stack', () => {
  beforeEach(() => {
    clockMs = 0;
  });
  afterEach(async () => {
    await finishRun(services);
    services.sensors.disconnect('treadmill');
    services.sensors.disconnect('heart-rate');
    await teardownEmulatedFootpod();
  });

  it('pairs each sensor through its own chooser, remembers it, merges its values into the run and records them', async () => {
    await setupEmulatedFootpod({ name: 'Stryd' });
    const treadmill = await addEmulatedTreadmill({ name: 'NordicTrack' });
    const strap = await addEmulatedHeartRateStrap({ name: 'Polar H10' });
    await openLivePage();
    expect(page.shadowRoot!.querySelector('stride-live-sensors') === null, 'not loaded before it is asked for').to.equal(true);
    await pairFootpod();
    await openSensors();
    await pair(PAIR_TREADMILL, treadmill, 'treadmill');
    await pair(PAIR_STRAP, strap, 'heart-rate');

    const choosers = (await operationLog()).filter((e) => e.op === 'chooser-opened');
    expect(choosers).to.have.length(3);
    expect(choosers[1]!.devices, 'the treadmill chooser lists the treadmill only').to.deep.equal([treadmill.address]);
    expect(choosers[2]!.devices, 'the strap chooser lists the strap only').to.deep.equal([strap.address]);
    const ids = services.settings.settings.sensors;
    expect(ids.treadmillId).to.equal(services.sensors.source('treadmill')!.info.deviceId);
    expect(ids.heartRateId).to.equal(services.sensors.source('heart-rate')!.info.deviceId);
    expect(ids.footpodId).to.equal(services.footpod.source!.info.deviceId);
    expect(new Set([ids.treadmillId, ids.heartRateId, ids.footpodId]).size, 'three devices').to.equal(3);

    await services.recording.start();
    let podM = 0;
    for (let i = 0; i < 4; i++) {
      podM += 3;
      await runSecond({ beltMps: 3, treadmillM: 3 * (i + 1), inclinePercent: 1.5, heartRate: 140 + i, podMps: 3, podM });
    }
    await page.updateComplete;
    const tile = (id: string) => page.shadowRoot!.querySelector<StrideMetricTile>(`#${id}`);
    await waitUntil(() => tile('heart-rate')?.value === '143', 'heart-rate tile');
    expect(tile('incline')!.value).to.equal('1.5');

    // The strap goes quiet: its channel is empty from the fourth row on, never a stale or zero value.
    for (let i = 0; i < 4; i++) {
      podM += 3;
      await runSecond({ beltMps: 3, treadmillM: 12 + 3 * (i + 1), inclinePercent: 1.5, podMps: 3, podM });
    }
    services.recording.stop();
    await waitUntil(async () => (await loadSession(services.recording.recorder!.id))?.meta.status === 'complete', 'saved', { timeout: 5000 });
    const stored = (await loadSession(services.recording.recorder!.id))!;
    const rows = Array.from(stored.samples.heartRate);
    expect(rows.slice(0, 4)).to.deep.equal([140, 141, 142, 143]);
    expect(rows.slice(4, 7)).to.deep.equal([143, 143, 143]);
    expect(Number.isNaN(rows[7]!), 'stale after three rows').to.equal(true);
    expect(Array.from(stored.samples.inclinePercent).every((v) => Math.abs(v - 1.5) < 1e-6)).to.equal(true);
    expect(Array.from(stored.samples.treadmillSpeedMps).every((v) => Math.abs(v - 3) < 1e-6)).to.equal(true);
    expect(stored.meta.podId).to.equal(`bluetooth:${ids.footpodId}`);
  });

  it('gets a dropped treadmill back by itself, and the footpod carries on meanwhile', async () => {
    await podOnPage({ withTreadmill: true });
    await dropLink({ name: 'NordicTrack' });
    await waitUntil(() => services.sensors.source('treadmill')?.state === 'reconnecting', 'treadmill reconnecting', { timeout: 5000 });
    expect(services.footpod.source!.state).to.equal('connected');
    await waitUntil(() => services.sensors.source('treadmill')?.state === 'connected', 'treadmill back', { timeout: 5000 });
    await runSecond({ beltMps: 2.5, treadmillM: 100, podMps: 2.5, podM: 2.5 });
    expect(services.footpod.session!.latest!.treadmillSpeedMps).to.be.closeTo(2.5, 1e-6);
  });

  it('a pod reading 6 % high ends within 1 % of the belt after the guided check', async () => {
    await podOnPage();
    const belt = new Belt(() => 0.06, false);
    await belt.run(1, 3); // the first row starts the pod's count
    const before = await belt.run(10, 3);
    expect(before.sessionM / before.beltM, 'uncalibrated, the pod is 6 % out').to.be.above(1.05);
    await guidedCheck(belt, 3);
    const curve = calibrationOf(services.calibration.pod!);
    expect(curve).to.have.length(1);
    expect(curve[0]!.factor).to.be.closeTo(1 / 1.06, 0.002);
    within1Percent(await belt.run(120, 3), 'after the check');
  });

  it('a pod reading 6 % high ends within 1 % of the belt after the automatic calibration from the treadmill', async () => {
    await podOnPage({ withTreadmill: true });
    const belt = new Belt(() => 0.06, true);
    await belt.run(40, 3);
    // Raw, the pod is 6 % out (the first row starts its count, hence 39 belt seconds).
    expect(services.footpod.session!.latest!.rawDistanceM / (39 * 3), 'the pod uncalibrated').to.be.above(1.05);
    await waitUntil(() => calibrationOf(services.calibration.pod!).length === 1, 'the learned factor is saved for the pod');
    expect(calibrationOf(services.calibration.pod!)[0]!.factor).to.be.closeTo(1 / 1.06, 0.002);
    within1Percent(await belt.run(120, 3), 'after learning');
  });

  it('a pod 10 % high at 2.5 m/s and 5 % high at 4 m/s ends within 1 % at both after a two-speed check', async () => {
    await podOnPage();
    // The error moves with the pace, as runners report: linear between the two speeds.
    const belt = new Belt((mps) => 0.1 - ((mps - 2.5) / 1.5) * 0.05, false);
    await guidedCheck(belt, 2.5);
    await guidedCheck(belt, 4);
    expect(calibrationOf(services.calibration.pod!)).to.have.length(2);
    within1Percent(await belt.run(60, 2.5), 'at 2.5 m/s');
    within1Percent(await belt.run(60, 4), 'at 4 m/s');
  });
});
