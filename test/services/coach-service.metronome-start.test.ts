// The rate the metronome starts at, through the app's services: from the runner's running cadence
// (seconds stood or walked left out, the last running cadence on a walk break), a rate chosen with
// −/+ before Start kept into the run, and a fresh decision after Stop and save.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { metronomeRate } from '../../src/coach/metronome-rate.js';
import { type AppServices, createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { type FakeCoachEngine, fakeCoachEngine } from '../support/fake-coach-engine.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { finishRun } from '../support/finish-run.js';
import { ProgramCoach } from '../../src/services/program-coach.js';

useSeparateDatabase('stride-test-coach-service-metronome-start');

let services: AppServices;
let pod: ScriptedFootpod;
let engine: FakeCoachEngine;

/** Services with the pod connected and the real start-rate rule; no plan, no rate of the runner's own. */
async function connected(): Promise<void> {
  pod = new ScriptedFootpod('Pod');
  engine = { ...fakeCoachEngine(), metronomeRate };
  services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => engine);
  await services.settings.load();
  await services.footpod.simulate();
  await services.coach.engine();
}

async function stopAndSave(): Promise<void> {
  const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
  services.recording.stop();
  await saved;
}

const startedAt = () => engine.metronome.starts.at(-1)?.rateSpm;

describe('CoachService: the metronome’s start rate', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  for (const [before, cadence, speed] of [['standing', 0, 0], ['walking', 120, 1.4]] as const) {
    it(`is the running cadence a few seconds into running, not a mean with the ${before} before it`, async () => {
      await connected();
      await services.recording.start();
      let t = 0;
      for (; t < 7; t++) pod.send(t, { cadence, speedMps: speed, isRunning: false });
      for (; t < 10; t++) pod.send(t, { cadence: 170, speedMps: 3, isRunning: true });
      // The 10 s mean would be (7 × 0 + 3 × 170) / 10 = 51 or (7 × 120 + 3 × 170) / 10 = 135, both 140.
      expect(services.coach.metronomeRateSpm, 'the button').to.equal(170);
      await services.coach.toggleMetronome();
      expect(startedAt(), 'M starts at').to.equal(170);
    });
  }

  for (const brk of ['walking', 'paused'] as const) {
    it(`keeps to 5 % above the last running cadence when pressed on a break (${brk})`, async () => {
      await connected();
      await services.recording.start();
      let t = 0;
      for (; t < 120; t++) pod.send(t, { cadence: 158, speedMps: 2.8 });
      if (brk === 'paused') services.recording.pause();
      for (const end = t + 5; t < end; t++) {
        pod.send(t, brk === 'walking' ? { cadence: 115, speedMps: 1.4, isRunning: false } : { cadence: 0, speedMps: 0, isRunning: false });
      }
      // No plan and no rate of their own: the cadence they run at (the zone's 175 would be 11 % above).
      expect(services.coach.metronomeRateSpm, 'the button').to.equal(158);
      await services.coach.toggleMetronome();
      expect(startedAt(), 'M starts at').to.equal(158);
    });
  }

  it('is the plan’s target capped at 5 % above the last running cadence, on a break', async () => {
    await connected();
    const { coach, plan } = services.settings.settings;
    await services.settings.update({
      coach: { ...coach, metronome: { ...coach.metronome, followPlan: true } },
      plan: { ...plan, accepted: [{ targetFrom: 170, targetTo: 180, atMs: Date.now() }] },
    });
    expect(services.coach.metronomeRateSpm, 'no running yet: the plan’s target').to.equal(175);
    await services.recording.start();
    let t = 0;
    for (; t < 60; t++) pod.send(t, { cadence: 158, speedMps: 2.8 });
    for (const end = t + 5; t < end; t++) pod.send(t, { cadence: 0, speedMps: 0, isRunning: false });
    expect(services.coach.metronomeRateSpm, '158 × 1.05 = 165.9').to.equal(165);
  });

  it('keeps a rate chosen with −/+ before Start into the run', async () => {
    await connected();
    let t = 0;
    for (; t < 15; t++) pod.send(t, { cadence: 160 });
    expect(services.coach.metronomeRateSpm, 'before any press: the cadence').to.equal(160);
    services.coach.nudgeMetronome(1);
    services.coach.nudgeMetronome(1);
    expect(services.coach.metronomeRateSpm, 'two presses of +').to.equal(164);

    await services.recording.start();
    for (; t < 20; t++) pod.send(t, { cadence: 160 });
    expect(services.coach.metronomeRateSpm, 'the button after Start').to.equal(164);
    await services.coach.toggleMetronome();
    expect(startedAt(), 'the rate M starts').to.equal(164);
  });

  for (const how of ['M', 'Stop and save'] as const) {
    it(`follows the cadence again once the metronome is stopped by ${how}`, async () => {
      await connected();
      await services.recording.start();
      let t = 0;
      for (; t < 15; t++) pod.send(t, { cadence: 160 });
      await services.coach.toggleMetronome();
      expect(startedAt()).to.equal(160);
      for (; t < 60; t++) pod.send(t, { cadence: 170 });
      if (how === 'M') await services.coach.toggleMetronome();
      else await stopAndSave();
      for (; t < 75; t++) pod.send(t, { cadence: 170 });
      expect(services.coach.metronomeOn).to.equal(false);
      expect(services.coach.metronomeRateSpm, 'the button once stopped').to.equal(170);
      await services.coach.toggleMetronome();
      expect(startedAt(), 'M starts at').to.equal(170);
    });
  }

  it('starts the next run from its own cadence after a rate chosen with −/+ in the last one', async () => {
    await connected();
    await services.recording.start();
    let t = 0;
    for (; t < 15; t++) pod.send(t, { cadence: 160 });
    await services.coach.toggleMetronome();
    services.coach.nudgeMetronome(1);
    expect(services.coach.metronomeRateSpm).to.equal(162);
    await stopAndSave();
    for (; t < 30; t++) pod.send(t, { cadence: 166 });
    expect(services.coach.metronomeRateSpm, 'after Stop and save').to.equal(166);
  });
});

describe('CoachService: a program run guides the metronome', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => {
    services.coach.guide(null);
    return finishRun(services);
  });

  // The program starts and stops it at its target: the runner's toggle and −/+ (from any page or
  // key) must not fight it. The rate said is the program's, on or off.
  it('toggle and −/+ do nothing while a program session guides it; its rate is the session\'s target', async () => {
    await connected();
    await services.recording.start();
    services.coach.guide(new ProgramCoach(172, () => services.settings.settings.coach));
    await services.coach.toggleMetronome();
    services.coach.nudgeMetronome(1);
    expect(engine.metronome.starts, 'not started by hand').to.have.length(0);
    expect(services.coach.metronomeRateSpm).to.equal(172);
  });
});
