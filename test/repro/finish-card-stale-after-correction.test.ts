// Issue 17's finish card stays on the live page until the runner closes it or starts the next
// run, and offers "Open the run". On the run's page the runner corrects the distance from what
// the treadmill showed (Calibrate the footpod from this run → re-scale the run). The run now
// shows the treadmill's distance and the pace that goes with it, in History and on its page;
// back on the live page the card still shows the distance and pace of before.
// The run: 300 samples at 3 m/s, 170 steps/min; the pod counted 900 m (300 steps of 1 s at 3 m/s
// after the first sample) and the treadmill showed 1.00 km. After the correction the stored run
// says distanceM = 1000 (the correction's own message says "This run now shows 1.00 km").
// Expected: the card on screen says what the run's page says, 1.00 km (or is gone); actual: 0.90.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { type AppServices, createServices } from '../../src/services/services.js';
import { loadSession } from '../../src/store/session-store.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { finishRun } from '../support/finish-run.js';

useSeparateDatabase('stride-test-repro-finish-stale-correction');

describe('repro: the finish card after the run is corrected on its page', () => {
  let services: AppServices;
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('does not keep the distance the run no longer has', async () => {
    const pod = new ScriptedFootpod('Pod');
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 });
    await services.settings.load();
    await services.footpod.simulate();
    await services.recording.start();
    for (let t = 0; t <= 300; t++) pod.send(t, { cadence: 170, speedMps: 3 });
    const shown = new Promise((resolve) => services.finish.addEventListener('change', resolve, { once: true }));
    services.recording.stop();
    await shown;
    const card = services.finish.card!;
    const before = card.distanceM;

    const outcome = await services.calibration.correctRun(card.id, 1000, true);
    expect(outcome.ok, outcome.message).to.equal(true);
    const stored = (await loadSession(card.id))!.meta;
    expect(stored.distanceM, 'the run as its page shows it').to.be.closeTo(1000, 0.5);
    expect(services.finish.card, 'a card is still on the live page').to.not.equal(null);
    expect((services.finish.card!.distanceM / 1000).toFixed(2), `card distance (was ${(before / 1000).toFixed(2)} km)`).to.equal(
      (stored.distanceM / 1000).toFixed(2),
    );
  });
});
