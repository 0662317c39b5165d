// The most recent numbers of a long series, for tests and the bench to read: a three-hour run at
// 180 spm schedules 32,400 beats, and none of them need to be kept for the run to go on.

export class RecentValues {
  readonly #values: number[] = [];
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** The last `limit` values at least (up to 10% more: trimming in batches keeps push cheap). */
  get values(): readonly number[] {
    return this.#values;
  }

  get last(): number | undefined {
    return this.#values[this.#values.length - 1];
  }

  push(value: number): void {
    this.#values.push(value);
    if (this.#values.length > this.#limit * 1.1) this.#values.splice(0, this.#values.length - this.#limit);
  }

  dropLast(count: number): void {
    this.#values.length = Math.max(0, this.#values.length - count);
  }

  clear(): void {
    this.#values.length = 0;
  }
}
