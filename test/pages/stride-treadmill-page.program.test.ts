// The treadmill screen during a program run, with the real services and the program read from the
// store: a session shows its progress (phase, minutes at target done and left, the metronome block,
// metronome on or off now) beside the cadence, which stays; a test hides the cadence, its zone and
// target, and says so, showing time and speed only. The live page hides its cadence tile likewise.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import type { AppServices } from '../../src/services/services.js';
import '../../src/pages/stride-live-page.js';
import '../../src/pages/stride-treadmill-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import type { StrideTreadmillPage } from '../../src/pages/stride-treadmill-page.js';
import { newProgram, withTestSpeed } from '../../src/program/program-state.js';
import type { ProgramState } from '../../src/program/program-types.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { appTheme } from '../support/app-theme.js';
import { finishProgramRun } from '../support/finish-program-run.js';
import { armedRun, programDay, runSteady, settledPage } from '../support/program-pages.js';
import { TEST_SPEED, programWithSessions } from '../support/program-states.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-test-treadmill-program');

let services: AppServices;
let pod: ScriptedFootpod;
const day = programDay;

async function armed(stored: ProgramState): Promise<void> {
  ({ services, pod } = await armedRun(stored));
}

const run = (from: number, to: number, cadence: number): void => runSteady(pod, from, to, cadence);

const words = (root: ShadowRoot | null | undefined, selector: string) => root?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

