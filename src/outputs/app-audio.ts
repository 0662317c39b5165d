// One AudioContext for the whole app, shared by the metronome and the cue sounds: browsers limit
// how many a page may open, and one clock keeps every sound on the same timeline.

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

// Only a live AudioContext waits for a user gesture; an offline one is resumed by rendering it.
const isLiveContext = (context: AudioContextLike): context is AudioContext =>
  typeof AudioContext !== 'undefined' && context instanceof AudioContext;

export class AppAudio {
  #context: AudioContextLike | null = null;
  readonly #create: AudioContextFactory;

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
    if (isLiveContext(context) && context.state === 'suspended') {
      let waited: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        context.resume().catch(() => undefined),
        new Promise<void>((resolve) => (waited = setTimeout(resolve, RESUME_WAIT_MS))),
      ]);
      clearTimeout(waited);
    }
    return context;
  }

  /**
   * The context when a sound played now would be heard now, else null. Never creates one: a
   * context made outside a gesture stays silent, and a held-back cue played later is wrong.
   */
  audible(): AudioContextLike | null {
    const context = this.#context;
    if (!context) return null;
    if (isLiveContext(context) && context.state !== 'running') {
      // Worth a try: after any earlier gesture on the page the browser allows it.
      if (context.state === 'suspended') void context.resume().catch(() => undefined);
      return null;
    }
    return context;
  }

  /** Closes a live context (browsers limit how many a page holds); the next unlock makes another. */
  async close(): Promise<void> {
    const context = this.#context;
    this.#context = null;
    if (context && isLiveContext(context) && context.state !== 'closed') await context.close().catch(() => undefined);
  }
}
