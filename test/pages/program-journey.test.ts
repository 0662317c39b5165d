// Issue 18's "done when", lived as a runner lives it: from no data to a baseline test, eight faded
// sessions and the end-of-block retention test, through the Program page and the treadmill screen
// only, with a pod the test writes every notification of (through the real RSC parser) and a wall
// clock it moves on by days between the runs. The app's services are the real ones; only the coach's
// outputs write down what they would sound. What is checked is what the runner reads (sentences and
// numbers on the pages) and hears (the metronome, cues and check-ins), never the program's stored
// state. A second test takes the other way the issue names, the simulated footpod, from Begin to the
// end-of-block verdict, with the simulator's own runner doing the program.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { CoachRules } from '../../src/coach/coach-rules.js';
import { metronomeRate } from '../../src/coach/metronome-timing.js';
import '../../src/pages/stride-live-page.js';
import '../../src/pages/stride-program-page.js';
import '../../src/pages/stride-treadmill-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import type { StrideProgramPage } from '../../src/pages/stride-program-page.js';
import type { StrideTreadmillPage } from '../../src/pages/stride-treadmill-page.js';
import type { CoachEngine } from '../../src/services/coach-service.js';
import { type AppServices, createServices } from '../../src/services/services.js';
import { defaultCoachSettings } from '../../src/session/coach-settings.js';
import { formatDate } from '../../src/session/date-format.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { finishProgramRun } from '../support/finish-program-run.js';
import { RecordingMetronome, RecordingOutput, RecordingWakeLock } from '../support/recording-outputs.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import type { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { inBench } from '../support/invariant-runs.js';

useSeparateDatabase('stride-test-program-journey');

const TEST_KMH = 10;
const TEST_MPS = TEST_KMH / 3.6;
const BASELINE = 164;
/** +5 % of 164, to a whole step. */
const TARGET = 172;
/** The runner's cadence in sessions 1-8, rising toward the target; and at the end-of-block test. */
const SESSION_CADENCE = [165, 166, 167, 168, 169, 170, 171, 171];
const RETAINED = 170;
const MINUTES = [15, 17, 18, 20, 22, 25, 27, 30];
const SHARE = [1, 1, 1, 1, 0.75, 0.5, 0.25, 0];
const SHARE_WORDS = ['metronome throughout', 'metronome throughout', 'metronome throughout', 'metronome throughout',
  'metronome for 75 % of it', 'metronome for 50 % of it', 'metronome for 25 % of it', 'no metronome, a cue only when you drift more than 3 % off'];
/** Days from the baseline: a session the day after it, a rest day between sessions, the test 2 days after session 8. */
const SESSION_DAY = [1, 3, 5, 7, 9, 11, 13, 15];
const END_TEST_DAY = 17;
const WARM_UP_S = 300;
const COOL_DOWN_S = 60;

// The wall clock every part of the app reads (program, recorder, pages): today at 7:00 plus the
// days the test has moved on, plus the real time since it moved.
const realNow = Date.now;
const firstMorning = new Date();
firstMorning.setHours(7, 0, 0, 0);
let day = 0;
let movedAt = realNow();
const morningOf = (d: number): number => {
  const at = new Date(firstMorning);
  at.setDate(at.getDate() + d);
  return at.getTime();
};
function goToDay(d: number): void {
  day = d;
  movedAt = realNow();
}

let services: AppServices;
let pod: ScriptedFootpod;
let metronome: RecordingMetronome;
/** What the coach said or showed (cues, check-ins), as the outputs were asked to play it. */
let output: RecordingOutput;
let podS = 0;
/** Each session's metronome ON seconds against its planned share, for the log. */
const metronomeSeconds: string[] = [];

const text = (root: ParentNode | null | undefined, selector: string): string | null =>
  root?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

/** Lets the stores, the program's writes and the pages' renders catch up (not throttled in a background tab). */
const aTask = (): Promise<void> => new Promise((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(null);
});

async function settled(page: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
  await aTask();
  await page.updateComplete;
  for (const child of page.shadowRoot!.querySelectorAll('*')) await (child as Partial<StrideTreadmillPage>).updateComplete;
}

/** The Program page as the runner opens it from the navigation. */
async function programPage(): Promise<StrideProgramPage> {
  const page = await fixture<StrideProgramPage>(html`<stride-program-page .services=${services}></stride-program-page>`);
  await waitUntil(() => page.shadowRoot!.querySelector('.hint[role=status]') === null, 'the program was read', { timeout: 5000 });
  await settled(page);
  return page;
}

