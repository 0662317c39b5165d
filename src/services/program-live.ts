// The program service's working part, loaded with the program's rules, store and calendar (see
// program-service.ts). It keeps the program, stores every change, and runs the program's runs: the
// item armed with startNext is the next recording started (or the one going on), followed second by
// second (program-run.ts) with the coach guided (program-coach.ts), and measured once saved.
// Every change reads the stored program first and applies its rule to that, one change after the
// other, so a change made in another tab (or by a restored backup) is never undone by this tab's
// copy; the program is read again when the tab comes back into view, and whenever another tab
// stores it (a message on PROGRAM_CHANNEL): a run that tab cancelled, paused or measured ends here
// too, so no tab goes on coaching and marking a run the program no longer has.

import { programCalendar } from '../export/program-calendar.js';
import { effortSuggestion } from '../program/effort-rule.js';
import { dayStart, dueItem, nextItem, programSchedule } from '../program/program-schedule.js';
import * as rules from '../program/program-state.js';
import type { ActiveProgramRun, ProgramState, ScheduleItem, SessionAnswers, TargetPercent } from '../program/program-types.js';
import { withAccepted } from '../session/plan-settings.js';
import type { CadenceZones } from '../session/zones.js';
import { separateDatabaseName } from '../store/kv.js';
import { loadProgram, saveProgram } from '../store/program-store.js';
import { calendarWords } from './program-calendar-words.js';
import { ProgramBelt } from './program-belt.js';
import { ProgramCoach } from './program-coach.js';
import { ProgramPace } from './program-pace.js';
import { notDueWords } from './program-due-words.js';
import { doneSession, sessionUnfinished, testOutcome } from './program-finish.js';
import { sameRun } from './program-holds.js';
import { ProgramRun, type RunProgress } from './program-run.js';
import type { JustFinished, ProgramActions, ProgramParts, ProgramView } from './program-view.js';

/** Today's target-zone width, centred on the block's target, so zones, colours and plan agree. */
export function zonesAround(zones: CadenceZones, targetSpm: number): CadenceZones {
  const width = Math.max(1, Math.round(zones.targetTo - zones.targetFrom));
  const building = Math.max(1, Math.round(zones.targetFrom - zones.buildingFrom));
  const targetFrom = Math.round(targetSpm - width / 2);
  return { buildingFrom: targetFrom - building, targetFrom, targetTo: targetFrom + width };
}

/** Said when a change is refused because the stored program could not be read. */
export const UNREADABLE = 'The stored program could not be read: reload the page to try again. Nothing was changed.';

/** A change to the stored program: the new program (null removes it), or why it is refused. */
type Change = (stored: ProgramState | null) => ProgramState | null | string;

/** Every tab's program service says here that it stored the program. */
export const PROGRAM_CHANNEL = 'stridewise-program';

export class ProgramLive implements ProgramActions {
  #state: ProgramState | null = null;
  #problem: string | null = null;
  #damaged = false;
  /** The last read failed: nothing may be changed until one succeeds (the copy here may be stale or empty). */
  #readFailed = false;
  #justFinished: JustFinished | null = null;
  #loaded: Promise<void> | null = null;
  /** Reads and changes, one after the other: each change reads what the one before stored. */
  #queue: Promise<unknown> = Promise.resolve();
  #run: ProgramRun | null = null;
  /** The run stopped and waiting to be measured once saved: no recording started meanwhile is it. */
  #stopped: ProgramRun | null = null;
  #measuring: ProgramRun | null = null;
  #coach: ProgramCoach | null = null;
  /** A run left over from before this read (saved, or from an earlier day), being measured. */
  #leftOver: ActiveProgramRun | null = null;
  #settling: Promise<void> = Promise.resolve();
  /** Tabs over one store (a test file's own database has its own). */
  /** One name per database, so tests on their own databases do not share a channel or a lock. */
  readonly #channelName = [PROGRAM_CHANNEL, separateDatabaseName()].filter(Boolean).join(':');
  readonly #channel: BroadcastChannel | null = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(this.#channelName);
  readonly #now: () => number;
  readonly #belt: ProgramBelt | null;
  /** The last recording seen going: its start was heard once. */
  #seenRecording: unknown = null;

