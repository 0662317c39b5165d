// The metronome as a look-ahead scheduler ("A Tale of Two Clocks"): a main-thread timer wakes
// now and then and hands the audio thread every beat of the next stretch, each at its exact time
// on the AudioContext clock. A busy main thread or a throttled background timer then only delays
// the scheduling, never a click. A change of rate or volume takes back the clicks handed over and
// not yet close, so how far ahead it looks is not heard; it only decides how long the timer may
// sleep, and so how rarely it wakes the phone.
//
// How far ahead, and how often: in a tab in front, 1 s ahead with a wake-up every 250 ms, which
// outlasts a 750 ms stall of the main thread (a long redraw, a garbage collection; the bench saw
// 400 ms gaps) at 4 wake-ups a second. In a hidden tab, 5 s ahead with a wake-up a second: Chrome
// runs a hidden tab's timers at most once a second (on a one-second grid, so up to 2 s apart) unless
// it plays sound, and a clicking metronome does, which also keeps the tab out of the once-a-minute
// throttling after 5 minutes hidden and out of freezing. A frozen or suspended page (a phone's
// system may still do it) runs no timer at all: the clicks already handed over play, then silence,
// and when the page comes back (visibilitychange, resume) the scheduler wakes at once, leaves out
// the beats whose time has passed, resumes an audio context the system suspended, and goes on on
// the same grid.

import { AppAudio, type AudioContextLike } from './app-audio.js';
import { BeatClock, beatIntervalS } from '../coach/metronome-timing.js';

/** The beat times the scheduler draws from: the coach's BeatClock, or a test's own. */
export interface BeatSource {
  due(untilS: number): number[];
  restartAt(rateSpm: number, everyStep: boolean, firstBeatS: number): void;
}
export type BeatSourceFactory = (startS: number, rateSpm: number, everyStep: boolean) => BeatSource;
const beatClock: BeatSourceFactory = (startS, rateSpm, everyStep) => new BeatClock(startS, rateSpm, everyStep);
import type { Metronome, MetronomeOptions } from './outputs.js';
import { RecentValues } from './recent-values.js';
import { scheduleTone, type ScheduledTone } from './tones.js';

/** Repeats a callback until the returned function is called. */
export interface SchedulerTimer {
  every(ms: number, tick: () => void): () => void;
}

export const browserTimer: SchedulerTimer = {
  every(ms, tick) {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  },
};

export interface WebAudioMetronomeParts {
  /** The app's one audio context; a test hands in one over an OfflineAudioContext. */
  audio?: AppAudio;
  timer?: SchedulerTimer;
  /** Whether the tab is hidden now (its timers fire about once a second). */
  pageHidden?: () => boolean;
  /** Where beat times come from (the coach's BeatClock has the same shape). */
  beats?: BeatSourceFactory;
}

/** In a tab in front: outlasts a 750 ms stall of the main thread between two wake-ups. */
export const TICK_VISIBLE_MS = 250;
export const AHEAD_VISIBLE_S = 1;
/** In a hidden tab: outlasts two throttled wake-ups missed in a row, at one wake-up a second. */
export const TICK_HIDDEN_MS = 1000;
export const AHEAD_HIDDEN_S = 5;
const FIRST_BEAT_AFTER_S = 0.1;
/** Hidden or shown, and back from frozen: the timer's pace changes and the scheduler catches up. */
const PAGE_EVENTS = ['visibilitychange', 'resume'] as const;
/** Beats this close to now may already be on their way to the speakers: they stay as they are. */
const TOO_CLOSE_TO_CHANGE_S = 0.03;
const KEPT_BEATS = 10_000;

const CLICK = { hz: 1760, attackS: 0.001, decayS: 0.008, lengthS: 0.05 };

const sameOptions = (a: MetronomeOptions, b: MetronomeOptions) =>
  a.rateSpm === b.rateSpm && a.everyStep === b.everyStep && a.volume === b.volume;

function checked(options: MetronomeOptions): MetronomeOptions {
  if (!Number.isFinite(options.rateSpm) || options.rateSpm <= 0) throw new RangeError(`A metronome rate must be a number of steps per minute, not ${options.rateSpm}`);
  return { rateSpm: options.rateSpm, everyStep: options.everyStep, volume: Math.min(1, Math.max(0, options.volume || 0)) };
}

