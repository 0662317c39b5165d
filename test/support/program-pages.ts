// The program's screens over the real services and a program read from the store, with a scripted
// pod and the fake coach engine (the screens' tests check what is shown, not what is heard): the
// set-up the Program page and treadmill page tests share.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { set } from 'idb-keyval';
import '../../src/pages/stride-program-page.js';
import type { StrideProgramPage } from '../../src/pages/stride-program-page.js';
import { dayStart } from '../../src/program/program-schedule.js';
import type { ProgramState } from '../../src/program/program-types.js';
import type { CoachEngine } from '../../src/services/coach-service.js';
import { type AppServices, createServices } from '../../src/services/services.js';
import { kvStore } from '../../src/store/kv.js';
import { fakeCoachEngine } from './fake-coach-engine.js';
import { DAY, TEST_SPEED } from './program-states.js';
import { ScriptedFootpod } from './scripted-footpod.js';

/** Seven in the morning `days` from today (negative: before). */
export const programDay = (days: number): number => dayStart(Date.now()) + days * DAY + 7 * 3600_000;

/** Waits for `page` and every element in its shadow root to finish rendering. */
export async function settledPage(page: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
  await page.updateComplete;
  for (const child of page.shadowRoot!.querySelectorAll('*')) await (child as Partial<{ updateComplete: Promise<boolean> }>).updateComplete;
}

export interface ServicesOnPod {
  services: AppServices;
  pod: ScriptedFootpod;
}

/**
 * `stored` put where the app keeps the program, a session or test armed from it and a recording
 * started on a connected scripted pod with no smoothing (the screen shows each second's cadence).
 */
export async function armedRun(stored: ProgramState, engine: CoachEngine = fakeCoachEngine()): Promise<ServicesOnPod> {
  await set('program', stored, kvStore());
  const pod = new ScriptedFootpod('Test pod');
  const services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => engine);
  await services.settings.update({ smoothingS: 0 });
  await services.footpod.simulate();
  await services.coach.engine();
  await services.program.startNext();
  await services.recording.start();
  return { services, pod };
}

/** Seconds `from`…`to` of steady running at `cadence` and `speedMps` (10.0 km/h unless said). */
export function runSteady(pod: ScriptedFootpod, from: number, to: number, cadence: number, speedMps = TEST_SPEED): void {
  for (let t = from; t <= to; t++) pod.send(t, { cadence, speedMps });
}

/** The Program page over `stored` (null: no program yet), with services that read it from the store. */
export async function openProgramPage(stored: ProgramState | null): Promise<ServicesOnPod & { page: StrideProgramPage }> {
  if (stored) await set('program', stored, kvStore());
  const pod = new ScriptedFootpod('Test pod');
  const engine = fakeCoachEngine();
  const services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => engine);
  await services.settings.load();
  const page = await fixture<StrideProgramPage>(html`<stride-program-page .services=${services}></stride-program-page>`);
  await waitUntil(() => page.loaded, 'the program was read', { timeout: 5000 });
  await settledPage(page);
  return { services, pod, page };
}
