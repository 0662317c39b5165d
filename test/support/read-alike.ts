// The page's reader (readRunFile with DOMParser, as before issue 20) and the import worker
// (xml-tree.ts) on one file: the session each makes, or the ImportError each refuses with.

import { importedSession } from '../../../src/export/imported-session.js';
import { readInWorker } from '../../../src/export/import-worker-client.js';
import { readRunFile } from '../../../src/export/read-run-file.js';
import { encodeTcx } from '../../../src/export/tcx.js';
import type { CadenceZones } from '../../../src/session/zones.js';
import { tinySession } from '../../export/session-fixture.js';

const zones: CadenceZones = { buildingFrom: 150, targetFrom: 166, targetTo: 181 };

/** What a runner gets from a file: the run's meta and columns as JSON, or the refusal's kind and words. */
export type Reading = { read: string } | { refused: string };

const asJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array, String) : v));

const refusal = (error: unknown): Reading => ({
  refused: `${error instanceof Error ? error.name : 'thrown'} ${(error as { problem?: string }).problem ?? ''}: ${error instanceof Error ? error.message : String(error)}`,
});

export async function onPage(file: File): Promise<Reading> {
  try {
    return { read: asJson(importedSession(await readRunFile(file), zones, { id: 'same', fileName: file.name })) };
  } catch (error) {
    return refusal(error);
  }
}

export async function inWorker(file: File): Promise<Reading> {
  try {
    return { read: asJson((await readInWorker(file, zones, 'same')).session) };
  } catch (error) {
    return refusal(error);
  }
}

/** Short, for a failure message: read or refused, and the refusal's words. */
export const gist = (reading: Reading): string => ('read' in reading ? `read (${reading.read.length} chars of JSON)` : reading.refused.slice(0, 160));

/** A real TCX file of our own export: a named run of seven seconds, three laps' worth of points. */
export const namedRunTcx = (): string =>
  encodeTcx(
    tinySession(
      [0, 1, 2, 3, 4, 5, 6].map((t) => ({ t, speedMps: 3 + t / 10, cadence: 170 + t, strideLengthM: 1.05, running: true })),
      { name: 'Hills', notes: 'Line one', deviceName: 'Stryd' },
    ),
  );
