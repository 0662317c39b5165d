// Entry point: create the services, hand them to the shell, then load what was saved.
import { RunsInOtherTabs } from '../services/runs-in-other-tabs.js';
import { createServices } from '../services/services.js';
import { takeFilesFromOutside } from './launch-queue.js';
import { startUp, whenIdle } from './start-up.js';
import './stride-app.js';
import { followTheme } from './theme.js';

// `?pod=strides` makes "Try without a footpod" a pod that counts strides, to show how that is handled.
const stridesDemo = new URLSearchParams(location.search).get('pod') === 'strides';
// Only one tab records and holds the footpod at a time; the others offer to take over.
const otherTabs = 'locks' in navigator && 'BroadcastChannel' in window ? new RunsInOtherTabs() : null;
const services = createServices(
  stridesDemo
    ? { simulator: async () => new (await import('../sources/simulated-footpod.js')).SimulatedFootpod({ cadenceUnit: 'strides' }) }
    : {},
  { otherTabs },
);
followTheme(services.settings);
const app = document.querySelector('stride-app');
// Evaluating the code is one task; drawing the first page waits for the next, so the browser can
// paint and take input in between instead of being blocked for both at once.
await new Promise((resolve) => setTimeout(resolve));
if (app) app.services = services;

// Files opened with the installed app or shared to it wait for the store to be ready.
takeFilesFromOutside(services, startUp(services));

// Set by build.mjs: true in the production build, false in the watch build (no service worker there).
declare const STRIDE_SERVICE_WORKER: boolean;

// The service worker and the update banner come after the page has loaded and the browser is
// idle: nothing of them is needed to start, so they stay out of the first load.
async function offerUpdates(): Promise<void> {
  const { watchForUpdates } = await import('./update-offer.js');
  if (app) app.updates = watchForUpdates(services.recording, otherTabs);
}
if (typeof STRIDE_SERVICE_WORKER !== 'undefined' && STRIDE_SERVICE_WORKER && 'serviceWorker' in navigator) {
  const start = (): void => whenIdle(() => void offerUpdates().catch(() => undefined));
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}
