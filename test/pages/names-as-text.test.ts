// Names a runner typed or a file carried are shown as text on every page that lists or opens a
// session: markup in them is never parsed, so an <img onerror> cannot run and nothing is inserted.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-compare-page.js';
import '../../src/pages/stride-history-page.js';
import '../../src/pages/stride-session-page.js';
import type { StrideComparePage } from '../../src/pages/stride-compare-page.js';
import type { StrideHistoryPage } from '../../src/pages/stride-history-page.js';
import type { StrideSessionPage } from '../../src/pages/stride-session-page.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
import { generatedSession } from '../support/generated-sessions.js';

const MARKUP = `<img src=x onerror="window.__namesRan=1"><b>bold</b>`;
const NAME = `${MARKUP} "quoted" 'single' \u0007bell ${'very long '.repeat(40)}end`;
const DEVICE = `Pod <img src=x onerror="window.__namesRan=1"> & "co"`;
const start = new Date(2025, 5, 2, 6, 45).getTime();
const hostile = generatedSession({ id: 'hostile', startedAt: start, minutes: 3, cadenceBase: 170, speed: 3, name: NAME, deviceName: DEVICE });
const plain = generatedSession({ id: 'plain', startedAt: start + 86_400_000, minutes: 3, cadenceBase: 172, speed: 3.1, name: 'Plain' });

/** Every element under `root`, through open shadow roots. */
function allElements(root: Element | ShadowRoot): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...allElements(element.shadowRoot));
  }
  return found;
}

/** All text under `node`, through open shadow roots. */
function allText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  const shadow = node instanceof Element && node.shadowRoot ? allText(node.shadowRoot) : '';
  return shadow + [...node.childNodes].map(allText).join('');
}

async function expectShownAsText(page: Element, expected: string[]): Promise<void> {
  // Give a parsed <img> time to fail its load and run onerror.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const elements = allElements(page.shadowRoot!);
  expect(elements.some((e) => e.localName === 'img' || e.localName === 'b')).to.equal(false);
  expect((window as { __namesRan?: number }).__namesRan).to.equal(undefined);
  const text = allText(page);
  for (const part of expected) expect(text.includes(part), `"${part}" shown as text`).to.equal(true);
}

describe('names with markup, quotes, control characters and long text are shown as text', () => {
  before(() => useSeparateDatabase('stride-test-names-as-text'));
  beforeEach(async () => {
    await clear(kvStore());
    for (const session of [hostile, plain]) await saveSession(session);
  });

  it('on the history page', async () => {
    const services = createServices();
    const page = await fixture<StrideHistoryPage>(html`<stride-history-page .services=${services}></stride-history-page>`);
    await waitUntil(() => services.history.loaded, 'the list was read');
    await page.updateComplete;
    await expectShownAsText(page, [MARKUP, '"quoted"']);
  });

  it('on the session page', async () => {
    const services = createServices();
    const page = await fixture<StrideSessionPage>(html`<stride-session-page .services=${services} .sessionId=${'hostile'}></stride-session-page>`);
    await waitUntil(() => page.opened !== null, 'the session was opened');
    await page.updateComplete;
    await expectShownAsText(page, [MARKUP, `'single'`, 'end', DEVICE]);
  });

  it('on the compare page', async () => {
    const services = createServices();
    const page = await fixture<StrideComparePage>(
      html`<stride-compare-page .services=${services} .sessionA=${'hostile'} .sessionB=${'plain'}></stride-compare-page>`,
    );
    await waitUntil(() => page.openedA !== null && page.openedB !== null && services.history.loaded, 'both sessions opened');
    await page.updateComplete;
    await expectShownAsText(page, [MARKUP]);
  });
});
