// Shrinks a long series to what a chart can show: per time bucket, the lowest and the highest
// sample in time order, so every spike and dip still reaches its pixel. With buckets about one
// pixel wide the line drawn is the same as from every sample, at a fraction of the points.
// Kept up to date as samples arrive: only the last bucket is reworked per new sample.

/** A raw step longer than this is a gap (a lost link, a pause); no bucket spans it. */
const GAP_S = 2.5;

export class MinMaxDecimation {
  #bucketS = 0;
  #t = new Float64Array(0);
  #y = new Float64Array(0);
  #length = 0;
  /** Raw index where the last (still open) bucket starts, and where its points start in the output. */
  #openFrom = 0;
  #openAt = 0;

  /** Seconds per bucket in use; 0 before the first update. */
  get bucketS(): number {
    return this.#bucketS;
  }

  /**
   * Updates from columns that only ever grow at the end (same arrays or longer copies), for a
   * chart about `pixels` wide. Returns views of the decimated x and y; valid until the next call.
   */
  update(t: Float64Array, y: Float64Array, pixels: number): [Float64Array, Float64Array] {
    const n = t.length;
    const span = n > 0 ? t[n - 1]! - t[0]! : 0;
    const bucketS = bucketFor(span, pixels);
    if (bucketS !== this.#bucketS || n < this.#openFrom) this.#reset(bucketS, n);
    this.#ensureCapacity(2 * (n - this.#openFrom) + this.#openAt + 2);
    this.#length = this.#openAt;
    let from = this.#openFrom;
    for (let i = this.#openFrom; i <= n; i++) {
      const ends = i === n || t[i]! - t[from]! >= bucketS || t[i]! - t[i - 1]! > GAP_S;
      if (!ends || i === from) continue;
      if (i < n) {
        this.#openFrom = from = this.#closeBucket(t, y, from, i);
        this.#openAt = this.#length;
      } else {
        this.#closeBucket(t, y, from, i);
      }
    }
    return [this.#t.subarray(0, this.#length), this.#y.subarray(0, this.#length)];
  }

  /** Writes the min and max of raw rows [from, to) in time order; returns `to`. */
  #closeBucket(t: Float64Array, y: Float64Array, from: number, to: number): number {
    let lo = from;
    let hi = from;
    for (let i = from + 1; i < to; i++) {
      if (y[i]! < y[lo]!) lo = i;
      if (y[i]! > y[hi]!) hi = i;
    }
    const first = Math.min(lo, hi);
    const second = Math.max(lo, hi);
    this.#push(t[first]!, y[first]!);
    if (second !== first) this.#push(t[second]!, y[second]!);
    return to;
  }

  #push(t: number, y: number): void {
    this.#t[this.#length] = t;
    this.#y[this.#length] = y;
    this.#length++;
  }

  #reset(bucketS: number, n: number): void {
    this.#bucketS = bucketS;
    this.#openFrom = 0;
    this.#openAt = 0;
    this.#length = 0;
    this.#ensureCapacity(2 * n + 2);
  }

  #ensureCapacity(size: number): void {
    if (size <= this.#t.length) return;
    const capacity = Math.max(size, this.#t.length * 2, 256);
    const t = new Float64Array(capacity);
    const y = new Float64Array(capacity);
    t.set(this.#t.subarray(0, this.#openAt));
    y.set(this.#y.subarray(0, this.#openAt));
    this.#t = t;
    this.#y = y;
  }
}

/**
 * Bucket width for a span on a chart `pixels` wide: a power of two seconds, about one pixel, so
 * it changes (and the series is rebuilt) only each time the run doubles in length.
 */
export function bucketFor(spanS: number, pixels: number): number {
  const perPixel = spanS / Math.max(1, pixels);
  return perPixel <= 1 ? 1 : 2 ** Math.ceil(Math.log2(perPixel));
}
