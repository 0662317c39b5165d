// Records the live run: readings from the footpod service go into a Recorder, and what it
// records goes to IndexedDB through a SessionWriter as each sample arrives (a killed tab loses at
// most the one sample whose write was in flight). Also finds runs a closed tab left unfinished, and
// offers to resume or keep them.
//
// Events: 'change' (state, problem, unfinished list), 'saved' (a run was stopped and stored, at once or on the writer's retry).

import type { CalibrationCurve } from '../session/calibration.js';
import type { Recorder, RecorderState } from '../session/recorder.js';
import type { RecordedSession, SessionSummary } from '../session/recorded-session.js';
import type { SessionWriter, SessionWriterOptions } from '../store/session-writer.js';
import { sameZones } from '../session/zones.js';
import { hasLeavingJournals } from '../store/leaving-journal-key.js';
import { unfinishedSessions } from '../store/unfinished-sessions.js';
import { AutoStartAfterStop } from './auto-start-after-stop.js';
import { footpodIdOf } from './footpod-cadence.js';
import type { FootpodSource } from '../sources/footpod-source.js';
import type { FootpodService } from './footpod-service.js';
import type { RunsInOtherTabs } from './runs-in-other-tabs.js';
import type { SettingsService } from './settings-service.js';

type Engine = typeof import('./recording-engine.js');
let engine: Promise<Engine> | null = null;
const loadEngine = (): Promise<Engine> => (engine ??= import('./recording-engine.js'));

export interface RecordingServiceOptions {
  flushIntervalMs?: number;
  /** Write each sample as it arrives (default true); false leaves it to the timer, as before. */
  flushEachSample?: boolean;
  /** The app's other tabs (main.ts hands one in; tests without it record as the only tab). */
  otherTabs?: RunsInOtherTabs | null;
}

/** The pod a recorder is made for: its source, and the name and identity it files the run under. */
interface PodInUse {
  source: FootpodSource | null;
  deviceName: string | null;
  podId: string | null;
}

const runGoingOn = (state: RecorderState): boolean => state === 'recording' || state === 'paused';

export class RecordingService extends EventTarget {
  /** The run going on, or the last one stopped (the live page shows it as "saved run"). */
  #recorder: Recorder | null = null;
  /** The recorder the runner's Start started (not auto-start, not a run picked up). */
  #pressed: Recorder | null = null;
  /**
   * With auto-start, an idle recorder for the pod in use that waits for running, apart from the
   * stopped run so that run stays on screen until the next one starts. It holds nothing until it
   * starts, so it is dropped (and made again) whenever the pod or the settings change.
   */
  #armed: ({ recorder: Recorder } & PodInUse) | null = null;
  readonly #afterStop = new AutoStartAfterStop();
  /** The source last seen connected: a new connection ends the wait after Stop. */
  #connectedTo: FootpodSource | null = null;
  /** The source retrying a dropped link by itself: its next connection is the link's, not the runner's. */
  #retrying: FootpodSource | null = null;
  #loaded: Engine | null = null;
  #writer: SessionWriter | null = null;
  #problem: string | null = null;
  #unfinished: SessionSummary[] = [];
  #sourceKind: string | null = null;
  #calibrationSeen: CalibrationCurve | null = null;
  /** The last stopped run's save, which a hand-over to another tab waits for. */
  #saving: Promise<boolean> = Promise.resolve(true);
  #takeOver: 'idle' | 'asking' | 'refused' = 'idle';
  #handedOver = false;

