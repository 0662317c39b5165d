// During a program test the cadence must not show anywhere: issue 18, "with no metronome, cues or
// cadence on screen (the screen shows time and speed only; the cadence is revealed afterwards)".
// Outside a program session the metronome button's rate follows the runner's cadence, so during a
// test the button says "Metronome off", shows no rate and cannot be pressed; History hides the
// test's cadence while it records; the result, once the test ends, is announced.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import type { AppServices } from '../../src/services/services.js';
import '../../src/pages/stride-treadmill-page.js';
import '../../src/pages/stride-history-page.js';
import '../../src/pages/stride-live-page.js';
import type { StrideHistoryPage } from '../../src/pages/stride-history-page.js';
import type { StrideTreadmillPage } from '../../src/pages/stride-treadmill-page.js';
import { newProgram, withTestSpeed } from '../../src/program/program-state.js';
import type { ProgramState } from '../../src/program/program-types.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { metronomeRate } from '../../src/coach/metronome-timing.js';
import { finishProgramRun } from '../support/finish-program-run.js';
import { armedRun, programDay, runSteady, settledPage } from '../support/program-pages.js';
import { TEST_SPEED } from '../support/program-states.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-test-program-test-hidden');

let services: AppServices;
let pod: ScriptedFootpod;
const day = programDay;

async function armed(stored: ProgramState): Promise<void> {
  // The real rate rule (the app's engine uses it); the fake engine's stand-in ignores the cadence.
  ({ services, pod } = await armedRun(stored, { ...fakeCoachEngine(), metronomeRate }));
}

const run = (from: number, to: number, cadence: number): void => runSteady(pod, from, to, cadence);

const metronome = (page: HTMLElement) => page.shadowRoot!.querySelector('stride-metronome-button')!.shadowRoot!;
const words = (page: HTMLElement): string => metronome(page).textContent!.replace(/\s+/g, ' ').trim();

describe('the cadence stays hidden during a program test', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishProgramRun(services));

  it('the metronome button on the treadmill screen does not follow the runner\'s cadence during a test', async () => {
    await armed(withTestSpeed(newProgram(day(-1)), TEST_SPEED));
    const page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
    run(0, 90, 150);
    await waitUntil(() => services.program.moment !== null, 'the run is followed', { timeout: 5000 });
    await settledPage(page);
    expect(page.shadowRoot!.querySelector('#cadence-hidden')).to.not.equal(null);
    const slow = words(page);
    run(91, 200, 160);
    await settledPage(page);
    // The same words whatever the runner's hidden cadence: no rate at all, and nothing to press.
    expect(words(page)).to.equal(slow);
    expect(slow).to.equal('Metronome off');
    expect(metronome(page).querySelector('.rate')).to.equal(null);
    expect(metronome(page).querySelector<HTMLButtonElement>('#metronome')!.disabled).to.equal(true);
    // Nor does its key start it.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'm', bubbles: true }));
    window.dispatchEvent(new KeyboardEvent('keyup', { key: 'm', bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(services.coach.metronomeOn).to.equal(false);
  });

  it('the live page\'s metronome button is off, with no rate, during a test', async () => {
    await armed(withTestSpeed(newProgram(day(-1)), TEST_SPEED));
    const page = await fixture<HTMLElementTagNameMap['stride-live-page']>(html`<stride-live-page .services=${services}></stride-live-page>`);
    run(0, 90, 150);
    await waitUntil(() => services.program.moment !== null, 'the run is followed', { timeout: 5000 });
    await settledPage(page);
    expect(words(page)).to.equal('Metronome off');
    expect(metronome(page).querySelector<HTMLButtonElement>('#metronome')!.disabled).to.equal(true);
  });

  it('the treadmill screen announces the result once the test is over', async () => {
    await armed(withTestSpeed(newProgram(day(-1)), TEST_SPEED));
    const page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
    run(0, 640, 163);
    services.recording.stop();
    await waitUntil(() => services.program.justFinished !== null, 'the test measured', { timeout: 10_000 });
    await settledPage(page);
    const after = page.shadowRoot!.querySelector('#program-after')!;
    expect(after.getAttribute('role')).to.equal('status');
    expect(after.textContent!.trim()).to.equal('Test done: see your result');
    // Once it is over, the metronome is the runner's again.
    expect(metronome(page).querySelector<HTMLButtonElement>('#metronome')!.disabled).to.equal(false);
  });

  // History lists the run this tab records "as it stands", with its average cadence and time in
  // target: a runner who opens History in the middle of the cue-free test reads the hidden cadence.
  it('History does not show the cadence of the test being recorded', async () => {
    await armed(withTestSpeed(newProgram(day(-1)), TEST_SPEED));
    run(0, 400, 163);
    await waitUntil(() => services.program.moment?.phase === 'main', 'in the test minutes', { timeout: 5000 });
    const id = services.recording.recorder!.id;
    const page = await fixture<StrideHistoryPage>(html`<stride-history-page .services=${services}></stride-history-page>`);
    await waitUntil(() => services.history.loaded, 'the list was read', { timeout: 5000 });
    await waitUntil(() => page.shadowRoot!.querySelector(`tr[data-id="${id}"]`) !== null, 'the run shows', { timeout: 5000 });
    await page.updateComplete;
    const row = page.shadowRoot!.querySelector(`tr[data-id="${id}"]`)!.textContent!.replace(/\s+/g, ' ');
    expect(services.program.active?.kind).to.equal('test');
    expect(row, row).to.not.contain('163');
    expect(row).to.contain('hidden during the test');
  });
});
