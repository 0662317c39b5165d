// The program's screens measured as drawn, at 1280 and 360 px in both themes: the Program page in
// its states (none, choose speed, choose target, a session due with results, answers) meets AA
// (axe), scrolls nowhere sideways and keeps 44 px targets; the treadmill screen during a session
// keeps the cadence as large as a check-in allows, with the progress strip never over it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { clear, set } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import '../../src/pages/stride-program-page.js';
import '../../src/pages/stride-treadmill-page.js';
import type { StrideProgramPage } from '../../src/pages/stride-program-page.js';
import type { StrideTreadmillPage } from '../../src/pages/stride-treadmill-page.js';
import { dayStart } from '../../src/program/program-schedule.js';
import { newProgram, withTestSpeed } from '../../src/program/program-state.js';
import type { ProgramState } from '../../src/program/program-types.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { themes, useTheme } from '../support/app-theme.js';
import { fakeCoachEngine, quickStepsPrompt, type FakeCoachEngine } from '../support/fake-coach-engine.js';
import { finishProgramRun } from '../support/finish-program-run.js';
import { DAY, TEST_SPEED, programWithSessions, runNext } from '../support/program-states.js';
import { targetsTooSmall } from '../support/route-checks.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-test-program-layout');

const day = (days: number) => dayStart(Date.now()) + days * DAY + 7 * 3600_000;
const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
let services: AppServices;

/** Every element under `root`, through the shadow roots of the elements in it. */
function everyElement(root: ShadowRoot | Document): Element[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? everyElement(el.shadowRoot) : [])]);
}

async function programPage(stored: ProgramState | null): Promise<StrideProgramPage> {
  await clear(kvStore());
  if (stored) await set('program', stored, kvStore());
  services = createServices({}, {}, async () => fakeCoachEngine());
  await services.settings.load();
  const page = await fixture<StrideProgramPage>(html`<stride-program-page .services=${services}></stride-program-page>`);
  await waitUntil(() => page.loaded, 'the program was read', { timeout: 5000 });
  await page.updateComplete;
  return page;
}

const states: Array<[string, () => ProgramState | null]> = [
  ['none', () => null],
  ['choose speed', () => newProgram(day(-1))],
  ['choose target', () => runNext(withTestSpeed(newProgram(day(-3)), TEST_SPEED), day(-2), 164)],
  ['session due, results', () => runNext(programWithSessions(day(-40), 8), day(-23), 168.6)],
  ['a few sessions done', () => programWithSessions(day(-6), 2)],
];

