// Growable columnar storage for 1 Hz samples. uPlot draws typed-array columns directly, and a
// 3-hour run is 10,800 rows, so columns grow by doubling and views are subarrays (no copies).

const coreColumnNames = ['t', 'speedMps', 'cadence', 'strideLengthM', 'distanceM'] as const;
/** Channels from other sensors and the pod's values before calibration; NaN where none. */
export const sampleChannelNames = ['heartRate', 'treadmillSpeedMps', 'inclinePercent', 'rawSpeedMps', 'rawDistanceM', 'powerW'] as const;
export const columnNames = [...coreColumnNames, ...sampleChannelNames] as const;
export type ColumnName = (typeof columnNames)[number];
/** A row; a channel left out is empty (NaN), never zero. */
export type SampleRow = Record<(typeof coreColumnNames)[number], number> & Partial<Record<(typeof sampleChannelNames)[number], number>>;

export class SampleColumns {
  #capacity: number;
  #length = 0;
  #columns: Record<ColumnName, Float64Array>;

  constructor(initialCapacity = 1024) {
    this.#capacity = Math.max(16, initialCapacity);
    this.#columns = Object.fromEntries(
      columnNames.map((name) => [name, new Float64Array(this.#capacity)]),
    ) as Record<ColumnName, Float64Array>;
  }

  get length(): number {
    return this.#length;
  }

  push(row: SampleRow): void {
    if (this.#length === this.#capacity) this.#grow();
    for (const name of columnNames) this.#columns[name][this.#length] = row[name] ?? Number.NaN;
    this.#length++;
  }

  /** A live view of rows [from, length) of one column; valid until the next push that grows. */
  column(name: ColumnName, from = 0): Float64Array {
    return this.#columns[name].subarray(Math.max(0, from), this.#length);
  }

  at(name: ColumnName, index: number): number {
    return this.#columns[name][index] ?? Number.NaN;
  }

  /** Index of the first row whose time is at or after `t` (binary search; times only increase). */
  indexAtTime(t: number): number {
    const times = this.#columns.t;
    let lo = 0;
    let hi = this.#length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (times[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #grow(): void {
    this.#capacity *= 2;
    for (const name of columnNames) {
      const bigger = new Float64Array(this.#capacity);
      bigger.set(this.#columns[name]);
      this.#columns[name] = bigger;
    }
  }
}
