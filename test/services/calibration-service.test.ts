// The CalibrationService end to end in the browser: a scripted footpod (real RSC bytes), a scripted
// treadmill (real FTMS bytes) through the SensorService, the live session, and the settings and
// runs in Chromium's real IndexedDB.
import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { recordingNowRefusal } from '../../src/services/history-service.js';
import { createServices, type AppServices } from '../../src/services/services.js';
import { SettingsService } from '../../src/services/settings-service.js';
import { type CalibrationPoint, factorAt } from '../../src/session/calibration.js';
import { calibrationOf, knownFootpod } from '../../src/session/known-footpods.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { loadSession, saveSession } from '../../src/store/session-store.js';
import { finishRun } from '../support/finish-run.js';
import { generatedSession } from '../support/generated-sessions.js';
import { recordTreadmillRun, steadyTreadmillScript } from '../support/generated-treadmill-runs.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { ScriptedHeartRate, ScriptedTreadmill } from '../support/scripted-sensor.js';

useSeparateDatabase('stride-test-calibration-service');

const POD_ID = 'simulator-name:Pod A';
// RSC speeds come in 1/256 m/s: raw speeds a real pod can send, about 5 % and 6 % above a 3 m/s belt.
const FIVE_PERCENT_HIGH = 806 / 256;
const SIX_PERCENT_HIGH = 814 / 256;

let services: AppServices;
let pod: ScriptedFootpod;
let treadmill: ScriptedTreadmill;

/** Settings as a previous visit left them. */
async function storedBefore(curve: CalibrationPoint[] | null, change: Partial<SettingsService['settings']> = {}) {
  const settings = new SettingsService();
  await settings.load();
  await settings.update({
    ...change,
    ...(curve ? { footpods: [{ id: POD_ID, name: 'Pod A', detected: 'steps', override: 'auto', calibration: curve }] } : {}),
  });
}

/** The app with a scripted pod, settings read first (as main.ts does). */
async function connected(options: { loadFirst?: boolean } = {}) {
  pod = new ScriptedFootpod('Pod A');
  services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, null, {
    treadmill: (o) => (treadmill = new ScriptedTreadmill('treadmill-1', 'Belt 3000', o.rememberedId)),
    'heart-rate': (o) => new ScriptedHeartRate('strap-1', 'Strap', o.rememberedId),
  });
  if (options.loadFirst !== false) await services.settings.load();
  await services.footpod.simulate();
}

const podCurve = () => calibrationOf(knownFootpod(services.settings.settings.footpods, POD_ID));
/** The pod's entry as stored in IndexedDB, read by a settings service of its own. */
async function storedPod() {
  const settings = new SettingsService();
  await settings.load();
  return knownFootpod(settings.settings.footpods, POD_ID);
}
const sameFootpods = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const storedCurve = async (): Promise<CalibrationPoint[]> => calibrationOf(await storedPod());
/** Kilometres to the hundredth, cut as the app shows distances (4.969 km reads 4.96). */
const cutKm = (m: number): string => (Math.floor(m / 10 + 1e-9) / 100).toFixed(2);

/** Pod rows at `speedMps` (raw) from `fromS` for `seconds`, the belt (when given) a moment before each. */
function run(fromS: number, seconds: number, podSpeedMps: number | ((t: number) => number), beltSpeedMps: number | null = null) {
  for (let t = fromS; t < fromS + seconds; t++) {
    if (beltSpeedMps !== null) treadmill.send(t - 0.5, { speedMps: beltSpeedMps });
    pod.send(t, { speedMps: typeof podSpeedMps === 'number' ? podSpeedMps : podSpeedMps(t) });
  }
}

