// The treadmill screen measured in Chromium as a runner sees it, on a 1280×800 tablet and a
// 390×844 phone in both themes: a check-in never covers the cadence (it takes the bottom of the
// cadence's part, the number shrinks to fit, nothing else moves), every button is at least 56 px
// each way for a hand on a moving belt, and the figures fit the screen.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import '../../src/pages/stride-treadmill-page.js';
import type { StrideTreadmillPage } from '../../src/pages/stride-treadmill-page.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { themes, useTheme } from '../support/app-theme.js';
import { fakeCoachEngine, quickStepsPrompt, type FakeCoachEngine } from '../support/fake-coach-engine.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { finishRun } from '../support/finish-run.js';

useSeparateDatabase('stride-test-treadmill-layout');

const screens = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;
/** Where the side column is narrowest in landscape: a small laptop (and the README's picture). */
const smallLaptop = { width: 960, height: 600 } as const;

let services: AppServices;
let pod: ScriptedFootpod;
let engine: FakeCoachEngine;
let page: StrideTreadmillPage;

const $ = (selector: string) => page.shadowRoot!.querySelector<HTMLElement>(selector)!;
const card = () => $('stride-check-in').shadowRoot!.querySelector<HTMLElement>('.card');

async function settled(): Promise<void> {
  await page.updateComplete;
  for (const child of page.shadowRoot!.querySelectorAll('*')) await (child as Partial<StrideTreadmillPage>).updateComplete;
  // Two frames: container-query sizes settle after layout.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** The buttons of the page and of every element inside it, through their shadow roots. */
function buttons(root: ShadowRoot = page.shadowRoot!): HTMLButtonElement[] {
  const found = [...root.querySelectorAll('button')];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...buttons(el.shadowRoot));
  return found;
}

const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const round = (r: DOMRect) => [r.left, r.top, r.width, r.height].map((n) => Math.round(n));

async function openRecordingTreadmill(): Promise<void> {
  pod = new ScriptedFootpod('Test pod');
  engine = fakeCoachEngine();
  services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => engine);
  await services.settings.update({ smoothingS: 0 });
  await services.footpod.simulate();
  await services.coach.engine();
  page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
  await services.recording.start();
  for (let t = 0; t <= 30; t++) pod.send(t, { cadence: 158, speedMps: 2.6 });
  services.recording.lap();
  pod.send(31, { cadence: 158, speedMps: 2.6 });
}

describe('stride-treadmill-page layout', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(async () => {
    await finishRun(services);
    await setViewport({ width: 800, height: 600 });
    await useTheme('dark');
  });

  it('shows a check-in beside the cadence, never over it, at 390×844 and 1280×800 (and a phone on its side) in both themes; nothing else moves', async () => {
    await openRecordingTreadmill();
    const problems: string[] = [];
    for (const theme of themes) {
      await useTheme(theme);
      for (const { width, height } of [...screens, { width: 844, height: 390 }]) {
        const at = `${width}×${height} ${theme}`;
        await setViewport({ width, height });
        services.coach.dismissCheckIn();
        await settled();
        const before = buttons().map((b) => round(b.getBoundingClientRect()));
        // … and now with the check-in
        engine.raiseCheckIn(quickStepsPrompt);
        pod.send(32, { cadence: 158, speedMps: 2.6 });
        await settled();
        expect(card() !== null, at).to.equal(true);
        const number = $('#cadence').getBoundingClientRect();
        const section = $('.cadence').getBoundingClientRect();
        const strip = card()!.getBoundingClientRect();
        const fontPx = parseFloat(getComputedStyle($('#cadence')).fontSize);
        if (fontPx < height * 0.17) problems.push(`${at}: the number shrank to ${fontPx} px`);
        if (overlap(number, strip)) problems.push(`${at}: the check-in covers the cadence`);
        if (number.top < section.top - 0.5 || number.bottom > section.bottom + 0.5) problems.push(`${at}: the number runs out of its part`);
        if (number.top < 0 || number.bottom > height || number.left < 0 || number.right > width) problems.push(`${at}: the number is off screen`);
        if (strip.bottom > height + 0.5) problems.push(`${at}: the check-in is off screen`);
        const hit = page.shadowRoot!.elementFromPoint((number.left + number.right) / 2, (number.top + number.bottom) / 2);
        if (hit !== $('#cadence')) problems.push(`${at}: the middle of the number shows ${hit?.className}`);
        const after = buttons().filter((b) => b.id !== 'dismiss').map((b) => round(b.getBoundingClientRect()));
        if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`${at}: buttons moved`);
        await expect(page).to.be.accessible();
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('makes every button at least 56 px each way, before Start, recording, paused and with a check-in, at 390×844 and 1280×800 in both themes', async () => {
    await openRecordingTreadmill();
    const small: string[] = [];
    const measured = new Set<string>();
    const measure = async (when: string) => {
      for (const theme of themes) {
        await useTheme(theme);
        for (const { width, height } of [...screens, smallLaptop]) {
          await setViewport({ width, height });
          await settled();
          for (const button of buttons()) {
            const { width: w, height: h, right } = button.getBoundingClientRect();
            const name = button.textContent!.replace(/\s+/g, ' ').trim();
            measured.add(name);
            if (w < 56 || h < 56) small.push(`${when}, ${width}×${height} ${theme}: "${name}" ${Math.round(w)}×${Math.round(h)}`);
            if (right > width + 0.5) small.push(`${when}, ${width}×${height} ${theme}: "${name}" ends at ${Math.round(right)}, off the screen`);
          }
        }
      }
    };
    engine.raiseCheckIn(quickStepsPrompt);
    pod.send(32, { cadence: 158, speedMps: 2.6 });
    await measure('recording, a check-in showing');
    services.recording.pause();
    await measure('paused');
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
    await measure('saved');
    expect(small).to.deep.equal([]);
    for (const name of ['Pause space', 'Lap L', 'Stop and save', 'Resume space', 'Start recording space', 'Got it C', 'Leave Esc']) {
      expect(measured.has(name), `measured "${name}" among ${[...measured].join(', ')}`).to.equal(true);
    }
  });
});
