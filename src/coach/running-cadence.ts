// The cadence the metronome starts from: the runner's running cadence, the mean of their last
// seconds of running. A plain trailing mean of the pod's readings would count the seconds stood on
// the belt (0) or walked before them (7 s standing and 3 s at 170 reads 51), and on a walk break it
// would have no running cadence at all, so the start would lose its 5 % cap. Outside running it
// keeps the last running seconds' cadence.

export class RunningCadence {
  #times: number[] = [];
  #cadences: number[] = [];

  /** `windowS`: running readings within this many seconds of the latest running one count. */
  constructor(private readonly windowS: number) {}

  /** The mean over the last running seconds, steps/min; null before any running reading. */
  get spm(): number | null {
    if (this.#cadences.length === 0) return null;
    return this.#cadences.reduce((sum, c) => sum + c, 0) / this.#cadences.length;
  }

  /** One reading; only a running one with a cadence counts. */
  add(timeS: number, cadence: number, running: boolean): void {
    if (!running || !Number.isFinite(cadence) || cadence <= 0) return;
    this.#times.push(timeS);
    this.#cadences.push(cadence);
    let drop = 0;
    while (this.#times[drop]! <= timeS - this.windowS) drop++;
    this.#times.splice(0, drop);
    this.#cadences.splice(0, drop);
  }

  /** A new live session starts with no running cadence. */
  clear(): void {
    this.#times = [];
    this.#cadences = [];
  }
}
