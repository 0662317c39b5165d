// Recording the live run end to end in the browser: simulated footpod bytes → live session →
// recorder → SessionWriter → Chromium's real IndexedDB.
import { expect, waitUntil } from '@open-wc/testing';
import { createServices, type AppServices } from '../../src/services/services.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { clear } from 'idb-keyval';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { listSessions, loadSession } from '../../src/store/session-store.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { finishRun } from '../support/finish-run.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { leavingJournalPrefix } from '../../src/store/leaving-journal-key.js';

useSeparateDatabase('stride-test-recording-service');

let services: AppServices;
let pod: SimulatedFootpod;

async function connectedSimulator(options: { autoStart?: boolean; autoPauseAfterS?: number } = {}) {
  pod = new SimulatedFootpod({ seed: 11 });
  services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 });
  await services.settings.update({ autoStart: options.autoStart ?? false, autoPauseAfterS: options.autoPauseAfterS ?? 0 });
  await services.footpod.simulate();
  expect(services.recording.canRecord).to.equal(true);
}

/** A recording whose timer would not flush for an hour: only a write per sample makes samples durable. Its id. */
async function recordingWithoutTimedFlush(): Promise<string> {
  pod = new SimulatedFootpod({ seed: 11 });
  services = createServices({ simulator: () => pod }, { flushIntervalMs: 3_600_000 });
  await services.settings.update({ autoStart: false, autoPauseAfterS: 0 });
  await services.footpod.simulate();
  await services.recording.start();
  return services.recording.recorder!.id;
}

describe('RecordingService', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(async () => {
    // Let the last run finish writing, so it cannot land in the next test's cleared store.
    await finishRun(services);
  });

  it('records what the footpod sends and has it in IndexedDB within 2 s', async () => {
    await connectedSimulator();
    pod.emitSeconds(5); // before start: not recorded
    await services.recording.start();
    pod.emitSeconds(120);
    const recorder = services.recording.recorder!;
    expect(recorder.sampleCount).to.be.within(120, 122);
    const id = recorder.id;
    const started = performance.now();
    await waitUntil(async () => ((await loadSession(id))?.samples.t.length ?? 0) >= 120, 'durable', { timeout: 2000, interval: 50 });
    expect(performance.now() - started).to.be.below(2000);
    const stored = (await loadSession(id))!;
    expect(stored.meta.status).to.equal('recording');
    expect(Array.from(stored.samples.cadence.slice(0, 10))).to.deep.equal(Array.from(recorder.samples.cadence.slice(0, 10)));
  });

  it('writes each sample as it arrives, not at the next timed flush (a killed tab loses at most one)', async () => {
    const id = await recordingWithoutTimedFlush();
    for (let second = 1; second <= 3; second++) {
      pod.emitSeconds(1);
      const count = services.recording.recorder!.sampleCount;
      await waitUntil(async () => ((await loadSession(id))?.samples.t.length ?? 0) >= count, `sample ${count} durable`, { timeout: 1000, interval: 20 });
    }
  });

  it('as the page goes (pagehide), writes the samples waiting behind a write in flight', async () => {
    const id = await recordingWithoutTimedFlush();
    await waitUntil(async () => (await loadSession(id)) !== null, 'begun', { timeout: 1000, interval: 20 });
    pod.emitSeconds(5); // the first sample starts a write, the others wait for it
    const count = services.recording.recorder!.sampleCount;
    dispatchEvent(new PageTransitionEvent('pagehide'));
    services.recording.abandon(); // the page is gone: no queued write starts
    // As in a closed tab, this run cannot go on: afterEach gets an app with nothing running.
    services.footpod.disconnect();
    services = createServices();
    await waitUntil(async () => (await loadSession(id))?.samples.t.length === count, `all ${count} durable`, { timeout: 2000, interval: 20 });
    localStorage.removeItem(`${leavingJournalPrefix()}${id}`);
  });

  it('pauses, laps and stops into a complete session in the history index', async () => {
    await connectedSimulator();
    await services.recording.start();
    pod.emitSeconds(60);
    services.recording.lap();
    pod.emitSeconds(60);
    services.recording.pause();
    pod.emitSeconds(30); // paused: kept out
    services.recording.resume();
    pod.emitSeconds(30);
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
    const summary = (await listSessions()).find((s) => s.id === services.recording.recorder!.id);
    expect(summary!.status).to.equal('complete');
    expect(summary!.origin).to.equal('simulator');
    const stored = (await loadSession(summary!.id))!;
    expect(stored.meta.laps).to.have.length(1);
    expect(stored.meta.gaps.map((g) => g.reason)).to.deep.equal(['paused']);
    expect(stored.samples.t.length).to.be.within(148, 152);
    expect(stored.meta.movingS).to.be.within(145, 152);
  });

  it('starts by itself on the first running sample when auto-start is on', async () => {
    await connectedSimulator({ autoStart: true });
    expect(services.recording.state).to.equal('idle');
    pod.emitSeconds(3);
    await waitUntil(() => services.recording.state === 'recording', 'auto-started');
    pod.emitSeconds(3);
    expect(services.recording.recorder!.sampleCount).to.be.at.least(2);
  });

  it('keeps recording in memory when the disk is full, says so, and writes everything once space is back', async () => {
    await connectedSimulator();
    await services.recording.start();
    pod.emitSeconds(10);
    await waitUntil(async () => ((await loadSession(services.recording.recorder!.id))?.samples.t.length ?? 0) >= 10, 'first flush');
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      pod.emitSeconds(60);
      await waitUntil(() => services.recording.problem !== null, 'problem reported', { timeout: 3000 });
      expect(services.recording.problem).to.match(/disk is full/i);
      expect(services.recording.recorder!.sampleCount).to.be.within(70, 72);
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    await waitUntil(() => services.recording.problem === null, 'problem cleared', { timeout: 3000 });
    const id = services.recording.recorder!.id;
    await waitUntil(async () => ((await loadSession(id))?.samples.t.length ?? 0) === services.recording.recorder!.sampleCount, 'all written');
  });

  it("records nothing from before Start when the zones are edited before the run's first reading", async () => {
    const scripted = new ScriptedFootpod('Pod');
    services = createServices({ simulator: () => scripted }, { flushIntervalMs: 200 });
    await services.settings.update({ autoStart: false, autoPauseAfterS: 0 });
    await services.footpod.simulate();
    for (let t = 0; t <= 3; t++) scripted.send(t, { cadence: 175 });
    await services.recording.start();
    await services.settings.update({ zones: { buildingFrom: 150, targetFrom: 160, targetTo: 170 } });
    for (let t = 5; t <= 6; t++) scripted.send(t, { cadence: 175 });
    const recorder = services.recording.recorder!;
    expect(Array.from(recorder.samples.t), 'the run starts at its first reading after Start').to.deep.equal([0, 1]);
    expect(recorder.movingS).to.equal(1);
  });

  for (const [odometer, what] of [[300, '300 m'], [52_000, '52 km']] as const) {
    it(`re-pairing another pod mid-run counts its distance from its own first reading (its counter at ${what})`, async () => {
      const first = new ScriptedFootpod('Pod A');
      const second = new ScriptedFootpod('Pod B');
      const pods = [first, second];
      services = createServices({ simulator: () => pods.shift()! }, { flushIntervalMs: 200 });
      await services.footpod.simulate();
      await services.recording.start();
      for (let t = 0; t <= 200; t++) first.send(t, { totalDistanceM: 1000 + 3 * t });
      // A minute later the runner has paired Pod B, whose counter already reads more.
      await services.footpod.simulate();
      for (let t = 260; t <= 360; t++) second.send(t, { totalDistanceM: odometer + 3 * (t - 260) });
      expect(services.recording.recorder!.distanceM).to.equal(900);
      expect(services.footpod.session!.latest!.distanceM).to.equal(900);
    });
  }
});