/** Where the pages sent the runner (the router's own event; no router runs in this test). */
const wentTo: string[] = [];
const noteNavigation = (event: Event): void => void wentTo.push((event as CustomEvent<{ pathname: string }>).detail.pathname);

function tap(root: ParentNode, selector: string): void {
  const element = root.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`Nothing to tap at ${selector}`);
  element.click();
}

/**
 * `seconds` of running, a notification a second on the pod's clock; `each(i)` after second i
 * (0-based) is delivered. Returns the seconds the metronome was playing after each.
 */
async function runFor(seconds: number, cadence: number, each: (i: number) => Promise<void> | void = () => {}): Promise<number> {
  let onS = 0;
  for (let i = 0; i < seconds; i++) {
    pod.send(podS++, { cadence, speedMps: TEST_MPS, strideLengthM: (TEST_MPS * 60) / cadence });
    if (metronome.running) onS++;
    await each(i);
    if (i % 60 === 59) await aTask();
  }
  return onS;
}

/** From the Program page's Start to the saved run: the treadmill screen as the runner uses it. */
async function onTheTreadmill(program: StrideProgramPage): Promise<StrideTreadmillPage> {
  tap(program.shadowRoot!, '#start');
  await waitUntil(() => services.program.active !== null, 'Start armed today’s item', { timeout: 5000 });
  await waitUntil(() => wentTo.at(-1) === '/treadmill', 'Start opens the treadmill screen', { timeout: 5000 });
  const page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
  await settled(page);
  tap(page.shadowRoot!.querySelector('stride-recording-controls')!.shadowRoot!, '#start');
  await waitUntil(() => services.recording.state === 'recording', 'recording', { timeout: 5000 });
  return page;
}

/** Stop and save, Leave, and from the live page the link back to the Program page, which it opens. */
async function stopAndSave(page: StrideTreadmillPage, link: string): Promise<StrideProgramPage> {
  const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
  await settled(page);
  tap(page.shadowRoot!.querySelector('stride-recording-controls')!.shadowRoot!, '#stop');
  await saved;
  await waitUntil(() => services.program.active === null, 'the run was measured', { timeout: 10_000 });
  tap(page.shadowRoot!, '#leave');
  expect(wentTo.at(-1), 'Leave goes to the live page').to.equal('/');
  page.remove();
  const live = await fixture<StrideLivePage>(html`<stride-live-page .services=${services}></stride-live-page>`);
  await waitUntil(() => live.shadowRoot!.querySelector('#program-after a') !== null, 'the way back to the program', { timeout: 5000 });
  const back = live.shadowRoot!.querySelector<HTMLAnchorElement>('#program-after a')!;
  expect([back.textContent, back.getAttribute('href')]).to.deep.equal([link, '/program']);
  live.remove();
  return programPage();
}

const strip = (page: StrideTreadmillPage) => text(page.shadowRoot!.querySelector('stride-program-strip')?.shadowRoot, '#program-strip');

/** A cue-free test: the treadmill screen shows time and speed, never the cadence; nothing sounds. */
async function takeTest(program: StrideProgramPage, name: string, cadence: number): Promise<StrideProgramPage> {
  const page = await onTheTreadmill(program);
  const startsBefore = metronome.calls.filter((c) => c[0] === 'start').length;
  const playedBefore = output.played.length;
  // What the strip says in the warm-up, the five test minutes and the cool-down; the cadence hidden throughout.
  const said = new Map([
    [60, `${name} Warm-up the 5 test minutes start after 5 minutes of running`],
    [WARM_UP_S + 150, `${name} Test 2 min done, 3 min left`],
    [WARM_UP_S + 300 + 30, `${name} Test done cool down, then Stop`],
  ]);
  const onS = await runFor(WARM_UP_S + 300 + COOL_DOWN_S, cadence, async (i) => {
    if (!said.has(i)) return;
    await settled(page);
    const root = page.shadowRoot!;
    expect(text(root, '#cadence-hidden'), `${name} at ${i} s`).to.equal('Cadence hidden during the test');
    expect(text(root, '#speed')).to.equal('10.0');
    expect(root.querySelector('#cadence'), 'no cadence on screen').to.equal(null);
    expect(root.textContent!.includes(String(cadence)), 'the cadence nowhere on screen').to.equal(false);
    expect(strip(page)).to.equal(said.get(i));
  });
  expect(onS, `no metronome in the ${name}`).to.equal(0);
  expect(metronome.calls.filter((c) => c[0] === 'start').length, `no metronome start in the ${name}`).to.equal(startsBefore);
  expect(output.played.slice(playedBefore).map((e) => e.kind), `no cue and no check-in in the ${name}`).to.deep.equal([]);
  return stopAndSave(page, 'Program: your test result');
}

