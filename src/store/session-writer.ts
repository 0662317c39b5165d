// Keeps a recording durable as it happens: every flush (each second by default, and with
// `flushEachSample` as soon as a sample arrives) writes the chunks that changed since the last one
// and the meta, in one write, so a crash or a closed tab loses at most the last flush interval (with
// `flushEachSample`: the write in flight, at most one sample). Nothing is ever thrown from the timer: a failed write
// leaves every sample in memory, says so once through a 'problem' event, and is retried on the
// next tick; memory holds only the current chunk once writes succeed.

import { type RecordedColumns, type RecordedSample, type RecordedSession, type SessionMeta, recordedColumnNames } from '../session/recorded-session.js';
import { emptyColumns, sliceColumns } from '../session/recorded-columns.js';
import { CHUNK_SIZE, chunkCountFor, recordingLockName, saveRecordingProgress } from './session-store.js';
import { describeStoreError, isQuotaExceeded } from './store-errors.js';
import { writeLeavingJournal } from './leaving-journal.js';

export type WriterState = 'ok' | 'storage-full' | 'failed';

export const STORAGE_FULL_MESSAGE =
  'The disk is full: recording continues in memory. Export this run so nothing is lost, or free some space.';

/** Dispatched as 'problem' when writes start failing (not again on each failed retry). */
export class WriterProblemEvent extends Event {
  constructor(
    readonly state: Exclude<WriterState, 'ok'>,
    readonly message: string,
    readonly error: unknown,
  ) {
    super('problem');
  }
}

export interface SessionWriterOptions {
  /** How often the timer flushes, ms; default 1000. */
  flushIntervalMs?: number;
  /**
   * Also write each sample as soon as it is added (a write still going on takes the next ones with
   * it when it ends), so a killed renderer loses at most the sample whose write was in flight. At one
   * sample a second that is as many writes as the timer's; the timer still retries failed writes
   * (never more often, so a full disk is not hammered) and carries meta changes between samples.
   */
  flushEachSample?: boolean;
}

type WriteKind = 'begin' | 'flush' | 'finish';

/** Events: 'problem' (WriterProblemEvent), 'statechange' (whenever `state` changes), 'finished' (the last write landed, first try or retry). */
export class SessionWriter extends EventTarget {
  readonly id: string;
  readonly flushIntervalMs: number;
  readonly #flushEachSample: boolean;
  #flushAfterWrite = false;
  #metaProvider: () => SessionMeta;
  #timer: ReturnType<typeof setInterval> | null = null;
  /** Chunk buffers (CHUNK_SIZE rows each) not yet wholly durable, by chunk number. */
  #chunks = new Map<number, RecordedColumns>();
  #count = 0;
  #durable = 0;
  #indexed = false;
  #state: WriterState = 'ok';
  #lastFlushAt: number | null = null;
  #writing: Promise<boolean> = Promise.resolve(true);
  #busy = 0;
  /** Set by finish(); until that write succeeds the timer retries it instead of flushing. */
  #finishing: SessionMeta | null = null;
  #closed = false;
  #releaseLock: (() => void) | null = null;
  /** Settles once the browser has let the run's lock go: until then other tabs still see it held. */
  #lockGone: Promise<unknown> = Promise.resolve();
  /** The laps and check-ins of the meta last written: one pressed since goes to the journal on leaving. */
  #marksWritten: string;

  /** `metaProvider` gives the recorder's latest meta; it is asked at every timed flush. */
  constructor(metaProvider: () => SessionMeta, options: SessionWriterOptions = {}) {
    super();
    this.#metaProvider = metaProvider;
    this.id = metaProvider().id;
    this.flushIntervalMs = options.flushIntervalMs ?? 1000;
    this.#flushEachSample = options.flushEachSample ?? false;
    this.#marksWritten = marksOf(metaProvider());
  }

  /**
   * A writer that continues a stored, unfinished recording: the next samples go on in the same
   * chunks (the last, partial one is rewritten with them). Call begin() to start it.
   */
  static resume(metaProvider: () => SessionMeta, stored: RecordedSession, options: SessionWriterOptions = {}): SessionWriter {
    const writer = new SessionWriter(metaProvider, options);
    if (stored.meta.id !== writer.id) throw new Error(`resume: stored session ${stored.meta.id} is not ${writer.id}`);
    writer.#adopt(stored.samples);
    writer.#marksWritten = marksOf(stored.meta);
    return writer;
  }

