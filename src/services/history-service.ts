// Recorded sessions for the history, detail, compare and weeks pages. The list of summaries is
// read once (one index read, no samples) and kept; renames, notes and deletes go to the store and
// update the kept list. A delete can be undone for a short while: the store hands back what it
// deleted, and undo saves exactly that again. Pages listen for 'change'; a storage problem is
// kept in `problem` as a sentence, never thrown at them. A run being recorded (in this tab or
// another) is listed with what was saved of it, and is never deleted, renamed or given notes: the
// recording's next write would bring it back or overwrite the change.

import type { RecordedSession, SessionSummary } from '../session/recorded-session.js';

const store = () => import('./history-store.js');

/** A session opened for the detail or compare page, or why it could not be. */
export type OpenedSession =
  | { session: RecordedSession; problem: null }
  | { session: null; problem: string };

export interface HistoryServiceOptions {
  /** How long a deleted session can be brought back, in ms. */
  undoWindowMs?: number;
  /** The id of the run this tab is recording (RecordingService.recordingId), or null. */
  recordingId?: () => string | null;
}

/** What the runner is told when they try to change a run that is being recorded. */
export const recordingNowRefusal = (what: 'deleted' | 'changed'): string =>
  `This run is being recorded. Stop it on the live page first; once it is saved it can be ${what}.`;

export const DEFAULT_UNDO_WINDOW_MS = 8000;

const newestFirst = (a: SessionSummary, b: SessionSummary) => b.startedAt - a.startedAt;

export class HistoryService extends EventTarget {
  readonly undoWindowMs: number;
  readonly #recordingId: () => string | null;
  /** Runs some tab was recording when the list was last read (their locks were held). */
  #recordedNow = new Set<string>();
  #sessions: SessionSummary[] = [];
  #loaded = false;
  #loading: Promise<void> | null = null;
  #problem: string | null = null;
  #removed: { session: RecordedSession; timer: ReturnType<typeof setTimeout> } | null = null;

  constructor(options: HistoryServiceOptions = {}) {
    super();
    this.undoWindowMs = options.undoWindowMs ?? DEFAULT_UNDO_WINDOW_MS;
    this.#recordingId = options.recordingId ?? (() => null);
  }

  /** True while a tab records the run (this tab's run from the start, another tab's as last read). */
  isRecordingNow(id: string): boolean {
    return this.#recordingId() === id || this.#recordedNow.has(id);
  }

  /** Every stored session's summary, newest first. */
  get sessions(): readonly SessionSummary[] {
    return this.#sessions;
  }
  /** True once the list has been read at least once (it may be empty). */
  get loaded(): boolean {
    return this.#loaded;
  }
  get problem(): string | null {
    return this.#problem;
  }
  /** The session deleted last, while it can still be brought back with `undoRemove()`. */
  get removed(): SessionSummary | null {
    return this.#removed?.session.meta ?? null;
  }

  summary(id: string): SessionSummary | null {
    return this.#sessions.find((s) => s.id === id) ?? null;
  }

