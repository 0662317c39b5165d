// The start of a run as the end-to-end coach tests live it: services whose coach is real (rules at
// their defaults) but whose outputs write down what they would sound, and a pod paired on the live
// page through Chromium's own Web Bluetooth stack. The pod's clock is the test's `clock.ms`, so a
// test moves time a notification at a time.
//
//   const { services, output } = await coachedServices(clock);
//   const page = await pairOnLivePage(services);
//   const runFor = podRun(clock, 150, 1.12);
import { fixture, html, waitUntil } from '@open-wc/testing';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { CoachRules } from '../../src/coach/coach-rules.js';
import { metronomeRate } from '../../src/coach/metronome-timing.js';
import type { Metronome } from '../../src/outputs/outputs.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import type { CoachEngine } from '../../src/services/coach-service.js';
import { type AppServices, createServices } from '../../src/services/services.js';
import { defaultCoachSettings } from '../../src/session/coach-settings.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { WebBluetoothFootpod } from '../../src/sources/web-bluetooth-footpod.js';
import { answerChooserWith, clickAsRunner, sendMeasurement, setupEmulatedFootpod, teardownEmulatedFootpod } from './emulated-footpod.js';
import { finishRun } from './finish-run.js';
import { RecordingMetronome, RecordingOutput, RecordingWakeLock } from './recording-outputs.js';

const PAIR = 'stride-live-page >>> stride-connection-panel >>> #pair';
/** The live page's Stop button, as a runner clicks it. */
export const LIVE_STOP = 'stride-live-page >>> stride-recording-controls >>> #stop';

/** Services with settings loaded; pass a real metronome where its clicks are what the test checks. */
export async function coachedServices(
  clock: { ms: number },
  metronome: Metronome = new RecordingMetronome(),
): Promise<{ services: AppServices; output: RecordingOutput }> {
  const output = new RecordingOutput();
  const engine: CoachEngine = {
    rules: new CoachRules(defaultCoachSettings, defaultCadenceZones),
    output,
    metronome,
    wakeLock: new RecordingWakeLock(),
    metronomeRate,
  };
  const services = createServices(
    { bluetooth: () => new WebBluetoothFootpod(undefined, { retryDelaysMs: [50], now: () => clock.ms }) },
    {},
    async () => engine,
  );
  await services.settings.load();
  return { services, output };
}

/** Starts the emulated pod 'Stryd', pairs it as a runner would on a 1000 px live page, and waits until connected. */
export async function pairOnLivePage(services: AppServices): Promise<StrideLivePage> {
  await setupEmulatedFootpod({ name: 'Stryd' });
  const page = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
  await answerChooserWith('select');
  await clickAsRunner(PAIR);
  await waitUntil(() => services.footpod.source?.state === 'connected', 'connected', { timeout: 5000 });
  return page;
}

/**
 * A runner at 2.8 m/s on the paired pod: `runFor(seconds)` sends a notification a second and moves
 * `clock` on by it; `eachSecond` then runs (a metronome's timer, say) before the next.
 */
export function podRun(clock: { ms: number }, cadence: number, strideLengthM: number, eachSecond: () => void = () => {}): (seconds: number) => Promise<void> {
  let distance = 0;
  return async (seconds: number): Promise<void> => {
    for (let s = 0; s < seconds; s++) {
      distance += 2.8;
      await sendMeasurement(encodeRscMeasurement({ speedMps: 2.8, cadence, strideLengthM, totalDistanceM: distance, isRunning: true }));
      clock.ms += 1000;
      eachSecond();
    }
  };
}

/** Presses Start on the paired live page as a runner would and waits until it records. */
export async function startOnLivePage(services: AppServices): Promise<void> {
  await clickAsRunner('stride-live-page >>> stride-recording-controls >>> #start');
  await waitUntil(() => services.recording.state === 'recording', 'recording', { timeout: 5000 });
}

/** After a program run on the emulated pod: the program gone, the run finished, the pod torn down. */
export async function endProgramOnPod(services: AppServices): Promise<void> {
  await services.program.reset();
  await finishRun(services);
  await teardownEmulatedFootpod();
}
