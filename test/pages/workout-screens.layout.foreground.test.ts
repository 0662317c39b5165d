// The workout screens measured as drawn, at 1280 and 360 px in both themes: the Workouts page
// (library, the runner's own, the editor open) and the treadmill screen during a workout and while
// it asks first meet AA (axe), scroll nowhere sideways and keep their touch targets; on the
// treadmill screen the Stop button is on screen without scrolling and the workout strip never
// covers the cadence.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { clear } from 'idb-keyval';
import '../../src/pages/stride-treadmill-page.js';
import '../../src/pages/stride-workouts-page.js';
import type { StrideTreadmillPage } from '../../src/pages/stride-treadmill-page.js';
import type { StrideWorkoutsPage } from '../../src/pages/stride-workouts-page.js';
import { type AppServices, createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveWorkout } from '../../src/store/workout-store.js';
import { libraryWorkouts } from '../../src/workout/workout-library.js';
import { themes, useTheme } from '../support/app-theme.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { deepQuery, targetsTooSmall } from '../support/route-checks.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-test-workout-layout');

const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
const views = [1280, 360].flatMap((width) => themes.map((theme) => ({ width, theme })));
let services: AppServices;

/** Every element under `root`, through the shadow roots of the elements in it. */
function everyElement(root: ShadowRoot | Document): Element[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? everyElement(el.shadowRoot) : [])]);
}

function sideways(page: HTMLElement, at: string): string[] {
  const problems: string[] = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) problems.push(`${at}: the document scrolls sideways (${doc.scrollWidth})`);
  const right = page.getBoundingClientRect().right;
  for (const el of everyElement(page.shadowRoot!)) {
    if (el.localName === 'dialog' || el.closest('dialog')) continue;
    // Text for screen readers only is a 1 px clipped box: it shows nothing, so it scrolls nothing.
    if (el.clientWidth <= 1) continue;
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') problems.push(`${at}: ${el.localName}#${el.id} scrolls sideways`);
    if (el.getBoundingClientRect().right > right + 0.5) problems.push(`${at}: ${el.localName}#${el.id}.${el.className} sticks out`);
  }
  return problems;
}

const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('the workout screens, drawn', () => {
  beforeEach(async () => {
    await clear(kvStore());
    const pod = new ScriptedFootpod('Test pod');
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
    await services.settings.update({ smoothingS: 0 });
    await services.footpod.simulate();
    for (let t = 0; t <= 3; t++) pod.send(t, { cadence: 168, speedMps: 2.8 });
  });
  afterEach(async () => {
    if (['confirm', 'starting', 'running', 'paused'].includes(services.workouts.view.phase)) {
      if (services.workouts.view.phase === 'confirm') services.workouts.cancel();
      else await services.workouts.stop();
    }
    services.sensors.disconnect('treadmill');
    await setViewport({ width: 800, height: 600 });
    await useTheme('dark');
  });

  it('the Workouts page with the library, the runner’s own and the editor: AA, nothing sideways, 44 px targets', async () => {
    await saveWorkout({ ...libraryWorkouts(10)[2]!, id: 'mine-1', origin: 'mine', name: 'My intervals with a long name that wraps on a phone' });
    const page = await fixture<StrideWorkoutsPage>(html`<stride-workouts-page .services=${services}></stride-workouts-page>`);
    await waitUntil(() => page.loaded, 'read', { timeout: 5000 });
    page.typedEasyKmh = 10;
    await page.updateComplete;
    page.shadowRoot!.querySelector<HTMLButtonElement>('#new-workout')!.click();
    await page.updateComplete;
    const editor = page.shadowRoot!.querySelector('stride-workout-editor')!;
    await editor.updateComplete;
    editor.shadowRoot!.querySelector<HTMLButtonElement>('#add-repeat')!.click();
    await editor.updateComplete;
    const problems: string[] = [];
    for (const { width, theme } of views) {
      await setViewport({ width, height: 800 });
      await useTheme(theme);
      await frames();
      const at = `workouts, ${width} px, ${theme}`;
      await expect(page, at).to.be.accessible();
      problems.push(...sideways(page, at), ...targetsTooSmall(page).map((t) => `${at}: ${t}`));
    }
    expect(problems).to.deep.equal([]);
  });

  it('the treadmill screen during a workout: AA, Stop on screen, the strip never over the cadence', async () => {
    const page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
    await services.workouts.start(libraryWorkouts(10)[2]!);
    if (services.workouts.view.phase === 'confirm') await services.workouts.confirm();
    await waitUntil(() => services.workouts.view.phase === 'running' && deepQuery(page, '#workout-stop') !== null, 'the strip with Stop', { timeout: 5000 });
    const problems: string[] = [];
    for (const { width, theme } of views) {
      await setViewport({ width, height: 800 });
      await useTheme(theme);
      await frames();
      const at = `treadmill workout, ${width} px, ${theme}`;
      await expect(page, at).to.be.accessible();
      problems.push(...sideways(page, at), ...targetsTooSmall(page).map((t) => `${at}: ${t}`));
      const stop = deepQuery(page, '#workout-stop')!.getBoundingClientRect();
      if (stop.top < 0 || stop.bottom > innerHeight || stop.right > innerWidth) problems.push(`${at}: Stop is off screen (${Math.round(stop.top)}-${Math.round(stop.bottom)})`);
      const cadence = page.shadowRoot!.querySelector('#cadence')!.getBoundingClientRect();
      const strip = page.shadowRoot!.querySelector('stride-workout-strip')!.getBoundingClientRect();
      if (overlap(cadence, strip)) problems.push(`${at}: the strip covers the cadence`);
      if (cadence.height < 40) problems.push(`${at}: the cadence is ${Math.round(cadence.height)} px tall`);
    }
    expect(problems).to.deep.equal([]);
  });

  it('the first-time question on a treadmill: AA in both themes at both widths', async () => {
    await services.sensors.simulate();
    await waitUntil(() => services.sensors.source('treadmill')?.state === 'connected', 'the simulated treadmill', { timeout: 5000 });
    const page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
    await services.workouts.start(libraryWorkouts(10)[2]!);
    await waitUntil(() => deepQuery(page, 'dialog[open]') !== null, 'the question', { timeout: 5000 });
    for (const { width, theme } of views) {
      await setViewport({ width, height: 800 });
      await useTheme(theme);
      await frames();
      await expect(page, `question, ${width} px, ${theme}`).to.be.accessible();
      const confirm = deepQuery(page, '#confirm')!.getBoundingClientRect();
      expect(confirm.bottom, `Confirm on screen at ${width} px`).to.be.at.most(innerHeight);
      expect(confirm.height).to.be.at.least(44);
    }
  });
});
