// The test page's side of test/support/app-frame.ts: opens the app in an iframe and reloads it for
// real. The frame is same-origin, so the test reaches its services and clock directly.
//
//   const { frame, app } = await openAppFrame('stride-test-soak');
//   await clickInApp(frame, 'stride-live-page >>> stride-connection-panel >>> #pair');
//   const reloaded = await reloadAppFrame(frame);   // a new document: new services, same store
import { waitUntil } from '@open-wc/testing';
import type { AppFrame } from './app-frame.js';
import { clickAsRunnerAt } from './emulated-footpod.js';

const appIn = (frame: HTMLIFrameElement): AppFrame | undefined =>
  (frame.contentWindow as (Window & { stridewiseFrame?: AppFrame }) | null)?.stridewiseFrame;

async function started(frame: HTMLIFrameElement, before: AppFrame | undefined, what: string): Promise<AppFrame> {
  await waitUntil(() => appIn(frame) !== undefined && appIn(frame) !== before, what, { timeout: 20_000, interval: 20 });
  const app = appIn(frame)!;
  await app.started;
  return app;
}

/**
 * The app in an iframe that fills the test page's viewport, started, on the IndexedDB database `database`.
 * `errors` collects what the app sent to the console, across reloads.
 */
export async function openAppFrame(database: string): Promise<{ frame: HTMLIFrameElement; app: AppFrame; errors: string[] }> {
  const errors: string[] = [];
  (window as Window & { stridewiseFrameErrors?: string[] }).stridewiseFrameErrors = errors;
  const frame = document.createElement('iframe');
  // Filling the viewport, so whatever the app scrolls into view can be clicked.
  frame.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;border:0;background:white';
  frame.src = `/test/support/app-frame.html?database=${encodeURIComponent(database)}`;
  document.body.append(frame);
  return { frame, app: await started(frame, undefined, 'the app frame started'), errors };
}

/** Reloads the frame's document as the browser's reload button does, and waits for the new app to start. */
export async function reloadAppFrame(frame: HTMLIFrameElement): Promise<AppFrame> {
  const before = appIn(frame);
  frame.contentWindow!.location.reload();
  return started(frame, before, 'the app frame started again after the reload');
}

/** The element at `path` in the frame's document; `a >>> b` is b in a's shadow root. */
function find(frame: HTMLIFrameElement, path: string): Element | null {
  let root: ParentNode | null | undefined = frame.contentDocument;
  let found: Element | null = null;
  for (const selector of path.split('>>>').map((part) => part.trim())) {
    found = root?.querySelector(selector) ?? null;
    root = found?.shadowRoot;
  }
  return found;
}

/**
 * Clicks what `path` finds in the app's frame with a real mouse click (so the app gets a user
 * activation, as from a runner), once it is drawn and enabled: the app may still be starting.
 */
export async function clickInApp(frame: HTMLIFrameElement, path: string): Promise<void> {
  const ready = (): boolean => {
    const found = find(frame, path);
    return found !== null && !(found as HTMLButtonElement).disabled;
  };
  await waitUntil(ready, `${path} drawn and enabled in the app`, { timeout: 10_000, interval: 20 });
  const element = find(frame, path)!;
  element.scrollIntoView({ block: 'center' });
  const box = element.getBoundingClientRect();
  const inPage = frame.getBoundingClientRect();
  await clickAsRunnerAt(inPage.left + box.left + box.width / 2, inPage.top + box.top + box.height / 2);
}

/**
 * A click on an empty corner of the app, before one that must open the device chooser. A click
 * in an iframe tells Chromium's browser process of the user activation on one channel while
 * requestDevice asks on another, and now and then (one run in five here) the request arrives
 * first and is refused ("Must be handling a user gesture") though the page saw the click. With
 * the frame already activated by this click, the next click's request always finds it.
 */
export async function activateApp(frame: HTMLIFrameElement): Promise<void> {
  const inPage = frame.getBoundingClientRect();
  await clickAsRunnerAt(inPage.left + 2, inPage.top + 2);
}
