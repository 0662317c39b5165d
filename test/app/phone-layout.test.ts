// Every route on a 360 px wide phone: nothing scrolls sideways, and every control is a 44 px touch
// target (a runner taps it mid-run, on a phone on the treadmill console). The whole app is
// rendered, header and navigation included, as the router shows each page.
import { expect, waitUntil } from '@open-wc/testing';
import { Router } from '@vaadin/router';
import { setViewport } from '@web/test-runner-commands';
import { clear } from 'idb-keyval';
import type { StrideApp } from '../../src/app/stride-app.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
import { useTheme } from '../support/app-theme.js';
import { generatedSession } from '../support/generated-sessions.js';
import { deepQuery, mountWholeApp, routesToCheck, targetsTooSmall } from '../support/route-checks.js';

useSeparateDatabase('stride-test-phone-layout');

const DAY = 24 * 3600 * 1000;
const PHONE = { width: 360, height: 800 };

describe('every route on a 360 px phone', () => {
  let app: StrideApp;
  let unmount: () => void;

  before(async () => {
    await useTheme('dark');
    await clear(kvStore());
    const now = Date.now();
    await saveSession(generatedSession({ id: 'easy', startedAt: now - 8 * DAY, minutes: 12, cadenceBase: 166, speed: 2.9, name: 'An easy run along the river with a long name' }));
    await saveSession(generatedSession({ id: 'tempo', startedAt: now - 2 * DAY, minutes: 10, cadenceBase: 176, speed: 3.4, name: 'Tempo', laps: [300] }));
    await setViewport(PHONE);
    ({ app, unmount } = await mountWholeApp());
  });

  after(async () => {
    unmount();
    await setViewport({ width: 800, height: 600 });
  });

  for (const width of [360, 390]) {
    it(`keeps the six navigation links under the brand at ${width} px (one row at 390, two even rows at 360), Program and Workouts among them, each whole`, async () => {
      await setViewport({ ...PHONE, width });
      try {
      await Router.go('/program');
      await waitUntil(() => deepQuery(app, 'stride-program-page') !== null, 'the Program page', { timeout: 5000 });
      const links = [...app.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')];
      expect(links.map((a) => a.textContent)).to.deep.equal(['Live', 'History', 'Weeks', 'Program', 'Workouts', 'Settings']);
      const tops = links.map((a) => Math.round(a.getBoundingClientRect().top));
      if (width >= 390) expect(new Set(tops).size, 'one row').to.equal(1);
      else {
        expect(tops, 'two rows of three').to.deep.equal([tops[0], tops[0], tops[0], tops[3], tops[3], tops[3]]);
        expect(tops[3], 'the second row under the first').to.be.greaterThan(tops[0]!);
      }
      for (const a of links) {
        expect(a.scrollWidth, `${a.textContent} is cut`).to.be.at.most(a.clientWidth);
        expect(a.getBoundingClientRect().right).to.be.at.most(width);
      }
      expect(app.shadowRoot!.querySelector('nav a[aria-current="page"]')!.textContent).to.equal('Program');
      } finally {
        await setViewport(PHONE);
      }
    });
  }

  for (const route of routesToCheck) {
    it(`fits ${route.path} with 44 px touch targets`, async () => {
      await Router.go(route.path);
      await waitUntil(() => route.ready.every((selector) => deepQuery(app, selector) !== null), `${route.path} shows ${route.ready}`, { timeout: 5000 });
      // Layout is read directly (forced); no frame needed, and a background tab draws none.
      await new Promise((resolve) => setTimeout(resolve, 50));

      expect(document.documentElement.scrollWidth, `${route.path} scrolls sideways`).to.be.at.most(PHONE.width);
      expect(targetsTooSmall(app), `${route.path}: targets under 44 px`).to.deep.equal([]);
    });
  }
});