  /** Reads the summary list (one index read). Calls while a read is under way share it. */
  load(): Promise<void> {
    this.#loading ??= this.#read().finally(() => {
      this.#loading = null;
    });
    return this.#loading;
  }

  /** The whole session with its samples, for the detail and compare pages. */
  async open(id: string): Promise<OpenedSession> {
    const { loadSession, describeStoreError } = await store();
    try {
      const session = await loadSession(id);
      if (session) return { session, problem: null };
      return {
        session: null,
        problem: 'There is no session with this address. It may have been deleted, or the link is incomplete.',
      };
    } catch (error) {
      return { session: null, problem: describeStoreError(error) };
    }
  }

  /** Resolves true once saved; false (and `problem` says why) when the store refused. */
  rename(id: string, name: string): Promise<boolean> {
    return this.#updateInfo(id, { name: name.trim() });
  }

  setNotes(id: string, notes: string): Promise<boolean> {
    return this.#updateInfo(id, { notes: notes.trim() });
  }

  /**
   * Deletes a session; `undoRemove()` brings it back within `undoWindowMs`. Only the latest
   * delete can be undone: a second delete makes the first final.
   */
  async remove(id: string): Promise<boolean> {
    const { deleteSession } = await store();
    if (await this.#refusedWhileRecorded(id, 'deleted')) return false;
    return this.#changeStored(async () => {
      const deleted = await deleteSession(id);
      this.#forgetRemoved();
      this.#removed = { session: deleted, timer: setTimeout(() => this.#expireRemoved(deleted), this.undoWindowMs) };
      this.#sessions = this.#sessions.filter((s) => s.id !== id);
    });
  }

  /** Saves the latest deleted session again, exactly as it was. False when there is none any more. */
  async undoRemove(): Promise<boolean> {
    const removed = this.#removed;
    if (!removed) return false;
    this.#forgetRemoved();
    const { saveSession, describeStoreError } = await store();
    try {
      await saveSession(await this.#markedAsTheProgramKeepsIt(removed.session));
    } catch (error) {
      this.#problem = describeStoreError(error);
      this.#changed();
      return false;
    }
    // Read the index back rather than rebuilding the summary here: what the list shows is then
    // exactly what the store keeps.
    await this.#read();
    return true;
  }

  /** Ends the undo window now (the runner closed the notice). */
  dismissRemoved(): void {
    if (!this.#removed) return;
    this.#forgetRemoved();
    this.#changed();
  }

  async #read(): Promise<void> {
    const { listSessions, sessionsRecordedNow, unfinishedSummary, describeStoreError } = await store();
    try {
      const [sessions, recordedNow] = await Promise.all([listSessions(), sessionsRecordedNow()]);
      // An unfinished run's index entry is as it was when it began: what was saved is in its samples.
      const summaries = await Promise.all(
        sessions.map(async (s) => (s.status === 'recording' ? ((await unfinishedSummary(s.id).catch(() => null)) ?? s) : s)),
      );
      this.#recordedNow = recordedNow;
      this.#sessions = summaries.sort(newestFirst);
      this.#problem = null;
    } catch (error) {
      this.#problem = describeStoreError(error);
    }
    this.#loaded = true;
    this.#changed();
  }

  /**
   * A program run's recording restored after its run was cancelled (or stopped too early) is an
   * ordinary run: it comes back without the program's mark.
   */
  async #markedAsTheProgramKeepsIt(session: RecordedSession): Promise<RecordedSession> {
    if (!session.meta.program) return session;
    const [{ loadProgram }, { programHolds }] = await Promise.all([import('../store/program-store.js'), import('./program-holds.js')]);
    const { program, problem } = await loadProgram();
    // An unreadable program keeps the mark: it may still hold the run.
    if (problem !== null || programHolds(program, session.meta.id)) return session;
    const { program: _mark, ...meta } = session.meta;
    return { ...session, meta };
  }

  /**
   * A stored recording of a cancelled program run becomes an ordinary run (History drops its program
   * mark). One deleted since (here or in another tab) has nothing to drop.
   */
  async unmarkProgram(id: string): Promise<boolean> {
    const { withoutProgramMark, loadSession } = await store();
    if ((await loadSession(id).catch(() => undefined)) === null) return true;
    return this.#changeStored(async () => {
      const updated = await withoutProgramMark(id);
      this.#sessions = this.#sessions.map((s) => (s.id === id ? updated : s));
    });
  }

  async #updateInfo(id: string, change: { name?: string; notes?: string }): Promise<boolean> {
    const { updateSessionInfo } = await store();
    if (await this.#refusedWhileRecorded(id, 'changed')) return false;
    return this.#changeStored(async () => {
      const updated = await updateSessionInfo(id, change);
      this.#sessions = this.#sessions.map((s) => (s.id === id ? updated : s));
    });
  }

  /** A change to stored runs: done, the problem cleared; refused by the store, its problem in words. */
  async #changeStored(change: () => Promise<void>): Promise<boolean> {
    const { describeStoreError } = await store();
    try {
      await change();
      this.#problem = null;
      return true;
    } catch (error) {
      this.#problem = describeStoreError(error);
      return false;
    } finally {
      this.#changed();
    }
  }

  /**
   * Looks again at which runs are being recorded: while `id` is, the sentence refusing to change
   * it (the recording's next write would undo the change), else null. Other services that change
   * stored runs ask here too.
   */
  async refusalWhileRecorded(id: string, what: 'deleted' | 'changed'): Promise<string | null> {
    const { sessionsRecordedNow } = await store();
    this.#recordedNow = await sessionsRecordedNow();
    return this.isRecordingNow(id) ? recordingNowRefusal(what) : null;
  }

  /** When `id` is being recorded, says so in `problem`. */
  async #refusedWhileRecorded(id: string, what: 'deleted' | 'changed'): Promise<boolean> {
    const refusal = await this.refusalWhileRecorded(id, what);
    if (!refusal) return false;
    this.#problem = refusal;
    this.#changed();
    return true;
  }

  #expireRemoved(session: RecordedSession): void {
    if (this.#removed?.session !== session) return;
    this.#removed = null;
    this.#changed();
  }

  #forgetRemoved(): void {
    if (this.#removed) clearTimeout(this.#removed.timer);
    this.#removed = null;
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
