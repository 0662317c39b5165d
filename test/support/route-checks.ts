// What the route-by-route checks (phone widths, themes) need: the routes with something each
// page shows once loaded, the whole app to go through them, a query through shadow roots, and the
// touch targets under 44 px.

import { createServices } from '../../src/services/services.js';
import '../../src/app/stride-app.js';
import type { StrideApp } from '../../src/app/stride-app.js';

/** Each route, and selectors (searched through shadow roots) that are all there once its page has loaded. */
export const routesToCheck: ReadonlyArray<{ path: string; ready: string[] }> = [
  { path: '/', ready: ['stride-connection-panel'] },
  { path: '/treadmill', ready: ['stride-treadmill-page .screen'] },
  { path: '/history', ready: ['stride-history-page tbody tr + tr'] },
  { path: '/history/tempo', ready: ['stride-session-page stride-session-chart'] },
  { path: '/compare/easy/tempo', ready: ['stride-compare-page #pace-chart', 'stride-compare-page #pick-b option + option'] },
  { path: '/weeks', ready: ['stride-weeks-page table'] },
  { path: '/program', ready: ['stride-program-page #begin'] },
  { path: '/program/why', ready: ['stride-program-why-page h1'] },
  { path: '/workouts', ready: ['stride-workouts-page stride-workout-list', 'stride-workouts-page #new-workout'] },
  { path: '/settings', ready: ['stride-settings-page fieldset'] },
];

/** Every element matching `selector` in `root` and in every shadow root below it. */
export function deepQueryAll(root: Element | ShadowRoot | Document, selector: string): Element[] {
  const found: Element[] = [...root.querySelectorAll(selector)];
  const walk = (node: Element | ShadowRoot | Document) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.shadowRoot) {
        found.push(...el.shadowRoot.querySelectorAll(selector));
        walk(el.shadowRoot);
      }
    }
  };
  if (root instanceof Element && root.shadowRoot) {
    found.push(...root.shadowRoot.querySelectorAll(selector));
    walk(root.shadowRoot);
  }
  walk(root);
  return found;
}

/**
 * `host inner` finds `inner` inside the shadow root of a `host` anywhere below root; a plain
 * selector is searched through every shadow root.
 */
export function deepQuery(root: Element, selector: string): Element | null {
  const [host, ...rest] = selector.split(' ');
  if (rest.length === 0) return deepQueryAll(root, selector)[0] ?? null;
  for (const el of deepQueryAll(root, host!)) {
    const inner = el.shadowRoot?.querySelector(rest.join(' ')) ?? null;
    if (inner) return inner;
  }
  return null;
}

const TARGET_PX = 44;
const controls = 'button, a[href], input:not([type="hidden"]), select, textarea, summary';

/** The box a tap lands on: a checkbox or radio button's label is its target. */
function hitArea(control: Element): DOMRect {
  const input = control as HTMLInputElement;
  const label = input.type === 'checkbox' || input.type === 'radio' || input.type === 'file' ? control.closest('label') : null;
  return (label ?? control).getBoundingClientRect();
}

/** WCAG 2.5.5 leaves out a link inside a sentence: it is sized by the text around it. */
function inSentence(control: Element): boolean {
  if (control.localName !== 'a' || getComputedStyle(control).display !== 'inline') return false;
  const own = (control.textContent ?? '').trim().length;
  return (control.parentElement?.textContent ?? '').trim().length > own;
}

/** Controls that are shown but smaller than 44 x 44 px, described for a failure message. */
export function targetsTooSmall(root: Element): string[] {
  const small: string[] = [];
  for (const control of deepQueryAll(root, controls)) {
    const own = control.getBoundingClientRect();
    if (own.width === 0 && own.height === 0) continue;
    if (getComputedStyle(control).visibility === 'hidden' || inSentence(control)) continue;
    const box = hitArea(control);
    if (box.width < TARGET_PX - 0.5 || box.height < TARGET_PX - 0.5) {
      const name = (control.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30) || control.getAttribute('aria-label') || control.id;
      small.push(`${control.localName}${control.id ? '#' + control.id : ''} "${name}" ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return small;
}

/**
 * The whole app, header and navigation included, in the page: not a fixture (those are removed
 * after each test), since one app goes through every route. `unmount` puts the test page's
 * address back, which the router changed.
 */
export async function mountWholeApp(): Promise<{ app: StrideApp; unmount: () => void }> {
  const startUrl = location.href;
  const services = createServices();
  await services.settings.load();
  const app = document.createElement('stride-app');
  app.services = services;
  document.body.append(app);
  await app.updateComplete;
  return {
    app,
    unmount: () => {
      app.remove();
      history.replaceState(null, '', startUrl);
    },
  };
}