describe('RecordingService: auto-start after a run, another pod, zones edited after Stop', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('records a second run started by running, after the first was stopped and the pod reconnected', async () => {
    const scripted = new ScriptedFootpod('Test pod');
    const first = await firstRunStoppedOnQuietPod(scripted);

    // Later: the pod was switched off and on, the runner connects it and runs again.
    services.footpod.disconnect();
    await services.footpod.simulate();
    scripted.send(0, { cadence: 0, speedMps: 0, isRunning: false });
    expect(services.recording.recorder, 'the saved run stays on screen until the next starts').to.equal(first);
    for (let t = 1; t <= 60; t++) scripted.send(t, { cadence: 172, speedMps: 3.1 });
    expect(services.recording.state, 'run 2 started by itself').to.equal('recording');
    const second = services.recording.recorder!;
    expect(second).to.not.equal(first);
    expect(second.movingS).to.equal(59);
    const savedAgain = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await savedAgain;
    const stored = await listSessions();
    expect(stored.map((s) => [s.id, s.status]).sort()).to.deep.equal(
      [
        [first.id, 'complete'],
        [second.id, 'complete'],
      ].sort(),
    );
    expect((await loadSession(second.id))!.samples.t.length, 'every second of run 2 written').to.equal(60);
  });

  /** Run 1, started by running and stopped while running on a pod that sends nothing while still: the run stopped. */
  async function firstRunStoppedOnQuietPod(scripted: ScriptedFootpod) {
    services = createServices({ simulator: () => scripted }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
    await services.settings.update({ smoothingS: 0, autoStart: true, autoPauseAfterS: 0 });
    await services.footpod.simulate();
    scripted.send(0, { cadence: 170, speedMps: 3 });
    await waitUntil(() => services.recording.recorder !== null, 'the recording code loaded');
    for (let t = 1; t <= 60; t++) scripted.send(t, { cadence: 170, speedMps: 3 });
    expect(services.recording.state, 'run 1 started by itself').to.equal('recording');
    const first = services.recording.recorder!;
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
    return first;
  }
  const runTwo = (first: unknown) => (services.recording.recorder === first ? 'still the stopped run' : services.recording.state);

  it('records the next run when a pod silent while still is connected again, though it never sent a standing reading', async () => {
    const scripted = new ScriptedFootpod('Quiet pod');
    const first = await firstRunStoppedOnQuietPod(scripted);
    services.footpod.disconnect();
    await services.footpod.simulate();
    for (let t = 0; t <= 60; t++) scripted.send(t, { cadence: 172, speedMps: 3.1 });
    expect(runTwo(first), 'run 2').to.equal('recording');
  });

  it('records the next run after the pod was silent for ten minutes on the same connection', async () => {
    const scripted = new ScriptedFootpod('Quiet pod');
    const first = await firstRunStoppedOnQuietPod(scripted);
    for (let t = 660; t <= 720; t++) scripted.send(t, { cadence: 172, speedMps: 3.1 });
    expect(runTwo(first), 'run 2').to.equal('recording');
  });

  it('starts no run after a silence shorter than five seconds of the pod, as a link dropping a few readings on the belt', async () => {
    const scripted = new ScriptedFootpod('Quiet pod');
    const first = await firstRunStoppedOnQuietPod(scripted);
    for (let t = 64; t <= 90; t++) scripted.send(t, { cadence: 172, speedMps: 3.1 });
    expect(runTwo(first), 'after 4 s without readings').to.equal('still the stopped run');
  });

  it('starts no run when the link drops a second and reconnects by itself while the runner still jogs the belt down', async () => {
    const scripted = new ScriptedFootpod('Blipping pod');
    const first = await firstRunStoppedOnQuietPod(scripted);
    scripted.send(61, { cadence: 160, speedMps: 2.5 });
    scripted.send(62, { cadence: 160, speedMps: 2.5 });
    scripted.dropAndReconnectByItself();
    for (let t = 64; t <= 90; t++) scripted.send(t, { cadence: 160, speedMps: 2.5 });
    expect(runTwo(first), 'after a link blip of 2 s').to.equal('still the stopped run');
  });

  it('records the next run when the link reconnects by itself after 5 s of silence', async () => {
    const scripted = new ScriptedFootpod('Blipping pod');
    const first = await firstRunStoppedOnQuietPod(scripted);
    scripted.dropAndReconnectByItself();
    for (let t = 66; t <= 100; t++) scripted.send(t, { cadence: 172, speedMps: 3.1 });
    expect(runTwo(first), 'run 2').to.equal('recording');
  });

  it('records an auto-started run under the pod that sent it, after switching pods', async () => {
    const podA = new ScriptedFootpod('Pod A');
    podA.info.deviceId = 'pod-a';
    const podB = new ScriptedFootpod('Pod B');
    podB.info.deviceId = 'pod-b';
    const pods = [podA, podB];
    services = createServices({ simulator: () => pods.shift()! }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
    await services.settings.update({ smoothingS: 0, autoStart: true, autoPauseAfterS: 0 });
    await services.footpod.simulate();
    // Pod A sends while the runner stands about: auto-start waits.
    podA.send(0, { cadence: 0, speedMps: 0, isRunning: false });
    await waitUntil(() => services.recording.recorder !== null, 'the recording code loaded');
    podA.send(1, { cadence: 0, speedMps: 0, isRunning: false });
    // The runner switches to pod B and runs.
    services.footpod.disconnect();
    await services.footpod.simulate();
    for (let t = 0; t <= 30; t++) podB.send(t, { cadence: 172, speedMps: 3.1 });
    expect(services.recording.state).to.equal('recording');
    const meta = services.recording.recorder!.meta();
    expect(meta.deviceName).to.equal('Pod B');
    expect(meta.podId ?? '', 'the pod whose curve the run belongs to').to.contain('pod-b');
  });

  it('keeps the stopped run’s time in zone as saved when the zones are edited after Stop', async () => {
    const scripted = new ScriptedFootpod('Test pod');
    services = createServices({ simulator: () => scripted }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
    await services.settings.update({ smoothingS: 0, autoStart: false, autoPauseAfterS: 0 });
    await services.footpod.simulate();
    await services.recording.start();
    for (let t = 0; t <= 30; t++) scripted.send(t, { cadence: 175, speedMps: 3.125 });
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
    // After the run the runner moves the target up for next time.
    await services.settings.update({ zones: { buildingFrom: 168, targetFrom: 178, targetTo: 188 } });
    const [stored] = await listSessions();
    expect(stored!.zoneTimes.target, 'the saved run').to.equal(30);
    expect(services.recording.recorder!.meta().zoneTimes, 'the stopped run on screen').to.deep.equal(stored!.zoneTimes);
  });
});
