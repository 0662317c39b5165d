// The coach during a run, through the app's services: live readings from a pod go to the real
// coaching rules, and their events to outputs that write them down (test/support/recording-outputs).
import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import type { CoachEngine } from '../../src/services/coach-service.js';
import { type AppServices, createServices } from '../../src/services/services.js';
import { CoachRules } from '../../src/coach/coach-rules.js';
import { metronomeRate } from '../../src/coach/metronome-timing.js';
import { defaultCoachSettings } from '../../src/session/coach-settings.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { RecordingMetronome, RecordingOutput, RecordingWakeLock } from '../support/recording-outputs.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { finishRun } from '../support/finish-run.js';

useSeparateDatabase('stride-test-coach-service');

let services: AppServices;
let pod: ScriptedFootpod;
let output: RecordingOutput;
let metronome: RecordingMetronome;
let wakeLock: RecordingWakeLock;

async function coachedRun(): Promise<void> {
  pod = new ScriptedFootpod('Pod');
  output = new RecordingOutput();
  metronome = new RecordingMetronome();
  wakeLock = new RecordingWakeLock();
  const engine: CoachEngine = {
    rules: new CoachRules(defaultCoachSettings, defaultCadenceZones, undefined, () => 0.5),
    output,
    metronome,
    wakeLock,
    metronomeRate,
  };
  services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => engine);
  await services.settings.load();
  await services.footpod.simulate();
  await services.coach.engine();
}

const checkIns = () => output.played.filter((e) => e.kind === 'check-in').map((e) => e.atS);

/** Resolves once the stopped run is stored, so the next run starts with the store quiet. */
async function stopAndSave(): Promise<void> {
  const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
  services.recording.stop();
  await saved;
}

const cues = () => output.played.filter((e) => e.kind === 'cue').map((e) => [e.atS, e.kind === 'cue' ? e.direction : '']);

