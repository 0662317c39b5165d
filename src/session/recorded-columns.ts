// Building and cutting RecordedColumns. A 3-hour run is 10,800 rows pushed one at a time, so the
// builder grows by doubling and hands out subarray views instead of copies.

import {
  type ChannelName,
  type RecordedColumns,
  type RecordedSample,
  channelColumnNames,
  recordedColumnNames,
} from './recorded-session.js';

type ColumnName = (typeof recordedColumnNames)[number];

/** Zero-filled columns of `length` rows, each of its stored type. */
export function emptyColumns(length = 0): RecordedColumns {
  return {
    t: new Float64Array(length),
    speedMps: new Float32Array(length),
    cadence: new Float32Array(length),
    strideLengthM: new Float32Array(length),
    distanceM: new Float64Array(length),
    flags: new Uint8Array(length),
    // A channel no sensor gave is empty, never zero.
    heartRate: new Float32Array(length).fill(Number.NaN),
    treadmillSpeedMps: new Float32Array(length).fill(Number.NaN),
    inclinePercent: new Float32Array(length).fill(Number.NaN),
    rawSpeedMps: new Float32Array(length).fill(Number.NaN),
    rawDistanceM: new Float64Array(length).fill(Number.NaN),
    powerW: new Float32Array(length).fill(Number.NaN),
  };
}

export const columnsLength = (c: RecordedColumns): number => c.t.length;

/** The first row whose time is at or after `time` (times only increase), or the length. */
export function rowAtOrAfter(t: Float64Array, time: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid]! < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function checkIndex(i: number, length: number): void {
  if (!(Number.isInteger(i) && i >= 0 && i < length)) throw new RangeError(`No sample ${i}: there are ${length}.`);
}

export function sampleAt(c: RecordedColumns, i: number): RecordedSample {
  checkIndex(i, c.t.length);
  return {
    t: c.t[i]!,
    speedMps: c.speedMps[i]!,
    cadence: c.cadence[i]!,
    strideLengthM: c.strideLengthM[i]!,
    distanceM: c.distanceM[i]!,
    flags: c.flags[i]!,
    // A channel is there only where a sensor gave it.
    ...channelsAt(c, i),
  };
}

function channelsAt(c: RecordedColumns, i: number): Partial<Pick<RecordedSample, ChannelName>> {
  const channels: Partial<Pick<RecordedSample, ChannelName>> = {};
  for (const name of channelColumnNames) if (Number.isFinite(c[name][i]!)) channels[name] = c[name][i]!;
  return channels;
}

export function columnsFrom(samples: readonly RecordedSample[]): RecordedColumns {
  const c = emptyColumns(samples.length);
  samples.forEach((s, i) => {
    for (const name of recordedColumnNames) c[name][i] = s[name] ?? Number.NaN;
  });
  return c;
}

/** One set of columns holding every part in order (e.g. stored chunks back into a session). */
export function concatColumns(parts: readonly RecordedColumns[]): RecordedColumns {
  const c = emptyColumns(parts.reduce((n, p) => n + p.t.length, 0));
  let at = 0;
  for (const part of parts) {
    for (const name of recordedColumnNames) setColumn(c, name, part, at);
    at += part.t.length;
  }
  return c;
}

/**
 * Rows [from, to) as copies, not views: a structured clone of a view clones its whole buffer, so
 * a stored chunk cut as a view would carry the entire session with it.
 */
export function sliceColumns(c: RecordedColumns, from: number, to = c.t.length): RecordedColumns {
  const part = emptyColumns(0);
  for (const name of recordedColumnNames) setPart(part, name, c[name].slice(from, to));
  return part;
}

/** Puts a column in place, keeping its type (one assignment per name, typed through the column map). */
function setPart<N extends ColumnName>(target: RecordedColumns, name: N, column: RecordedColumns[N]): void {
  target[name] = column;
}

function setColumn(target: RecordedColumns, name: ColumnName, source: RecordedColumns, at: number): void {
  target[name].set(source[name], at);
}

export class RecordedColumnsBuilder {
  #capacity: number;
  #length = 0;
  #columns: RecordedColumns;

  constructor(initialCapacity = 1024) {
    this.#capacity = Math.max(16, initialCapacity);
    this.#columns = emptyColumns(this.#capacity);
  }

  get length(): number {
    return this.#length;
  }

  push(sample: Readonly<RecordedSample>): void {
    if (this.#length === this.#capacity) this.#grow(this.#capacity * 2);
    const c = this.#columns;
    const i = this.#length++;
    c.t[i] = sample.t;
    c.speedMps[i] = sample.speedMps;
    c.cadence[i] = sample.cadence;
    c.strideLengthM[i] = sample.strideLengthM;
    c.distanceM[i] = sample.distanceM;
    c.flags[i] = sample.flags;
    for (const name of channelColumnNames) c[name][i] = sample[name] ?? Number.NaN;
  }

  /** Appends whole columns at once, e.g. a stored session being resumed. */
  pushColumns(part: RecordedColumns): void {
    const needed = this.#length + part.t.length;
    if (needed > this.#capacity) this.#grow(Math.max(needed, this.#capacity * 2));
    for (const name of recordedColumnNames) setColumn(this.#columns, name, part, this.#length);
    this.#length = needed;
  }

  /** Views of the rows so far; they stop following new rows once a push grows the buffers. */
  columns(): RecordedColumns {
    const c = this.#columns;
    const n = this.#length;
    const view = emptyColumns(0);
    for (const name of recordedColumnNames) setPart(view, name, c[name].subarray(0, n));
    return view;
  }

  at(i: number): RecordedSample {
    checkIndex(i, this.#length);
    return sampleAt(this.#columns, i);
  }

  /** The time of the last row, without building a view; NaN when empty. */
  get lastT(): number {
    return this.#length > 0 ? this.#columns.t[this.#length - 1]! : Number.NaN;
  }

  #grow(capacity: number): void {
    const bigger = emptyColumns(capacity);
    for (const name of recordedColumnNames) setColumn(bigger, name, this.#columns, 0);
    this.#capacity = capacity;
    this.#columns = bigger;
  }
}
