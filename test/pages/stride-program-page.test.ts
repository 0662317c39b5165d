// The Program page in each of its states, with the real services and the program as stored in
// IndexedDB (a database of this file's own): none, choosing the test speed, baseline due,
// choosing the target, a session due, the effort rule's suggestion, the next block, results that
// held and faded, paused; the two taps after a session and the cadence revealed after a test are
// run through a real recording with a scripted pod.
import { expect, waitUntil } from '@open-wc/testing';
import { clear, get, set } from 'idb-keyval';
import type { AppServices } from '../../src/services/services.js';
import '../../src/pages/stride-program-page.js';
import type { StrideProgramPage } from '../../src/pages/stride-program-page.js';
import type { StrideProgramAnswers } from '../../src/components/stride-program-answers.js';
import type { StrideProgramTarget } from '../../src/components/stride-program-target.js';
import { dayStart } from '../../src/program/program-schedule.js';
import { newProgram, withPaused, withTestSpeed } from '../../src/program/program-state.js';
import { WARM_UP_S } from '../../src/program/session-plan.js';
import type { ProgramState } from '../../src/program/program-types.js';
import { formatDate } from '../../src/session/date-format.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { SESSIONS_KEY } from '../../src/store/session-store.js';
import { summary } from '../support/session-summaries.js';
import { appTheme } from '../support/app-theme.js';
import { catchDownloads } from '../support/catch-downloads.js';
import { finishProgramRun } from '../support/finish-program-run.js';
import { openProgramPage, programDay, settledPage } from '../support/program-pages.js';
import { TEST_SPEED, programWithSessions, runNext } from '../support/program-states.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-test-program-page');

const PROGRAM_KEY = 'program';
let services: AppServices;
let pod: ScriptedFootpod;
let page: StrideProgramPage;

const $ = <T extends Element = HTMLElement>(selector: string) => page.shadowRoot!.querySelector<T>(selector);
const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
/** Seven in the morning `days` from today (negative: before). */
const day = programDay;

const settled = (): Promise<void> => settledPage(page);

/** The page over `stored` (nothing: no program yet), with services that read it from the store. */
async function programPage(stored: ProgramState | null = null): Promise<void> {
  ({ services, pod, page } = await openProgramPage(stored));
}

const until = async (check: () => boolean, what: string) => {
  await waitUntil(() => {
    void settled();
    return check();
  }, what, { timeout: 5000 });
  await settled();
};

/** Where the page asked the router to go next. */
const nextNavigation = () =>
  new Promise<string>((resolve, reject) => {
    window.addEventListener('vaadin-router-go', (event) => resolve((event as CustomEvent<{ pathname: string }>).detail.pathname), { once: true });
    setTimeout(() => reject(new Error('the page did not navigate')), 3000);
  });

/** Seconds `from`…`to` of steady running at `cadence`, 2.78 m/s (10.0 km/h). */
function run(from: number, to: number, cadence = 164, speedMps = TEST_SPEED): void {
  for (let t = from; t <= to; t++) pod.send(t, { cadence, speedMps });
}

async function recordAndSave(seconds: number, cadence: number): Promise<void> {
  await services.footpod.simulate();
  await services.recording.start();
  run(0, seconds, cadence);
  const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
  services.recording.stop();
  await saved;
}