describe('the treadmill and live pages during a program run', () => {
  before(() => appTheme);
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishProgramRun(services));

  it('a session\'s strip says the metronome is muted, or paused with the recording, never "on now" then', async () => {
    await armed(programWithSessions(day(-6), 2));
    const page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
    run(0, 300 + 75, 172);
    await waitUntil(() => services.program.moment?.phase === 'main', 'into the main part', { timeout: 5000 });
    await settledPage(page);
    const strip = page.shadowRoot!.querySelector('stride-program-strip')!;
    expect(words(strip.shadowRoot, '#program-metronome')).to.equal('Metronome on now');
    await services.coach.setMuted(true);
    await settledPage(page);
    expect(words(strip.shadowRoot, '#program-metronome')).to.equal('Metronome muted');
    await services.coach.setMuted(false);
    services.recording.pause();
    await settledPage(page);
    expect(words(strip.shadowRoot, '#program-metronome')).to.equal('Metronome paused');
  });

  it('a session: the progress strip beside the cadence, which keeps its number, zone and target', async () => {
    await armed(programWithSessions(day(-6), 2));
    const page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
    run(0, 100, 172);
    await waitUntil(() => services.program.moment !== null, 'the run is followed', { timeout: 5000 });
    await settledPage(page);
    const strip = page.shadowRoot!.querySelector('stride-program-strip')!;
    expect(words(strip.shadowRoot, '#program-strip')).to.match(/^Session 3 of 8 Warm-up then the minutes at 172 Metronome off now$/);
    run(101, 300 + 75, 172);
    await waitUntil(() => services.program.moment?.phase === 'main', 'into the main part', { timeout: 5000 });
    await settledPage(page);
    expect(words(strip.shadowRoot, '#program-strip')).to.match(/^Session 3 of 8 At 172 1 min done, 17 min left Metronome on now$/);
    expect(words(page.shadowRoot, '#cadence')).to.equal('172');
    expect(words(page.shadowRoot, '#zone .word')).to.equal('Target');
    expect(page.shadowRoot!.querySelector('#cadence-hidden') === null).to.equal(true);
    // The strip is in the side part, not in the cadence's.
    expect(strip.closest('.side')).to.not.equal(null);
    await expect(page).to.be.accessible();

    // Run on to 10 of its 18 minutes, over the half a session needs to count as done; stopped: the
    // live page, where the finish card shows, leads to the two taps.
    run(300 + 76, 300 + 10 * 60, 172);
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
    await waitUntil(() => services.program.justFinished !== null, 'the session was measured', { timeout: 5000 });
    const live = await fixture<StrideLivePage>(html`<stride-live-page .services=${services}></stride-live-page>`);
    await settledPage(live);
    const link = live.shadowRoot!.querySelector<HTMLAnchorElement>('#program-after a')!;
    expect(link.getAttribute('href')).to.equal('/program');
    expect(link.textContent).to.equal('Program: two taps on how this session felt');
  });

  it('a test: time and speed only, "Cadence hidden during the test" where the cadence was, on the treadmill and live pages', async () => {
    await armed(withTestSpeed(newProgram(day(-1)), TEST_SPEED));
    const page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
    run(0, 30, 166);
    await waitUntil(() => services.program.moment !== null, 'the run is followed', { timeout: 5000 });
    await settledPage(page);
    const root = page.shadowRoot!;
    expect(words(root, '#cadence-hidden')).to.equal('Cadence hidden during the test');
    expect(words(root, '#speed')).to.equal('10.0');
    expect(root.querySelector('#cadence') === null, 'no cadence').to.equal(true);
    expect(root.querySelector('#zone') === null, 'no zone').to.equal(true);
    expect(root.querySelector('#in-target') === null, 'no time in target').to.equal(true);
    expect(root.querySelector('.main')!.className).to.contain('no-zone');
    expect(words(root, '.target')).to.equal('test speed 10.0 km/h');
    const strip = root.querySelector('stride-program-strip')!;
    expect(words(strip.shadowRoot, '#program-strip')).to.equal('Baseline test Warm-up the 5 test minutes start after 5 minutes of running');
    // Nowhere on the screen does the cadence show.
    expect(root.textContent!.includes('166')).to.equal(false);
    await expect(page).to.be.accessible();

    const live = await fixture<StrideLivePage>(html`<stride-live-page .services=${services}></stride-live-page>`);
    await settledPage(live);
    const lroot = live.shadowRoot!;
    expect(lroot.querySelector('#cadence') === null, 'the cadence tile').to.equal(true);
    expect(lroot.querySelector('#cadence-hidden') !== null).to.equal(true);
    for (const id of ['in-target', 'stride', 'cadence-chart', 'stride-chart']) expect(lroot.querySelector(`#${id}`) === null, id).to.equal(true);
    expect(lroot.querySelector('stride-zone-bar') === null).to.equal(true);
    await expect(live).to.be.accessible();
  });

  // A session drives the metronome: its target, on and off by the schedule. The button says so and
  // cannot be pressed, nor its keys fight the program; the runner's mute still silences it.
  it('a session: the metronome button shows the program\'s metronome, and its keys do nothing', async () => {
    await armed(programWithSessions(day(-6), 2));
    const page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
    const metronome = () => page.shadowRoot!.querySelector('stride-metronome-button')!.shadowRoot!;
    const key = async (k: string) => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
      window.dispatchEvent(new KeyboardEvent('keyup', { key: k, bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 50));
    };
    run(0, 100, 165);
    await waitUntil(() => services.program.moment !== null, 'the run is followed', { timeout: 5000 });
    await settledPage(page);
    expect(words(metronome(), '#metronome'), 'the warm-up').to.equal('Program metronome · off · 172');
    expect(metronome().querySelector<HTMLButtonElement>('#metronome')!.disabled).to.equal(true);
    expect(metronome().querySelector('#slower') ?? metronome().querySelector('#faster')).to.equal(null);
    await key('m');
    expect(services.coach.metronomeOn, 'M does not start it').to.equal(false);
    run(101, 300 + 75, 165);
    await waitUntil(() => services.program.moment?.metronomeOn === true, 'the metronome block', { timeout: 5000 });
    await settledPage(page);
    expect(words(metronome(), '#metronome'), 'the program plays it').to.equal('Program metronome · on · 172');
    await key('m');
    await key('ArrowRight');
    expect([services.coach.metronomeOn, services.coach.metronomeRateSpm], 'M and → leave it to the program').to.deep.equal([true, 172]);
    await services.coach.setMuted(true);
    run(376, 380, 165);
    expect(services.coach.metronomeOn, 'muted').to.equal(false);
  });
});
