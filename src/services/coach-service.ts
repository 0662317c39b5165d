// The coach during a run: every live reading goes to the coaching rules (src/coach), whose events
// the outputs (src/outputs) carry out by sound, speech and vibration unless muted; check-ins are
// also shown large and logged in the recording. The rules and outputs load the first time a pod
// connects or the runner reaches for a coach control, so the first load does not carry them.
//
// Events: 'change' (mute, metronome, check-in, last cue, wake lock).

import type { CoachEvent, CoachInput, TechniquePrompt } from '../coach/coach-events.js';
import { metronomeRate, nudgedRate } from '../coach/metronome-rate.js';
import { RunningCadence } from '../coach/running-cadence.js';
import type { CoachSettings, MetronomeSettings } from '../session/coach-settings.js';
import { acceptedTargets } from '../session/plan-settings.js';
import { type CadenceZones, middleOfTarget } from '../session/zones.js';
import type { AudioStandby, CoachOutput, Metronome, ScreenWakeLock } from '../outputs/outputs.js';
import type { FootpodService } from './footpod-service.js';
import type { RecordingService } from './recording-service.js';
import type { SettingsService } from './settings-service.js';

/** What the coach runs on once loaded: the pure rules and the outputs. */
export interface CoachEngine {
  rules: {
    update(input: CoachInput): CoachEvent[];
    configure(settings: CoachSettings, zones: CadenceZones): void;
    reset(): void;
  };
  output: CoachOutput;
  metronome: Metronome;
  wakeLock: ScreenWakeLock;
  /** The audio the cues play on, held ready while they could come (none in tests that only record events). */
  audio?: AudioStandby;
  metronomeRate(settings: MetronomeSettings, zones: CadenceZones, planTarget?: number | null, currentCadence?: number | null): number;
  /** Runs `run` after `ms` of the wall clock and gives what cancels it; setTimeout unless a test hands in a fake. */
  wallTimer?: WallTimer;
}

export type WallTimer = (run: () => void, ms: number) => () => void;

const realWallTimer: WallTimer = (run, ms) => {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
};

export type CueEvent = Extract<CoachEvent, { kind: 'cue' }>;

/**
 * What a program run asks of the coach (program-coach.ts): while one is set, its events take the
 * place of the rules' own, and it starts and stops the metronome itself, at its own rate: the
 * runner's toggle and −/+ do nothing meanwhile (mute still silences it).
 */
export interface CoachGuide {
  /** The metronome's rate while it should play, else null. */
  readonly metronomeSpm: number | null;
  /** The rate it plays at whenever it plays (a session's target), null when it never plays (a test). */
  readonly targetSpm: number | null;
  /** This second's events, from the rules' own and the reading (its cadence unsmoothed). */
  events(own: CoachEvent[], input: CoachInput, metronome: Metronome): CoachEvent[];
}

/** Cues judge the cadence over this many seconds, whatever the display smoothing: never one reading. */
export const CUE_SMOOTHING_S = 10;
/** Enough clicks to hear the sound, the volume and the rate. */
export const PREVIEW_BEATS = 4;

export class CoachService extends EventTarget {
  #engine: CoachEngine | null = null;
  #loading: Promise<CoachEngine | null> | null = null;
  #checkIn: TechniquePrompt | null = null;
  /** The session second the check-in on screen arrived. */
  #checkInAtS = 0;
  /** Cancels the wall-clock fade of the check-in on screen. */
  #cancelFade: (() => void) | null = null;
  #lastCue: CueEvent | null = null;
  #treadmillScreen = false;
  /** The run and the live session the rules were last started for: a new one starts them afresh. */
  #coachedRun: object | null = null;
  #coachedSession: object | null = null;
  /**
   * The rate the metronome plays, decided when it starts (from the cadence then, so it does not
   * drift with the runner) or chosen with −/+, and the target it was decided against: a new target
   * (the runner's rate, the plan or the zones changed) decides it afresh. A rate chosen with −/+
   * lasts into the run it was chosen before; Stop and save forgets it, so the next run starts from
   * its own cadence.
   */
  #rate: { rateSpm: number; target: number; nudged: boolean } | null = null;
  /** The run whose stop already silenced the coach. */
  #stoppedRun: object | null = null;
  #guide: CoachGuide | null = null;
  /** The runner's running cadence in this live session, for the metronome's start. */
  readonly #runningCadence = new RunningCadence(CUE_SMOOTHING_S);

