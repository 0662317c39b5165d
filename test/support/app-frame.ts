// The app started as main.ts starts it (src/app/start-up.ts), in an iframe a test can really
// reload: a new document and a fresh JavaScript realm on the same IndexedDB and the same Bluetooth
// permissions, as a runner's reload or reopened tab has. Two differences from main.ts, both so a
// long run takes seconds: the live page is the whole page, and the footpod stamps notifications
// with `clock`, which the test moves a second per notification (it starts from zero on every load,
// as performance.now() does). See openAppFrame in test/support/app-frame-host.ts.
import { RunsInOtherTabs } from '../../src/services/runs-in-other-tabs.js';
import { createServices, type AppServices } from '../../src/services/services.js';
import { startUp } from '../../src/app/start-up.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { WebBluetoothFootpod } from '../../src/sources/web-bluetooth-footpod.js';

export interface AppFrame {
  services: AppServices;
  clock: { ms: number };
  /** Start-up as main.ts does it: migrations, the remembered pod, settings, unfinished runs. */
  started: Promise<boolean>;
}

// What would reach the console (console.error, an uncaught error, an unhandled rejection) goes to
// the test page too, since a reload wipes this realm and the test runner only watches its own page.
const host = parent as Window & { stridewiseFrameErrors?: string[] };
const report = (text: string): void => void host.stridewiseFrameErrors?.push(text);
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  report(args.map(String).join(' '));
  consoleError(...args);
};
addEventListener('error', (event) => report(`uncaught: ${event.message}`));
addEventListener('unhandledrejection', (event) => report(`unhandled rejection: ${String(event.reason)}`));

const database = new URLSearchParams(location.search).get('database');
if (database) useSeparateDatabase(database);
const clock = { ms: 0 };
const services = createServices(
  { bluetooth: () => new WebBluetoothFootpod(undefined, { retryDelaysMs: [10, 50, 100, 200, 400, 800], now: () => clock.ms }) },
  { otherTabs: new RunsInOtherTabs() },
);
const page = document.createElement('stride-live-page') as StrideLivePage;
page.style.width = '1000px';
page.services = services;
document.body.append(page);
(window as unknown as { stridewiseFrame: AppFrame }).stridewiseFrame = { services, clock, started: startUp(services) };
