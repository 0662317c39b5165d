// The coach end to end: a footpod paired through Chromium's own Web Bluetooth stack sends
// 150 steps/min, its notifications go through the real parser, session, recorder and coaching
// rules, and the outputs write down what they would sound. The pod's clock moves a second per
// notification, so two minutes of running take a few seconds of test.
import { expect } from '@open-wc/testing';
import type { AppServices } from '../../src/services/services.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { appTheme } from '../support/app-theme.js';
import { teardownEmulatedFootpod } from '../support/emulated-footpod.js';
import type { RecordingOutput } from '../support/recording-outputs.js';
import { finishRun } from '../support/finish-run.js';
import { coachedServices, pairOnLivePage, podRun } from '../support/paired-live-page.js';

useSeparateDatabase('stride-test-live-page-coach');

describe('coaching a run from a footpod on the emulated Web Bluetooth stack', () => {
  let services: AppServices;
  let output: RecordingOutput;
  const clock = { ms: 0 };

  before(() => appTheme);
  afterEach(async () => {
    await finishRun(services);
    await teardownEmulatedFootpod();
  });

  it('cues a pod at 150 steps/min as low exactly once a minute over two minutes, and never while paused', async () => {
    ({ services, output } = await coachedServices(clock));
    const page = await pairOnLivePage(services);
    await services.coach.engine();
    await services.recording.start();

    const runFor = podRun(clock, 150, 1.12);
    await runFor(121); // session seconds 0 … 120
    const cues = () => output.played.filter((e) => e.kind === 'cue').map((e) => (e.kind === 'cue' ? [e.atS, e.direction, e.spoken] : []));
    expect(cues()).to.deep.equal([
      [60, 'low', 'Cadence 150. Quicker, shorter steps, landing under your hips.'],
      [120, 'low', 'Cadence 150. Quicker, shorter steps, landing under your hips.'],
    ]);
    expect(services.recording.recorder!.sampleCount).to.equal(121);

    services.recording.pause();
    await runFor(90);
    expect(cues(), 'none while paused').to.have.length(2);
    await page.updateComplete;
    await expect(page).to.be.accessible();
  });
});
