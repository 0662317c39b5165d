// The repairs the store check planned, written in one readwrite transaction. Loaded only when the
// check found something to repair, as it needs the session summaries' code.

import { promisifyRequest } from 'idb-keyval';
import type { SessionMeta, SessionSummary } from '../session/recorded-session.js';
import { summaryOf } from '../session/session-summary.js';
import { SESSIONS_KEY, SESSION_KEY, metaKey } from './session-keys.js';
import { labelOf } from './session-label.js';
import { indexWith } from './session-store.js';
import { type Repair, damageText, isIntact } from './store-findings.js';

/** Each repair is checked again against what is stored now; one no longer needed is skipped. */
export async function applyRepairs(store: IDBObjectStore, repairs: readonly Repair[]): Promise<string[]> {
  const done: string[] = [];
  let indexChanged = false;
  const stored: unknown = await promisifyRequest(store.get(SESSIONS_KEY));
  let index = Array.isArray(stored) ? (stored as SessionSummary[]) : stored === undefined ? [] : null;
  const metaNow = async (id: string): Promise<SessionMeta | null> => {
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
      const marked = { ...meta, damage };
      store.put(marked, metaKey(repair.id));
      // The history lists it as damaged too, without opening it.
      if (index?.some((s) => s.id === repair.id)) {
        index = indexWith(index, summaryOf(marked));
        indexChanged = true;
      }
      done.push(`${labelOf(meta)} is damaged: ${damage}. It is marked so and kept; the rest of its samples are untouched.`);
    }
  }
  if (indexChanged && index !== null) store.put(index, SESSIONS_KEY);
  return done;
}
