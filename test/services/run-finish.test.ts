// The finish card's run, through the app's services: the run just stopped, even with auto-start
// on and the runner still on the belt; and the run as it is now, after a correction on its page,
// a switch of unit or a delete.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { type AppServices, createServices } from '../../src/services/services.js';
import { loadSession } from '../../src/store/session-store.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { finishRun } from '../support/finish-run.js';

useSeparateDatabase('stride-test-run-finish');

let services: AppServices;
let pod: ScriptedFootpod;

async function connected(settings: { autoStart?: boolean; autoPauseAfterS?: number } = {}): Promise<void> {
  pod = new ScriptedFootpod('Pod');
  services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 });
  await services.settings.load();
  await services.settings.update(settings);
  await services.footpod.simulate();
}

/** Records `seconds` at `speedMps` and 170 steps/min from t = 0, stops it and waits for its card. */
async function finishedRun(seconds: number, speedMps: number): Promise<void> {
  await services.recording.start();
  for (let t = 0; t <= seconds; t++) pod.send(t, { cadence: 170, speedMps });
  const shown = new Promise((resolve) => services.finish.addEventListener('change', resolve, { once: true }));
  services.recording.stop();
  await shown;
}

const settle = () => new Promise((r) => setTimeout(r, 300));

describe('RunFinish', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('shows the run stopped while the runner is still on the belt with auto-start on, until they stand and run again', async () => {
    await connected({ autoStart: true });
    await services.recording.start();
    let t = 0;
    for (; t <= 300; t++) pod.send(t, { cadence: 170, speedMps: 3 });
    const runId = services.recording.recorder!.id;
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    // Still running for the three seconds it takes to step off the belt.
    for (const end = t + 3; t < end; t++) {
      pod.send(t, { cadence: 170, speedMps: 3 });
      await settle();
    }
    await saved;
    await settle();
    expect(services.recording.state, 'no run of three seconds started by itself').to.equal('stopped');
    expect(services.finish.card?.id, 'the card of the run stopped').to.equal(runId);
    expect(services.finish.card?.movingS).to.equal(300);

    // Off the belt, then running again: auto-start starts the next run, and the card goes with it.
    for (const end = t + 4; t < end; t++) pod.send(t, { cadence: 0, speedMps: 0, isRunning: false });
    expect(services.recording.state, 'standing').to.equal('stopped');
    for (const end = t + 3; t < end; t++) pod.send(t, { cadence: 170, speedMps: 3 });
    expect(services.recording.state, 'running again').to.equal('recording');
    expect(services.recording.recorder!.id).to.not.equal(runId);
    expect(services.finish.card).to.equal(null);
  });

  it('stays on the run stopped while a slow jogger runs the belt down, their cadence wobbling around the walk line', async () => {
    await connected({ autoStart: true, autoPauseAfterS: 0 });
    await services.recording.start();
    let t = 0;
    for (; t <= 300; t++) pod.send(t, { cadence: t % 2 ? 141 : 143, speedMps: 2.6, isRunning: false });
    const runId = services.recording.recorder!.id;
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
    // 2.0 m/s and a cadence of 141, 139, 141, ...: judged walking every other second (gaitOf).
    for (const end = t + 10; t < end; t++) {
      pod.send(t, { cadence: t % 2 ? 139 : 141, speedMps: 2.0, isRunning: false });
      await settle();
    }
    for (const end = t + 3; t < end; t++) pod.send(t, { cadence: 0, speedMps: 0, isRunning: false });
    await settle();
    expect(services.recording.recorder?.id === runId ? 'the stopped run' : `a new run (${services.recording.state})`).to.equal('the stopped run');
    expect(services.finish.card?.id, 'the card of the run stopped').to.equal(runId);
  });

  it('shows the distance the run’s page shows after the run is corrected there, and closes when the run is deleted', async () => {
    await connected();
    // The pod counted 900 m; the treadmill showed 1.00 km.
    await finishedRun(300, 3);
    const card = services.finish.card!;
    expect((card.distanceM / 1000).toFixed(2)).to.equal('0.90');

    const outcome = await services.calibration.correctRun(card.id, 1000, true);
    expect(outcome.ok, outcome.message).to.equal(true);
    const stored = (await loadSession(card.id))!.meta;
    expect(stored.distanceM, 'the run as its page shows it').to.be.closeTo(1000, 0.5);
    expect(services.finish.card!.distanceM, 'the card').to.equal(stored.distanceM);
    expect(services.finish.card!.avgSpeedMps).to.be.closeTo(1000 / 300, 0.01);

    await services.history.remove(card.id);
    expect(services.finish.card, 'the run was deleted').to.equal(null);
  });

  it('says the matched pace in the unit chosen after the run', async () => {
    await connected();
    // 3.2 m/s: band 6, 3.0–3.5 m/s.
    await finishedRun(120, 3.2);
    expect(services.finish.card!.matched.sentence).to.contain('at 5:33–4:45/km');
    await services.settings.update({ distanceUnit: 'mi' });
    // 1609.344 / 3.0 = 536.4 s = 8:56 and 1609.344 / 3.5 = 459.8 s = 7:39 (cut to the second, as times are).
    expect(services.finish.card!.matched.sentence).to.contain('at 8:56–7:39/mi');
  });
});
