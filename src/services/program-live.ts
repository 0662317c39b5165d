// The program service's working part, loaded with the program's rules, store and calendar (see
// program-service.ts). It keeps the program, stores every change, and runs the program's runs: the
// item armed with startNext is the next recording started (or the one going on), followed second by
// second (program-run.ts) with the coach guided (program-coach.ts), and measured once saved.

import { programCalendar } from '../export/program-calendar.js';
import { effortSuggestion } from '../program/effort-rule.js';
import { nextItem, programSchedule } from '../program/program-schedule.js';
import * as rules from '../program/program-state.js';
import type { ProgramState, ScheduleItem, SessionAnswers, TargetPercent } from '../program/program-types.js';
import { withAccepted } from '../session/plan-settings.js';
import type { CadenceZones } from '../session/zones.js';
import { loadProgram, saveProgram } from '../store/program-store.js';
import { calendarWords } from './program-calendar-words.js';
import { ProgramCoach } from './program-coach.js';
import { doneSession, sessionUnfinished, testOutcome } from './program-finish.js';
import { ProgramRun, type RunProgress } from './program-run.js';
import type { JustFinished, ProgramActions, ProgramParts, ProgramView } from './program-view.js';

/** Today's target-zone width, centred on the block's target, so zones, colours and plan agree. */
export function zonesAround(zones: CadenceZones, targetSpm: number): CadenceZones {
  const width = Math.max(1, Math.round(zones.targetTo - zones.targetFrom));
  const building = Math.max(1, Math.round(zones.targetFrom - zones.buildingFrom));
  const targetFrom = Math.round(targetSpm - width / 2);
  return { buildingFrom: targetFrom - building, targetFrom, targetTo: targetFrom + width };
}

export class ProgramLive implements ProgramActions {
  #state: ProgramState | null = null;
  #problem: string | null = null;
  #justFinished: JustFinished | null = null;
  #loaded: Promise<void> | null = null;
  /** Stores in the order the changes were made. */
  #saving: Promise<unknown> = Promise.resolve();
  #run: ProgramRun | null = null;
  #coach: ProgramCoach | null = null;
  readonly #now: () => number;

  constructor(
    private readonly parts: ProgramParts,
    private readonly show: (view: Partial<ProgramView>) => void,
  ) {
    this.#now = parts.now ?? Date.now;
    parts.recording.addEventListener('change', () => this.#follow());
    parts.recording.addEventListener('saved', () => void this.#saved());
  }

  /** Reads the stored program once; later calls wait for that read. */
  load(): Promise<void> {
    this.#loaded ??= loadProgram().then(({ program, problem }) => {
      this.#state = program;
      this.#problem = problem;
      this.#publish();
      this.#follow();
    });
    return this.#loaded;
  }

