// The footpod service hands the live session what the pod's RSC Feature says about its
// walking/running bit. A pod without the status (bit 2 clear) sends "walking" in every measurement;
// its rows are judged by cadence and speed (session/gait.ts), so the recording, the summary, the
// plan, the coach, auto-start and auto-pause all see a run at 3.2 m/s and 172 steps/min as a run.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import type { CoachEngine } from '../../src/services/coach-service.js';
import { type AppServices, createServices } from '../../src/services/services.js';
import type { CoachEvent } from '../../src/coach/coach-events.js';
import { CoachRules } from '../../src/coach/coach-rules.js';
import { metronomeRate } from '../../src/coach/metronome-timing.js';
import { defaultCoachSettings } from '../../src/session/coach-settings.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { runningTargetShare } from '../../src/session/running-time-in-zone.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { finishRun } from '../support/finish-run.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-test-footpod-service');

/** RSC Feature: stride length and total distance supported, walking/running status not (bit 2 clear). */
const featureWithoutStatus = () => new DataView(new Uint8Array([0x03, 0x00]).buffer);

let services: AppServices;
let pod: ScriptedFootpod;
const played: CoachEvent[] = [];

async function open(): Promise<void> {
  pod = new ScriptedFootpod('Pod without running status');
  pod.info.feature = featureWithoutStatus();
  const fake = fakeCoachEngine();
  const engine: CoachEngine = {
    ...fake,
    rules: new CoachRules(defaultCoachSettings, defaultCadenceZones, undefined, () => 0),
    output: { play: (event) => void played.push(event), hush: () => undefined },
    metronomeRate,
  };
  services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => engine);
  await services.settings.update({ smoothingS: 0, autoStart: false, autoPauseAfterS: 0 });
  await services.footpod.simulate();
  await services.coach.engine();
}

describe('FootpodService: a pod whose feature bits lack the walking/running status', () => {
  beforeEach(async () => {
    played.length = 0;
    await clear(kvStore());
  });
  afterEach(() => finishRun(services));

  it('stores 20 min at 3.2 m/s and 172 steps/min as a run: average cadence 172, 100% of running in 170–180', async () => {
    await open();
    await services.recording.start();
    // Every measurement says "walking": the pod has no such status to send.
    for (let t = 0; t <= 1200; t++) pod.send(t, { cadence: 172, speedMps: 3.2, isRunning: false });
    const meta = services.recording.recorder!.meta();
    expect(meta.avgCadence, 'average cadence of a 5:13/km run').to.be.closeTo(172, 0.01);
    expect(runningTargetShare([meta], defaultCadenceZones).share, 'share of running in 170–180').to.equal(1);
  });

  it('gives a low-cadence cue after the warm-up when running 3.2 m/s at 150 steps/min, and a check-in at 5 min', async () => {
    await open();
    await services.recording.start();
    for (let t = 0; t <= 360; t++) pod.send(t, { cadence: 150, speedMps: 3.2, isRunning: false });
    expect(played.some((e) => e.kind === 'cue' && e.direction === 'low'), 'a low cue').to.equal(true);
    expect(played.some((e) => e.kind === 'check-in'), 'a check-in by 6 min').to.equal(true);
  });

  it('with auto-pause at 10 s and auto-start on, records a 10-minute run at 3.2 m/s as 10 min of moving time', async () => {
    await open();
    await services.settings.update({ autoStart: true, autoPauseAfterS: 10 });
    for (let t = 0; t <= 600; t++) {
      pod.send(t, { cadence: 172, speedMps: 3.2, isRunning: false });
      // The recording code loads on the first reading; let it.
      if (t === 0) await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(services.recording.state, 'auto-start starts a run at 3.2 m/s').to.equal('recording');
    expect(services.recording.recorder!.movingS).to.be.closeTo(600, 2);
  });

  it('with auto-pause at 10 s, does not pause a run going on at 3.2 m/s (started by hand)', async () => {
    await open();
    await services.settings.update({ autoPauseAfterS: 10 });
    await services.recording.start();
    for (let t = 0; t <= 120; t++) pod.send(t, { cadence: 172, speedMps: 3.2, isRunning: false });
    expect(services.recording.state, 'still recording after 2 min at 5:13/km').to.equal('recording');
    expect(services.recording.recorder!.movingS).to.be.closeTo(120, 1);
  });
});

describe('FootpodService: a pod whose feature bits promise the walking/running status', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('keeps the pod’s own word: "walking" at 172 steps/min is stored as walking', async () => {
    pod = new ScriptedFootpod('Pod with running status');
    pod.info.feature = new DataView(new Uint8Array([0x07, 0x00]).buffer);
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
    await services.settings.update({ smoothingS: 0, autoStart: false, autoPauseAfterS: 0 });
    await services.footpod.simulate();
    await services.recording.start();
    for (let t = 0; t <= 60; t++) pod.send(t, { cadence: 172, speedMps: 3.2, isRunning: false });
    expect(services.footpod.session!.runningStatus).to.equal('reported');
    expect(services.recording.recorder!.meta().avgCadence, 'no running seconds').to.equal(0);
  });

  it('learns the feature bits when they arrive after connecting', async () => {
    pod = new ScriptedFootpod('Pod read late');
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
    await services.footpod.simulate();
    expect(services.footpod.session!.runningStatus, 'not read yet').to.equal(null);
    pod.info.feature = featureWithoutStatus();
    pod.dispatchEvent(new Event('info'));
    expect(services.footpod.session!.runningStatus).to.equal('not-reported');
  });
});