  constructor(
    private readonly parts: ProgramParts,
    private readonly show: (view: Partial<ProgramView>) => void,
  ) {
    this.#now = parts.now ?? Date.now;
    this.#belt = parts.workouts && parts.sensors ? new ProgramBelt(parts.workouts, parts.sensors) : null;
    parts.recording.addEventListener('change', () => {
      // The runner's Start of a recording, at the moment it starts: the one press (beside Start of
      // the test) that may set a test's belt. Auto-start, a run picked up, another tab do not.
      const { recording } = parts;
      const recorder = recording.state === 'recording' ? recording.recorder : null;
      const pressed = recorder !== null && recorder !== this.#seenRecording && recording.startedByPress;
      if (recorder) this.#seenRecording = recorder;
      this.#follow(pressed);
    });
    parts.recording.addEventListener('saved', () => void this.#saved());
    // "Try without a footpod": the simulated runner runs the program's runs, on the program's belt,
    // and a simulated treadmill and strap beside it follow that belt.
    if (parts.footpod) {
      const pace = new ProgramPace(parts.coach);
      const phase = () => this.#run?.moment.phase ?? null;
      parts.footpod.simulatedPace = { runner: () => pace.aim(this.#state, phase()), belt: () => pace.belt(this.#state, phase()) };
    }
    // Another tab may have changed the program while this one was out of view.
    if (typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible' && this.#loaded) this.#loaded = this.#settledRead(true);
      });
    }
    // Another tab's run is not taken up here: only a recording started here later follows it.
    this.#channel?.addEventListener('message', () => {
      if (this.#loaded) this.#loaded = this.#settledRead(false, false);
    });
  }

  /** Reads the stored program once; later calls wait for that read, or read again after one failed. */
  load(): Promise<void> {
    if (this.#loaded === null || this.#readFailed) this.#loaded = this.#settledRead(true);
    return this.#loaded;
  }

  /** Reads the stored program again (after a restore, or when the tab is shown again). */
  reload(): Promise<void> {
    return (this.#loaded = this.#settledRead(false));
  }

  /**
   * A read, and the measuring of a run it found left over: the recording started next is not that run.
   */
  async #settledRead(fresh: boolean, follow = true): Promise<void> {
    await this.#queued(() => this.#read(fresh, follow));
    await this.#settling;
  }

  async begin(): Promise<void> {
    await this.load();
    await this.#transact((stored) => stored ?? rules.newProgram(this.#now()));
  }

  setTestSpeed(speedMps: number): Promise<void> {
    return this.#update((state) => rules.withTestSpeed(state, speedMps));
  }

  /** Arms only what is due today: a session after its rest day, a retention test on its day. */
  async startNext(): Promise<void> {
    // The Start press lets audio play (the browser remembers the gesture): the metronome may start later.
    void this.parts.coach.engine();
    await this.load();
    const now = this.#now();
    const armed = await this.#updated((state) => {
      if (state.active) return state;
      const item = dueItem(state, now);
      if (!item) {
        const next = nextItem(state, now);
        return next ? notDueWords(next, now) : 'Nothing is due in the program now.';
      }
      if (item.kind === 'test' && state.testSpeedMps === null) return 'Choose the belt speed for the test first.';
      const busy = item.kind === 'test' ? (this.#belt?.refusal() ?? null) : null;
      if (busy !== null) return busy;
      this.#justFinished = null;
      return rules.withRunStarted(state, item, now);
    });
    // Start of the test with a recording going is the runner's press for the belt too.
    if (armed) this.#follow(this.parts.recording.state === 'recording');
  }

