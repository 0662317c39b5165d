// A run as the bytes of its single download (FIT, or TCX as UTF-8), as the encode worker writes it;
// on the page, encode-worker-client.ts does the same with the writers loaded when first needed.
// Here they are imported by name, not loaded with import(): a dynamic import keeps every export of
// fit.ts and tcx.ts, their readers too, which the worker's build then split into five more files.

import type { RecordedSession } from '../session/recorded-session.js';
import { encodeFit } from './fit.js';
import { encodeTcx } from './tcx.js';

export type EncodeFormat = 'fit' | 'tcx';

export function encodeRun(session: RecordedSession, format: EncodeFormat): Uint8Array<ArrayBuffer> {
  return format === 'fit' ? encodeFit(session) : new TextEncoder().encode(encodeTcx(session));
}