/** Events: 'change' when it starts or stops. */
export class WebAudioMetronome extends EventTarget implements Metronome {
  readonly audio: AppAudio;
  readonly #timer: SchedulerTimer;
  readonly #pageHidden: () => boolean;
  readonly #beatsFrom: BeatSourceFactory;

  #options: MetronomeOptions = { rateSpm: 175, everyStep: true, volume: 0.6 };
  #context: AudioContextLike | null = null;
  #grid: BeatSource | null = null;
  #stopTimer: (() => void) | null = null;
  /** Clicks handed to the audio thread that may not have finished playing. */
  #pending: ScheduledTone[] = [];
  readonly #beats = new RecentValues(KEPT_BEATS);
  readonly #leads = new RecentValues(KEPT_BEATS);
  #skipped = 0;
  #lastTickMs: number | null = null;
  #longestTickGapMs = 0;
  /** The clicks of the last preview, taken back if the metronome starts over them. */
  #previewClicks: ScheduledTone[] = [];
  /** Bumped by stop(), so a start still waiting for the audio context does not start after it. */
  #generation = 0;

  constructor(parts: WebAudioMetronomeParts = {}) {
    super();
    this.audio = parts.audio ?? new AppAudio();
    this.#timer = parts.timer ?? browserTimer;
    this.#pageHidden = parts.pageHidden ?? (() => typeof document !== 'undefined' && document.hidden);
    this.#beatsFrom = parts.beats ?? beatClock;
  }

  get running(): boolean {
    return this.#stopTimer !== null;
  }

  get options(): Readonly<MetronomeOptions> {
    return this.#options;
  }

  /** Beat times in context seconds since the last start (the last 10,000 at least). */
  get scheduledBeats(): readonly number[] {
    return this.#beats.values;
  }

  /** For each of scheduledBeats, how far ahead of the context clock it was handed over (s). */
  get scheduleLeadsS(): readonly number[] {
    return this.#leads.values;
  }

