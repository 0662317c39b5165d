// A program session stopped early (less than half its minutes at target) does not count: "it
// stays on the schedule" and the program's run is cancelled. A cancelled run's recordings "go on
// as ordinary runs (History drops its mark)" (program-live.ts cancelRun); this one keeps its mark,
// so History and Weeks show "Program 3/8" for a session the program did not count, and again for
// the session 3 the runner then runs: issue 18 "History and Weeks mark program sessions".
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear, set } from 'idb-keyval';
import { createServices, type AppServices } from '../../../src/services/services.js';
import '../../../src/pages/stride-program-page.js';
import type { StrideProgramPage } from '../../../src/pages/stride-program-page.js';
import { dayStart } from '../../../src/program/program-schedule.js';
import { kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import { fakeCoachEngine } from '../../support/fake-coach-engine.js';
import { finishProgramRun } from '../../support/finish-program-run.js';
import { DAY, TEST_SPEED, programWithSessions } from '../../support/program-states.js';
import { ScriptedFootpod } from '../../support/scripted-footpod.js';

useSeparateDatabase('stride-test-rev4-stopped-early');

let services: AppServices;
const day = (days: number) => dayStart(Date.now()) + days * DAY + 7 * 3600_000;

describe('rev4: a session stopped early', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(async () => {
    if (services) await finishProgramRun(services);
  });

  it('is not marked as a program session in History once the program says it does not count', async () => {
    await set('program', programWithSessions(day(-6), 2), kvStore());
    const pod = new ScriptedFootpod('Test pod');
    const engine = fakeCoachEngine();
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => engine);
    await services.settings.load();
    const page = await fixture<StrideProgramPage>(html`<stride-program-page .services=${services}></stride-program-page>`);
    await waitUntil(() => page.loaded, 'the program was read');
    await services.program.startNext();
    await services.footpod.simulate();
    await services.recording.start();
    // Warm-up, then 2 of session 3's 18 minutes at target.
    for (let t = 0; t <= 420; t++) pod.send(t, { cadence: 171, speedMps: TEST_SPEED });
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
    await waitUntil(() => services.program.problem?.includes('stays on the schedule') ?? false, 'the program said it does not count', { timeout: 5000 });
    expect(services.program.active).to.equal(null);
    expect(services.program.program!.blocks[0]!.sessions.length).to.equal(2);
    await services.history.load();
    await waitUntil(() => services.history.sessions.length > 0, 'history read');
    const run = services.history.sessions[0]!;
    // Expected: no mark (an ordinary run, as a cancelled run's recordings); actual: { kind: 'session', n: 3, ... }.
    expect(run.program, JSON.stringify(run.program)).to.equal(undefined);
  });
});
