// "Try without a footpod", then "Add a simulated treadmill and strap", then the baseline test: with
// a treadmill paired the test is judged on the treadmill's own speed (the belt is the truth), so
// the simulated belt must be the program's belt, not the simulator's 60-minute run, or the runner
// who tries everything the live page offers gets a test that does not count. Taps on the live
// page as the runner makes them; every second of the pod, the belt and the strap goes through
// their bytes and the app's parsers, in step (the pod's second first, as a belt carries the runner).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import '../../src/pages/stride-live-page.js';
import '../../src/pages/stride-program-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import type { StrideProgramPage } from '../../src/pages/stride-program-page.js';
import { type AppServices, createServices } from '../../src/services/services.js';
import type { SimulatedSensor } from '../../src/sources/simulated-sensor.js';
import { bpmForSpeed } from '../../src/sources/simulated-heart-rate.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { finishProgramRun } from '../support/finish-program-run.js';

useSeparateDatabase('stride-test-program-simulated-belt');

const TEST_MPS = 10 / 3.6;
/** Half the FTMS speed step (0.01 km/h): a belt speed sent in bytes is this close to the one set. */
const FTMS_HALF_STEP_MPS = 0.005 / 3.6;
const WARM_UP_S = 300;
const MAIN_S = 300;

let services: AppServices;

const $ = (root: Element | null | undefined, selector: string): HTMLElement | null => root?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const text = (root: Element | null | undefined, selector: string): string | null => $(root, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

/** The live page's two taps: the simulated pod, then the simulated treadmill and strap beside it. */
async function simulateEverything(): Promise<void> {
  const live = await fixture<StrideLivePage>(html`<stride-live-page .services=${services}></stride-live-page>`);
  await live.updateComplete;
  $($(live, 'stride-connection-panel'), '#simulate')!.click();
  await waitUntil(() => services.footpod.source?.state === 'connected', 'the pod connected', { timeout: 5000 });
  $($(live, '#sensors'), 'summary')!.click();
  await waitUntil(() => $($(live, 'stride-live-sensors'), '#simulate-sensors') !== null, 'the offer of a simulated treadmill and strap', { timeout: 5000 });
  $($(live, 'stride-live-sensors'), '#simulate-sensors')!.click();
  await waitUntil(() => services.sensors.source('treadmill')?.state === 'connected' && services.sensors.source('heart-rate')?.state === 'connected', 'the treadmill and strap connected', { timeout: 5000 });
  live.remove();
}

describe('a program test with the simulated footpod, treadmill and strap', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(async () => {
    for (const sensor of ['treadmill', 'heart-rate'] as const) services.sensors.disconnect(sensor);
    await finishProgramRun(services);
  });

  it('the baseline counts: the belt runs at the test speed, level, and the strap follows it', async function () {
    this.timeout(60_000);
    services = createServices({}, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
    await services.settings.load();
    await simulateEverything();
    const pod = services.footpod.source as unknown as SimulatedSensor;
    const belt = services.sensors.source('treadmill') as SimulatedSensor;
    const strap = services.sensors.source('heart-rate') as SimulatedSensor;

    await services.program.begin();
    await services.program.setTestSpeed(TEST_MPS);
    await services.program.startNext();
    await services.recording.start();
    const beltSpeeds: number[] = [];
    const inclines: number[] = [];
    let heartRate = Number.NaN;
    for (let s = 0; s < WARM_UP_S + MAIN_S + 60; s++) {
      pod.emitSeconds(1);
      belt.emitSeconds(1);
      strap.emitSeconds(1);
      const channels = services.footpod.session!.latestChannels;
      if (s >= WARM_UP_S + 30 && s < WARM_UP_S + MAIN_S) {
        beltSpeeds.push(channels.treadmillSpeedMps ?? Number.NaN);
        inclines.push(channels.inclinePercent ?? Number.NaN);
      }
      if (s === WARM_UP_S + MAIN_S - 1) heartRate = channels.heartRate ?? Number.NaN;
      if (s % 60 === 59) await new Promise((resolve) => setTimeout(resolve));
    }
    // Judged on these: the belt held at the test speed to the byte's resolution, and level.
    for (const speed of beltSpeeds) expect(Math.abs(speed - TEST_MPS), `belt ${speed} m/s`).to.be.at.most(FTMS_HALF_STEP_MPS + 1e-9);
    expect([...new Set(inclines)], 'the incline during the test').to.deep.equal([0]);
    // Five minutes at the test speed: a heart settled on that pace's rate (a beat of noise).
    expect(heartRate, 'heart rate at the end of the test').to.be.closeTo(bpmForSpeed(TEST_MPS), 2);

    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
    await waitUntil(() => services.program.active === null, 'the test was measured', { timeout: 10_000 });
    const program = await fixture<StrideProgramPage>(html`<stride-program-page .services=${services}></stride-program-page>`);
    await waitUntil(() => $(program, '#reveal-kept') !== null || $(program, '#reveal-why') !== null, 'the result shown', { timeout: 5000 });
    expect(text(program, '#reveal-heading'), text(program, '#reveal-why') ?? '').to.equal('Baseline test done');
    expect(text(program, '#reveal-kept')).to.equal("Measured over 5 of the test's minutes.");
    program.remove();
  });
});