describe('CalibrationService', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(async () => {
    services.sensors.disconnect('treadmill');
    await finishRun(services);
  });

  it('applies the pod’s saved curve to the live session, also when the settings are read after the pod connected', async () => {
    await storedBefore([{ podSpeedMps: 3, factor: 0.95 }]);
    await connected({ loadFirst: false });
    await services.settings.load();
    expect(services.calibration.podId).to.equal(POD_ID);
    pod.send(0, { speedMps: 3 });
    const latest = services.footpod.session!.latest!;
    expect(latest.rawSpeedMps).to.equal(3);
    expect(latest.speedMps).to.be.closeTo(2.85, 1e-9);
    // A factor changed in the settings applies from the next row.
    await services.calibration.setCurve(POD_ID, [{ podSpeedMps: 3, factor: 1.04 }]);
    pod.send(1, { speedMps: 3 });
    expect(services.footpod.session!.latest!.speedMps).to.be.closeTo(3.12, 1e-9);
    expect(await storedCurve()).to.deep.equal([{ podSpeedMps: 3, factor: 1.04 }]);
  });

  it('takes speed and distance from the belt when the settings say treadmill, and from the pod again when they say footpod', async () => {
    await storedBefore([{ podSpeedMps: 3, factor: 0.95 }], { speedFrom: 'treadmill' });
    await connected();
    await services.sensors.pair('treadmill');
    run(0, 5, 3, 3.3);
    const latest = services.footpod.session!.latest!;
    expect([latest.speedMps, latest.speedFrom, latest.rawSpeedMps]).to.deep.equal([3.3, 'treadmill', 3]);
    await services.settings.update({ speedFrom: 'footpod' });
    run(5, 1, 3, 3.3);
    const now = services.footpod.session!.latest!;
    expect(now.speedFrom).to.equal('footpod');
    expect(now.speedMps).to.be.closeTo(2.85, 1e-9);
  });

  it('saves what the treadmill teaches into the pod’s entry in the settings', async () => {
    await connected();
    await services.sensors.pair('treadmill');
    await waitUntil(() => knownFootpod(services.settings.settings.footpods, POD_ID) !== undefined, 'the pod remembered');
    // The pod reads 5 % high at a steady belt speed for 40 s.
    run(0, 40, FIVE_PERCENT_HIGH, 3);
    const learned = services.calibration.learning!.lastPoint;
    expect(learned, 'a point learned').to.not.equal(null);
    expect(learned!.factor).to.be.closeTo(3 / FIVE_PERCENT_HIGH, 1e-6);
    await waitUntil(() => podCurve().length === 1, 'the point saved');
    expect(podCurve()[0]!.factor).to.be.closeTo(3 / FIVE_PERCENT_HIGH, 1e-6);
    await waitUntil(async () => (await storedCurve()).length === 1, 'saved in IndexedDB');
    // The next rows are scaled by it.
    run(40, 1, FIVE_PERCENT_HIGH, 3);
    expect(services.footpod.session!.latest!.speedMps).to.be.closeTo(3, 1e-6);
  });

  it('learns nothing from the treadmill while the pod’s calibration is locked', async () => {
    await connected();
    await services.sensors.pair('treadmill');
    await waitUntil(() => knownFootpod(services.settings.settings.footpods, POD_ID) !== undefined, 'the pod remembered');
    await services.calibration.setAutoLocked(POD_ID, true);
    expect(services.calibration.learning!.locked).to.equal(true);
    run(0, 80, FIVE_PERCENT_HIGH, 3);
    expect(services.calibration.learning!.lastPoint).to.equal(null);
    expect(podCurve()).to.deep.equal([]);
    expect(services.footpod.session!.latest!.speedMps).to.equal(FIVE_PERCENT_HIGH);
    expect((await storedPod())!.autoCalibrationLocked).to.equal(true);
  });

  it('runs the guided check: 50 s steady 6 % high, the belt speed typed, the factor saved and later rows within 1 %', async () => {
    await connected();
    await waitUntil(() => knownFootpod(services.settings.settings.footpods, POD_ID) !== undefined, 'the pod remembered');
    expect(services.calibration.guided.phase).to.equal('idle');
    await services.calibration.startGuided();
    expect(services.calibration.guided.phase).to.equal('running');
    const neededS = services.calibration.guided.neededS;
    expect(neededS).to.equal(45);
    run(0, neededS, SIX_PERCENT_HIGH);
    expect(services.calibration.guided.elapsedS).to.equal(neededS - 1);
    expect(services.calibration.guided.phase).to.equal('running');
    run(neededS, 1, SIX_PERCENT_HIGH);
    // The state follows the row just collected, not the one before.
    expect(services.calibration.guided.elapsedS).to.equal(neededS);
    expect(services.calibration.guided.phase).to.equal('ready');
    run(neededS + 1, 50 - neededS - 1, SIX_PERCENT_HIGH);
    const result = services.calibration.finishGuided(3);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.percent).to.be.closeTo((3 / SIX_PERCENT_HIGH) * 100, 1e-6);
    expect(result.beltSpeedMps).to.equal(3);
    expect(services.calibration.guided.phase).to.equal('done');
    expect(podCurve()).to.have.length(1);
    // The speed the result names is the one the point is filed (and listed in Settings) at: the pod's.
    expect(result.atSpeedMps).to.equal(podCurve()[0]!.podSpeedMps);
    expect(podCurve()[0]!.factor).to.be.closeTo(3 / SIX_PERCENT_HIGH, 1e-9);
    await waitUntil(async () => (await storedCurve()).length === 1, 'saved in IndexedDB');
    run(50, 10, (t) => SIX_PERCENT_HIGH + (t % 2 ? 0.01 : -0.01));
    expect(Math.abs(services.footpod.session!.latest!.speedMps - 3) / 3).to.be.below(0.01);
  });

  /** Walking and easy paces that fill a pod's curve: 8 points from 1.0 to 2.35 m/s, 93.5 % at the fastest. */
  const fullSlowCurve = [1.0, 1.2, 1.4, 1.6, 1.8, 2.0, 2.2, 2.35].map((podSpeedMps, i) => ({ podSpeedMps, factor: 0.9 + i * 0.005 }));

  it('keeps a guided point at 4.5 m/s on a full curve, saved and applied, and says which old points made room', async () => {
    await storedBefore(fullSlowCurve);
    await connected();
    await services.calibration.startGuided();
    run(0, 50, 4.5);
    const podsBefore = services.settings.settings.footpods;
    // The belt says 4.725 m/s where the pod reads 4.5: 105 %.
    const result = services.calibration.finishGuided(4.725);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    await waitUntil(() => services.settings.settings.footpods !== podsBefore, 'the curve saved');
    expect(factorAt(await storedCurve(), 4.5), 'saved').to.be.closeTo(1.05, 1e-12);
    expect(factorAt(services.footpod.session!.calibration, 4.5), 'live').to.be.closeTo(1.05, 1e-12);
    expect(result.percent).to.be.closeTo(105, 1e-9);
    expect(result.change).to.match(/^To keep 8 speeds, 93\u00a0% at 7\.9\u00a0km\/h and 93\.5\u00a0% at 8\.5\u00a0km\/h became one point/);
    // 5 km at that pace (the pod counting 4762 m raw) reads 5 km.
    const before = services.footpod.session!.latest!.distanceM;
    run(50, Math.round(5000 / 1.05 / 4.5), 4.5);
    expect(services.footpod.session!.latest!.distanceM - before).to.be.closeTo(5000, 5);
  });

  it('keeps a point the treadmill teaches on a full curve, live and saved: a 10 km belt run reads 10 km', async () => {
    await storedBefore(fullSlowCurve);
    await connected();
    await services.sensors.pair('treadmill');
    // 10 km/h on the belt, the pod reading 1/1.051 of it (677/256 m/s, as a pod sends it).
    const podMps = 677 / 256;
    const beltMps = 2.7778;
    const podsBefore = services.settings.settings.footpods;
    run(0, 40, podMps, beltMps);
    const learned = services.calibration.learning!.lastPoint!;
    expect(learned.factor).to.be.closeTo(1.0504, 0.0005);
    await waitUntil(() => services.settings.settings.footpods !== podsBefore, 'the curve saved');
    await waitUntil(async () => sameFootpods(await storedPod(), knownFootpod(services.settings.settings.footpods, POD_ID)), 'saved in IndexedDB');
    expect(factorAt(await storedCurve(), podMps), 'saved').to.equal(learned.factor);
    expect(factorAt(services.footpod.session!.calibration, podMps), 'live').to.equal(learned.factor);
    const before = services.footpod.session!.latest!.distanceM;
    run(40, 3600, podMps, beltMps);
    expect((services.footpod.session!.latest!.distanceM - before) / (beltMps * 3600)).to.be.closeTo(1, 0.002);
  });

  it('refuses a guided check of an unsteady run with the problem, and saves nothing', async () => {
    await connected();
    await waitUntil(() => knownFootpod(services.settings.settings.footpods, POD_ID) !== undefined, 'the pod remembered');
    await services.calibration.startGuided();
    run(0, 60, (t) => (t % 2 ? 2.6 : 3.4));
    const result = services.calibration.finishGuided(3);
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.problem).to.match(/not steady enough/);
    expect(services.calibration.guided.result).to.deep.equal(result);
    expect(podCurve()).to.deep.equal([]);
  });

  it('starts no guided check without a connected footpod, and says so on finish', async () => {
    await connected();
    services.footpod.disconnect();
    await services.calibration.startGuided();
    expect(services.calibration.guided.phase).to.equal('idle');
    const result = services.calibration.finishGuided(3);
    expect(result.ok).to.equal(false);
  });
});

