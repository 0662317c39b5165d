// A run as the bytes of its single download (FIT, or TCX as UTF-8), the one function the encode
// worker and the page both call, so a file written off the page is the file written on it. Each
// writer loads with the first run asked of its format: a TCX zip never loads Garmin's SDK.

import type { RecordedSession } from '../session/recorded-session.js';

export type EncodeFormat = 'fit' | 'tcx';

export async function encodeRun(session: RecordedSession, format: EncodeFormat): Promise<Uint8Array<ArrayBuffer>> {
  if (format === 'fit') return (await import('./fit.js')).encodeFit(session);
  return new TextEncoder().encode((await import('./tcx.js')).encodeTcx(session));
}
