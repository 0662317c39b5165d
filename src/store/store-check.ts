// The store's consistency, checked once after start when the browser is idle: the session index
// against each session's meta and sample chunks. It repairs only what needs no guess (an index
// entry rebuilt from an intact meta, an entry dropped that has neither meta nor samples, a damaged
// index rebuilt from the metas) and marks a session whose chunks are missing as damaged. It never
// deletes a sample: chunks without a session stay where they are and are reported. Every finding
// comes back as a sentence for the runner.
//
// Keys are read in one readonly transaction (no lock held against a recording tab while it reads),
// then the repairs (store-repair.ts, loaded only when there is one) go in one readwrite
// transaction that checks each of them again first, so a change another tab made in between is
// never undone. This module stays small and imports only what the first load holds already (a run's
// title, with the date words, only when one must be named).

import { promisifyRequest } from 'idb-keyval';
import type { SessionMeta, SessionSummary } from '../session/recorded-session.js';
import { inOneTransaction } from './kv.js';
import { SESSIONS_KEY, SESSION_KEY, chunkCountFor } from './session-keys.js';
import { type Repair, damageText, isIntact } from './store-findings.js';

export interface StoreCheck {
  /** What was changed, one sentence each. */
  repaired: string[];
  /** What is wrong and was left as it is (nothing to rebuild it from without guessing). */
  found: string[];
}

interface Stored {
  /** Null when the stored index is not a list. */
  index: SessionSummary[] | null;
  metas: Map<string, unknown>;
  chunks: Map<string, Set<number>>;
}

export async function checkStore(): Promise<StoreCheck> {
  const stored = await inOneTransaction('readonly', readStored);
  // A run is named only when its details are missing (rare): titles, and the date words, load only then.
  const detailsMissing = (stored.index ?? []).some((summary) => !stored.metas.has(summary.id));
  const { labelOf } = detailsMissing ? await import('./session-label.js') : { labelOf: (summary: SessionSummary) => summary.id };
  const { repairs, found } = plan(stored, labelOf);
  if (repairs.length === 0) return { repaired: [], found };
  // Loaded before the transaction opens: awaiting a module inside it would let it commit early.
  const { applyRepairs } = await import('./store-repair.js');
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

function plan({ index, metas, chunks }: Stored, labelOf: (summary: SessionSummary) => string): { repairs: Repair[]; found: string[] } {
  const repairs: Repair[] = [];
  const found: string[] = [];
  const intact = new Map<string, SessionMeta>();
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