describe('the program screens, drawn', () => {
  afterEach(async () => {
    if (services) await finishProgramRun(services);
    await setViewport({ width: 800, height: 600 });
    await useTheme('dark');
  });

  for (const width of [1280, 360]) {
    it(`the Program page at ${width} px in both themes: AA contrast, nothing sideways, 44 px targets, in each state`, async () => {
      await setViewport({ width, height: 800 });
      const problems: string[] = [];
      for (const [name, state] of states) {
        const page = await programPage(state());
        for (const theme of themes) {
          await useTheme(theme);
          await frames();
          const at = `${name}, ${width} px, ${theme}`;
          await expect(page, at).to.be.accessible();
          const doc = document.documentElement;
          if (doc.scrollWidth > doc.clientWidth) problems.push(`${at}: the document scrolls sideways (${doc.scrollWidth})`);
          const right = page.getBoundingClientRect().right;
          for (const el of everyElement(page.shadowRoot!)) {
            if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') problems.push(`${at}: ${el.localName}#${el.id} scrolls sideways`);
            if (el.getBoundingClientRect().right > right + 0.5) problems.push(`${at}: ${el.localName}#${el.id}.${el.className} sticks out`);
          }
          problems.push(...targetsTooSmall(page).map((t) => `${at}: ${t}`));
        }
      }
      expect(problems).to.deep.equal([]);
    });
  }

  it('during and after program runs, at 1280 and 360 px in both themes: the cue-free treadmill screen, the revealed test, the two taps', async () => {
    const pod = new ScriptedFootpod('Test pod');
    const views = [1280, 360].flatMap((width) => themes.map((theme) => ({ width, theme })));
    const check = async (el: HTMLElement, what: string) => {
      for (const { width, theme } of views) {
        await setViewport({ width, height: 800 });
        await useTheme(theme);
        await frames();
        await expect(el, `${what}, ${width} px, ${theme}`).to.be.accessible();
        expect(targetsTooSmall(el), `${what}, ${width} px, ${theme}`).to.deep.equal([]);
      }
    };
    const recorded = async (stored: ProgramState, seconds: number) => {
      await clear(kvStore());
      await set('program', stored, kvStore());
      services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
      await services.settings.update({ smoothingS: 0 });
      await services.footpod.simulate();
      await services.coach.engine();
      await services.program.startNext();
      await services.recording.start();
      for (let t = 0; t <= seconds; t++) pod.send(t, { cadence: 166, speedMps: TEST_SPEED });
    };
    const saved = async () => {
      const done = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
      services.recording.stop();
      await done;
      const page = await fixture<StrideProgramPage>(html`<stride-program-page .services=${services}></stride-program-page>`);
      await waitUntil(() => page.loaded && services.program.justFinished !== null, 'the run was measured', { timeout: 5000 });
      await page.updateComplete;
      return page;
    };

    await recorded(withTestSpeed(newProgram(day(-1)), TEST_SPEED), 610);
    const treadmill = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
    await waitUntil(() => services.program.moment !== null, 'the test is followed', { timeout: 5000 });
    await treadmill.updateComplete;
    expect(treadmill.shadowRoot!.querySelector('#cadence-hidden') !== null).to.equal(true);
    await check(treadmill, 'the treadmill screen in a test');
    treadmill.remove();
    const revealed = await saved();
    expect(revealed.shadowRoot!.querySelector('#reveal-cadence') !== null).to.equal(true);
    await check(revealed, 'the revealed test');

    await finishProgramRun(services);
    // Session 3 counts as done with half its 18 minutes at target: the warm-up, then 10 minutes.
    await recorded(programWithSessions(day(-6), 2), 300 + 10 * 60);
    const answering = await saved();
    await waitUntil(() => answering.shadowRoot!.querySelector('stride-program-answers') !== null, 'the taps are asked for', { timeout: 5000 });
    await check(answering, 'the two taps');
  });

  it('the treadmill screen in a session: the cadence as large as with a check-in, the strip never over it, at 390×844, 1280×800 and 844×390', async () => {
    await clear(kvStore());
    await set('program', programWithSessions(day(-6), 2), kvStore());
    const pod = new ScriptedFootpod('Test pod');
    const engine: FakeCoachEngine = fakeCoachEngine();
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => engine);
    await services.settings.update({ smoothingS: 0 });
    await services.footpod.simulate();
    await services.coach.engine();
    await services.program.startNext();
    const page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
    await services.recording.start();
    for (let t = 0; t <= 400; t++) pod.send(t, { cadence: 172, speedMps: TEST_SPEED });
    await waitUntil(() => services.program.moment?.phase === 'main', 'in the main part', { timeout: 5000 });
    const $ = (s: string) => page.shadowRoot!.querySelector<HTMLElement>(s)!;
    const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const problems: string[] = [];
    let t = 401;
    for (const theme of themes) {
      await useTheme(theme);
      for (const { width, height } of [{ width: 390, height: 844 }, { width: 1280, height: 800 }, { width: 844, height: 390 }]) {
        const at = `${width}×${height} ${theme}`;
        await setViewport({ width, height });
        engine.raiseCheckIn(quickStepsPrompt);
        pod.send(t++, { cadence: 172, speedMps: TEST_SPEED });
        await page.updateComplete;
        await frames();
        const strip = $('stride-program-strip').getBoundingClientRect();
        const number = $('#cadence').getBoundingClientRect();
        const fontPx = parseFloat(getComputedStyle($('#cadence')).fontSize);
        // The treadmill layout test's own floor with a check-in showing.
        if (fontPx < height * 0.17) problems.push(`${at}: the number shrank to ${fontPx} px with the strip and a check-in`);
        if (overlap(number, strip)) problems.push(`${at}: the strip covers the cadence`);
        if (strip.height === 0) problems.push(`${at}: no strip`);
        await expect(page, at).to.be.accessible();
      }
    }
    expect(problems).to.deep.equal([]);
  });
});