  /** The run ends; every recording made for it goes on as an ordinary run (History drops its mark). */
  async cancelRun(): Promise<void> {
    const live = this.#run?.recorder.id ?? null;
    this.#leaveRun();
    this.#stopped = null;
    let ids: string[] = [];
    await this.#update((state) => {
      ids = state.active?.sessionIds ?? [];
      return state.active ? rules.withRunCancelled(state) : state;
    });
    // The recording going on loses its mark with its next write (#leaveRun); the stored ones here.
    await this.#unmark(ids.filter((id) => id !== live));
  }

  async #unmark(ids: readonly string[]): Promise<void> {
    for (const id of ids) await this.parts.history.unmarkProgram(id);
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
    let before = 0;
    await this.#update((state) => {
      before = state.blocks.length;
      return rules.withBlockStarted(state, percent, this.#now());
    });
    const block = this.#state?.blocks.at(-1);
    if (!block || this.#state!.blocks.length === before) return;
    // The block's target becomes the cadence plan's step, so zones, colours and the plan agree.
    const { settings } = this.parts;
    const zones = zonesAround(settings.settings.zones, block.targetSpm);
    await settings.update({ zones, plan: withAccepted(settings.settings.plan, zones, this.#now()) });
  }

  /** While paused nothing is due: a run armed (or going on) is cancelled first. */
  async pause(): Promise<void> {
    await this.load();
    if (this.#state?.active) await this.cancelRun();
    await this.#update((state) => rules.withPaused(state, this.#now()));
  }

  resume(): Promise<void> {
    return this.#update((state) => rules.withResumed(state, this.#now()));
  }

  async reset(): Promise<void> {
    await this.load();
    this.#leaveRun();
    this.#stopped = null;
    this.#justFinished = null;
    await this.#transact(() => null);
  }

  /** Stops hearing other tabs (the service is dropped: a test's tab closed). */
  close(): void {
    this.#channel?.close();
  }

  calendar(): string {
    const createdAtMs = this.#state?.createdAtMs ?? 0;
    return programCalendar(this.#schedule(), (item) => calendarWords(item, this.parts.settings.settings.distanceUnit), this.#now(), createdAtMs);
  }

  #schedule(): ScheduleItem[] {
    return this.#state ? programSchedule(this.#state, this.#now()) : [];
  }

  /**
   * The program run armed or going on meets the recording going on: it is followed from now. A
   * test's belt is set only when `pressed`: the runner's Start (of the recording or of the test)
   * brought them together here, never a read, a tab shown again, auto-start or a run picked up.
   */
  #follow(pressed = false): void {
    this.#followRun();
    if (pressed) this.#beginBelt();
  }

  /** The test this tab follows gets its belt speed (ProgramBelt leaves a workout going on alone). */
  #beginBelt(): void {
    const active = this.#state?.active;
    if (!this.#run || active?.kind !== 'test' || !sameRun(active, this.#run.run)) return;
    this.#belt?.begin(active, active.speedMps ?? rules.testSpeedFor(this.#state!, active));
  }

  #followRun(): void {
    const active = this.#state?.active;
    const { recording, coach } = this.parts;
    const recorder = recording.recorder;
    if (!active || this.#run || this.#stopped || this.#leftOver || !recorder || (recording.state !== 'recording' && recording.state !== 'paused')) return;
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
    const run = this.#run;
    // A run split by a reload keeps every recording it was run in.
    void this.#ofRun(run, (state, now) => (now.sessionIds.includes(recorder.id) ? state : { ...state, active: { ...now, sessionIds: [...now.sessionIds, recorder.id] } }));
    recorder.addEventListener('state', () => {
      // The run ends at Stop, before it is measured: a recording started meanwhile is an ordinary run.
      if (recorder.state !== 'stopped' || this.#run?.recorder !== recorder) return;
      this.#stopped = this.#run;
      this.#endRun();
    });
  }

  #progress({ warmUpRunningS, mainRunningS }: RunProgress): Promise<void> {
    const run = this.#run;
    return run ? this.#ofRun(run, (state) => rules.withProgress(state, warmUpRunningS, mainRunningS)) : Promise.resolve();
  }

  /**
   * A change to the run this tab follows, made only while the stored program still has it: one
   * another tab cancelled, paused or measured meanwhile ends here as an ordinary run.
   */
  async #ofRun(run: ProgramRun, change: (state: ProgramState, active: ActiveProgramRun) => ProgramState): Promise<void> {
    let gone = false;
    await this.#update((state) => {
      if (state.active && sameRun(state.active, run.run)) return change(state, state.active);
      gone = true;
      return state;
    });
    if (gone && this.#run === run && !this.#readFailed) this.#leaveRun();
  }

  /** The recording goes on as an ordinary run: History must not mark it as the program's. */
  #leaveRun(): void {
    this.#run?.recorder.setProgram(null);
    this.#endRun();
  }

  #endRun(): void {
    if (this.#run) this.#belt?.end();
    this.#run?.end();
    this.#run = null;
    this.#coach = null;
    this.parts.coach.guide(null);
    this.show({ moment: null });
  }

  /** The recording of the run going on was saved: the run is measured and done. */
  async #saved(): Promise<void> {
    // The recording service says which run it saved by having stopped it: the run going on is not.
    const run = this.#stopped;
    if (!run || run === this.#measuring || run.recorder.state !== 'stopped') return;
    // Until measured the run stays stopped here, so a recording started meanwhile is not taken for it.
    this.#measuring = run;
    try {
      const active = this.#state?.active;
      if (active && sameRun(active, run.run)) await this.#measure(active, run.recorder.id, run.progress.mainRunningS);
    } finally {
      this.#measuring = null;
      if (this.#stopped === run) this.#stopped = null;
    }
  }

  /**
   * Measures the run `active` over its recordings, `id` the last, with `mainRunningS` at target.
   * Only while the stored program still has that run: another tab may have measured it already.
   * A run that does not count (a test not valid, a session under half its minutes) leaves the
   * program as Cancel does: its recordings go on as ordinary runs, without the program's mark.
   */
  async #measure(active: ActiveProgramRun, id: string, mainRunningS: number): Promise<void> {
    const state = this.#state;
    if (!state) return;
    const open = (run: string) => this.parts.history.open(run);
    // A run split by a reload is measured over every recording it was run in.
    const ids = active.sessionIds.includes(id) ? active.sessionIds : [...active.sessionIds, id];
    let ours = false;
    // Straight to the store, not through load(): a load waits for a run left over to be measured.
    const ofThisRun = (change: (now: ProgramState) => ProgramState) => (now: ProgramState | null) => {
      ours = !!now && sameRun(now.active, active);
      return ours ? change(now!) : now;
    };
    if (active.kind === 'test') {
      // Judged at the speed the armed item showed: a speed chosen since applies to the next baseline only.
      const outcome = await testOutcome(open, ids, active.speedMps ?? rules.testSpeedFor(state, active) ?? Number.NaN, mainRunningS);
      await this.#transact(ofThisRun((now) => rules.withTestDone(now, outcome, id)));
      if (!ours) return;
      if (!outcome.ok) await this.#unmark(ids);
      // Shown with the program that holds the result, not before it.
      this.#justFinished = { kind: 'test', outcome, test: active.test ?? 'baseline' };
      return this.#publish();
    }
    const unfinished = sessionUnfinished(active.n ?? 1, mainRunningS);
    if (unfinished) {
      await this.#transact(ofThisRun(rules.withRunCancelled));
      if (!ours) return;
      this.#justFinished = null;
      await this.#unmark(ids);
      return this.#say(unfinished);
    }
    const done = await doneSession(open, { ...active, sessionIds: ids }, mainRunningS);
    await this.#transact(ofThisRun((now) => rules.withSessionDone(now, done)));
    if (!ours) return;
    const block = this.#state?.blocks.find((b) => b.number === active.block);
    this.#justFinished = block?.sessions.at(-1)?.sessionIds.includes(id) ? { kind: 'session', block: block.number, index: block.sessions.length - 1 } : null;
    this.#publish();
  }

  /** A change to a started program. */
  async #update(change: (state: ProgramState) => ProgramState | string): Promise<void> {
    await this.#updated(change);
  }

  /** Resolves true when the change was made. */
  async #updated(change: (state: ProgramState) => ProgramState | string): Promise<boolean> {
    await this.load();
    return this.#transact((stored) => (stored ? change(stored) : 'Start the program first.'));
  }

  /**
   * Reads the stored program, applies `change` to it and stores the result, after the changes
   * before it. A refusal (the change's sentence, a rule's error such as an answer out of its scale,
   * or a read that failed) is said, not thrown, and nothing is written.
   */
  #transact(change: Change): Promise<boolean> {
    return this.#queued(() => this.#acrossTabs(async () => {
      const read = await loadProgram();
      if (read.problem !== null && !read.damaged) {
        this.#readFailed = true;
        this.#say(UNREADABLE);
        return false;
      }
      this.#readFailed = false;
      this.#damaged = read.damaged;
      this.#state = read.program;
      this.#problem = read.problem;
      let next: ProgramState | null | string;
      try {
        next = change(read.program);
      } catch (error) {
        next = `${error instanceof Error ? error.message : String(error)}.`;
      }
      if (typeof next === 'string') {
        this.#say(next);
        return false;
      }
      this.#state = next;
      this.#publish();
      if (next === read.program) return true;
      const problem = await this.#save(next);
      // Written: whatever damaged value was stored is gone.
      if (problem === null) this.#damaged = false;
      if (problem !== null || read.damaged) {
        this.#problem = problem ?? null;
        this.#publish();
      }
      return problem === null;
    }));
  }

  /**
   * Runs a read, change and write with no other tab's in between (a Web Lock named like the
   * channel); without the lock two tabs changing the program at once would each write the program
   * as it was before the other's change. Where Web Locks are missing, one tab's queue is all there is.
   */
  #acrossTabs<T>(run: () => Promise<T>): Promise<T> {
    if (typeof navigator === 'undefined' || !('locks' in navigator)) return run();
    return navigator.locks.request(this.#channelName, () => run());
  }

  /** Stores the program and tells the other tabs. */
  async #save(state: ProgramState | null): Promise<string | null> {
    const problem = await saveProgram(state);
    if (problem === null) this.#channel?.postMessage('stored');
    return problem;
  }

  #queued<T>(work: () => Promise<T>): Promise<T> {
    const done = this.#queue.then(work);
    this.#queue = done.catch(() => undefined);
    return done;
  }

  /**
   * Takes the stored program as this tab's. A failed read keeps what was here and says so, and
   * refuses changes until a read succeeds. An armed run no recording followed on its day is
   * disarmed on a later day (under the lock across tabs): an outdoor run days later is not the rest of that session. A run that
   * was recorded but is not going on is measured (#measureLeftOver). The run this tab follows ends
   * when the program no longer has it (another tab cancelled, paused or measured it).
   */
  async #read(fresh: boolean, follow: boolean): Promise<void> {
    const { program, problem, damaged } = await loadProgram();
    this.#readFailed = problem !== null && !damaged;
    // Another tab's write does not take away what this tab just said (why a session stays planned).
    this.#problem = problem ?? (follow ? null : this.#problem);
    if (this.#readFailed) return this.#publish();
    this.#damaged = damaged;
    this.#state = program;
    const stale = (state: ProgramState | null): state is ProgramState =>
      !!state?.active && state.active.sessionIds.length === 0 && !this.#run && dayStart(state.active.startedAtMs) < dayStart(this.#now());
    if (stale(program)) {
      // Disarming is a read, a change and a write: read again under the lock across tabs, as #transact does.
      await this.#acrossTabs(async () => {
        const again = await loadProgram();
        if (again.problem !== null && !again.damaged) return;
        [this.#state, this.#damaged] = [again.program, again.damaged];
        if (!stale(again.program)) return;
        this.#state = rules.withRunCancelled(again.program);
        this.#problem = await this.#save(this.#state);
      });
    }
    if (this.#run && !sameRun(this.#state?.active, this.#run.run)) this.#leaveRun();
    this.#publish();
    const left = this.#state?.active;
    if (fresh && left && left.sessionIds.length > 0 && !this.#run && !this.#stopped && !this.#measuring && !this.#leftOver) {
      this.#leftOver = left;
      // Not awaited here: its changes queue after this read. A failure is said, never thrown at a load.
      this.#settling = this.#measureLeftOver(left)
        .catch((error: unknown) => this.#say(`The last program run could not be measured (${String(error)}).`))
        .finally(() => {
          this.#leftOver = null;
          this.#follow();
        });
      return;
    }
    if (follow) this.#follow();
  }

  /**
   * A run with recordings that no tab is recording now, read at start-up or when the tab is shown
   * again, is measured from its stored progress: when its last recording was saved by Stop (the tab
   * went before measuring it), and on a later day whatever its recordings (a session split by a
   * closed tab is not finished days later: what was run counts if it is enough, else the session
   * stays on the schedule and is said so). A same-day run whose last recording was kept unfinished
   * goes on in the next recording. Not on another tab's word: the tab that stopped a run measures it.
   */
  async #measureLeftOver(active: ActiveProgramRun): Promise<void> {
    const { history } = this.parts;
    const last = active.sessionIds.at(-1)!;
    const { session } = await history.open(last);
    // Saved by Stop: over, whether or not its tab has let go of it yet.
    if (session?.meta.status !== 'complete') {
      if (dayStart(active.startedAtMs) >= dayStart(this.#now())) return;
      for (const id of active.sessionIds) if (await history.refusalWhileRecorded(id, 'changed')) return;
    }
    await this.#measure(active, last, active.mainRunningS);
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
      damaged: this.#damaged,
      schedule: this.#schedule(),
      next: state ? nextItem(state, this.#now()) : null,
      suggestion: block && block.repeatChosen === null ? effortSuggestion(block.sessions) : null,
      active: state?.active ?? null,
      justFinished: this.#justFinished,
    });
  }
}
