// The Program page's numbers against its own words and the rules, with the real services
// and the program as stored (as test/pages/stride-program-page.test.ts does): the next step capped
// at 5 % above the last target and said so, a new baseline's target as chosen, verdicts on the number shown, the taps asked for every
// unrated session, true labels and reasons, one block per double tap, and where focus goes.
import { expect, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import type { AppServices } from '../../src/services/services.js';
import '../../src/pages/stride-program-page.js';
import type { StrideProgramPage } from '../../src/pages/stride-program-page.js';
import { newProgram, withBlockStarted, withTestSpeed } from '../../src/program/program-state.js';
import type { ProgramState } from '../../src/program/program-types.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { finishProgramRun } from '../support/finish-program-run.js';
import { openProgramPage, programDay, settledPage } from '../support/program-pages.js';
import { TEST_SPEED, programWithSessions, runNext } from '../support/program-states.js';

useSeparateDatabase('stride-test-program-page-words');

let services: AppServices;
let page: StrideProgramPage;
const $ = <T extends Element = HTMLElement>(selector: string) => page.shadowRoot!.querySelector<T>(selector);
const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const day = programDay;

const settled = (): Promise<void> => settledPage(page);

async function programPage(stored: ProgramState): Promise<void> {
  ({ services, page } = await openProgramPage(stored));
}

describe('the Program page says its numbers truly', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(async () => {
    if (services) await finishProgramRun(services);
  });

  // Issue 18, "Next step": "once a retention test holds, the program offers the next block with a
  // new target at most 5 % above the last one". The page also says "at most 5 % above the last
  // target". A runner who held 185 against a target of 172 is offered 180, not 194 (185 × 1.05, a
  // jump bigger than the +5 % steps the program is built on), and told why.
  it('the next block it offers is at most 5 % above the last target, as it says', async () => {
    const held = runNext(programWithSessions(day(-40), 8), day(-23), 185);
    await programPage(held);
    expect(text('#next-block')).to.contain('at most 5 % above the last target');
    const offered = Number.parseInt(text('#next-target')!, 10);
    // 172 × 1.05 = 180.6: at most 180, never 189 (180 × 1.05).
    expect(offered).to.equal(Math.floor(172 * 1.05));
    // The runner runs above that step already: said plainly.
    expect(text('#above-step')).to.equal('You already run at 185 at this speed, above the next step of 180: the program moves in steps of at most 5 %.');
  });

  it('says nothing about running above the step when the held test is below it', async () => {
    const held = runNext(programWithSessions(day(-40), 8), day(-23), 170);
    await programPage(held);
    // 170 × 1.05 = 178.5: at most 5 % above the 170 shown is 178 (179 would be 5.3 % above), under the cap of 180.
    expect(Number.parseInt(text('#next-target')!, 10)).to.equal(178);
    expect($('#above-step')).to.equal(null);
  });

  // Issue 18: the result page "says whether the change held (within 2 % of the target) or faded",
  // and the words give both numbers. A test of 176.45 against a target of 180 is judged held on
  // the unrounded mean (≥ 176.4), but the runner reads "Held: 176 steps/min against the target of
  // 180, within 2 % of it": 176 is 2.2 % below 180. The number shown and the verdict disagree.
  it('a held verdict never shows a cadence more than 2 % below the target', async () => {
    // Baseline 172 at 10.0 km/h, +5 %: target 180.
    let state = runNext(withTestSpeed(newProgram(day(-42)), TEST_SPEED), day(-41), 172);
    state = withBlockStarted(state, 5, day(-40));
    expect(state.blocks[0]!.targetSpm).to.equal(180);
    for (let i = 0; i < 8; i++) state = runNext(state, day(-40 + 2 * i), 179, { effort: 4, natural: 3 });
    state = runNext(state, day(-23), 176.45);
    await programPage(state);
    const verdict = $('stride-program-results')!.shadowRoot!.querySelector('#verdict-1')!.textContent!;
    const shown = Number(/(\d+) steps\/min against the target of 180/.exec(verdict)![1]);
    // 176.45 reads 176, 2.2 % below 180: faded, never "Held: 176 … within 2 %".
    expect(shown).to.equal(176);
    expect(verdict).to.contain('Faded');
  });

  // Issue 18: a block's change is read at three retention tests. Starting the next block straight
  // after the end-of-block test held throws away the one-week and four-weeks tests, which show
  // whether the change lasts: the offer says so, and waiting keeps the plan going.
  it('the next block offered before the later retention tests says what starting now leaves out', async () => {
    const held = runNext(programWithSessions(day(-40), 8), day(-23), 170);
    await programPage(held);
    expect(text('#leaves-out')).to.contain("Starting it now leaves out this block's one-week and four-weeks tests, which show whether the change lasts.");
    expect(text('#leaves-out')).to.contain('You can wait instead');
    expect(text('#today-sentence'), 'waiting: the plan goes on with the one-week test').to.match(/^Retention test, 1 week/);
    expect($('#start') !== null, 'the one-week test can be started').to.equal(true);

    await programPage(runNext(held, day(-16), 170));
    expect(text('#leaves-out')).to.contain("leaves out this block's four-weeks test, which shows whether the change lasts.");

    const all = [[-43, 170], [-36, 170], [-15, 170]].reduce((s, [d, c]) => runNext(s, day(d!), c!), programWithSessions(day(-60), 8));
    await programPage(all);
    expect(text('#start-next-block')).to.equal('Start block 2');
    expect($('#leaves-out'), 'after the four-weeks test nothing is left out').to.equal(null);
  });

  // After a block that faded and a new baseline, the number the chooser shows for a percent is
  // the number the block it starts aims at.
  it('the target it shows before "Start the eight sessions" is the target the block gets', async () => {
    let state = programWithSessions(day(-60), 8); // target 172
    for (const [at, cadence] of [[-43, 165], [-36, 165], [-15, 165]] as const) state = runNext(state, day(at), cadence);
    state = runNext(state, day(-1), 170); // new baseline, 170 at 10.0 km/h
    await programPage(state);
    const chooser = $<HTMLElementTagNameMap['stride-program-target']>('stride-program-target')!;
    const root = chooser.shadowRoot!;
    const ten = [...root.querySelectorAll<HTMLInputElement>('input[name="percent"]')].find((i) => i.value === '10')!;
    ten.click();
    await chooser.updateComplete;
    const shown = Number.parseInt(/Target: (\d+)/.exec(root.querySelector('#target')!.textContent!)![1]!, 10);
    root.querySelector<HTMLButtonElement>('#start-block')!.click();
    await waitUntil(() => services.program.program!.blocks.length === 2, 'the block started', { timeout: 5000 });
    // A new baseline starts afresh: 170 + 10 % is 187, whatever the last block aimed at (172).
    expect(shown).to.equal(187);
    expect(services.program.program!.blocks[1]!.targetSpm).to.equal(shown);
    expect(root.textContent, 'no cap from the last target on a new baseline').not.to.contain('capped');
  });

  // Block 2 starts from the end-of-block test that held (168.6, shown 169) at 5 % above the last
  // target (172 → 180). The results table puts "Target (+5 %)" 180 under "Start: the test that
  // held" 169: 180 is 6.8 % above the start the row is read against.
  it('the results table\'s "Target (+N %)" is N % above the start row it sits under', async () => {
    const held = runNext(programWithSessions(day(-40), 8), day(-23), 168.6);
    await programPage(withBlockStarted(held, 5, day(-22)));
    const table = $('stride-program-results')!.shadowRoot!.querySelector('[data-block="2"] table')!;
    const cells = (cls: string) => [...table.querySelector(`tr.${cls}`)!.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
    const from = Number(cells('from')[1]);
    const [label, target] = cells('target');
    const percent = Number(/\+([\d.]+)/.exec(label!)![1]);
    // The label gives the real rise over the row above it, to a tenth: 169 → 177 is +4.7 %, not "+5 %".
    expect(Math.abs(percent - ((Number(target) - from) / from) * 100), `${label} ${target} from ${from}`).to.be.at.most(0.05);
  });

  // Issue 18: "After each session: two taps" and "The program, its sessions and its answers are in
  // IndexedDB ... and survive a reload". The taps are asked only from memory (justFinished): a runner
  // who stops the run and reloads, or comes back later, finds session 3 "not rated" and no way to
  // rate it, and the effort rule ("effort at the same speed rises by more than 2") has a hole.
  it('a done session without its two taps still asks for them after a reload', async () => {
    let state = programWithSessions(day(-6), 2);
    state = runNext(state, day(-1), 171); // session 3, no answers
    expect(state.blocks[0]!.sessions[2]!.answers).to.equal(null);
    await programPage(state);
    const schedule = $('stride-program-schedule')!.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(schedule).to.contain('not rated');
    const answers = $('stride-program-answers')!;
    expect(answers, 'the two taps').to.not.equal(null);
    expect(answers.shadowRoot!.querySelector('h2')!.textContent).to.contain('Session 3');
    // The second tap stores them and moves focus to the thank-you, which says so.
    answers.shadowRoot!.querySelector<HTMLButtonElement>('.effort button[data-value="4"]')!.click();
    answers.shadowRoot!.querySelector<HTMLButtonElement>('.natural button[data-value="3"]')!.click();
    await waitUntil(() => page.shadowRoot!.activeElement?.id === 'answered', 'focus on the thank-you', { timeout: 5000 });
    expect(services.program.program!.blocks[0]!.sessions[2]!.answers).to.deep.equal({ effort: 4, natural: 3 });
    expect(text('#answered')).to.equal('Session 3 rated, thank you.');
    expect($('#answered')!.getAttribute('role')).to.equal('status');
    expect($('stride-program-answers')).to.equal(null);
  });

  // After a block whose change faded, a new baseline starts block 2. The results table names that
  // start "Start: the test that held", which says the change held when it faded (issue 18: the result
  // page "says whether the change held ... or faded").
  it('a block begun from a new baseline after a faded block names its start a baseline, not "the test that held"', async () => {
    let state = programWithSessions(day(-60), 8); // target 172
    for (const [at, cadence] of [[-43, 165], [-36, 165], [-15, 165]] as const) state = runNext(state, day(at), cadence);
    state = runNext(state, day(-2), 170); // new baseline
    state = withBlockStarted(state, 5, day(-1));
    await programPage(state);
    const start = $('stride-program-results')!.shadowRoot!.querySelector('[data-block="2"] tr.from th')!.textContent!;
    expect(start).to.match(/^Baseline test/);
    expect(start).to.not.contain('held');
  });

  // After a block whose three retention tests are done and the change faded, the next item is a new
  // baseline. The page says why: "Your last test is more than 8 weeks old", when the last test was
  // 15 days ago. The runner is told a false reason (the real one: the change faded).
  it('the reason it gives for a new baseline is true: no "more than 8 weeks old" after a test 15 days ago', async () => {
    let state = programWithSessions(day(-60), 8); // target 172
    for (const [at, cadence] of [[-43, 165], [-36, 165], [-15, 165]] as const) state = runNext(state, day(at), cadence);
    await programPage(state);
    expect(text('#today-sentence')).to.match(/^Baseline test/);
    expect(text('#new-baseline')).to.match(/^The change faded at your last test: a new baseline comes first/);
  });

  // A runner double-taps "Start the eight sessions" (a gloved or sweaty finger, a slow phone): the block
  // starts, and the page then shows an alert "No fresh test to start a block from: take a baseline
  // test first", telling them something is wrong with a program that just started fine.
  it('a double tap on "Start the eight sessions" starts one block and shows no error', async () => {
    const state = runNext(withTestSpeed(newProgram(day(-2)), TEST_SPEED), day(-1), 164);
    await programPage(state);
    const button = $('stride-program-target')!.shadowRoot!.querySelector<HTMLButtonElement>('#start-block')!;
    button.click();
    button.click();
    await waitUntil(() => services.program.program!.blocks.length === 1, 'the block started', { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settled();
    expect(services.program.program!.blocks.length).to.equal(1);
    expect(text('.problem[role="alert"]')).to.equal(null);
    // Focus goes to the new block's first item.
    expect(page.shadowRoot!.activeElement?.id).to.equal('today-heading');
  });

  it('moves focus to today\'s item after "Use this speed"', async () => {
    await programPage(newProgram(day(-1)));
    const speed = $('stride-program-speed')!;
    speed.shadowRoot!.querySelector<HTMLInputElement>('#speed')!.value = '10';
    speed.shadowRoot!.querySelector<HTMLButtonElement>('#use-speed')!.click();
    await waitUntil(() => page.shadowRoot!.activeElement?.id === 'today-heading', 'focus on today', { timeout: 5000 });
    expect(text('#today-sentence')).to.match(/^Baseline test/);
  });

  it('moves focus to the confirm button after "End the program…", and back after "Keep it"', async () => {
    await programPage(withTestSpeed(newProgram(day(-1)), TEST_SPEED));
    $<HTMLButtonElement>('#end')!.click();
    await waitUntil(() => page.shadowRoot!.activeElement?.id === 'end-confirm', 'focus on the question', { timeout: 5000 });
    $<HTMLButtonElement>('#end-keep')!.click();
    await waitUntil(() => page.shadowRoot!.activeElement?.id === 'end', 'focus back on End', { timeout: 5000 });
  });
});
