import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { clear } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-compare-page.js';
import type { StrideComparePage } from '../../src/pages/stride-compare-page.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
import { appTheme } from '../support/app-theme.js';
import { generatedSession } from '../support/generated-sessions.js';

const start = new Date(2025, 5, 2, 6, 45).getTime();
/** 200 characters in words, and 200 in one word (a pasted link, a name typed without spaces). */
const wordyName = 'Sunday long run along the river and back, easy and conversational, '.repeat(4).slice(0, 200);
const oneWordName = 'IntervalsSixByEightHundred'.repeat(8).slice(0, 200);
const long = generatedSession({ id: 'long', startedAt: start, minutes: 12, cadenceBase: 166, speed: 3, name: wordyName });
const unbroken = generatedSession({ id: 'unbroken', startedAt: start + 86_400_000, minutes: 9, cadenceBase: 178, speed: 3.5, name: oneWordName });

describe('stride-compare-page layout', () => {
  before(async () => {
    useSeparateDatabase('stride-test-compare-page-layout');
    await appTheme;
  });
  beforeEach(async () => {
    await clear(kvStore());
    for (const session of [long, unbroken]) await saveSession(session);
  });
  after(() => setViewport({ width: 800, height: 600 }));

  for (const width of [1280, 390]) {
    it(`fits a ${width} px window with two 200-character session names, and shows them whole`, async () => {
      await setViewport({ width, height: 800 });
      const services = createServices();
      const page = await fixture<StrideComparePage>(html`<stride-compare-page .services=${services} sessionA="long" sessionB="unbroken"></stride-compare-page>`);
      await waitUntil(() => page.openedA?.session && page.openedB?.session && services.history.loaded, 'both sessions opened');
      await page.updateComplete;
      await Promise.all(page.charts.map((chart) => chart.updateComplete));
      const root = document.documentElement;
      expect(root.scrollWidth, 'document').to.be.at.most(root.clientWidth);
      expect(page.scrollWidth, 'page').to.be.at.most(page.clientWidth);
      for (const side of ['a', 'b']) {
        const picker = page.shadowRoot!.querySelector(`#pick-${side}`)!;
        expect(picker.getBoundingClientRect().right, `picker ${side}`).to.be.at.most(root.clientWidth);
        const summary = page.shadowRoot!.querySelector(`#summary-${side}`)!;
        expect(summary.getBoundingClientRect().right, `summary ${side}`).to.be.at.most(root.clientWidth);
      }
      expect(page.shadowRoot!.querySelector('.name-a')!.textContent).to.equal(wordyName);
      expect(page.shadowRoot!.querySelector('.name-b')!.textContent).to.equal(oneWordName);
      for (const name of page.shadowRoot!.querySelectorAll('.legend li')) {
        expect(name.getBoundingClientRect().right).to.be.at.most(root.clientWidth);
      }
    });
  }
});