  /**
   * The next click to be heard, on the page's clock: the earliest handed over and not yet played,
   * not the last one (up to 5 s ahead), so a light started on it pulses from the next click.
   */
  get beat(): { atMs: number; intervalMs: number } | null {
    const context = this.#context;
    if (!this.running || !context) return null;
    // Heard this much after its time on the context clock (0 where the browser does not say).
    const latencyS = (context as { outputLatency?: number }).outputLatency ?? 0;
    const now = context.currentTime;
    const next = this.#pending.find((click) => click.atS + latencyS >= now)?.atS ?? this.#beats.last;
    if (next === undefined) return null;
    return {
      atMs: performance.now() + (next + latencyS - now) * 1000,
      intervalMs: beatIntervalS(this.#options.rateSpm, this.#options.everyStep) * 1000,
    };
  }

  /** Beats left out since the last start because the timer woke after their time. */
  get skippedBeats(): number {
    return this.#skipped;
  }

  /** The longest wait between two wake-ups of the timer since the last start (ms; 250 in front when all is well). */
  get longestTickGapMs(): number {
    return this.#longestTickGapMs;
  }

  async start(options: MetronomeOptions): Promise<void> {
    const wanted = checked(options);
    if (this.running) return this.update(wanted);
    const generation = this.#generation;
    const context = await this.audio.unlock();
    if (generation !== this.#generation) return;
    if (this.running) return this.update(wanted);
    this.#options = wanted;
    this.#context = context;
    this.#cancelPreview();
    this.#grid = this.#beatsFrom(context.currentTime + FIRST_BEAT_AFTER_S, wanted.rateSpm, wanted.everyStep);
    this.#beats.clear();
    this.#leads.clear();
    this.#skipped = 0;
    this.#lastTickMs = null;
    this.#longestTickGapMs = 0;
    this.audio.hold(this, true);
    this.#startTimer();
    if (typeof document !== 'undefined') for (const name of PAGE_EVENTS) document.addEventListener(name, this.#onPageChange);
    this.#tick();
    this.dispatchEvent(new Event('change'));
  }

  update(options: MetronomeOptions): void {
    const wanted = checked(options);
    const previous = this.#options;
    this.#options = wanted;
    const context = this.#context;
    if (!this.running || !context || !this.#grid || sameOptions(previous, wanted)) return;
    // Beats already handed over but not yet close are taken back and scheduled again with the
    // new rate and volume: a change is heard from the next beat, even 2 s ahead in a hidden tab.
    const now = context.currentTime;
    const changeable = this.#pending.filter((click) => click.atS > now + TOO_CLOSE_TO_CHANGE_S);
    for (const click of changeable) click.cancel();
    this.#pending = this.#pending.filter((click) => !changeable.includes(click));
    this.#beats.dropLast(changeable.length);
    this.#leads.dropLast(changeable.length);
    // The new interval counts from the last beat that stays: no double beat and no gap.
    const last = this.#beats.last;
    const interval = beatIntervalS(wanted.rateSpm, wanted.everyStep);
    const next = last === undefined ? now + FIRST_BEAT_AFTER_S : Math.max(last + interval, now + TOO_CLOSE_TO_CHANGE_S);
    this.#grid.restartAt(wanted.rateSpm, wanted.everyStep, next);
    this.#tick();
  }

  stop(): void {
    this.#generation++;
    if (!this.#stopTimer) return;
    this.#stopTimer();
    this.#stopTimer = null;
    if (typeof document !== 'undefined') for (const name of PAGE_EVENTS) document.removeEventListener(name, this.#onPageChange);
    // Clicks still ahead are taken back and forgotten: scheduledBeats lists only what was heard.
    const now = this.#context?.currentTime ?? 0;
    const ahead = this.#pending.filter((click) => click.atS > now).length;
    for (const click of this.#pending) click.cancel();
    this.#pending = [];
    this.#beats.dropLast(ahead);
    this.#leads.dropLast(ahead);
    this.#grid = null;
    this.audio.hold(this, false);
    this.dispatchEvent(new Event('change'));
  }

  /**
   * A few clicks at these options, for the runner to hear in Settings: all handed to the audio
   * thread at once on its own clock, so no timer is involved. Nothing while the metronome plays
   * (it is heard already); a second preview replaces the first. Resolves with the click times.
   */
  async preview(options: MetronomeOptions, beats: number): Promise<number[]> {
    const wanted = checked(options);
    if (this.running) return [];
    const context = await this.audio.unlock();
    if (this.running) return [];
    this.#cancelPreview();
    const interval = beatIntervalS(wanted.rateSpm, wanted.everyStep);
    const first = context.currentTime + FIRST_BEAT_AFTER_S;
    const times = Array.from({ length: Math.max(0, Math.floor(beats)) }, (_, k) => first + k * interval);
    this.#previewClicks = times.map((atS) => scheduleTone(context, { atS, peak: wanted.volume, ...CLICK }));
    if (times.length > 0) this.audio.soundsUntil(times.at(-1)! + CLICK.lengthS);
    return times;
  }

  #cancelPreview(): void {
    for (const click of this.#previewClicks) click.cancel();
    this.#previewClicks = [];
  }

  /** Wakes every 250 ms in a tab in front, every second in a hidden one (see the top of the file). */
  #startTimer(): void {
    this.#stopTimer = this.#timer.every(this.#pageHidden() ? TICK_HIDDEN_MS : TICK_VISIBLE_MS, this.#tick);
  }

  readonly #onPageChange = (): void => {
    if (!this.#stopTimer) return;
    this.#stopTimer();
    this.#startTimer();
    // A context the system suspended (a call, a locked screen) is asked to run again; the beats
    // keep their places on its clock, which stood still meanwhile.
    this.audio.audible();
    this.#tick();
  };

  readonly #tick = (): void => {
    const context = this.#context;
    const grid = this.#grid;
    if (!this.running || !context || !grid) return;
    const wallMs = performance.now();
    if (this.#lastTickMs !== null) this.#longestTickGapMs = Math.max(this.#longestTickGapMs, wallMs - this.#lastTickMs);
    this.#lastTickMs = wallMs;

    const now = context.currentTime;
    this.#pending = this.#pending.filter((click) => click.atS + CLICK.lengthS > now);
    const ahead = this.#pageHidden() ? AHEAD_HIDDEN_S : AHEAD_VISIBLE_S;
    for (const atS of grid.due(now + ahead)) {
      // A click out of time is worse than a missing one; the next beats stay on the grid.
      if (atS < now) {
        this.#skipped++;
        continue;
      }
      this.#pending.push(scheduleTone(context, { atS, peak: this.#options.volume, ...CLICK }));
      this.#beats.push(atS);
      this.#leads.push(atS - now);
    }
  };
}
