// A recorded run through Chromium's own Web Bluetooth stack with forced disconnects and a reload:
// what the soak test (short) and `npm run bench -- soak` (long) both drive. The pod's clock moves
// a second per notification, so an hour of running takes seconds; every notification is a real
// GATT read answered by the emulated pod, every drop a real 'gattserverdisconnected' and every
// reconnect the link's own retry through a new GATT connection, discovery and subscription.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { createServices, type AppServices } from '../../src/app/services.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import type { SessionGap } from '../../src/session/recorded-session.js';
import { WebBluetoothFootpod } from '../../src/sources/web-bluetooth-footpod.js';
import { loadSession } from '../../src/store/session-store.js';
import { answerChooserWith, clickAsRunner, dropLink, sendMeasurements } from './emulated-footpod.js';

const PAIR = 'stride-live-page >>> stride-connection-panel >>> #pair';

export interface SoakPlan {
  /** Forced disconnects, each followed by the link's own reconnect. */
  disconnects: number;
  /** Notifications (one a second of pod time) before the first drop, between drops and after the last. */
  samplesPerStretch: number;
  /** Pod time that passes while the link is down. */
  outageS: number;
  /** The page reloads (a new app on the same store, the run picked up again) a stretch after this drop. */
  reloadAfter: number;
  /** Called between stretches, e.g. to sample the heap. */
  between?: (stretch: number) => void | Promise<void>;
}

export interface SoakResult {
  services: AppServices;
  id: string;
  /** Notifications the pod sent while the run was recording: each must be a stored sample. */
  expected: number;
  stored: number;
  /** Every stored gap, and the stored sample times around each outage. */
  gaps: SessionGap[];
  t: number[];
  /** Where a gap belongs: between these stored sample indexes (one per drop, one for the reload). */
  breaks: number[];
  /** The stored sample index the reload's gap comes before. */
  reloadAt: number;
  wallMs: number;
  /** What the page wrote to console.error meanwhile. */
  consoleErrors: string[];
}

const reading = (i: number) =>
  encodeRscMeasurement({ speedMps: 3, cadence: 170 + (i % 7), strideLengthM: 1.06, totalDistanceM: 3 * i, isRunning: true });

/** Opens the live page on fresh services whose footpod stamps notifications with `clock`. */
async function openApp(clock: { ms: number }): Promise<{ services: AppServices; page: StrideLivePage }> {
  const services = createServices({
    bluetooth: () => new WebBluetoothFootpod(undefined, { retryDelaysMs: [10, 50, 100, 200, 400, 800], now: () => clock.ms }),
  });
  await services.settings.load();
  const page = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
  return { services, page };
}

async function waitForState(services: AppServices, state: string, what: string): Promise<void> {
  await waitUntil(() => services.footpod.source?.state === state, what, { timeout: 10_000, interval: 5 });
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

/** Needs setupEmulatedFootpod done; leaves the run recording (finishRun ends it). */
export async function soakRun(plan: SoakPlan): Promise<SoakResult> {
  const consoleErrors: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    consoleErrors.push(args.map(String).join(' '));
    consoleError(...args);
  };
  try {
    return { ...(await soak(plan)), consoleErrors };
  } finally {
    console.error = consoleError;
  }
}

async function soak(plan: SoakPlan): Promise<Omit<SoakResult, 'consoleErrors'>> {
  const started = performance.now();
  let clock = { ms: 0 };
  let { services, page } = await openApp(clock);
  await answerChooserWith('select');
  await clickAsRunner(PAIR);
  await waitForState(services, 'connected', 'paired');
  await services.recording.start();
  let sent = 0;
  const breaks: number[] = [];
  let reloadAt = -1;
  const stretch = async (): Promise<void> => {
    const packets = Array.from({ length: plan.samplesPerStretch }, (_, i) => reading(sent + i));
    await sendMeasurements(packets, (i) => {
      if (i > 0) clock.ms += 1000;
    });
    sent += packets.length;
    const recorder = services.recording.recorder!;
    await waitUntil(() => recorder.sampleCount === sent, `recorded ${sent} (has ${recorder.sampleCount})`, { timeout: 10_000, interval: 5 });
  };

  await stretch();
  for (let drop = 1; drop <= plan.disconnects; drop++) {
    await plan.between?.(drop);
    breaks.push(sent);
    await dropAndReconnect(services, `drop ${drop}`);
    // The pod was away this long: its next notification is stamped after the outage.
    clock.ms += plan.outageS * 1000;
    clock.ms += 1000;
    await stretch();
    if (drop === plan.reloadAfter) {
      const id = services.recording.recorder!.id;
      // Everything the writer had is durable before the reload (what a kill loses is another test's).
      await waitUntil(async () => (await loadSession(id))?.samples.t.length === sent, 'flushed before the reload', { timeout: 10_000 });
      services.recording.abandon();
      services.footpod.disconnect();
      page.remove();
      // After a reload the monotonic clock starts again from zero.
      clock = { ms: 0 };
      ({ services, page } = await openApp(clock));
      await services.recording.checkUnfinished();
      await services.recording.resumeUnfinished(id);
      await services.footpod.findRemembered();
      await services.footpod.reconnectRemembered();
      await waitForState(services, 'connected', 'reconnected after the reload');
      services.recording.resume();
      reloadAt = sent;
      breaks.push(sent);
      await stretch();
    }
  }
  await plan.between?.(plan.disconnects + 1);
  const id = services.recording.recorder!.id;
  const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
  services.recording.stop();
  await saved;
  const stored = (await loadSession(id))!;
  return {
    services,
    id,
    expected: sent,
    stored: stored.samples.t.length,
    gaps: stored.meta.gaps,
    t: Array.from(stored.samples.t),
    breaks,
    reloadAt,
    wallMs: performance.now() - started,
  };
}