/** Session n (1-8) on the treadmill screen, then the two taps on the Program page. */
async function runSession(n: number): Promise<void> {
  const i = n - 1;
  const minutes = MINUTES[i]!;
  const cadence = SESSION_CADENCE[i]!;
  goToDay(SESSION_DAY[i]! - 1);
  let program = await programPage();
  expect(text(program.shadowRoot, '#today-heading'), `the day before session ${n}`).to.equal(`Next, on ${formatDate(morningOf(SESSION_DAY[i]!))}`);
  expect(program.shadowRoot!.querySelector('#start'), 'no Start on a rest day').to.equal(null);

  goToDay(SESSION_DAY[i]!);
  program = await programPage();
  expect(text(program.shadowRoot, '#today-heading')).to.equal('Today');
  expect(text(program.shadowRoot, '#today-sentence')).to.equal(`Session ${n} of 8: ${minutes} minutes at ${TARGET}, ${SHARE_WORDS[i]}`);
  const page = await onTheTreadmill(program);
  const playedBefore = output.played.length;
  const mainS = minutes * 60;
  const onS = await runFor(WARM_UP_S + mainS + COOL_DOWN_S, cadence, async (s) => {
    if (s === 60) {
      await settled(page);
      expect(strip(page), `session ${n}, warm-up`).to.equal(`Session ${n} of 8 Warm-up then the minutes at ${TARGET} Metronome off now`);
    }
    if (s === WARM_UP_S + 90) {
      await settled(page);
      // Into the main part: the first minutes are always with the metronome, except in session 8.
      const faded = SHARE[i]! > 0 && SHARE[i]! < 1;
      expect(strip(page), `session ${n}, main part`).to.match(new RegExp(
        `^Session ${n} of 8 At ${TARGET} 1 min done, ${minutes - 1} min left${faded ? ' block 1 of \\d+' : ''} Metronome ${SHARE[i]! > 0 ? 'on' : 'off'} now$`,
      ));
      // The cadence stays on screen in a session.
      expect(text(page.shadowRoot, '#cadence')).to.equal(String(cadence));
    }
    if (s === WARM_UP_S + mainS + 30) {
      await settled(page);
      expect(strip(page), `session ${n}, cool-down`).to.equal(`Session ${n} of 8 Minutes at target done cool down, then Stop Metronome off now`);
    }
  });
  const planned = SHARE[i]! * mainS;
  metronomeSeconds.push(`${onS}/${planned}`);
  if (planned === 0) expect(onS, `session ${n}: no metronome`).to.equal(0);
  else expect(onS / planned, `session ${n}: metronome ON ${onS} s against ${planned} s planned`).to.be.within(0.95, 1.05);
  const played = output.played.slice(playedBefore).map((e) => e.kind);
  // Below the zones' target in the first sessions, yet no zone cue; within 3 % of the target while the metronome is off: no bandwidth cue.
  expect(played.filter((kind) => kind !== 'check-in'), `session ${n}: no cue`).to.deep.equal([]);
  expect(played.length, `session ${n}: the technique check-ins go on`).to.be.above(0);
  const rates = metronome.calls.flatMap((c) => (c[0] === 'stop' ? [] : [c[1].rateSpm]));
  expect(rates.filter((r) => r !== TARGET), 'the metronome plays the target only').to.deep.equal([]);
  // The two taps, then the next item a rest day on.
  program = await stopAndSave(page, 'Program: two taps on how this session felt');
  const answers = program.shadowRoot!.querySelector('stride-program-answers');
  expect(answers, `the two taps after session ${n}`).to.not.equal(null);
  expect(text(answers!.shadowRoot, '#answers-heading')).to.equal(`Session ${n} done: two taps`);
  tap(answers!.shadowRoot!, '.effort button[data-value="5"]');
  await settled(program);
  tap(answers!.shadowRoot!, '.natural button[data-value="3"]');
  await waitUntil(() => program.shadowRoot!.querySelector('stride-program-answers') === null, 'the taps were taken', { timeout: 5000 });
  await settled(program);
  const nextDay = n < 8 ? SESSION_DAY[n]! : END_TEST_DAY;
  expect(text(program.shadowRoot, '#today-heading'), `after session ${n}`).to.equal(`Next, on ${formatDate(morningOf(nextDay))}`);
  const rows = [...program.shadowRoot!.querySelector('stride-program-schedule')!.shadowRoot!.querySelectorAll('li.is-done')];
  const row = rows.find((li) => text(li, '.name') === `Session ${n}`);
  expect(text(row, '.tick'), `session ${n} ticked`).to.equal('✓');
  expect(text(row, '.done')).to.equal(`Done: ${minutes} min, cadence ${cadence}, effort 5/10, natural 3/5`);
}

