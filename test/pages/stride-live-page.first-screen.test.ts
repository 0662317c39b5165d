// What a runner sees of the live page without scrolling, in the whole app (header and navigation
// included) on a phone (390×844) and a laptop (1280×800), in both themes: the connection line, then
// the cadence near the top, then every run control above the fold, and the Sensors section
// closed to one line unless the runner left it open, which a reload keeps.
import { expect, waitUntil } from '@open-wc/testing';
import { Router } from '@vaadin/router';
import { setViewport } from '@web/test-runner-commands';
import { clear } from 'idb-keyval';
import '../../src/app/stride-app.js';
import type { StrideApp } from '../../src/app/stride-app.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import { createServices, type AppServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { loadSettings } from '../../src/store/settings-store.js';
import { themes, useTheme } from '../support/app-theme.js';
import { finishRun } from '../support/finish-run.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-test-live-page-first-screen');

const screens = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;

let app: StrideApp;
let services: AppServices;
let pod: ScriptedFootpod;
const startUrl = location.href;

/** The whole app as main.ts mounts it, with a pod the test writes; a new one is a reload's. */
async function mountApp(): Promise<void> {
  pod = new ScriptedFootpod('Test pod');
  services = createServices({ simulator: () => pod });
  await services.settings.load();
  app = document.createElement('stride-app');
  app.services = services;
  document.body.append(app);
  await app.updateComplete;
  await Router.go('/');
  await waitUntil(() => livePage()?.shadowRoot?.querySelector('stride-connection-panel'), 'the live page drawn', { timeout: 5000 });
}

function unmountApp(): void {
  app.remove();
  history.replaceState(null, '', startUrl);
}

const livePage = () => app.shadowRoot!.querySelector<StrideLivePage>('stride-live-page');
const inPage = (selector: string) => livePage()!.shadowRoot!.querySelector<HTMLElement>(selector);
const inside = (host: string, selector: string) => inPage(host)?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const box = (element: Element | null) => element!.getBoundingClientRect();
/** The section's own <details>: open as the runner sees it, not merely as a property says. */
const section = () => inside('#sensors', 'details') as HTMLDetailsElement;
const summary = () => inside('#sensors', 'summary')!;

/** Everything drawn, the page's children included; layout is read directly (forced). */
async function settled(): Promise<void> {
  const page = livePage()!;
  await page.updateComplete;
  for (const child of page.shadowRoot!.querySelectorAll('*')) await (child as Partial<StrideLivePage>).updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/** The run's controls in the state shown: Start, or Pause, Lap and Stop; then the metronome and the treadmill screen. */
function runControls(): Record<string, HTMLElement> {
  const recording = ['#start', '#pause', '#resume', '#lap', '#stop'];
  const found: Record<string, HTMLElement> = {};
  for (const id of recording) {
    const button = inside('stride-recording-controls', id);
    if (button) found[id] = button;
  }
  found['metronome'] = inPage('stride-metronome-button')!;
  found['#treadmill-screen'] = inPage('#treadmill-screen')!;
  return found;
}

/** What does not fit the first screen, in words; nothing when the page is as a runner needs it. */
function firstScreenProblems(height: number, phone: boolean): string[] {
  const problems: string[] = [];
  const connection = box(inPage('stride-connection-panel'));
  const cadenceValue = box(inside('#cadence', '.value'));
  if (connection.bottom > box(inPage('#cadence')).top + 0.5) problems.push(`connection line ends at ${connection.bottom}, below the cadence's top`);
  if (phone && cadenceValue.top >= 300) problems.push(`cadence value at ${Math.round(cadenceValue.top)} px`);
  if (cadenceValue.bottom > height) problems.push(`cadence value ends at ${Math.round(cadenceValue.bottom)} px, below the fold`);
  for (const [name, control] of Object.entries(runControls())) {
    const bottom = box(control).bottom;
    if (bottom > height + 0.5) problems.push(`${name} ends at ${Math.round(bottom)} px, below the fold at ${height}`);
  }
  return problems;
}

describe('stride-live-page: the first screen', () => {
  beforeEach(async () => {
    await clear(kvStore());
    await mountApp();
  });
  afterEach(async () => {
    await finishRun(services);
    unmountApp();
    await setViewport({ width: 800, height: 600 });
  });

  it('shows the connection line, then the cadence near the top, and every run control above the fold, idle and recording', async () => {
    const problems: string[] = [];
    await services.footpod.simulate();
    for (let t = 0; t <= 5; t++) pod.send(t, { cadence: 166, speedMps: 2.9 });
    for (const state of ['idle', 'recording'] as const) {
      if (state === 'recording') {
        services.recording.start();
        for (let t = 6; t <= 8; t++) pod.send(t, { cadence: 166, speedMps: 2.9 });
      }
      for (const theme of themes) {
        await useTheme(theme);
        for (const { width, height } of screens) {
          await setViewport({ width, height });
          window.scrollTo(0, 0);
          await settled();
          expect(inside('#sensors', 'details')?.hasAttribute('open') ?? false, 'the Sensors section starts closed').to.equal(false);
          for (const problem of firstScreenProblems(height, width < 600)) problems.push(`${state}, ${theme}, ${width} px: ${problem}`);
        }
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('keeps the run controls where they are when the Sensors section opens', async () => {
    await services.footpod.simulate();
    services.recording.start();
    for (let t = 0; t <= 5; t++) pod.send(t, { cadence: 166, speedMps: 2.9 });
    for (const { width, height } of screens) {
      await setViewport({ width, height });
      window.scrollTo(0, 0);
      if (section().open) summary().click();
      await settled();
      const closed = Object.values(runControls()).map((control) => Math.round(box(control).bottom));
      summary().click();
      await waitUntil(() => inPage('stride-live-sensors')?.shadowRoot?.querySelector('stride-sensor-panel'), 'the sensors drawn', { timeout: 5000 });
      await settled();
      const open = Object.values(runControls()).map((control) => Math.round(box(control).bottom));
      expect(open, `${width} px`).to.deep.equal(closed);
      expect(Math.max(...open), `${width} px: below the fold`).to.be.at.most(height);
    }
  });

  it('remembers whether the Sensors section is open across a reload, and says in one line how the sensors are while closed', async () => {
    await setViewport({ width: 390, height: 844 });
    await services.footpod.simulate();
    pod.info.batteryLevel = 87;
    pod.send(0, { cadence: 166 });
    await settled();
    expect(section().open).to.equal(false);
    expect(inPage('stride-live-sensors'), 'the panels not drawn (nor loaded) while closed').to.equal(null);
    expect(inside('#sensors', '#status')!.textContent).to.equal('Test pod · 87 % · no strap · no treadmill');
    expect(box(inside('#sensors', 'summary')).height, 'one line, a touch target').to.be.within(44, 80);

    summary().click();
    await waitUntil(async () => (await loadSettings()).settings.liveSensorsOpen, 'saved as open');
    await waitUntil(() => inPage('stride-live-sensors') !== null, 'the panels drawn');

    // A reload: new services and a new page on the same store.
    await finishRun(services);
    unmountApp();
    await mountApp();
    await waitUntil(() => section().open && inPage('stride-live-sensors') !== null, 'open again after the reload', { timeout: 5000 });

    summary().click();
    await waitUntil(async () => !(await loadSettings()).settings.liveSensorsOpen, 'saved as closed');
    await finishRun(services);
    unmountApp();
    await mountApp();
    await settled();
    expect(section().open, 'closed again after the second reload').to.equal(false);
    expect(inPage('stride-live-sensors')).to.equal(null);
  });
});