  get state(): WriterState {
    return this.#state;
  }
  /** Samples added but not yet durable. */
  get pendingSamples(): number {
    return this.#count - this.#durable;
  }
  /** Samples added in all, resumed ones included. */
  get sampleCount(): number {
    return this.#count;
  }
  /** Finished and written, or abandoned: no more writes of this run from here. */
  get closed(): boolean {
    return this.#closed;
  }
  /** Date.now() of the last successful write, or null. */
  get lastFlushAt(): number | null {
    return this.#lastFlushAt;
  }

  /** Writes the meta and the index entry (status 'recording') and starts the timer. */
  begin(): Promise<boolean> {
    if (this.#closed) return Promise.resolve(false);
    this.#holdLock();
    this.#timer ??= setInterval(this.#tick, this.flushIntervalMs);
    this.#indexed = false;
    return this.#serialized(() => this.#write('begin', null));
  }

  add(sample: RecordedSample): void {
    if (this.#closed || this.#finishing) throw new Error('SessionWriter.add after finish or abandon');
    const n = Math.floor(this.#count / CHUNK_SIZE);
    const row = this.#count - n * CHUNK_SIZE;
    let chunk = this.#chunks.get(n);
    if (!chunk) this.#chunks.set(n, (chunk = emptyColumns(CHUNK_SIZE)));
    // Every column, channels too: a channel the sample lacks stays empty (NaN), never zero.
    for (const name of recordedColumnNames) chunk[name][row] = sample[name] ?? Number.NaN;
    this.#count++;
    if (this.#flushEachSample && this.#state === 'ok') this.#flushSoon();
  }

  /**
   * Writes what changed since the last write, with `meta` (default: the provider's; the index
   * entry only if begin's write failed, as it is written at begin and finish). Never
   * rejects: resolves true when every sample added so far is durable, false when they are held
   * in memory (see `state`).
   */
  flush(meta?: SessionMeta): Promise<boolean> {
    if (this.#closed) return Promise.resolve(this.pendingSamples === 0);
    // Once finish() was asked for, every write is a finishing one, until one succeeds.
    if (this.#finishing) return this.#serialized(() => this.#write('finish', this.#finishing));
    return this.#serialized(() => this.#write('flush', meta ?? null));
  }

  /**
   * The last write: remaining samples, the meta (status 'complete' unless the meta says
   * 'recovered') and the index entry. Resolves false when it failed; the timer then keeps
   * retrying it, and the samples stay in memory for an export meanwhile.
   */
  async finish(meta?: SessionMeta): Promise<boolean> {
    if (this.#closed) return false;
    this.#finishing = meta ?? this.#metaProvider();
    return this.#serialized(() => this.#write('finish', this.#finishing));
  }

  /**
   * The page is going away (pagehide): writes every sample not yet durable at once, beside a write
   * in flight rather than after it, since no code runs once the page is gone, and keeps them in
   * the leaving journal too (leaving-journal.ts).
   */
  writeBeforeLeaving(): void {
    if (this.#closed || this.#finishing) return;
    const meta = this.#metaProvider();
    // A lap pressed after the last sample written is in no stored meta: it goes too, samples or not.
    if (this.pendingSamples === 0 && marksOf(meta) === this.#marksWritten) return;
    // That write waits for the one in flight, and Chromium drops it once the page is gone: the
    // samples also go to localStorage, synchronously, for the next start to merge.
    writeLeavingJournal(this.id, this.#durable, this.#pendingColumns(), meta);
    void this.#write('flush', null);
  }

  /** Samples added but not yet durable, as columns. */
  #pendingColumns(): RecordedColumns {
    const pending = emptyColumns(this.pendingSamples);
    for (let i = this.#durable; i < this.#count; i++) {
      const chunk = this.#chunks.get(Math.floor(i / CHUNK_SIZE))!;
      for (const name of recordedColumnNames) pending[name][i - this.#durable] = chunk[name][i % CHUNK_SIZE]!;
    }
    return pending;
  }

  /** Stops without finishing, as a closed tab would: the session stays 'recording', to recover. */
  abandon(): void {
    this.#close();
  }

  #tick = (): void => {
    if (this.#busy > 0 || this.#closed) return;
    void this.flush();
  };

  /** Flushes now, or when the write going on ends (that write may not hold the newest sample). */
  #flushSoon(): void {
    if (this.#busy > 0) this.#flushAfterWrite = true;
    else void this.flush();
  }

  #serialized(write: () => Promise<boolean>): Promise<boolean> {
    this.#busy++;
    const next = this.#writing.then(write).finally(() => {
      this.#busy--;
      if (this.#busy > 0 || !this.#flushAfterWrite) return;
      this.#flushAfterWrite = false;
      if (this.#state === 'ok' && !this.#closed && this.pendingSamples > 0) void this.flush();
    });
    this.#writing = next;
    return next;
  }

  async #write(kind: WriteKind, given: SessionMeta | null): Promise<boolean> {
    if (this.#closed) return this.pendingSamples === 0;
    const count = this.#count;
    const changed: [number, RecordedColumns][] = [];
    if (count > this.#durable) {
      for (let n = Math.floor(this.#durable / CHUNK_SIZE); n < chunkCountFor(count); n++) {
        changed.push([n, sliceColumns(this.#chunks.get(n)!, 0, Math.min(CHUNK_SIZE, count - n * CHUNK_SIZE))]);
      }
    }
    try {
      const latest = given ?? this.#metaProvider();
      const status = kind !== 'finish' ? 'recording' : latest.status === 'recording' ? 'complete' : latest.status;
      // The count is the writer's own, so meta and chunks always agree when read back.
      const meta: SessionMeta = { ...latest, id: this.id, status, sampleCount: count };
      await saveRecordingProgress(meta, changed, kind !== 'flush' || !this.#indexed);
      this.#marksWritten = marksOf(meta);
    } catch (error) {
      this.#fail(error);
      return false;
    }
    this.#durable = count;
    this.#indexed = true;
    this.#lastFlushAt = Date.now();
    for (const n of this.#chunks.keys()) if ((n + 1) * CHUNK_SIZE <= count) this.#chunks.delete(n);
    this.#setState('ok');
    if (kind === 'finish') {
      this.#close();
      // Whoever hears 'finished' may change the run at once (correct its distance), which is refused
      // while its lock is seen held; the lock's release reaches the browser only after this.
      await this.#lockGone;
      // Said for a retried finish too: whoever waits for the run to be stored learns it then.
      this.dispatchEvent(new Event('finished'));
    }
    return this.pendingSamples === 0;
  }

  #fail(error: unknown): void {
    const state = isQuotaExceeded(error) ? 'storage-full' : 'failed';
    if (state === this.#state) return;
    this.#setState(state);
    const message =
      state === 'storage-full'
        ? STORAGE_FULL_MESSAGE
        : `Saving the run failed: ${describeStoreError(error)} Recording continues in memory; export this run so nothing is lost.`;
    this.dispatchEvent(new WriterProblemEvent(state, message, error));
  }

  #setState(state: WriterState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.dispatchEvent(new Event('statechange'));
  }

  #adopt(samples: RecordedColumns): void {
    const count = samples.t.length;
    const n = Math.floor(count / CHUNK_SIZE);
    if (count > n * CHUNK_SIZE) {
      const partial = emptyColumns(CHUNK_SIZE);
      for (const name of recordedColumnNames) partial[name].set(samples[name].subarray(n * CHUNK_SIZE, count));
      this.#chunks.set(n, partial);
    }
    this.#count = this.#durable = count;
  }

  #holdLock(): void {
    if (this.#releaseLock || !navigator.locks) return;
    this.#lockGone = navigator.locks
      .request(recordingLockName(this.id), { ifAvailable: true }, (lock) =>
        lock === null || this.#closed ? undefined : new Promise<void>((release) => (this.#releaseLock = release)),
      )
      .catch(() => undefined);
  }

  #close(): void {
    this.#closed = true;
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    this.#releaseLock?.();
    this.#releaseLock = null;
  }
}

const marksOf = (meta: SessionMeta): string => JSON.stringify([meta.laps, meta.checkIns ?? []]);