function coachWith(recorder: RecordingMetronome): CoachEngine {
  output = new RecordingOutput();
  return {
    rules: new CoachRules(defaultCoachSettings, defaultCadenceZones, undefined, () => 0.5),
    output,
    metronome: recorder,
    wakeLock: new RecordingWakeLock(),
    metronomeRate,
  };
}

/** "Try without a footpod" on the live page. */
async function connectOnLivePage(): Promise<void> {
  const live = await fixture<StrideLivePage>(html`<stride-live-page .services=${services}></stride-live-page>`);
  await settled(live);
  tap(live.shadowRoot!.querySelector('stride-connection-panel')!.shadowRoot!, '#simulate');
  await waitUntil(() => services.footpod.source?.state === 'connected', 'the pod connected', { timeout: 5000 });
  live.remove();
}

/** Begin, and 10.0 km/h as the test speed: the baseline test is today's item. */
async function beginAtTestSpeed(program: StrideProgramPage): Promise<void> {
  tap(program.shadowRoot!, '#begin');
  await waitUntil(() => program.shadowRoot!.querySelector('stride-program-speed') !== null, 'the speed question', { timeout: 5000 });
  await settled(program);
  const speed = program.shadowRoot!.querySelector('stride-program-speed')!;
  speed.shadowRoot!.querySelector<HTMLInputElement>('#speed')!.value = '10.0';
  tap(speed.shadowRoot!, '#use-speed');
  await waitUntil(() => program.shadowRoot!.querySelector('#today-sentence') !== null, 'today’s item', { timeout: 5000 });
  await settled(program);
  expect(text(program.shadowRoot, '#today-heading')).to.equal('Today');
  expect(text(program.shadowRoot, '#today-sentence')).to.equal(
    'Baseline test: 5 minutes at 10.0 km/h after a 5-minute warm-up, no metronome and no cadence on screen',
  );
}

