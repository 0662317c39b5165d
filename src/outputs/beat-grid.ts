// Metronome beat times as a grid, start + k × interval, each computed and never accumulated, so
// the thousandth beat is as exact as the first. A local stand-in with the same shape as the
// coach's BeatClock (src/coach/metronome-timing.ts), which can replace it.

/** The beat times a metronome scheduler draws from. */
export interface BeatSource {
  /** Beats not yet handed out that fall before `untilS`, in order. */
  due(untilS: number): number[];
  /** A new grid whose first beat is at `fromS`; beats before it were already handed out. */
  retime(rateSpm: number, everyStep: boolean, fromS: number): void;
}

export type BeatSourceFactory = (startS: number, rateSpm: number, everyStep: boolean) => BeatSource;

/** Seconds between clicks: one a step, or one every second step (one foot). */
export const beatIntervalS = (rateSpm: number, everyStep: boolean): number => (everyStep ? 60 : 120) / rateSpm;

export class BeatGrid implements BeatSource {
  #startS: number;
  #intervalS: number;
  #next = 0;

  constructor(startS: number, rateSpm: number, everyStep: boolean) {
    this.#startS = startS;
    this.#intervalS = beatIntervalS(rateSpm, everyStep);
  }

  due(untilS: number): number[] {
    const beats: number[] = [];
    for (let at = this.#beat(this.#next); at < untilS; at = this.#beat(++this.#next)) beats.push(at);
    return beats;
  }

  retime(rateSpm: number, everyStep: boolean, fromS: number): void {
    this.#startS = fromS;
    this.#intervalS = beatIntervalS(rateSpm, everyStep);
    this.#next = 0;
  }

  #beat(k: number): number {
    return this.#startS + k * this.#intervalS;
  }
}

export const beatGrid: BeatSourceFactory = (startS, rateSpm, everyStep) => new BeatGrid(startS, rateSpm, everyStep);
