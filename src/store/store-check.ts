// The store's consistency, checked once after start when the browser is idle: the session index
// against each session's meta and sample chunks. It repairs only what needs no guess (an index
// entry rebuilt from an intact meta, an entry dropped that has neither meta nor samples, a damaged
// index rebuilt from the metas) and marks a session whose chunks are missing as damaged. It never
// deletes a sample: chunks without a session stay where they are and are reported. Every finding
// comes back as a sentence for the runner.
//
// Keys are read in one readonly transaction (no lock held against a recording tab while it reads),
// then the repairs go in one readwrite transaction that checks each of them again first, so a
// change another tab made in between is never undone.

import { promisifyRequest } from 'idb-keyval';
import type { SessionMeta, SessionSummary } from '../session/recorded-session.js';
import { summaryOf } from '../session/session-summary.js';
import { inOneTransaction } from './kv.js';
import { SESSIONS_KEY, metaKey } from './session-keys.js';
import { chunkCountFor, indexWith, labelOf } from './session-store.js';

/** A meta the check found chunks missing for: `damage` says which, in words. */
export type CheckedMeta = SessionMeta & { damage?: string };

export interface StoreCheck {
  /** What was changed, one sentence each. */
  repaired: string[];
  /** What is wrong and was left as it is (nothing to rebuild it from without guessing). */
  found: string[];
}

const SESSION_KEY = /^session\/([^/]+)\/(meta|chunk\/(\d+))$/;

interface Stored {
  /** Null when the stored index is not a list. */
  index: SessionSummary[] | null;
  metas: Map<string, unknown>;
  chunks: Map<string, Set<number>>;
}

type Repair =
  | { kind: 'index-entry'; id: string }
  | { kind: 'drop-entry'; id: string; name: string }
  | { kind: 'mark-damaged'; id: string; missing: number[]; of: number }
  | { kind: 'rebuild-index' };

export async function checkStore(): Promise<StoreCheck> {
  const stored = await inOneTransaction('readonly', readStored);
  const { repairs, found } = plan(stored);
  if (repairs.length === 0) return { repaired: [], found };
  const repaired = await inOneTransaction('readwrite', (store) => applyRepairs(store, repairs));
  return { repaired, found };
}

async function readStored(store: IDBObjectStore): Promise<Stored> {
  const [keys, index] = await Promise.all([
    promisifyRequest(store.getAllKeys()),
    promisifyRequest<unknown>(store.get(SESSIONS_KEY)),
  ]);
  const metas = new Map<string, unknown>();
  const chunks = new Map<string, Set<number>>();
  const metaReads: Promise<void>[] = [];
  for (const key of keys) {
    const match = typeof key === 'string' ? SESSION_KEY.exec(key) : null;
    if (!match) continue;
    const id = match[1]!;
    if (match[3] === undefined) metaReads.push(promisifyRequest<unknown>(store.get(key)).then((meta) => void metas.set(id, meta)));
    else chunksOf(chunks, id).add(Number(match[3]));
  }
  await Promise.all(metaReads);
  return { index: index === undefined ? [] : Array.isArray(index) ? (index as SessionSummary[]) : null, metas, chunks };
}

const chunksOf = (chunks: Map<string, Set<number>>, id: string): Set<number> => {
  let set = chunks.get(id);
  if (!set) chunks.set(id, (set = new Set()));
  return set;
};

function plan({ index, metas, chunks }: Stored): { repairs: Repair[]; found: string[] } {
  const repairs: Repair[] = [];
  const found: string[] = [];
  const intact = new Map<string, CheckedMeta>();
  for (const [id, meta] of metas) {
    if (isIntact(meta, id)) intact.set(id, meta);
    else found.push(`The details of session ${id} are damaged; it is kept as it is, and you can delete it or restore a backup.`);
  }
  if (index === null) repairs.push({ kind: 'rebuild-index' });
  const listed = new Set((index ?? []).map((s) => s.id));
  for (const [id, meta] of intact) {
    if (index !== null && !listed.has(id)) repairs.push({ kind: 'index-entry', id });
    const count = chunkCountFor(meta.sampleCount);
    const have = chunks.get(id) ?? new Set<number>();
    const missing = Array.from({ length: count }, (_, n) => n).filter((n) => !have.has(n));
    if (missing.length > 0 && meta.damage !== damageText(missing, count)) repairs.push({ kind: 'mark-damaged', id, missing, of: count });
  }
  for (const summary of index ?? []) {
    if (metas.has(summary.id)) continue;
    if (chunks.has(summary.id)) {
      found.push(`The details of ${labelOf(summary)} are missing; its samples are kept, but it cannot be opened.`);
    } else {
      repairs.push({ kind: 'drop-entry', id: summary.id, name: labelOf(summary) });
    }
  }
  for (const [id, held] of chunks) {
    if (metas.has(id) || listed.has(id)) continue;
    found.push(`${held.size} part${held.size === 1 ? '' : 's'} of samples of a session whose details are lost (${id}) are kept in the browser.`);
  }
  return { repairs, found };
}