describe('stride-program-page', () => {
  before(() => appTheme);
  beforeEach(() => clear(kvStore()));
  afterEach(async () => {
    if (services) await finishProgramRun(services);
  });

  it('with no program: what it is in two sentences, Begin, and the way to "Why this works"; Begin asks for the test speed', async () => {
    await programPage();
    expect(text('#intro')!.split(/(?<=\.) /)).to.have.length(2);
    expect($('a[href="/program/why"]') !== null).to.equal(true);
    await expect(page).to.be.accessible();
    $<HTMLButtonElement>('#begin')!.click();
    await until(() => $('stride-program-speed') !== null, 'the speed is asked for');
    expect(services.program.program).to.deep.include({ testSpeedMps: null, blocks: [] });
    expect(await get(PROGRAM_KEY, kvStore()), 'stored').to.not.equal(undefined);
    await expect(page).to.be.accessible();
  });

  it('choosing the speed: a suggestion from the runner’s runs, typed in their unit; then the baseline is due today', async () => {
    // Most running at 2.5–3.0 m/s lately: the suggestion is that band's middle, 2.75 m/s (9.9 km/h).
    await set(SESSIONS_KEY, [summary(day(-3), { bands: [[5, 1800, 160], [6, 300, 166]] })], kvStore());
    await programPage(newProgram(day(-1)));
    await until(() => $('stride-program-speed')?.shadowRoot?.querySelector('#suggested') != null, 'a suggestion from the runs');
    const speed = $('stride-program-speed')!;
    const input = speed.shadowRoot!.querySelector<HTMLInputElement>('#speed')!;
    expect(input.value).to.equal('9.9');
    input.value = '10.0';
    speed.shadowRoot!.querySelector<HTMLButtonElement>('#use-speed')!.click();
    await until(() => services.program.program?.testSpeedMps !== null, 'the speed is kept');
    expect(services.program.program!.testSpeedMps).to.be.closeTo(TEST_SPEED, 1e-9);
    expect(text('#today-heading')).to.equal('Today');
    expect(text('#today-sentence')).to.equal(
      'Baseline test: 5 minutes at 10.0 km/h after a 5-minute warm-up, no metronome and no cadence on screen',
    );
    await expect(page).to.be.accessible();
  });

  it('baseline due: Start arms the test and opens the treadmill screen', async () => {
    await programPage(withTestSpeed(newProgram(day(-1)), TEST_SPEED));
    expect($('#start') !== null).to.equal(true);
    const went = nextNavigation();
    $<HTMLButtonElement>('#start')!.click();
    expect(await went).to.equal('/treadmill');
    expect(services.program.active).to.deep.include({ kind: 'test', test: 'baseline' });
    await settled();
    expect(text('#today-heading')).to.equal('Running now');
    expect($('#cancel-run') !== null).to.equal(true);
  });

  it('after a test: the cadence is revealed, with the minutes left out said; a test too short says why and to take it again', async () => {
    await programPage(withTestSpeed(newProgram(day(-1)), TEST_SPEED));
    await services.program.startNext();
    // 5 minutes of warm-up, then the test: its first two minutes 6 % fast, three at the test speed.
    await services.footpod.simulate();
    await services.recording.start();
    run(0, 299, 160);
    run(300, 419, 166, TEST_SPEED * 1.06);
    run(420, 610, 164);
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
    await until(() => $('#reveal') !== null, 'the result is shown');
    expect(text('#reveal-heading')).to.equal('Baseline test done');
    expect(text('#reveal-cadence')).to.match(/^Cadence 164 steps\/min, stride \d\.\d\d m$/);
    expect(text('#reveal-kept')).to.contain('Measured over 3 of the test').and.contain('2 of 5 minutes were left out');
    expect($('stride-program-target') !== null, 'the target is asked for next').to.equal(true);
    await expect(page).to.be.accessible();

    // A second test, stopped in its warm-up.
    await services.program.reset();
    await set(PROGRAM_KEY, withTestSpeed(newProgram(day(-1)), TEST_SPEED), kvStore());
    await programPage();
    await services.program.startNext();
    await recordAndSave(60, 164);
    await until(() => $('#reveal') !== null, 'the outcome is shown');
    expect(text('#reveal-heading')).to.equal('Baseline test: not counted');
    expect(text('#reveal-why')!.length).to.be.greaterThan(10);
    expect(text('#reveal')).to.contain('sets it up again');
  });

  it('choosing the target: +5 % by default, 7.5 and 10 offered, beside the 170–180 guideline as context; starting it sets the block and the zones', async () => {
    const state = runNext(withTestSpeed(newProgram(day(-3)), TEST_SPEED), day(-2), 164);
    await programPage(state);
    const target = $<StrideProgramTarget>('stride-program-target')!;
    const inner = (s: string) => target.shadowRoot!.querySelector<HTMLElement>(s);
    expect(inner('#baseline')!.textContent!.replace(/\s+/g, ' ')).to.contain('164 steps/min');
    expect(inner('#target')!.textContent).to.equal('Target: 172 steps/min');
    expect(inner('#guideline')!.textContent!.replace(/\s+/g, ' ')).to.contain('For context only: 170–180 steps/min');
    const radios = [...target.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => `${r.value}:${r.checked}`)).to.deep.equal(['5:true', '7.5:false', '10:false']);
    expect(radios.map((r) => r.parentElement!.textContent!.replace(/\s+/g, ' ').trim().slice(0, 22))).to.deep.equal([
      '+5 %: 172 steps/min (s', '+7.5 %: 176 steps/min', '+10 %: 180 steps/min',
    ]);
    await expect(page).to.be.accessible();
    radios[1]!.click();
    await target.updateComplete;
    expect(inner('#target')!.textContent).to.equal('Target: 176 steps/min');
    inner('#start-block')!.click();
    await until(() => services.program.program!.blocks.length === 1, 'the block began');
    expect(services.program.program!.blocks[0]).to.deep.include({ targetPercent: 7.5, targetSpm: 176 });
    const zones = services.settings.settings.zones;
    expect(zones.targetFrom <= 176 && 176 <= zones.targetTo, 'the zones are centred on the target').to.equal(true);
    expect($('stride-program-target') === null, 'asked once').to.equal(true);
    expect(text('#today-sentence')).to.equal('Session 1 of 8: 15 minutes at 176, metronome throughout');
  });

  it('a session due: today’s session in one sentence, the schedule with dates, past sessions ticked with their numbers, and the calendar file', async () => {
    await programPage(programWithSessions(day(-6), 2));
    expect(text('#today-heading')).to.equal('Today');
    expect(text('#today-sentence')).to.equal('Session 3 of 8: 18 minutes at 172, metronome throughout');
    const schedule = $('stride-program-schedule')!.shadowRoot!;
    const done = [...schedule.querySelectorAll('li')].filter((li) => li.querySelector('.tick')!.textContent === '✓');
    expect(done.map((li) => li.querySelector('.when')!.textContent)).to.deep.equal([day(-6), day(-5), day(-3)].map((d) => formatDate(dayStart(d))));
    expect(done[1]!.textContent!.replace(/\s+/g, ' ')).to.contain('Done: 15 min, cadence 171, effort 4/10');
    expect(schedule.querySelector('li.next')!.textContent).to.contain('Session 3');
    expect(text('#results-heading')).to.equal('Test results');

    const caught = catchDownloads();
    try {
      $<HTMLButtonElement>('#calendar')!.click();
      expect(caught.downloads.map((d) => d.fileName)).to.deep.equal(['stridewise-cadence-program.ics']);
      const ics = await caught.downloads[0]!.blob.text();
      expect(ics).to.match(/^BEGIN:VCALENDAR/);
      expect(ics.match(/BEGIN:VEVENT/g)!.length, 'one event per planned session and test').to.equal(services.program.schedule.filter((i) => !i.done).length);
      expect(ics).to.contain('SUMMARY:Stridewise: session 3 of 8');
    } finally {
      caught.restore();
    }
    await expect(page).to.be.accessible();
  });

  it('after a session: two taps, kept with the session', async () => {
    await programPage(programWithSessions(day(-6), 2));
    await services.program.startNext();
    // Session 3 counts as done with half its 18 minutes at target: the warm-up, then 10 minutes.
    await recordAndSave(WARM_UP_S + 10 * 60, 171);
    await until(() => $('stride-program-answers') !== null, 'the taps are asked for');
    const answers = $<StrideProgramAnswers>('stride-program-answers')!;
    expect(answers.session).to.equal(3);
    await expect(page).to.be.accessible();
    answers.shadowRoot!.querySelector<HTMLButtonElement>('.effort button[data-value="5"]')!.click();
    await answers.updateComplete;
    answers.shadowRoot!.querySelector<HTMLButtonElement>('.natural button[data-value="2"]')!.click();
    await until(() => $('stride-program-answers') === null, 'answered');
    expect(services.program.program!.blocks[0]!.sessions[2]!.answers).to.deep.equal({ effort: 5, natural: 2 });
  });

  it('the effort rule: says why it suggests repeating, and the runner chooses', async () => {
    let state = runNext(withTestSpeed(newProgram(day(-12)), TEST_SPEED), day(-11), 164);
    state = (await import('../../src/program/program-state.js')).withBlockStarted(state, 5, day(-10));
    for (const [i, effort] of [3, 4, 7].entries()) state = runNext(state, day(-10 + 2 * i), 171, { effort, natural: 3 });
    await programPage(state);
    expect(text('#suggestion-why')).to.equal(services.program.suggestion!.why);
    expect(text('#suggestion-why')).to.contain('from 3 to 7');
    expect(text('#repeat')).to.equal('Repeat session 3');
    expect($('#start') === null, 'no Start until the runner has chosen').to.equal(true);
    expect(text('#choose-first')).to.contain('repeat a session or move on');
    await expect(page).to.be.accessible();
    $<HTMLButtonElement>('#repeat')!.click();
    await until(() => $('#suggestion') === null, 'chosen');
    expect(services.program.program!.blocks[0]!.repeatChosen).to.equal(true);
    expect(text('#today-sentence')).to.match(/^Session 3 of 8/);
    expect($('#start') !== null).to.equal(true);
  });

  it('results: a retention test that held offers the next block; one that faded says so with both numbers', async () => {
    // Sessions 1-8 two days apart from day -39; the end-of-block test on day -23 held (168.6 of 172).
    // The next block: 5 % above the test (177.03, rounded), under the cap of 5 % above the last target (180).
    const held = runNext(programWithSessions(day(-40), 8), day(-23), 168.6);
    await programPage(held);
    const results = $('stride-program-results')!.shadowRoot!;
    expect(results.querySelector('#verdict-1')!.textContent).to.equal(
      'Retention test, end of block: Held: 169 steps/min against the target of 172, within 2 % of it or above.',
    );
    expect(text('#next-target')).to.equal('177 steps/min');
    expect(text('#next-block'), 'the step is capped at the last target').to.contain('at most 5 % above the last target');
    expect(text('#start-next-block')).to.equal('Start block 2');
    await expect(page).to.be.accessible();

    // The one-week test 7 days later faded (167.7 of 172).
    await set(PROGRAM_KEY, runNext(held, day(-16), 167.7), kvStore());
    await programPage();
    expect($('stride-program-results')!.shadowRoot!.querySelector('#verdict-1')!.textContent).to.equal(
      'Retention test, 1 week: Faded: 168 steps/min against the target of 172, more than 2 % below it.',
    );
    expect($('#next-block') === null, 'no next block from a faded test').to.equal(true);
    expect(text('#today-heading'), 'the four-weeks test is weeks away').to.match(/^Next, on /);
    expect($('#start') === null).to.equal(true);
    expect(text('#rest')).to.contain('The tests are spaced');
    await expect(page).to.be.accessible();
  });

  it('paused: nothing due, Resume starts the dates again from today; Pause from the page', async () => {
    await programPage(withPaused(programWithSessions(day(-10), 2), day(-4)));
    expect(text('#paused-heading')).to.equal(`Paused since ${formatDate(day(-4))}`);
    expect($('#today') === null).to.equal(true);
    expect($('#pause') === null).to.equal(true);
    await expect(page).to.be.accessible();
    $<HTMLButtonElement>('#resume')!.click();
    await until(() => $('#paused') === null, 'resumed');
    expect(text('#today-heading')).to.equal('Today');
    $<HTMLButtonElement>('#pause')!.click();
    await until(() => $('#paused') !== null, 'paused again');
    expect(services.program.program!.pauses.at(-1)!.toMs).to.equal(null);
  });

  it('ends the program only after asking', async () => {
    await programPage(programWithSessions(day(-6), 1));
    $<HTMLButtonElement>('#end')!.click();
    await settled();
    expect(text('#end-question')).to.contain('End the program?');
    $<HTMLButtonElement>('#end-keep')!.click();
    await settled();
    expect(services.program.program).to.not.equal(null);
    $<HTMLButtonElement>('#end')!.click();
    await settled();
    $<HTMLButtonElement>('#end-confirm')!.click();
    await until(() => $('#begin') !== null, 'back to the start');
    expect(services.program.program).to.equal(null);
  });
});
