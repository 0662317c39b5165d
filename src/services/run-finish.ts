// The end of a run: once Stop and save has stored it, the live page shows a finish card with the
// run's figures and its cadence against the last runs at the same pace, until the runner closes it
// or starts the next run. The figures (and the plan code they share) load only when a run ends.
//
// Events: 'change' (a card to show, or none).

import type { FinishFigures } from './finish-figures.js';
import type { HistoryService } from './history-service.js';
import type { RecordingService } from './recording-service.js';
import type { SettingsService } from './settings-service.js';

export class RunFinish extends EventTarget {
  #card: FinishFigures | null = null;
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
    if (this.#card === null) return;
    this.#card = null;
    this.dispatchEvent(new Event('change'));
  }

  async #show(): Promise<void> {
    const recorder = this.recording.recorder;
    if (!recorder || recorder.state !== 'stopped') return;
    const generation = ++this.#generation;
    const run = recorder.meta();
    let figures: typeof import('./finish-figures.js');
    try {
      [figures] = await Promise.all([import('./finish-figures.js'), this.history.load()]);
    } catch {
      // The figures' code could not load (offline after an update took its file): the run is
      // saved all the same, and the recording controls say so.
      return;
    }
    if (generation !== this.#generation || this.#runGoingOn()) return;
    const { finishFigures } = figures;
    this.#card = finishFigures(run, this.history.sessions, this.settings.settings.distanceUnit);
    this.dispatchEvent(new Event('change'));
  }
}
