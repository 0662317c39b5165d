// One recording of a program run, followed second by second: its running seconds (walking, standing
// and paused seconds left out), the moment the program is at (programMoment), where its main part
// lies in the recording (the ProgramMark it carries into the store) and a lap at each phase change.
// A session split by a reload goes on in the next recording from the running seconds it had.

import { programMoment } from '../program/program-moment.js';
import { WARM_UP_S } from '../program/session-plan.js';
import type { ActiveProgramRun, ProgramMoment } from '../program/program-types.js';
import { LIVE_STEP_S } from '../session/gap-steps.js';
import { type ProgramMark, type RecordedSample, SAMPLE_RUNNING } from '../session/recorded-session.js';
import type { Recorder } from '../session/recorder.js';

/** Progress is stored at least this often (running seconds), and at every phase change. */
export const PROGRESS_EVERY_S = 15;

export interface RunProgress {
  warmUpRunningS: number;
  mainRunningS: number;
}

export interface ProgramRunEvents {
  /** Every recorded second. */
  moment(moment: ProgramMoment): void;
  /** Progress worth storing: PROGRESS_EVERY_S running seconds since the last, or a new phase. */
  progress(progress: RunProgress): void;
}

export class ProgramRun {
  #runningS: number;
  #lastT: number | null = null;
  #moment: ProgramMoment;
  #storedAtS: number;
  readonly #mark: ProgramMark;
  readonly #onSample = (event: Event): void => this.#add((event as Event & { sample: RecordedSample }).sample);
  /** A pause ends the step: the first second after it is not credited with the pause's length. */
  readonly #onState = (): void => {
    if (this.recorder.state !== 'recording') this.#lastT = null;
  };

  constructor(
    readonly recorder: Recorder,
    readonly run: ActiveProgramRun,
    private readonly events: ProgramRunEvents,
  ) {
    this.#runningS = run.warmUpRunningS + run.mainRunningS;
    this.#storedAtS = this.#runningS;
    this.#moment = programMoment(run, this.#runningS);
    // A recording picked up again after a reload keeps where its main part began.
    const earlier = recorder.meta().program;
    this.#mark = {
      kind: run.kind,
      test: run.test,
      n: run.n,
      block: run.block,
      mainFromT: earlier?.kind === run.kind ? earlier.mainFromT : null,
      mainToT: earlier?.kind === run.kind ? earlier.mainToT : null,
    };
    recorder.setProgram(this.#mark);
    recorder.addEventListener('sample', this.#onSample);
    recorder.addEventListener('state', this.#onState);
  }

  get moment(): ProgramMoment {
    return this.#moment;
  }
  get mark(): ProgramMark {
    return { ...this.#mark };
  }
  get progress(): RunProgress {
    return { warmUpRunningS: Math.min(this.#runningS, WARM_UP_S), mainRunningS: this.#moment.mainDoneS };
  }

  /** Stops following the recording (the run was saved or cancelled). */
  end(): void {
    this.recorder.removeEventListener('sample', this.#onSample);
    this.recorder.removeEventListener('state', this.#onState);
  }

  #add(sample: RecordedSample): void {
    // A lost link's gap counts at most one live step, as the recording's own moving time does.
    const step = this.#lastT === null ? 0 : Math.min(Math.max(0, sample.t - this.#lastT), LIVE_STEP_S);
    this.#lastT = sample.t;
    if ((sample.flags & SAMPLE_RUNNING) !== 0) this.#runningS += step;
    const before = this.#moment.phase;
    this.#moment = programMoment(this.run, this.#runningS);
    const phase = this.#moment.phase;
    // The main part ends where its last running second was done: the first second after it.
    if (phase === 'main' || before === 'main') {
      this.#mark.mainFromT ??= sample.t;
      this.#mark.mainToT = sample.t;
    }
    this.recorder.setProgram(this.#mark);
    if (phase !== before) this.recorder.lap();
    this.events.moment(this.#moment);
    if (phase !== before || this.#runningS - this.#storedAtS >= PROGRESS_EVERY_S) {
      this.#storedAtS = this.#runningS;
      this.events.progress(this.progress);
    }
  }
}
