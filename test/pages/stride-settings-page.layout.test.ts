// Settings measured in Chromium as a runner meets it: a list of its sections at the top whose
// links scroll (never navigate), two columns at desktop widths, no sideways scroll on a phone, file
// pickers styled like the app's buttons in both themes, and the volume slider on its label's line.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { Router } from '@vaadin/router';
import { clear } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-settings-page.js';
import type { StrideSettingsPage } from '../../src/pages/stride-settings-page.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { themes, useTheme } from '../support/app-theme.js';
import { deepQuery, mountWholeApp } from '../support/route-checks.js';

useSeparateDatabase('stride-test-settings-layout');

async function settingsPage() {
  const services = createServices();
  await services.settings.load();
  const page = await fixture<StrideSettingsPage>(html`<stride-settings-page .services=${services}></stride-settings-page>`);
  await page.updateComplete;
  const coach = page.shadowRoot!.querySelector('stride-coach-settings')!;
  await coach.updateComplete;
  await page.shadowRoot!.querySelector('stride-section-links')!.updateComplete;
  return page;
}

const sections = (page: StrideSettingsPage) => [...page.shadowRoot!.querySelectorAll<HTMLElement>('section[id]')];
const links = (page: StrideSettingsPage) => [...page.shadowRoot!.querySelector('stride-section-links')!.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')];

/** [r, g, b, alpha] of a computed colour ("rgb(1, 2, 3)" or "rgba(1, 2, 3, 0.5)"). */
function rgba(colour: string): number[] {
  const parts = colour.match(/[\d.]+/g)!.map(Number);
  return parts.length === 3 ? [...parts, 1] : parts;
}
function luminance(colour: string): number {
  const [r, g, b] = rgba(colour).slice(0, 3).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Resolves once the window has stopped scrolling (a smooth scroll takes a few hundred ms). */
async function scrollEnd(): Promise<void> {
  let last = -1;
  let still = 0;
  for (let i = 0; i < 100 && still < 4; i++) {
    await new Promise((r) => setTimeout(r, 50));
    still = scrollY === last ? still + 1 : 0;
    last = scrollY;
  }
}

describe('stride-settings-page layout', () => {
  beforeEach(() => clear(kvStore()));
  after(async () => {
    await setViewport({ width: 800, height: 600 });
    await useTheme('dark');
  });

  it('lists its sections at the top, one link for each, in the order of the page', async () => {
    await setViewport({ width: 390, height: 844 });
    const page = await settingsPage();
    const ids = sections(page).map((s) => s.id);
    expect(ids).to.have.length.of.at.least(5);
    expect(links(page).map((a) => a.getAttribute('href'))).to.deep.equal(ids.map((id) => `#${id}`));
    const navBottom = page.shadowRoot!.querySelector('stride-section-links')!.getBoundingClientRect().bottom;
    expect(navBottom, 'the list is above every section').to.be.at.most(sections(page)[0]!.getBoundingClientRect().top);
    await expect(page).to.be.accessible();
  });

  for (const theme of themes) {
    it(`is one column without sideways scroll at 390 px and two columns well under its one-column height at 1280 px (${theme})`, async () => {
      await useTheme(theme);
      await setViewport({ width: 390, height: 844 });
      const page = await settingsPage();
      const root = document.documentElement;
      expect(root.scrollWidth, 'document at 390').to.be.at.most(root.clientWidth);
      expect(page.scrollWidth, 'page at 390').to.be.at.most(page.clientWidth);
      const lefts = new Set(sections(page).map((s) => Math.round(s.getBoundingClientRect().left)));
      expect(lefts.size, 'one column on a phone').to.equal(1);

      await setViewport({ width: 1280, height: 800 });
      await page.updateComplete;
      const boxes = sections(page).map((s) => s.getBoundingClientRect());
      const columns = new Set(boxes.map((b) => Math.round(b.left)));
      expect(columns.size, 'two columns at 1280').to.equal(2);
      // One column's height is the sections' heights stacked; two columns are measured as drawn.
      const stacked = boxes.reduce((sum, b) => sum + b.height, 0);
      const drawn = Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top));
      expect(drawn, `two columns ${Math.round(drawn)} px against ${Math.round(stacked)} px stacked`).to.be.below(stacked * 0.7);
      expect(root.scrollWidth, 'document at 1280').to.be.at.most(root.clientWidth);
      for (const b of boxes) expect(b.right).to.be.at.most(root.clientWidth);
    });

    it(`styles the file pickers like the app's buttons, readable (${theme})`, async () => {
      await useTheme(theme);
      await setViewport({ width: 1280, height: 800 });
      const page = await settingsPage();
      // The browser's own look, for comparison: a picker outside the app's styles.
      const plain = document.createElement('input');
      plain.type = 'file';
      document.body.append(plain);
      const ua = getComputedStyle(plain, '::file-selector-button');
      const uaLook = [ua.backgroundColor, ua.borderTopColor, ua.borderTopLeftRadius];
      plain.remove();
      const pickers = [...page.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=file]')];
      expect(pickers.map((p) => p.id)).to.include.members(['import', 'restore']);
      const appButton = getComputedStyle(page.shadowRoot!.querySelector('#backup')!);
      for (const picker of pickers) {
        const button = getComputedStyle(picker, '::file-selector-button');
        expect([button.backgroundColor, button.borderTopColor, button.borderTopLeftRadius], `${picker.id}: not the browser's grey button`).not.to.deep.equal(uaLook);
        expect(button.backgroundColor, `${picker.id}: the app's button fill`).to.equal(appButton.backgroundColor);
        expect(parseFloat(button.minHeight), `${picker.id}: a 44 px target`).to.be.at.least(44);
        expect(contrast(button.color, button.backgroundColor), `${picker.id}: its words on its fill`).to.be.at.least(4.5);
        const pageBackground = getComputedStyle(document.documentElement).backgroundColor;
        expect(contrast(getComputedStyle(picker).color, pageBackground), `${picker.id}: "No file chosen" on the page`).to.be.at.least(4.5);
      }
    });
  }

  for (const width of [390, 1280]) {
    it(`lines the volume slider up with its label at ${width} px`, async () => {
      await setViewport({ width, height: 800 });
      const page = await settingsPage();
      const coach = page.shadowRoot!.querySelector('stride-coach-settings')!;
      const slider = coach.shadowRoot!.querySelector<HTMLInputElement>('#metronome-volume')!;
      const label = slider.closest('label')!;
      const words = [...label.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('Volume'))!;
      const range = document.createRange();
      range.selectNodeContents(words);
      const text = [...range.getClientRects()].find((r) => r.width > 0)!;
      const box = slider.getBoundingClientRect();
      const middle = (r: DOMRect) => r.top + r.height / 2;
      expect(Math.abs(middle(text) - middle(box)), `label ${middle(text).toFixed(1)}, slider ${middle(box).toFixed(1)}`).to.be.at.most(2);
      expect(box.left, 'beside its label, not under it').to.be.above(text.right);
    });
  }

  it('scrolls to a section when its link is clicked, in the whole app, without leaving /settings', async () => {
    await setViewport({ width: 1280, height: 800 });
    // An instant scroll: a test tab in the background draws no frames for a smooth one.
    await emulateMedia({ reducedMotion: 'reduce' });
    const { app, unmount } = await mountWholeApp();
    try {
      await Router.go('/settings');
      await waitUntil(() => deepQuery(app, 'stride-section-links a') !== null, 'Settings shown');
      const page = deepQuery(app, 'stride-settings-page') as StrideSettingsPage;
      await page.updateComplete;
      for (const id of ['data', 'zones']) {
        const target = page.shadowRoot!.querySelector<HTMLElement>(`#${id}`)!;
        links(page).find((a) => a.getAttribute('href') === `#${id}`)!.click();
        await scrollEnd();
        const top = target.getBoundingClientRect().top;
        const atEnd = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
        // At the top of the window (1rem below it), or as near as the page's end lets it come.
        expect(Math.abs(top - 16) < 8 || (atEnd && top > 0 && top < innerHeight / 2), `#${id} at ${Math.round(top)} px, scrolled ${scrollY}`).to.equal(true);
        expect(location.pathname, 'no route change').to.equal('/settings');
        expect(location.hash, 'no history entry either: Back still leaves Settings').to.equal('');
        expect(page.isConnected, 'Settings stays').to.equal(true);
        expect(page.shadowRoot!.activeElement === target, `focus on #${id}`).to.equal(true);
      }
    } finally {
      unmount();
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
