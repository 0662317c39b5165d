// What the store check finds and plans, shared by the check (store-check.ts, read at every start)
// and the repair (store-repair.ts, loaded only when there is one), so neither imports the other.

import type { SessionMeta } from '../session/recorded-session.js';

export type Repair =
  | { kind: 'index-entry'; id: string }
  | { kind: 'drop-entry'; id: string; name: string }
  | { kind: 'mark-damaged'; id: string; missing: number[]; of: number }
  | { kind: 'rebuild-index' };

export function isIntact(meta: unknown, id: string): meta is SessionMeta {
  if (typeof meta !== 'object' || meta === null) return false;
  const m = meta as Record<string, unknown>;
  return m['id'] === id && Number.isSafeInteger(m['sampleCount']) && (m['sampleCount'] as number) >= 0 && typeof m['startedAt'] === 'number';
}

export const damageText = (missing: readonly number[], of: number): string =>
  `samples are missing in part${missing.length === 1 ? '' : 's'} ${missing.map((n) => n + 1).join(', ')} of ${of}`;
