import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { clear } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-session-page.js';
import type { StrideSessionPage } from '../../src/pages/stride-session-page.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
import { appTheme } from '../support/app-theme.js';
import { generatedSession } from '../support/generated-sessions.js';

/** 200 characters with no space to wrap at. */
const oneWordName = 'IntervalsSixByEightHundred'.repeat(8).slice(0, 200);
const session = generatedSession({
  id: 'unbroken', startedAt: new Date(2025, 5, 2, 6, 45).getTime(), minutes: 6, cadenceBase: 172, speed: 3.2,
  name: oneWordName, notes: oneWordName, deviceName: oneWordName,
});

describe('stride-session-page layout', () => {
  before(async () => {
    useSeparateDatabase('stride-test-session-page-layout');
    await appTheme;
  });
  beforeEach(async () => {
    await clear(kvStore());
    await saveSession(session);
  });
  after(() => setViewport({ width: 800, height: 600 }));

  for (const width of [1280, 390]) {
    it(`fits a ${width} px window with a 200-character name of one word, and shows it whole`, async () => {
      await setViewport({ width, height: 800 });
      const services = createServices();
      const page = await fixture<StrideSessionPage>(html`<stride-session-page .services=${services} sessionId="unbroken"></stride-session-page>`);
      await waitUntil(() => page.shadowRoot!.querySelector('h1'), 'the session opened');
      await page.updateComplete;
      const title = page.shadowRoot!.querySelector('h1')!;
      expect(title.textContent).to.equal(oneWordName);
      const root = document.documentElement;
      expect(title.getBoundingClientRect().right, 'title').to.be.at.most(root.clientWidth);
      expect(page.shadowRoot!.querySelector('.notes')!.getBoundingClientRect().right, 'notes').to.be.at.most(root.clientWidth);
      expect(root.scrollWidth, 'document').to.be.at.most(root.clientWidth);
    });
  }
});