  async begin(): Promise<void> {
    await this.load();
    if (!this.#state) await this.#change(rules.newProgram(this.#now()));
  }

  setTestSpeed(speedMps: number): Promise<void> {
    return this.#update((state) => rules.withTestSpeed(state, speedMps));
  }

  async startNext(): Promise<void> {
    // The Start press lets audio play (the browser remembers the gesture): the metronome may start later.
    void this.parts.coach.engine();
    await this.load();
    const state = this.#state;
    if (!state) return this.#say('Start the program first.');
    if (state.active) return this.#follow();
    const item = nextItem(state, this.#now());
    if (!item) return this.#say('Nothing is due in the program now.');
    if (item.kind === 'test' && state.testSpeedMps === null) return this.#say('Choose the belt speed for the test first.');
    this.#justFinished = null;
    await this.#change(rules.withRunStarted(state, item, this.#now()));
    this.#follow();
  }

  async cancelRun(): Promise<void> {
    this.#leaveRun();
    await this.#update((state) => (state.active ? rules.withRunCancelled(state) : state));
  }

  async answer(block: number, index: number, answers: SessionAnswers): Promise<void> {
    const finished = this.#justFinished;
    if (finished?.kind === 'session' && finished.block === block && finished.index === index) this.#justFinished = null;
    await this.#update((state) => rules.withAnswers(state, block, index, answers));
  }

  chooseRepeat(repeat: boolean): Promise<void> {
    return this.#update((state) => rules.withRepeatChoice(state, repeat));
  }

  async startBlock(percent: TargetPercent): Promise<void> {
    this.#justFinished = null;
    const before = this.#state?.blocks.length ?? 0;
    await this.#update((state) => rules.withBlockStarted(state, percent, this.#now()));
    const block = this.#state?.blocks.at(-1);
    if (!block || this.#state!.blocks.length === before) return;
    // The block's target becomes the cadence plan's step, so zones, colours and the plan agree.
    const { settings } = this.parts;
    const zones = zonesAround(settings.settings.zones, block.targetSpm);
    await settings.update({ zones, plan: withAccepted(settings.settings.plan, zones, this.#now()) });
  }

  pause(): Promise<void> {
    return this.#update((state) => rules.withPaused(state, this.#now()));
  }

  resume(): Promise<void> {
    return this.#update((state) => rules.withResumed(state, this.#now()));
  }

  async reset(): Promise<void> {
    await this.load();
    this.#leaveRun();
    this.#justFinished = null;
    await this.#change(null);
  }

  calendar(): string {
    const createdAtMs = this.#state?.createdAtMs ?? 0;
    return programCalendar(this.#schedule(), (item) => calendarWords(item, this.parts.settings.settings.distanceUnit), this.#now(), createdAtMs);
  }

  #schedule(): ScheduleItem[] {
    return this.#state ? programSchedule(this.#state, this.#now()) : [];
  }

  /** The program run armed or going on meets the recording going on: it is followed from now. */
  #follow(): void {
    const active = this.#state?.active;
    const { recording, coach } = this.parts;
    const recorder = recording.recorder;
    if (!active || this.#run || !recorder || (recording.state !== 'recording' && recording.state !== 'paused')) return;
    const block = this.#state?.blocks.find((b) => b.number === active.block);
    const { settings } = this.parts;
    this.#coach = new ProgramCoach(active.kind === 'session' ? (block?.targetSpm ?? null) : null, () => settings.settings.coach);
    this.#run = new ProgramRun(recorder, active, {
      moment: (moment) => {
        this.#coach!.moment = moment;
        this.show({ moment });
      },
      progress: (progress) => void this.#progress(progress),
    });
    this.#coach.moment = this.#run.moment;
    coach.guide(this.#coach);
    // A run split by a reload keeps every recording it was run in.
    const ids = active.sessionIds.includes(recorder.id) ? active.sessionIds : [...active.sessionIds, recorder.id];
    void this.#change({ ...this.#state!, active: { ...active, sessionIds: ids } });
    recorder.addEventListener('state', () => {
      if (recorder.state === 'stopped' && this.#run?.recorder === recorder) coach.guide(null);
    });
  }

  #progress({ warmUpRunningS, mainRunningS }: RunProgress): Promise<void> {
    return this.#update((state) => (state.active ? rules.withProgress(state, warmUpRunningS, mainRunningS) : state));
  }

  /** The recording goes on as an ordinary run: History must not mark it as the program's. */
  #leaveRun(): void {
    this.#run?.recorder.setProgram(null);
    this.#endRun();
  }

  #endRun(): void {
    this.#run?.end();
    this.#run = null;
    this.#coach = null;
    this.parts.coach.guide(null);
    this.show({ moment: null });
  }

  /** The recording of the run going on was saved: the run is measured and done. */
  async #saved(): Promise<void> {
    // The recording service says which run it saved by having stopped it: the run going on is not.
    const run = this.#run;
    if (!run || run.recorder.state !== 'stopped') return;
    const progress = run.progress;
    this.#endRun();
    const state = this.#state;
    const active = state?.active;
    if (!state || !active) return;
    const open = (id: string) => this.parts.history.open(id);
    const id = run.recorder.id;
    // A run split by a reload is measured over every recording it was run in.
    const ids = active.sessionIds.includes(id) ? active.sessionIds : [...active.sessionIds, id];
    if (active.kind === 'test') {
      const outcome = await testOutcome(open, ids, state.testSpeedMps ?? Number.NaN, progress.mainRunningS);
      this.#justFinished = { kind: 'test', outcome, test: active.test ?? 'baseline' };
      return this.#update((now) => rules.withTestDone(now, outcome, id));
    }
    const unfinished = sessionUnfinished(active.n ?? 1, progress.mainRunningS);
    if (unfinished) {
      this.#justFinished = null;
      await this.#update((now) => (now.active ? rules.withRunCancelled(now) : now));
      return this.#say(unfinished);
    }
    const done = await doneSession(open, this.#state?.active ?? active, progress.mainRunningS);
    await this.#update((now) => rules.withSessionDone(now, done));
    const block = this.#state?.blocks.find((b) => b.number === active.block);
    this.#justFinished = block?.sessions.at(-1)?.sessionIds.includes(id) ? { kind: 'session', block: block.number, index: block.sessions.length - 1 } : null;
    this.#publish();
  }

  /** A change the rules refuse (a speed out of range, an answer out of its scale) is said, not thrown. */
  async #update(change: (state: ProgramState) => ProgramState): Promise<void> {
    await this.load();
    if (!this.#state) return this.#say('Start the program first.');
    let next: ProgramState;
    try {
      next = change(this.#state);
    } catch (error) {
      return this.#say(`${error instanceof Error ? error.message : String(error)}.`);
    }
    await this.#change(next);
  }

  /** Shows the change at once and stores it behind the ones before. */
  async #change(state: ProgramState | null): Promise<void> {
    this.#state = state;
    this.#publish();
    const saved = (this.#saving = this.#saving.then(() => saveProgram(state)));
    const problem = (await saved) as string | null;
    if (problem !== this.#problem && this.#saving === saved) {
      this.#problem = problem;
      this.#publish();
    }
  }

  #say(problem: string): void {
    this.#problem = problem;
    this.#publish();
  }

  #publish(): void {
    const state = this.#state;
    const block = state?.blocks.at(-1);
    this.show({
      program: state,
      problem: this.#problem,
      schedule: this.#schedule(),
      next: state ? nextItem(state, this.#now()) : null,
      suggestion: block && block.repeatChosen === null ? effortSuggestion(block.sessions) : null,
      active: state?.active ?? null,
      justFinished: this.#justFinished,
    });
  }
}
