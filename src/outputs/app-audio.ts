// One AudioContext for the whole app, shared by the metronome and the cue sounds: browsers limit
// how many a page may open, and one clock keeps every sound on the same timeline.
//
// A running context renders silence on the audio thread and holds the device's audio output open
// for as long as the page stays open, an hour beside the belt after the run. So it runs only while
// a sound may come: while something holds it ready (the metronome playing; the coach while a pod or
// a run could cue) or a sound is still playing. Otherwise it is suspended a moment later, and
// resumed when held again: once the page has had a gesture, Chrome lets it resume without one.

/** What the outputs use of an audio context; a real AudioContext or OfflineAudioContext is one. */
export interface AudioContextLike {
  readonly currentTime: number;
  readonly destination: AudioNode;
  readonly state: AudioContextState;
  createOscillator(): OscillatorNode;
  createGain(): GainNode;
}

export type AudioContextFactory = () => AudioContextLike;

const createBrowserContext: AudioContextFactory = () => {
  if (typeof AudioContext === 'undefined') throw new Error('This browser cannot play sound (it has no Web Audio).');
  return new AudioContext({ latencyHint: 'interactive' });
};

/** How long start-up waits for the browser to let audio run before going on regardless. */
const RESUME_WAIT_MS = 1000;
/** Left running this long after the last sound, so a quick stop and start does not toggle it. */
const REST_AFTER_MS = 500;

// Only a live AudioContext waits for a user gesture; an offline one is resumed by rendering it.
const isLiveContext = (context: AudioContextLike): context is AudioContext =>
  typeof AudioContext !== 'undefined' && context instanceof AudioContext;

export class AppAudio {
  #context: AudioContextLike | null = null;
  readonly #create: AudioContextFactory;
  /** Whoever may play a sound at any moment. */
  readonly #holders = new Set<object>();
  /** When the last sound handed over ends, on the context's clock. */
  #soundsUntilS = 0;
  /** Suspended by us (not by the system): a sound asked for meanwhile resumes it. */
  #resting = false;
  #restTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(create: AudioContextFactory = createBrowserContext) {
    this.#create = create;
  }

  /** The context, once something has unlocked audio; null before. */
  get context(): AudioContextLike | null {
    return this.#context;
  }

  /**
   * Call from a user gesture (a click or key press): creates the context the first time and lets
   * it run. Resolves once it runs, or after a second if the browser still holds it (sound then
   * starts when the browser allows it; beats keep their places on the context's clock).
   * Rejects only when the browser has no Web Audio at all.
   */
  async unlock(): Promise<AudioContextLike> {
    this.#context ??= this.#create();
    const context = this.#context;
    // Not put to rest while it is being resumed: whoever unlocks it plays or holds it next.
    this.#cancelRest();
    if (isLiveContext(context) && context.state === 'suspended') {
      this.#resting = false;
      let waited: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        context.resume().catch(() => undefined),
        new Promise<void>((resolve) => (waited = setTimeout(resolve, RESUME_WAIT_MS))),
      ]);
      clearTimeout(waited);
    }
    this.#restLater();
    return context;
  }

  /**
   * `holder` may play a sound at any moment (true) or no longer (false). While anyone holds it the
   * context runs, resumed at once if it rested, so a sound then is heard on time.
   */
  hold(holder: object, ready: boolean): void {
    if (ready) {
      this.#holders.add(holder);
      this.#cancelRest();
      this.#wake();
    } else if (this.#holders.delete(holder)) {
      this.#restLater();
    }
  }

  /** A sound handed over that ends at `untilS` (context clock): the context runs until then. */
  soundsUntil(untilS: number): void {
    this.#soundsUntilS = Math.max(this.#soundsUntilS, untilS);
    this.#restLater();
  }

  /**
   * The context when a sound played now would be heard now, else null. Never creates one: a
   * context made outside a gesture stays silent, and a held-back cue played later is wrong.
   */
  audible(): AudioContextLike | null {
    const context = this.#context;
    if (!context) return null;
    // Put to rest by us, it resumes within milliseconds (the page had its gesture): a sound
    // scheduled now on its stopped clock plays as soon as the clock runs again.
    if (this.#resting) {
      this.#wake();
      return context;
    }
    if (isLiveContext(context) && context.state !== 'running') {
      // Worth a try: after any earlier gesture on the page the browser allows it.
      if (context.state === 'suspended') void context.resume().catch(() => undefined);
      return null;
    }
    return context;
  }

  #wake(): void {
    const context = this.#context;
    if (!this.#resting || !context || !isLiveContext(context)) return;
    this.#resting = false;
    void context.resume().catch(() => undefined);
  }

  /** Puts the context to rest once no one holds it and its last sound is over (checked again then). */
  #restLater(): void {
    const context = this.#context;
    if (this.#restTimer !== null || this.#holders.size > 0 || !context || !isLiveContext(context)) return;
    const soundLeftMs = Math.max(0, this.#soundsUntilS - context.currentTime) * 1000;
    this.#restTimer = setTimeout(() => {
      this.#restTimer = null;
      // A context not running (held by the browser or the system) has nothing to stop, and a clock
      // that stands still: no timer waits on it.
      if (this.#holders.size > 0 || this.#context !== context || context.state !== 'running') return;
      if (context.currentTime < this.#soundsUntilS) return this.#restLater();
      this.#resting = true;
      void context.suspend().catch(() => undefined);
    }, soundLeftMs + REST_AFTER_MS);
  }

  #cancelRest(): void {
    if (this.#restTimer !== null) clearTimeout(this.#restTimer);
    this.#restTimer = null;
  }

  /** Closes a live context (browsers limit how many a page holds); the next unlock makes another. */
  async close(): Promise<void> {
    const context = this.#context;
    this.#context = null;
    this.#cancelRest();
    this.#resting = false;
    this.#soundsUntilS = 0;
    if (context && isLiveContext(context) && context.state !== 'closed') await context.close().catch(() => undefined);
  }
}
