// The encode worker: writes a run as FIT or TCX off the page's thread. Garmin's encoder takes about
// 0.3 s for an hour-long run on a slow laptop (more for longer ones), a freeze the page felt once
// per run in a zip of all runs. The bytes come back transferred, so the page does no work to receive them.
// Built as its own file beside the import worker (build.mjs); loaded by encode-worker-client.ts.

import type { RecordedSession } from '../session/recorded-session.js';
import { type EncodeFormat, encodeRun } from './encode-run.js';

export interface EncodeRequest {
  /** Tells the answers of one request from another's. */
  request: number;
  session: RecordedSession;
  format: EncodeFormat;
}

export type EncodeReply =
  | { request: number; kind: 'bytes'; bytes: Uint8Array<ArrayBuffer> }
  /** What the encoder threw, as the page would have seen it: its name and words. */
  | { request: number; kind: 'failed'; name: string; message: string };

addEventListener('message', ({ data: { request, session, format } }: MessageEvent<EncodeRequest>) => {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = encodeRun(session, format);
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    postMessage({ request, kind: 'failed', name, message } satisfies EncodeReply);
    return;
  }
  postMessage({ request, kind: 'bytes', bytes } satisfies EncodeReply, { transfer: [bytes.buffer] });
});
