// A recorded run through Chromium's own Web Bluetooth stack with forced disconnects and a real
// reload: what the soak test (short) and `npm run bench -- soak` (long) both drive. The app runs
// in an iframe started as main.ts starts it (test/support/app-frame.ts); the pod's clock moves a
// second per notification, so an hour of running takes seconds. Every notification is a real GATT
// read answered by the emulated pod, every drop a real 'gattserverdisconnected', every reconnect
// the link's own retry through a new GATT connection, discovery and subscription, and the reload
// is the frame's document reloaded, after which the runner clicks what the app offers.
import { waitUntil } from '@open-wc/testing';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import type { AppServices } from '../../src/services/services.js';
import type { SessionGap } from '../../src/session/recorded-session.js';
import { loadSession } from '../../src/store/session-store.js';
import type { AppFrame } from './app-frame.js';
import { activateApp, clickInApp, openAppFrame, reloadAppFrame } from './app-frame-host.js';
import { answerChooserWith, dropLink, sendMeasurements } from './emulated-footpod.js';

const LIVE = 'stride-live-page >>> ';
const PAIR = `${LIVE}stride-connection-panel >>> #pair`;
const RECONNECT = `${LIVE}stride-connection-panel >>> #reconnect`;
const START = `${LIVE}stride-recording-controls >>> #start`;
const RESUME_RECORDING = `${LIVE}stride-recording-controls >>> #resume`;
const RESUME_UNFINISHED = `${LIVE}stride-recovery-prompt >>> #resume-unfinished`;

export interface SoakPlan {
  /** The IndexedDB database the app in the frame uses (the test page's own, useSeparateDatabase). */
  database: string;
  /** Forced disconnects, each followed by the link's own reconnect. */
  disconnects: number;
  /** Notifications (one a second of pod time) before the first drop, between drops and after the last. */
  samplesPerStretch: number;
  /** Pod time that passes while the link is down. */
  outageS: number;
  /** The app's page reloads a stretch after each of these drops; the runner resumes the run and reconnects. */
  reloadAfter: readonly number[];
  /** Called between stretches, e.g. to sample the heap (of the frame's app: `app`). */
  between?: (stretch: number, app: AppFrame) => void | Promise<void>;
}

export interface SoakResult {
  /** The app after the reload, its run stopped and saved; the frame is removed by closeSoak. */
  services: AppServices;
  frame: HTMLIFrameElement;
  id: string;
  /** Notifications the pod sent while the run was recording: each must be a stored sample. */
  expected: number;
  stored: number;
  /** Every stored gap, and the stored sample times around each outage. */
  gaps: SessionGap[];
  t: number[];
  /** Where a gap belongs: between these stored sample indexes (one per drop, one for the reload). */
  breaks: number[];
  /** The stored sample indexes the reloads' gaps come before. */
  reloadAt: number[];
  /** Samples the recorder had before a reload that the reloaded app did not find stored, over all reloads. */
  lostAtReload: number;
  wallMs: number;
  /** What the app sent to the console (console.error, uncaught errors), before and after the reload. */
  consoleErrors: string[];
}

const reading = (i: number) =>
  encodeRscMeasurement({ speedMps: 3, cadence: 170 + (i % 7), strideLengthM: 1.06, totalDistanceM: 3 * i, isRunning: true });

async function waitForState(services: AppServices, state: string, what: string): Promise<void> {
  await waitUntil(() => services.footpod.source?.state === state, what, { timeout: 10_000, interval: 5 }).catch(() => {
    const source = services.footpod.source;
    throw new Error(`${what}: the footpod is ${source ? `${source.state} (${source.message ?? 'no message'})` : 'not there'}`);
  });
}

/**
 * Drops the link and waits until the footpod was 'reconnecting' and is connected again. The
 * states are watched as they change: a quick retry can be over before a poll would look.
 */
export async function dropAndReconnect(services: AppServices, what: string): Promise<void> {
  const source = services.footpod.source!;
  let sawReconnecting = false;
  const watch = () => (sawReconnecting ||= source.state === 'reconnecting');
  source.addEventListener('statechange', watch);
  try {
    await dropLink();
    await waitUntil(() => sawReconnecting && source.state === 'connected', `${what}: reconnected (${source.state})`, { timeout: 10_000, interval: 5 });
  } finally {
    source.removeEventListener('statechange', watch);
  }
}

/** Needs setupEmulatedFootpod done; ends with the run saved (closeSoak removes the frame). */
export async function soakRun(plan: SoakPlan): Promise<SoakResult> {
  const started = performance.now();
  const { frame, app: first, errors } = await openAppFrame(plan.database);
  let app = first;
  const appWindow = frame.contentWindow!;
  await answerChooserWith('select');
  await activateApp(frame);
  await clickInApp(frame, PAIR);
  await waitForState(app.services, 'connected', 'paired');
  await clickInApp(frame, START);
  await waitUntil(() => app.services.recording.state === 'recording', 'recording', { timeout: 10_000, interval: 5 });
  let sent = 0;
  let lostAtReload = 0;
  const breaks: number[] = [];
  const reloadAt: number[] = [];
  const stretch = async (): Promise<void> => {
    const packets = Array.from({ length: plan.samplesPerStretch }, (_, i) => reading(sent + i));
    await sendMeasurements(packets, (i) => {
      if (i > 0) app.clock.ms += 1000;
    }, {}, appWindow);
    sent += packets.length;
    const recorder = app.services.recording.recorder!;
    const recorded = sent - lostAtReload;
    await waitUntil(() => recorder.sampleCount === recorded, `recorded ${recorded} (has ${recorder.sampleCount})`, { timeout: 10_000, interval: 5 });
  };

  await stretch();
  for (let drop = 1; drop <= plan.disconnects; drop++) {
    await plan.between?.(drop, app);
    breaks.push(sent - lostAtReload);
    await dropAndReconnect(app.services, `drop ${drop}`);
    // The pod was away this long: its next notification is stamped after the outage.
    app.clock.ms += plan.outageS * 1000;
    app.clock.ms += 1000;
    await stretch();
    if (plan.reloadAfter.includes(drop)) {
      // Reloaded straight after the last sample arrived, with no wait for the store: what the
      // writer has not saved by the time the page goes is lost, and the test counts it.
      app = await reloadAppFrame(frame);
      await clickInApp(frame, RESUME_UNFINISHED);
      await clickInApp(frame, RECONNECT);
      await waitForState(app.services, 'connected', 'reconnected after the reload');
      await clickInApp(frame, RESUME_RECORDING);
      await waitUntil(() => app.services.recording.state === 'recording', 'recording again after the reload', { timeout: 10_000, interval: 5 });
      lostAtReload = sent - app.services.recording.recorder!.sampleCount;
      reloadAt.push(sent - lostAtReload);
      breaks.push(sent - lostAtReload);
      await stretch();
    }
  }
  await plan.between?.(plan.disconnects + 1, app);
  const { services } = app;
  const id = services.recording.recorder!.id;
  const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
  services.recording.stop();
  await saved;
  const stored = (await loadSession(id))!;
  return {
    services,
    frame,
    id,
    expected: sent,
    stored: stored.samples.t.length,
    gaps: stored.meta.gaps,
    t: Array.from(stored.samples.t),
    breaks,
    reloadAt,
    lostAtReload,
    wallMs: performance.now() - started,
    consoleErrors: errors,
  };
}

/** Disconnects the app's pod and removes its frame. */
export function closeSoak(result: SoakResult): void {
  result.services.footpod.disconnect();
  result.frame.remove();
}