  readonly #changed = (): void => {
    this.dispatchEvent(new Event('change'));
  };

  constructor(
    private readonly footpod: FootpodService,
    private readonly recording: RecordingService,
    private readonly settings: SettingsService,
    private readonly loadEngine: (() => Promise<CoachEngine>) | null = null,
  ) {
    super();
    footpod.addEventListener('sample', () => this.#onReading());
    footpod.addEventListener('change', () => {
      if (footpod.source?.state === 'connected') void this.engine();
      this.#startAfreshForNewSession();
      this.#keepAwake();
      this.#keepAudioReady();
    });
    recording.addEventListener('change', () => {
      this.#startAfreshForNewRun();
      this.#stopWithTheRun();
      this.#silenceGuideWhilePaused();
      this.#keepAwake();
      this.#keepAudioReady();
    });
    settings.addEventListener('change', () => this.#configure());
  }

  get muted(): boolean {
    return this.settings.settings.coach.muted;
  }
  get metronomeOn(): boolean {
    return this.#engine?.metronome.running ?? false;
  }
  /** The rate the metronome plays (or would start at now), steps/min: a program session's target while it guides. */
  get metronomeRateSpm(): number {
    return this.#guide?.metronomeSpm ?? this.#guide?.targetSpm ?? (this.#rate && this.#rate.target === this.#rateFor(null) ? this.#rate.rateSpm : this.#rateFor(this.#currentCadence()));
  }
  /** Where the metronome's clicks fall (page clock, ms), for the button's pulse; null while it is off. */
  get metronomeBeat(): { atMs: number; intervalMs: number } | null {
    return this.#engine?.metronome.beat ?? null;
  }
  /** The technique check-in on screen now, until dismissed or gone by itself (coach.checkIns.fadeAfterS). */
  get checkIn(): TechniquePrompt | null {
    return this.#checkIn;
  }
  /** The latest cue, for a glance at the screen. */
  get lastCue(): CueEvent | null {
    return this.#lastCue;
  }
  /** A sentence when the screen may go dark (wake lock missing or refused), else null. */
  get wakeLockMessage(): string | null {
    return this.#engine?.wakeLock.message ?? null;
  }

  /** Loads the rules and outputs once; null when there is no engine to load (tests, no coaching). */
  engine(): Promise<CoachEngine | null> {
    if (this.#engine) return Promise.resolve(this.#engine);
    if (!this.loadEngine) return Promise.resolve(null);
    this.#loading ??= this.loadEngine().then((engine) => {
      this.#engine = engine;
      engine.metronome.addEventListener('change', this.#changed);
      engine.wakeLock.addEventListener('change', this.#changed);
      this.#configure();
      this.#keepAwake();
      this.#keepAudioReady();
      return engine;
    });
    return this.#loading;
  }

  async setMuted(muted: boolean): Promise<void> {
    if (muted) this.#engine?.output.hush();
    if (muted && this.#engine?.metronome.running) this.#engine.metronome.stop();
    await this.settings.update({ coach: { ...this.settings.settings.coach, muted } });
  }

  /** Starts or stops the metronome; call it straight from a click or key (audio needs a gesture). Not while a program run guides it. */
  async toggleMetronome(): Promise<void> {
    const engine = await this.engine();
    if (!engine || this.#guide) return;
    if (engine.metronome.running) {
      engine.metronome.stop();
      // Stopped and started again, it starts from the cadence then, unless the runner chose a rate.
      if (!this.#rate?.nudged) this.#rate = null;
      return;
    }
    this.#rate = { rateSpm: this.metronomeRateSpm, target: this.#rateFor(null), nudged: this.#rate?.nudged ?? false };
    await engine.metronome.start(this.#metronomeOptions());
  }

  /** Four clicks at the rate, step and volume set, for Settings; call it from the click (audio needs a gesture). */
  async previewMetronome(): Promise<void> {
    const engine = await this.engine();
    if (!engine || engine.metronome.running) return;
    await engine.metronome.preview?.(this.#metronomeOptions(), PREVIEW_BEATS);
  }

  /** One press of − (−1) or + (+1): the metronome plays the new rate from its next beat. Not while a program run guides it. */
  nudgeMetronome(direction: 1 | -1): void {
    if (this.#guide) return;
    this.#rate = { rateSpm: nudgedRate(this.metronomeRateSpm, direction), target: this.#rateFor(null), nudged: true };
    const engine = this.#engine;
    if (engine?.metronome.running) engine.metronome.update(this.#metronomeOptions());
    this.#changed();
  }

  dismissCheckIn(): void {
    if (this.#checkIn === null) return;
    this.#clearCheckIn();
    this.#changed();
  }

  #clearCheckIn(): void {
    this.#checkIn = null;
    this.#cancelFade?.();
    this.#cancelFade = null;
  }

  /** The treadmill screen is open: the screen stays awake while it is, whatever else. */
  setTreadmillScreen(open: boolean): void {
    this.#treadmillScreen = open;
    void this.engine().then(() => this.#keepAwake());
  }

  /** A program run guides the coach from its next reading on; null gives the runner's own settings back. */
  guide(guide: CoachGuide | null): void {
    if (!guide && this.#guide) {
      this.#engine?.metronome.stop();
      // A −/+ nudge made off the program's target is not the runner's own rate: it goes with the run.
      this.#rate = null;
    }
    this.#guide = guide;
    this.#keepAudioReady();
  }

  /**
   * A program run plays only in its running minutes: Pause silences it at once, not at the next
   * reading (a pod may send nothing while its runner stands). The next reading after Resume starts it.
   */
  #silenceGuideWhilePaused(): void {
    if (this.#guide && this.recording.state === 'paused' && this.#engine?.metronome.running) this.#engine.metronome.stop();
  }

  /** The start rate by the rules (src/coach), with `cadence` now; with null, the target alone. */
  #rateFor(cadence: number | null): number {
    const { coach, zones, plan } = this.settings.settings;
    const planned = acceptedTargets(plan).at(-1);
    const planTarget = planned ? middleOfTarget({ ...zones, ...planned }) : null;
    return (this.#engine?.metronomeRate ?? metronomeRate)(coach.metronome, zones, planTarget, cadence);
  }

  /**
   * The runner's running cadence over the cues' smoothing, seconds stood or walked left out; on a
   * walk break or a pause, that of their last running; null before any running in this session.
   */
  #currentCadence(): number | null {
    return this.#runningCadence.spm;
  }

  #metronomeOptions(): { rateSpm: number; everyStep: boolean; volume: number } {
    const { metronome } = this.settings.settings.coach;
    return { rateSpm: this.metronomeRateSpm, everyStep: metronome.everyStep, volume: metronome.volume };
  }

  #configure(): void {
    const engine = this.#engine;
    if (!engine) return;
    const { coach, zones } = this.settings.settings;
    engine.rules.configure(coach, zones);
    if (engine.metronome.running) {
      // A new target (rate, plan or zones edited while it plays) is decided afresh from the cadence now.
      if (this.#rate?.target !== this.#rateFor(null)) this.#rate = { rateSpm: this.#rateFor(this.#currentCadence()), target: this.#rateFor(null), nudged: false };
      engine.metronome.update(this.#metronomeOptions());
    }
    this.#changed();
  }

  /**
   * A new connection starts its own clock at 0: the warm-up, the check-in schedule and the cues
   * of the last one are not carried over. A reconnect that keeps the session keeps them.
   */
  #startAfreshForNewSession(): void {
    const session = this.footpod.session;
    if (session === this.#coachedSession) return;
    this.#coachedSession = session;
    this.#runningCadence.clear();
    this.#startAfresh();
  }

  /**
   * Each recorded run gets its own warm-up and check-in schedule, even with the pod connected
   * throughout: the rules (fed the live session's clock) would otherwise go on from the last run,
   * cueing 10 s into the next one and bringing its first check-in early. Resuming after a pause is
   * the same run.
   */
  #startAfreshForNewRun(): void {
    const recorder = this.recording.recorder;
    const state = this.recording.state;
    if (!recorder || recorder === this.#coachedRun || (state !== 'recording' && state !== 'paused')) return;
    this.#coachedRun = recorder;
    this.#startAfresh();
  }

  /**
   * Stop and save ends the coaching with the run: the metronome stops (its clicks already handed
   * to the audio thread are taken back) and whatever is being said is cut short. The coach stays
   * quiet until the next run starts; the runner may still start the metronome by hand.
   */
  #stopWithTheRun(): void {
    const stopped = this.recording.state === 'stopped' && this.recording.recorder === this.#coachedRun;
    if (!stopped || this.#stoppedRun === this.#coachedRun) return;
    this.#stoppedRun = this.#coachedRun;
    // The next start is decided afresh, from the cadence then: not frozen at this run's rate.
    this.#rate = null;
    this.dismissCheckIn();
    const engine = this.#engine;
    if (!engine) return;
    engine.output.hush();
    // Also when not running yet: a start still waiting for the audio to unlock must not begin after Stop.
    engine.metronome.stop();
  }

  #startAfresh(): void {
    this.#engine?.rules.reset();
    // A new run starts the metronome from its own cadence, unless it is playing on through or the
    // runner chose a rate with −/+ before pressing Start.
    if (!this.#engine?.metronome.running && !this.#rate?.nudged) this.#rate = null;
    if (this.#checkIn === null && this.#lastCue === null) return;
    this.#clearCheckIn();
    this.#lastCue = null;
    this.#changed();
  }

  /** Held while a pod is connected, a recording runs or the treadmill screen is open. */
  #keepAwake(): void {
    const engine = this.#engine;
    if (!engine) return;
    const state = this.recording.state;
    const wanted =
      this.#treadmillScreen ||
      this.footpod.source?.state === 'connected' ||
      state === 'recording' ||
      state === 'paused';
    void engine.wakeLock.want(wanted);
  }

  /**
   * The audio runs while a cue could come: a reading is coached (a pod connected and the run not
   * stopped), a run records or is paused (its pod may come back), or a program or workout guides
   * the coach. After Stop, with the pod let go and the metronome off (it holds the audio itself),
   * the audio rests; Start or a pod connecting resumes it long before a first cue.
   */
  #keepAudioReady(): void {
    const audio = this.#engine?.audio;
    if (!audio) return;
    const state = this.recording.state;
    const coached = this.footpod.source?.state === 'connected' && state !== 'stopped';
    audio.hold(this, coached || state === 'recording' || state === 'paused' || this.#guide !== null);
  }

  #onReading(): void {
    const engine = this.#engine;
    const session = this.footpod.session;
    const latest = session?.latest;
    if (latest) this.#runningCadence.add(latest.timeS, latest.cadence, latest.running);
    // Between a Stop and the next run the coach has nothing to say: the run is over.
    if (!engine || !session || !latest || this.recording.state === 'stopped') return;
    this.#fadeCheckIn(latest.timeS);
    const input = {
      timeS: latest.timeS,
      cadence: session.displayed(CUE_SMOOTHING_S).cadence,
      running: latest.running,
      paused: this.recording.state === 'paused',
    };
    let events = engine.rules.update(input);
    if (this.#guide) events = this.#guide.events(events, { ...input, cadence: latest.cadence }, engine.metronome);
    for (const event of events) this.#handle(engine, event);
  }

  /**
   * A check-in goes by itself once it has been up for the runner's chosen time, so nobody has to
   * tap mid-stride. Timed on the session's clock, the one its readings carry (tests drive it with
   * the pod's clock), and on the wall clock too (#fadeOnTheWallClock): a pod that sends nothing
   * while its runner stands would otherwise leave it up however long they stood.
   */
  #fadeCheckIn(nowS: number): void {
    const { fadeAfterS } = this.settings.settings.coach.checkIns;
    if (this.#checkIn === null || fadeAfterS === 0 || nowS - this.#checkInAtS < fadeAfterS) return;
    this.dismissCheckIn();
  }

  /**
   * Dismisses the check-in just shown after `fadeAfterS` of the wall clock, whether readings come or
   * not; unless "until I dismiss it" was chosen since. Cancelled when it goes sooner.
   */
  #fadeOnTheWallClock(engine: CoachEngine, fadeAfterS: number): void {
    if (fadeAfterS === 0) return;
    this.#cancelFade = (engine.wallTimer ?? realWallTimer)(() => {
      this.#cancelFade = null;
      if (this.settings.settings.coach.checkIns.fadeAfterS !== 0) this.dismissCheckIn();
    }, fadeAfterS * 1000);
  }

  #handle(engine: CoachEngine, event: CoachEvent): void {
    const { coach } = this.settings.settings;
    if (event.kind === 'cue') this.#lastCue = event;
    if (event.kind === 'check-in') {
      this.#clearCheckIn();
      this.#checkIn = event.prompt;
      this.#checkInAtS = event.atS;
      this.#fadeOnTheWallClock(engine, coach.checkIns.fadeAfterS);
      this.recording.recorder?.checkIn(event.prompt.id);
    }
    if (!coach.muted) engine.output.play(event, { ...coach.cues, speakCheckIns: coach.checkIns.speak });
    this.#changed();
  }
}