  readonly #changed = (): void => {
    this.dispatchEvent(new Event('change'));
  };

  constructor(
    private readonly footpod: FootpodService,
    private readonly settings: SettingsService,
    private readonly options: RecordingServiceOptions = {},
  ) {
    super();
    options.otherTabs?.addEventListener('change', this.#changed);
    options.otherTabs?.handOverWith(() => this.#handOver());
    // A closing or reloading tab runs no more code after this: what is queued behind a write in
    // flight would never be written, so it goes now, beside it.
    globalThis.addEventListener?.('pagehide', () => this.#writer?.writeBeforeLeaving());
    footpod.addEventListener('sample', () => this.#onReading());
    footpod.addEventListener('change', () => this.#onFootpodChange());
    settings.addEventListener('change', () => {
      // An armed recorder took the settings it was made with: the next reading makes one with these.
      this.#disarm();
      // Every settings change arrives here; only new zones are worth recounting the run for. A
      // stopped run keeps the zones it was saved with, as History shows it.
      const recorder = this.#recorder;
      if (recorder && recorder.state !== 'stopped' && !sameZones(recorder.zones, settings.settings.zones)) recorder.setZones(settings.settings.zones);
    });
  }

  get state(): RecorderState {
    return this.recorder?.state ?? 'idle';
  }
  /** The run going on or last stopped; before the first, the armed auto-start recorder, if any. */
  get recorder(): Recorder | null {
    return this.#recorder ?? this.#armed?.recorder ?? null;
  }
  get autoPaused(): boolean {
    return this.#recorder?.autoPaused ?? false;
  }
  get laps(): number {
    return this.#recorder?.laps.length ?? 0;
  }
  /** A sentence about storage (disk full, write failed), or null while all is well. */
  get problem(): string | null {
    return this.#problem;
  }
  /** Runs left 'recording' by a tab that closed; offered for resume or keep. */
  get unfinished(): readonly SessionSummary[] {
    return this.#unfinished;
  }
  get canRecord(): boolean {
    return this.footpod.source?.state === 'connected' && !this.runElsewhere;
  }
  /** A run is recorded in another tab, and none here: this tab may take over, not record beside it. */
  get runElsewhere(): boolean {
    return (this.options.otherTabs?.running ?? false) && !runGoingOn(this.state);
  }
  /** This tab's last run was stopped, saved and its footpod let go because another tab took over. */
  get handedOver(): boolean {
    return this.#handedOver;
  }
  /** 'asking': waiting for the other tab to save and let go; 'refused': it did not in time. */
  get takeOverState(): 'idle' | 'asking' | 'refused' {
    return this.#takeOver;
  }

  /** Asks the tab recording to stop and save its run and let the footpod go; then this tab may pair and record. */
  async takeOver(): Promise<boolean> {
    const otherTabs = this.options.otherTabs;
    if (!otherTabs || this.#takeOver === 'asking') return false;
    this.#takeOver = 'asking';
    this.#changed();
    const done = await otherTabs.takeOver();
    this.#takeOver = done ? 'idle' : 'refused';
    this.#changed();
    return done;
  }
  /**
   * The id of the run this tab is writing: going on, or stopped and not yet stored as complete.
   * History shows it as recording now and will not delete it (the next write would bring it back).
   */
  get recordingId(): string | null {
    const writer = this.#writer;
    return writer && !writer.closed ? writer.id : null;
  }
  /** The run so far, as export needs it. */
  current(): RecordedSession | null {
    const recorder = this.recorder;
    return recorder ? { meta: recorder.meta(), samples: recorder.samples } : null;
  }

  /** Resolves once recording has started (the recording code may have to load first). */
  async start(): Promise<void> {
    if (!this.canRecord) return;
    const loaded = await this.#engine();
    if (!this.canRecord) return;
    const going = this.#recorder;
    if (going && runGoingOn(going.state)) return;
    const recorder = this.#arm(loaded);
    // Known before it starts: listeners to its start read startedByPress.
    this.#pressed = recorder;
    recorder.start();
  }
  /** The run going on was started by the runner's Start, not by auto-start or picked up unfinished. */
  get startedByPress(): boolean {
    return this.#pressed !== null && this.#pressed === this.#recorder && runGoingOn(this.#pressed.state);
  }
  /** Space: start when idle, pause when recording, resume when paused. */
  toggle(): void {
    if (this.state === 'idle' || this.state === 'stopped') void this.start();
    else if (this.state === 'paused' && !this.canRecord) return;
    else this.#recorder?.toggle();
  }
  pause(): void {
    this.#recorder?.pause();
  }
  resume(): void {
    if (this.canRecord) this.#recorder?.resume();
  }
  lap(): void {
    this.#recorder?.lap();
  }
  stop(): void {
    this.#recorder?.stop();
  }
  /** What a closed or reloaded tab does: writes stop, the run stays unfinished in the store. */
  abandon(): void {
    this.#writer?.abandon();
  }

  async checkUnfinished(): Promise<void> {
    try {
      // Samples a page left behind as it went join their run before the run is offered.
      if (hasLeavingJournals()) await (await import('../store/leaving-journal-merge.js')).mergeLeavingJournals();
      // One key read; the recording code loads only when a run is found (or one is started).
      this.#unfinished = await unfinishedSessions();
    } catch (error) {
      const { describeStoreError } = await loadEngine();
      this.#problem = `Could not look for unfinished runs: ${describeStoreError(error)}`;
    }
    this.#changed();
  }

  /** Keeps an unfinished run as it is, marked recovered, in the history. */
  async saveUnfinished(id: string): Promise<void> {
    const { markRecovered, describeStoreError } = await loadEngine();
    try {
      await markRecovered(id);
      this.#unfinished = this.#unfinished.filter((s) => s.id !== id);
    } catch (error) {
      this.#problem = `Could not save the unfinished run: ${describeStoreError(error)}`;
    }
    this.#changed();
  }

  /** Picks an unfinished run up again, paused: the runner resumes once the footpod is connected. */
  async resumeUnfinished(id: string): Promise<void> {
    if (this.#recorder && this.#recorder.state !== 'stopped') return;
    const loaded = await loadEngine();
    const { Recorder, SessionWriter, loadSession, describeStoreError } = loaded;
    try {
      const stored = await loadSession(id);
      if (!stored) throw new Error('it is no longer stored');
      const { zones, autoPauseAfterS } = this.settings.settings;
      const recorder = Recorder.resume(stored.meta, stored.samples, { zones, autoPauseAfterS: autoPauseAfterS || null });
      const writer = SessionWriter.resume(() => recorder.meta(), stored, this.#writerOptions());
      this.#adopt(loaded, recorder, writer);
      await writer.begin();
      this.#unfinished = this.#unfinished.filter((s) => s.id !== id);
    } catch (error) {
      this.#problem = `Could not resume the unfinished run: ${describeStoreError(error)}`;
    }
    this.#changed();
  }

  async #engine(): Promise<Engine> {
    return (this.#loaded ??= await loadEngine());
  }

  /**
   * The idle recorder for the pod in use: made with its name and identity and the settings as they
   * are, and adopted as the run once it starts (by hand or by auto-start).
   */
  #arm(loaded: Engine): Recorder {
    if (this.#armed && this.#armedFits()) return this.#armed.recorder;
    const { zones, autoStart, autoPauseAfterS } = this.settings.settings;
    const source = this.footpod.source;
    const session = this.footpod.session;
    const recorder = new loaded.Recorder({
      zones,
      autoStart,
      autoPauseAfterS: autoPauseAfterS || null,
      deviceName: source?.info.deviceName ?? null,
      origin: source?.kind ?? 'bluetooth',
      podId: source ? footpodIdOf(source) : null,
      speedFrom: session?.speedFrom ?? this.settings.settings.speedFrom,
      calibration: session?.calibration ?? [],
    });
    this.#listen(loaded, recorder);
    this.#armed = { recorder, ...this.#podInUse() };
    this.#changed();
    return recorder;
  }

  #podInUse(): PodInUse {
    const source = this.footpod.source;
    return { source, deviceName: source?.info.deviceName ?? null, podId: source ? footpodIdOf(source) : null };
  }

  /** The armed recorder is for the pod in use, under its name and identity as they are now. */
  #armedFits(): boolean {
    const armed = this.#armed;
    const now = this.#podInUse();
    return armed !== null && armed.source === now.source && armed.deviceName === now.deviceName && armed.podId === now.podId;
  }

  #disarm(): void {
    if (this.#armed === null) return;
    this.#armed = null;
    this.#changed();
  }

  #adopt(loaded: Engine, recorder: Recorder, writer: SessionWriter | null): void {
    this.#armed = null;
    this.#recorder = recorder;
    this.#writer = writer;
    this.#sourceKind = this.footpod.source?.kind ?? null;
    this.#listen(loaded, recorder);
    writer && this.#watch(loaded, writer);
    // A resumed run starts paused, with no state change: it is this tab's run from now on.
    this.options.otherTabs?.setMine(runGoingOn(recorder.state));
    this.#changed();
  }

  #listen(loaded: Engine, recorder: Recorder): void {
    recorder.addEventListener('state', () => this.#onRecorderState(loaded, recorder));
    recorder.addEventListener('lap', this.#changed);
    recorder.addEventListener('sample', (event) => {
      if (event instanceof loaded.RecordedSampleEvent && this.#recorder === recorder) this.#writer?.add(event.sample);
    });
  }

  #watch(loaded: Engine, writer: SessionWriter): void {
    writer.addEventListener('problem', (event) => {
      if (event instanceof loaded.WriterProblemEvent) this.#problem = event.message;
      this.#changed();
    });
    // 'saved' on the writer's retry too, not only when the first finish write landed.
    writer.addEventListener('finished', () => this.dispatchEvent(new Event('saved')));
    writer.addEventListener('statechange', () => {
      if (writer.state === 'ok') this.#problem = null;
      this.#changed();
    });
  }

  #writerOptions(): SessionWriterOptions {
    const options: SessionWriterOptions = { flushEachSample: this.options.flushEachSample ?? true };
    if (this.options.flushIntervalMs !== undefined) options.flushIntervalMs = this.options.flushIntervalMs;
    return options;
  }

  /** Another tab takes over: this run is stopped and saved, then the footpod let go. */
  async #handOver(): Promise<void> {
    if (this.#recorder && runGoingOn(this.#recorder.state)) this.#recorder.stop();
    await this.#saving;
    this.footpod.disconnect();
    this.#handedOver = true;
    this.#changed();
  }

  #onRecorderState(loaded: Engine, recorder: Recorder): void {
    if (recorder === this.#armed?.recorder && recorder.state !== 'idle') {
      // The armed recorder started: it is the run now, with a writer of its own.
      this.#armed = null;
      this.#recorder = recorder;
      this.#writer = null;
      this.#sourceKind = this.footpod.source?.kind ?? null;
    }
    if (recorder !== this.#recorder) return;
    this.footpod.holdSession = runGoingOn(recorder.state);
    this.options.otherTabs?.setMine(runGoingOn(recorder.state));
    if (recorder.state === 'recording') this.#handedOver = false;
    if (recorder.state === 'recording' && !this.#writer) {
      const writer = new loaded.SessionWriter(() => recorder.meta(), this.#writerOptions());
      this.#writer = writer;
      this.#watch(loaded, writer);
      void writer.begin();
    }
    if (recorder.state === 'stopped') this.#afterStop.stopped();
    if (recorder.state === 'stopped' && this.#writer) {
      const writer = this.#writer;
      this.#saving = writer.finish(recorder.meta());
    }
    this.#changed();
  }

  #onReading(): void {
    const session = this.footpod.session;
    const reading = session?.latest;
    if (!session || !reading) return;
    this.#afterStop.reading(session, reading.timeS, reading.running);
    let recorder = this.#recorder;
    if (!recorder || recorder.state === 'stopped') {
      recorder = null;
      if (this.settings.settings.autoStart && !this.#afterStop.waiting) {
        // The first readings go by while the recording code loads; auto-start waits for running anyway.
        if (this.#loaded) recorder = this.#arm(this.#loaded);
        else
          void this.#engine().then((loaded) => {
            const last = this.#recorder;
            if (!last || last.state === 'stopped') this.#arm(loaded);
          });
      }
    }
    // The meta keeps the curve and speed source in use, so a run can be re-scaled from its raw values later.
    if (recorder && session.calibration !== this.#calibrationSeen) {
      this.#calibrationSeen = session.calibration;
      recorder.setCalibration(session.calibration);
    }
    recorder?.setSpeedFrom(session.speedFrom);
    recorder?.addReading(reading);
  }

  #onFootpodChange(): void {
    const recorder = this.#recorder;
    const source = this.footpod.source;
    const connected = source?.state === 'connected' ? source : null;
    if (connected && connected !== this.#connectedTo) this.#afterStop.connected(connected === this.#retrying ? 'link' : 'runner');
    this.#connectedTo = connected;
    this.#retrying = source?.state === 'reconnecting' ? source : null;
    // A recorder armed for another pod would file the run under that pod's name and curve.
    if (this.#armed && !this.#armedFits()) this.#disarm();
    if (!recorder || recorder.state === 'stopped') return this.#changed();
    // A different kind of footpod has its own clock: the run so far is saved, not spliced.
    if (source && this.#sourceKind !== null && source.kind !== this.#sourceKind && recorder.state !== 'idle') {
      recorder.stop();
      return;
    }
    if (source?.state === 'connected') {
      // Another pod paired into the run: the run is filed under it from now on, the first remembered.
      recorder.usePod(footpodIdOf(source));
      recorder.linkRestored();
    }
    else if (recorder.state !== 'idle') recorder.linkLost();
    this.#changed();
  }
}
