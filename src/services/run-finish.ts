// The end of a run: once Stop and save has stored it, the live page shows a finish card with the
// run's figures and its cadence against the last runs at the same pace, until the runner closes it
// or starts the next run. The card is the run as History has it, in the unit of the moment: a
// correction on the run's page or a switch to miles is worked into it, a delete closes it. The
// figures (and the plan code they share) load only when a run ends.
//
// Events: 'change' (a card to show, or none).

import type { SessionSummary } from '../session/recorded-session.js';
import type { FinishFigures } from './finish-figures.js';
import type { HistoryService } from './history-service.js';
import type { RecordingService } from './recording-service.js';
import type { SettingsService } from './settings-service.js';

type FiguresCode = typeof import('./finish-figures.js');

export class RunFinish extends EventTarget {
  #card: FinishFigures | null = null;
  /** The run on the card as saved, until History holds it; and the figures' code, once loaded. */
  #run: SessionSummary | null = null;
  /** History has listed the run: missing from it later, it was deleted. */
  #listed = false;
  #figures: FiguresCode | null = null;
  /** Bumped when a run starts or the card is closed, so a card still being worked out is dropped. */
  #generation = 0;

  constructor(
    private readonly recording: RecordingService,
    private readonly history: HistoryService,
    private readonly settings: SettingsService,
  ) {
    super();
    recording.addEventListener('saved', () => void this.#show());
    recording.addEventListener('change', () => {
      if (this.#runGoingOn()) this.#clear();
    });
    history.addEventListener('change', () => this.#refresh());
    settings.addEventListener('change', () => this.#refresh());
  }

  /** The figures of the run just saved, or null. */
  get card(): FinishFigures | null {
    return this.#card;
  }

  dismiss(): void {
    this.#clear();
  }

  #runGoingOn(): boolean {
    return this.recording.state === 'recording' || this.recording.state === 'paused';
  }

  #clear(): void {
    this.#generation++;
    this.#run = null;
    this.#listed = false;
    if (this.#card === null) return;
    this.#card = null;
    this.dispatchEvent(new Event('change'));
  }

  /** The card again from the run as History holds it now, in today's unit; gone with a deleted run. */
  #refresh(): void {
    const run = this.#run;
    if (!run || !this.#figures) return;
    const stored = this.history.summary(run.id);
    // Listed before and not after a read that went well: the run was deleted. (A read begun before
    // the save finished may not list it yet.)
    if (!stored && this.#listed && this.history.problem === null) return this.#clear();
    this.#listed ||= stored !== null;
    this.#run = stored ?? run;
    this.#card = this.#figures.finishFigures(this.#run, this.history.sessions, this.settings.settings.distanceUnit);
    this.dispatchEvent(new Event('change'));
  }

  async #show(): Promise<void> {
    const recorder = this.recording.recorder;
    if (!recorder || recorder.state !== 'stopped') return;
    const generation = ++this.#generation;
    const run = recorder.meta();
    try {
      [this.#figures] = await Promise.all([import('./finish-figures.js'), this.history.load()]);
    } catch {
      // The figures' code could not load (offline after an update took its file): the run is
      // saved all the same, and the recording controls say so.
      return;
    }
    if (generation !== this.#generation || this.#runGoingOn()) return;
    this.#run = run;
    this.#refresh();
  }
}