describe('CoachService', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(async () => {
    await finishRun(services);
  });

  it('cues a steady 150 steps/min as low once a minute, and never while the recording is paused', async () => {
    await coachedRun();
    await services.recording.start();
    for (let t = 0; t <= 130; t++) pod.send(t, { cadence: 150 });
    expect(cues()).to.deep.equal([[60, 'low'], [120, 'low']]);
    services.recording.pause();
    for (let t = 131; t <= 400; t++) pod.send(t, { cadence: 150 });
    expect(cues()).to.have.length(2);
    services.recording.resume();
    for (let t = 401; t <= 420; t++) pod.send(t, { cadence: 150 });
    // out of zone counts again from the resume: 10 s later the next cue is due
    expect(cues().at(-1)).to.deep.equal([411, 'low']);
    expect(services.coach.lastCue?.cadence).to.equal(150);
  });

  it('starts the coach afresh for a second run in the same page: warm-up, check-in schedule and cues', async () => {
    await coachedRun();
    // Check-ins that stay until dismissed, so it is the Stop that takes this one away.
    const { coach } = services.settings.settings;
    await services.settings.update({ coach: { ...coach, checkIns: { ...coach.checkIns, fadeAfterS: 0 } } });
    await services.recording.start();
    // Run 1: 7 minutes in the target zone, a check-in at 5 minutes, no cue.
    for (let t = 0; t <= 420; t++) pod.send(t, { cadence: 172 });
    expect(cues()).to.deep.equal([]);
    expect(checkIns()).to.deep.equal([300]);
    await stopAndSave();
    expect(services.coach.checkIn, 'gone with the run at Stop and save').to.equal(null);

    // Run 2 on the same pod, same page, same services: the pod's clock runs on.
    await services.recording.start();
    expect(services.coach.checkIn, 'a new run shows no check-in of the last one').to.equal(null);
    for (let t = 421; t <= 421 + 310; t++) pod.send(t, { cadence: 150 });
    // Low from its first second, but cued only after the warm-up (60 s of running), then once a minute.
    expect(cues()[0]).to.deep.equal([421 + 60, 'low']);
    // The first check-in after 5 minutes of this run's running, not 3 (the rest of run 1's interval).
    expect(checkIns()).to.deep.equal([300, 421 + 300]);
    expect(services.recording.recorder!.meta().checkIns!.map((c) => c.t)).to.deep.equal([300]);
  });

  it('starts the coach afresh for a new connection, before any recording', async () => {
    await coachedRun();
    for (let t = 0; t <= 400; t++) pod.send(t, { cadence: 172 });
    expect(checkIns()).to.deep.equal([300]);
    services.footpod.disconnect();
    await services.footpod.simulate();
    // The new live session's clock starts at 0 again.
    for (let t = 0; t <= 70; t++) pod.send(t, { cadence: 150 });
    expect(cues()).to.deep.equal([[60, 'low']]);
  });

  it('says nothing when muted, but still shows and logs the check-in', async () => {
    await coachedRun();
    await services.coach.setMuted(true);
    await services.recording.start();
    for (let t = 0; t <= 310; t++) pod.send(t, { cadence: 150 });
    expect(output.played).to.deep.equal([]);
    expect(services.coach.checkIn?.id).to.be.a('string');
    expect(services.recording.recorder!.meta().checkIns).to.deep.equal([{ t: 300, promptId: services.coach.checkIn!.id }]);
    services.coach.dismissCheckIn();
    expect(services.coach.checkIn).to.equal(null);
    await services.coach.setMuted(false);
    // the rules kept their minute while muted (cues fell at 60 … 300), so the next one is at 360
    for (let t = 311; t <= 370; t++) pod.send(t, { cadence: 150 });
    expect(cues()).to.deep.equal([[360, 'low']]);
  });

  it('starts the metronome at the middle of the target zone and follows edited zones and settings', async () => {
    await coachedRun();
    expect(services.coach.metronomeRateSpm).to.equal(175);
    await services.coach.toggleMetronome();
    expect(services.coach.metronomeOn).to.equal(true);
    expect(metronome.calls[0]).to.deep.equal(['start', { rateSpm: 175, everyStep: true, volume: 0.6 }]);
    await services.settings.update({ zones: { buildingFrom: 158, targetFrom: 166, targetTo: 176 } });
    expect(metronome.calls.at(-1)).to.deep.equal(['update', { rateSpm: 171, everyStep: true, volume: 0.6 }]);
    // following the plan: the accepted step's target, not today's zones
    await services.settings.update({
      coach: { ...services.settings.settings.coach, metronome: { ...services.settings.settings.coach.metronome, followPlan: true } },
      plan: { ...services.settings.settings.plan, accepted: [{ targetFrom: 168, targetTo: 178, atMs: Date.now() }] },
    });
    expect(services.coach.metronomeRateSpm).to.equal(173);
    expect(metronome.calls.at(-1)).to.deep.equal(['update', { rateSpm: 173, everyStep: true, volume: 0.6 }]);
    await services.coach.setMuted(true);
    expect(services.coach.metronomeOn, 'mute silences the metronome too').to.equal(false);
  });

  it('starts the metronome at most 5 % above the runner’s cadence, and −/+ moves it 2 steps/min from the next beat', async () => {
    await coachedRun();
    await services.settings.update({
      coach: { ...services.settings.settings.coach, metronome: { ...services.settings.settings.coach.metronome, followPlan: true } },
      plan: { ...services.settings.settings.plan, accepted: [{ targetFrom: 170, targetTo: 180, atMs: Date.now() }] },
    });
    expect(services.coach.metronomeRateSpm, 'the plan’s target before a cadence').to.equal(175);
    for (let t = 0; t <= 20; t++) pod.send(t, { cadence: 158 });
    expect(services.coach.metronomeRateSpm, '158 × 1.05 = 165.9, rounded down').to.equal(165);
    await services.coach.toggleMetronome();
    expect(metronome.calls[0]).to.deep.equal(['start', { rateSpm: 165, everyStep: true, volume: 0.6 }]);
    // Decided once: a runner speeding up does not drag the metronome along.
    for (let t = 21; t <= 40; t++) pod.send(t, { cadence: 170 });
    expect(services.coach.metronomeRateSpm).to.equal(165);
    services.coach.nudgeMetronome(1);
    expect(metronome.calls.at(-1)).to.deep.equal(['update', { rateSpm: 167, everyStep: true, volume: 0.6 }]);
    services.coach.nudgeMetronome(-1);
    services.coach.nudgeMetronome(-1);
    expect(services.coach.metronomeRateSpm).to.equal(163);
    await services.coach.toggleMetronome();
    await services.coach.toggleMetronome();
    expect(metronome.calls.at(-1), 'the rate the runner chose, started again').to.deep.equal(['start', { rateSpm: 163, everyStep: true, volume: 0.6 }]);
  });

  it('keeps the screen awake while a pod is connected or the treadmill screen is open', async () => {
    await coachedRun();
    await waitUntil(() => wakeLock.state === 'held', 'held while connected');
    services.footpod.disconnect();
    await waitUntil(() => wakeLock.state === 'released', 'released once the pod is gone');
    services.coach.setTreadmillScreen(true);
    await waitUntil(() => wakeLock.state === 'held', 'held for the treadmill screen');
    services.coach.setTreadmillScreen(false);
    await waitUntil(() => wakeLock.state === 'released', 'released when it closes');
  });
});