describe('CalibrationService.correctRun', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  /** Two minutes at 3 m/s raw recorded through the RecordingService, with the pod's curve in use. */
  async function recordedRun(curve: CalibrationPoint[] | null = null): Promise<string> {
    await storedBefore(curve);
    await connected();
    await services.recording.start();
    run(0, 121, 3);
    const id = services.recording.recorder!.id;
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
    return id;
  }

  it('sets the pod’s factor from the treadmill’s distance, leaving the run as it was', async () => {
    const id = await recordedRun();
    const before = (await loadSession(id))!;
    expect(before.meta.podId).to.equal(POD_ID);
    const rawM = before.samples.rawDistanceM.at(-1)!;
    expect(rawM).to.be.closeTo(360, 3);
    const outcome = await services.calibration.correctRun(id, rawM * 0.95, false);
    expect(outcome).to.deep.equal({ ok: true, message: 'Pod A now reads 95\u00a0% of its raw distance at 10.8\u00a0km/h.' });
    expect(podCurve()).to.have.length(1);
    expect(podCurve()[0]!.factor).to.be.closeTo(0.95, 1e-9);
    expect(podCurve()[0]!.podSpeedMps).to.equal(3);
    expect((await storedCurve())[0]!.factor).to.be.closeTo(0.95, 1e-9);
    expect((await loadSession(id))!.meta.distanceM).to.equal(before.meta.distanceM);
  });

  it('with rescale stores the run re-scaled from its raw values: its distance changes by the factor', async () => {
    const id = await recordedRun([{ podSpeedMps: 3, factor: 1.02 }]);
    const before = (await loadSession(id))!;
    expect(before.meta.calibration).to.deep.equal([{ podSpeedMps: 3, factor: 1.02 }]);
    const rawM = before.samples.rawDistanceM.at(-1)! - before.samples.rawDistanceM[0]!;
    expect(before.meta.distanceM).to.be.closeTo(rawM * 1.02, 1e-6);
    const outcome = await services.calibration.correctRun(id, rawM * 0.97, true);
    expect(outcome.ok).to.equal(true);
    expect(outcome.message).to.equal(
      `This run now shows ${cutKm(rawM * 0.97)}\u00a0km, as the treadmill did (it showed ${cutKm(before.meta.distanceM)}\u00a0km). ` +
        'Pod A now reads 97\u00a0% of its raw distance at 10.8\u00a0km/h. It replaces 102\u00a0% at 10.8\u00a0km/h.',
    );
    const after = (await loadSession(id))!;
    expect(after.meta.distanceM).to.be.closeTo(rawM * 0.97, 1e-6);
    expect(after.meta.distanceM / before.meta.distanceM).to.be.closeTo(0.97 / 1.02, 1e-9);
    expect(after.samples.speedMps.at(-1)).to.be.closeTo(3 * 0.97, 1e-6);
    expect(after.meta.calibration).to.have.length(1);
    expect(after.meta.calibration![0]!.factor, 'the run keeps the curve it shows').to.be.closeTo(podCurve()[0]!.factor, 1e-12);
    expect(after.samples.t.length).to.equal(before.samples.t.length);
  });

  /** The right curve: 90 % at 2.5 m/s, 95 % at 4.0 m/s. */
  const rightCurve = [
    { podSpeedMps: 2.5, factor: 0.9 },
    { podSpeedMps: 4, factor: 0.95 },
  ];

  /** 20 min easy at 2.5 m/s, then 10 min tempo at 4.0 m/s, recorded and saved: its id. */
  async function recordEasyThenTempo(): Promise<string> {
    await connected();
    await services.recording.start();
    run(0, 1201, 2.5);
    run(1201, 600, 4);
    const id = services.recording.recorder!.id;
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
    return id;
  }

  it('changes nothing, run or curve, when the run already shows the treadmill’s distance (20 min easy, 10 min tempo, the right curve)', async () => {
    await storedBefore(rightCurve);
    const id = await recordEasyThenTempo();
    const before = (await loadSession(id))!;
    expect(before.meta.distanceM).to.be.closeTo(4980, 0.01);
    const outcome = await services.calibration.correctRun(id, 4980, true);
    expect((await loadSession(id))!.meta.distanceM, 'the run').to.equal(before.meta.distanceM);
    expect(await storedCurve(), 'the curve').to.deep.equal(rightCurve);
    expect(outcome).to.deep.equal({ ok: true, message: 'This run already shows 4.98\u00a0km, as the treadmill did: nothing was changed.' });
  });

  it('makes a run at two paces show the typed distance and keeps the pod’s right points, saying why', async () => {
    await storedBefore(null);
    const id = await recordEasyThenTempo();
    await services.calibration.setCurve(POD_ID, rightCurve);
    // Recorded before the pod was calibrated: 5400 m.
    expect((await loadSession(id))!.meta.distanceM).to.be.closeTo(5400, 0.01);
    const outcome = await services.calibration.correctRun(id, 4980, true);
    expect((await loadSession(id))!.meta.distanceM, 'the run').to.be.closeTo(4980, 1e-6);
    expect(await storedCurve(), 'the curve').to.deep.equal(rightCurve);
    expect(outcome.message).to.match(/^This run now shows 4\.98\u00a0km, as the treadmill did \(it showed 5\.40\u00a0km\)\. This run changed pace, so one distance cannot say at which pace the footpod is off: its calibration stays as it was\.$/);
  });

  it('says in words that a run up an incline was corrected and taught the pod nothing', async () => {
    // 30 min at 3.0 m/s on a 6 % hill, the pod reading 8 % low there; its flat curve is right.
    const flatCurve = [{ podSpeedMps: 2.76, factor: 1 }];
    await storedBefore(flatCurve);
    await connected();
    const uphill = recordTreadmillRun(
      steadyTreadmillScript([{ seconds: 1801, beltMps: 3, cadence: 172, inclinePercent: 6 }], { podErrorRunning: 0.92, podErrorWalking: 0.92 }),
      flatCurve,
    );
    uphill.meta = { ...uphill.meta, id: 'uphill', origin: 'bluetooth', podId: POD_ID, deviceName: 'Pod A' };
    await saveSession(uphill);
    const outcome = await services.calibration.correctRun('uphill', 5400, true);
    expect(outcome).to.deep.equal({
      ok: true,
      message:
        'This run now shows 5.40\u00a0km, as the treadmill did (it showed 4.96\u00a0km). ' +
        'This run was on an incline (up to 6 %), where a footpod reads differently than on the flat: its calibration stays as it was.',
    });
    expect(await storedCurve()).to.deep.equal(flatCurve);
    expect((await loadSession('uphill'))!.meta.distanceM).to.be.closeTo(5400, 1e-6);
  });

  it('keeps the factor for a pod the settings no longer list (another browser, a restored backup), as it says', async () => {
    const id = await recordedRun();
    const rawM = (await loadSession(id))!.samples.rawDistanceM.at(-1)!;
    await services.settings.update({ footpods: [] });
    const outcome = await services.calibration.correctRun(id, rawM * 0.95, false);
    expect(outcome.ok).to.equal(true);
    expect(outcome.message).to.match(/95\u00a0%/);
    const known = knownFootpod(services.settings.settings.footpods, POD_ID);
    expect(known?.name).to.equal('Pod A');
    expect(podCurve()).to.have.length(1);
    expect(podCurve()[0]!.factor).to.be.closeTo(0.95, 1e-9);
    expect((await storedCurve())[0]?.factor).to.be.closeTo(0.95, 1e-9);
  });

  it('refuses to correct the run being recorded: the recorder\'s next write would undo it, and the pod\'s factor would change mid-run', async () => {
    await storedBefore([{ podSpeedMps: 3, factor: 1 }]);
    await connected();
    await services.recording.start();
    run(0, 130, 3);
    const recorder = services.recording.recorder!;
    const durable = async () => (await loadSession(recorder.id))?.samples.t.length === recorder.sampleCount;
    await waitUntil(durable, 'every sample so far is stored', { timeout: 5000 });
    const before = (await loadSession(recorder.id))!;
    const outcome = await services.calibration.correctRun(recorder.id, before.meta.distanceM * 0.9, true);
    expect(outcome).to.deep.equal({ ok: false, message: recordingNowRefusal('changed') });
    expect(podCurve(), 'the pod keeps the factor the run is recorded with').to.deep.equal([{ podSpeedMps: 3, factor: 1 }]);
    expect(await storedCurve()).to.deep.equal([{ podSpeedMps: 3, factor: 1 }]);
    // The run goes on as one piece: no rows re-scaled before the next write and kept as they were after it.
    run(130, 30, 3);
    await waitUntil(durable, 'the next write is stored', { timeout: 5000 });
    const after = (await loadSession(recorder.id))!;
    const d = after.samples.distanceM;
    for (let i = 1; i < d.length; i++) expect(d[i]! - d[i - 1]!, `step at row ${i}`).to.be.within(2.9, 3.1);
    expect(after.meta.distanceM).to.be.closeTo(before.meta.distanceM + 30 * 3, 0.5);
  });

  it('refuses an imported run and a run that does not say which pod recorded it, in a sentence, and changes nothing', async () => {
    await connected();
    const imported = generatedSession({ id: 'imported', startedAt: Date.now() - 86_400_000, minutes: 5, cadenceBase: 170, speed: 3 });
    imported.meta.origin = 'import';
    await saveSession(imported);
    const noPodId = generatedSession({ id: 'older', startedAt: Date.now() - 2 * 86_400_000, minutes: 5, cadenceBase: 170, speed: 3 });
    await saveSession(noPodId);
    const rawLess = generatedSession({ id: 'raw-less', startedAt: Date.now() - 3 * 86_400_000, minutes: 5, cadenceBase: 170, speed: 3 });
    rawLess.meta.podId = POD_ID;
    await saveSession(rawLess);
    const footpodsBefore = services.settings.settings.footpods;
    for (const id of ['imported', 'older', 'raw-less']) {
      const outcome = await services.calibration.correctRun(id, 850, true);
      expect(outcome.ok, id).to.equal(false);
      expect(outcome.message, id).to.match(/^[A-Z].*\.$/);
    }
    expect((await services.calibration.correctRun('imported', 850, true)).message).to.match(/was imported/);
    expect((await services.calibration.correctRun('raw-less', 850, true)).message).to.match(/no raw footpod values/);
    expect((await services.calibration.correctRun('gone', 850, true)).message).to.match(/no longer stored/);
    expect(services.settings.settings.footpods).to.deep.equal(footpodsBefore);
    expect((await loadSession('imported'))!.meta.distanceM).to.equal(imported.meta.distanceM);
  });
});
