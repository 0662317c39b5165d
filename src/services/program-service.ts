// The cadence retraining program for the pages: the runner's program, its schedule, today's item,
// and the run going on. The first load carries only this front; the rules, the store and the
// calendar load with the program (program-live.ts): at start-up when one is stored, so a reload
// mid-run resumes it, else when a page asks.
//
// Events: 'change'.

import type { ActiveProgramRun, ProgramMoment, ProgramState, ScheduleItem } from '../program/program-types.js';
import { programStored } from '../store/program-key.js';
import type { ProgramLive } from './program-live.js';
import type { JustFinished, ProgramActions, ProgramParts, ProgramView } from './program-view.js';

export type { JustFinished, ProgramActions, ProgramParts, ProgramView } from './program-view.js';

const actions: readonly (keyof ProgramActions)[] = ['load', 'begin', 'setTestSpeed', 'startNext', 'cancelRun', 'answer', 'chooseRepeat', 'startBlock', 'pause', 'resume', 'reset'];

// The actions are made in one loop (below) rather than written out: this class is in the first load.
export interface ProgramService extends ProgramActions {}

export class ProgramService extends EventTarget implements Readonly<ProgramView> {
  readonly program: ProgramState | null = null;
  readonly problem: string | null = null;
  readonly damaged: boolean = false;
  readonly schedule: ScheduleItem[] = [];
  readonly next: ScheduleItem | null = null;
  readonly suggestion: { repeat: number; why: string } | null = null;
  readonly moment: ProgramMoment | null = null;
  readonly active: ActiveProgramRun | null = null;
  readonly justFinished: JustFinished | null = null;
  #live: ProgramLive | null = null;
  #loading: Promise<ProgramLive> | null = null;

  static {
    for (const name of actions) {
      this.prototype[name] = function (this: ProgramService, ...args: unknown[]): Promise<void> {
        return this.#act((live) => (live[name] as (...a: unknown[]) => Promise<void>)(...args));
      };
    }
  }

  constructor(private readonly parts: ProgramParts) {
    super();
  }

  /** At start-up: loads the program only when one is stored. */
  async loadIfStored(): Promise<void> {
    if (await programStored()) await this.load();
  }

  /**
   * Reads the stored program again, as a restored backup left it: nothing this tab held is written
   * over it. Nothing to do before the program has loaded (its first read will see it).
   */
  reload(): Promise<void> {
    return this.#live?.reload() ?? Promise.resolve();
  }

  /** Stops hearing the program stored by other tabs: this service is done with (a test's tab closed). */
  close(): void {
    this.#live?.close();
  }

  /** The schedule as an .ics calendar; empty before the program has loaded. */
  calendar(): string {
    return this.#live?.calendar() ?? '';
  }

  /** Runs `work` once the program's code is loaded; a failure to load it is said, not thrown. */
  #act(work: (live: ProgramLive) => Promise<void>): Promise<void> {
    this.#loading ??= import('./program-live.js').then(({ ProgramLive }) => (this.#live = new ProgramLive(this.parts, (view) => this.#show(view))));
    return this.#loading.then(work, (error: unknown) => this.#show({ problem: `The program could not be loaded (${String(error)}). Reload the page.` }));
  }

  #show(view: Partial<ProgramView>): void {
    Object.assign(this, view);
    this.dispatchEvent(new Event('change'));
  }
}