function isIntact(meta: unknown, id: string): meta is CheckedMeta {
  if (typeof meta !== 'object' || meta === null) return false;
  const m = meta as Record<string, unknown>;
  return m['id'] === id && Number.isSafeInteger(m['sampleCount']) && (m['sampleCount'] as number) >= 0 && typeof m['startedAt'] === 'number';
}

const damageText = (missing: readonly number[], of: number): string =>
  `samples are missing in part${missing.length === 1 ? '' : 's'} ${missing.map((n) => n + 1).join(', ')} of ${of}`;

/** Each repair is checked again against what is stored now; one no longer needed is skipped. */
async function applyRepairs(store: IDBObjectStore, repairs: readonly Repair[]): Promise<string[]> {
  const done: string[] = [];
  let indexChanged = false;
  const stored: unknown = await promisifyRequest(store.get(SESSIONS_KEY));
  let index = Array.isArray(stored) ? (stored as SessionSummary[]) : stored === undefined ? [] : null;
  const metaNow = async (id: string): Promise<CheckedMeta | null> => {
    const meta: unknown = await promisifyRequest(store.get(metaKey(id)));
    return isIntact(meta, id) ? meta : null;
  };
  for (const repair of repairs) {
    if (repair.kind === 'rebuild-index' && index === null) {
      const keys = await promisifyRequest(store.getAllKeys(IDBKeyRange.bound('session/', 'session/\uffff')));
      const ids = keys.flatMap((key) => {
        const match = typeof key === 'string' ? SESSION_KEY.exec(key) : null;
        return match && match[3] === undefined ? [match[1]!] : [];
      });
      index = [];
      for (const id of ids) {
        const meta = await metaNow(id);
        if (meta) index = indexWith(index, summaryOf(meta));
      }
      indexChanged = true;
      done.push(`The list of sessions was damaged; it was rebuilt from the details of ${index.length} session${index.length === 1 ? '' : 's'}.`);
    } else if (repair.kind === 'index-entry' && index !== null && !index.some((s) => s.id === repair.id)) {
      const meta = await metaNow(repair.id);
      if (!meta) continue;
      index = indexWith(index, summaryOf(meta));
      indexChanged = true;
      done.push(`${labelOf(meta)} was missing from the list of sessions; it is listed again.`);
    } else if (repair.kind === 'drop-entry' && index !== null) {
      const left = await promisifyRequest(store.count(IDBKeyRange.bound(`session/${repair.id}/`, `session/${repair.id}/\uffff`)));
      if (left > 0) continue;
      index = index.filter((s) => s.id !== repair.id);
      indexChanged = true;
      done.push(`${repair.name} was listed but nothing of it was stored (no details, no samples); it was taken off the list.`);
    } else if (repair.kind === 'mark-damaged') {
      const meta = await metaNow(repair.id);
      if (!meta) continue;
      const present = await Promise.all(
        repair.missing.map((n) => promisifyRequest(store.count(`session/${repair.id}/chunk/${n}`))),
      );
      const missing = repair.missing.filter((_, i) => present[i] === 0);
      if (missing.length === 0) continue;
      const damage = damageText(missing, repair.of);
      store.put({ ...meta, damage }, metaKey(repair.id));
      done.push(`${labelOf(meta)} is damaged: ${damage}. It is marked so and kept; the rest of its samples are untouched.`);
    }
  }
  if (indexChanged && index !== null) store.put(index, SESSIONS_KEY);
  return done;
}