describe('the cadence program through the UI: no data, a baseline, eight faded sessions, a retention test', () => {
  before(() => {
    window.addEventListener('vaadin-router-go', noteNavigation);
    Date.now = () => morningOf(day) + (realNow() - movedAt);
  });
  afterEach(async () => {
    if (services) await finishProgramRun(services);
  });
  after(() => {
    Date.now = realNow;
    window.removeEventListener('vaadin-router-go', noteNavigation);
  });

  it('a runner with only a footpod goes from Begin to the end-of-block verdict', async function () {
    this.timeout(120_000);
    const started = realNow();
    goToDay(0);
    pod = new ScriptedFootpod('Stryd');
    metronome = new RecordingMetronome();
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => coachWith(metronome));
    await services.settings.load();
    await connectOnLivePage();

    // Day 0: Begin, the test speed, Start the baseline test.
    let program = await programPage();
    await beginAtTestSpeed(program);
    program = await takeTest(program, 'Baseline test', BASELINE);

    // The cadence revealed, and the target chosen (+5 %, the suggested one).
    expect(text(program.shadowRoot, '#reveal-heading')).to.equal('Baseline test done');
    expect(text(program.shadowRoot, '#reveal-cadence')).to.equal(`Cadence ${BASELINE} steps/min, stride ${((TEST_MPS * 60) / BASELINE).toFixed(2)} m`);
    expect(text(program.shadowRoot, '#reveal-kept')).to.equal("Measured over 5 of the test's minutes.");
    const target = program.shadowRoot!.querySelector('stride-program-target')!;
    expect(text(target.shadowRoot, '#baseline')).to.contain(`${BASELINE} steps/min`);
    tap(target.shadowRoot!, 'input[value="10"]');
    await settled(program);
    expect(text(target.shadowRoot, '#target')).to.equal(`Target: ${Math.round(BASELINE * 1.1)} steps/min`);
    tap(target.shadowRoot!, 'input[value="5"]');
    await settled(program);
    expect(text(target.shadowRoot, '#target')).to.equal(`Target: ${TARGET} steps/min`);
    tap(target.shadowRoot!, '#start-block');
    await waitUntil(() => program.shadowRoot!.querySelector('stride-program-target') === null, 'the block started', { timeout: 5000 });
    await settled(program);
    expect(text(program.shadowRoot, '#today-heading'), 'session 1 tomorrow').to.equal(`Next, on ${formatDate(morningOf(1))}`);
    expect(text(program.shadowRoot, '#today-sentence')).to.equal(`Session 1 of 8: 15 minutes at ${TARGET}, metronome throughout`);

    for (let n = 1; n <= 8; n++) await runSession(n);

    // The end-of-block test on its day, cue-free, then the verdict beside the baseline and target.
    goToDay(END_TEST_DAY);
    program = await programPage();
    expect(text(program.shadowRoot, '#today-heading')).to.equal('Today');
    expect(text(program.shadowRoot, '#today-sentence')).to.equal(
      'Retention test, end of block: 5 minutes at 10.0 km/h after a 5-minute warm-up, no metronome and no cadence on screen',
    );
    program = await takeTest(program, 'Retention test, end of block', RETAINED);
    expect(text(program.shadowRoot, '#reveal-cadence')).to.equal(`Cadence ${RETAINED} steps/min, stride ${((TEST_MPS * 60) / RETAINED).toFixed(2)} m`);
    const results = program.shadowRoot!.querySelector('stride-program-results')!.shadowRoot!;
    const rows = [...results.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()));
    expect(rows, 'baseline, target and the test side by side, each test with its day').to.deep.equal([
      [`Baseline test${formatDate(morningOf(0))}`, String(BASELINE), `${((TEST_MPS * 60) / BASELINE).toFixed(2)} m`, '–'],
      [`Target (+5 %)${formatDate(morningOf(0))}`, String(TARGET), '–', '–'],
      [`Retention test, end of block${formatDate(morningOf(END_TEST_DAY))}`, String(RETAINED), `${((TEST_MPS * 60) / RETAINED).toFixed(2)} m`, 'Held'],
    ]);
    expect(text(results, '#verdict-1')).to.equal(
      `Retention test, end of block: Held: ${RETAINED} steps/min against the target of ${TARGET}, within 2 % of it or above.`,
    );
    // What comes next: the one-week test, a week after this one.
    expect(text(program.shadowRoot, '#today-heading')).to.equal(`Next, on ${formatDate(morningOf(END_TEST_DAY + 7))}`);
    console.log(`the journey took ${((realNow() - started) / 1000).toFixed(1)} s; metronome ON s/planned: ${metronomeSeconds.join(' ')}`);
  });

  // The simulated footpod is the issue's other way through ("with nothing but a footpod, or the
  // simulated one"): a runner who taps "Try without a footpod", chooses an easy 10.0 km/h and starts
  // the test at once must get a baseline, as on a belt held at that speed; then, session after
  // session, the simulated runner's cadence goes with the metronome, and the end-of-block test finds
  // the change kept. Nothing is scripted here: the cadences are the simulator's, read off the screens.
  // About 20 s of a 5-minute CI budget: the same journey as above with the simulator's own cadences,
  // so it runs in `npm run bench -- invariants`; npm test keeps the scripted journey above and the
  // simulated belt's own tests (program-simulated-belt).
  (inBench ? it : it.skip)('with the simulated footpod, the baseline counts, the cadence follows the metronome, and the change holds', async function () {
    this.timeout(120_000);
    goToDay(0);
    metronome = new RecordingMetronome();
    services = createServices({}, { flushIntervalMs: 200 }, async () => coachWith(metronome));
    await services.settings.load();
    await connectOnLivePage();
    const simulated = services.footpod.source as SimulatedFootpod;
    /** Seconds of the simulated pod, `each(s)` after every 15th. */
    const simulate = async (seconds: number, each: (s: number) => Promise<void> = async () => {}): Promise<void> => {
      for (let s = 0; s < seconds; s += 15) {
        simulated.emitSeconds(Math.min(15, seconds - s));
        await aTask();
        await each(s + 15);
      }
    };

    let program = await programPage();
    await beginAtTestSpeed(program);
    let page = await onTheTreadmill(program);
    await simulate(WARM_UP_S + 300 + COOL_DOWN_S);
    program = await stopAndSave(page, 'Program: your test result');
    expect(text(program.shadowRoot, '#reveal-heading'), text(program.shadowRoot, '#reveal-why') ?? '').to.equal('Baseline test done');
    expect(text(program.shadowRoot, '#reveal-kept')).to.equal("Measured over 5 of the test's minutes.");
    const baseline = Number(/^Cadence (\d+) steps\/min/.exec(text(program.shadowRoot, '#reveal-cadence') ?? '')?.[1]);
    // The simulated runner's own cadence at 10 km/h (run-profile's cadenceForSpeed: 160.7).
    expect(baseline, 'baseline cadence').to.be.within(159, 163);
    const target = program.shadowRoot!.querySelector('stride-program-target')!;
    const targetSpm = Number(/^Target: (\d+) steps\/min$/.exec(text(target.shadowRoot, '#target') ?? '')?.[1]);
    expect(targetSpm / baseline, 'the +5 % target').to.be.within(1.04, 1.06);
    tap(target.shadowRoot!, '#start-block');
    await waitUntil(() => program.shadowRoot!.querySelector('stride-program-target') === null, 'the block started', { timeout: 5000 });

    const log: string[] = [];
    for (let n = 1; n <= 8; n++) {
      const mainS = MINUTES[n - 1]! * 60;
      goToDay(SESSION_DAY[n - 1]!);
      program = await programPage();
      expect(text(program.shadowRoot, '#today-sentence')).to.match(new RegExp(`^Session ${n} of 8: ${MINUTES[n - 1]} minutes at ${targetSpm},`));
      page = await onTheTreadmill(program);
      // What the screen shows every 15 s, and whether the metronome had then been playing (or silent) for 30 s or more.
      const warmUp: number[] = [];
      const withBeats: number[] = [];
      const without: number[] = [];
      let since = { on: false, s: 0 };
      await simulate(WARM_UP_S + mainS + COOL_DOWN_S, async (s) => {
        await settled(page);
        const shown = Number(text(page.shadowRoot, '#cadence'));
        if (metronome.running !== since.on) since = { on: metronome.running, s };
        const settledS = s - since.s >= 30;
        if (s >= 60 && s < WARM_UP_S) warmUp.push(shown);
        else if (s > WARM_UP_S && s <= WARM_UP_S + mainS && settledS) (metronome.running ? withBeats : without).push(shown);
      });
      const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
      log.push(`${n}: warm-up ${mean(warmUp).toFixed(1)}, metronome on ${withBeats.length ? mean(withBeats).toFixed(1) : '–'}, off ${without.length ? mean(without).toFixed(1) : '–'}`);
      // Before any beat the runner runs at their habit, below the target; with the beats, at the target.
      expect(mean(warmUp), `session ${n}, warm-up`).to.be.below(targetSpm - 0.5);
      // The warm-up's belt is a little slower (97 %), so the cadence is a little under the baseline.
      if (n === 1) expect(mean(warmUp), 'session 1, warm-up: about the baseline cadence').to.be.within(baseline - 3, baseline + 1);
      if (SHARE[n - 1]! > 0) for (const c of withBeats) expect(Math.abs(c - targetSpm), `session ${n}, with the metronome: ${c}`).to.be.at.most(2);
      // Without it, part-way back, yet nearer the target with every session.
      if (SHARE[n - 1]! < 1) expect(mean(without), `session ${n}, metronome off`).to.be.within(mean(warmUp), targetSpm);
      program = await stopAndSave(page, 'Program: two taps on how this session felt');
      const answers = program.shadowRoot!.querySelector('stride-program-answers')!;
      tap(answers.shadowRoot!, '.effort button[data-value="5"]');
      await settled(program);
      tap(answers.shadowRoot!, '.natural button[data-value="3"]');
      await waitUntil(() => program.shadowRoot!.querySelector('stride-program-answers') === null, 'the taps were taken', { timeout: 5000 });
    }

    goToDay(END_TEST_DAY);
    program = await programPage();
    page = await onTheTreadmill(program);
    await simulate(WARM_UP_S + 300 + COOL_DOWN_S);
    program = await stopAndSave(page, 'Program: your test result');
    expect(text(program.shadowRoot, '#reveal-kept')).to.equal("Measured over 5 of the test's minutes.");
    const verdict = text(program.shadowRoot!.querySelector('stride-program-results')!.shadowRoot, '#verdict-1');
    console.log(`simulated footpod: baseline ${baseline}, target ${targetSpm}; sessions (mean shown cadence) ${log.join('; ')}; ${verdict}`);
    expect(verdict).to.match(new RegExp(`^Retention test, end of block: Held: \\d+ steps/min against the target of ${targetSpm}`));
  });
});
