// Store timings in the browser's real IndexedDB: saving and reloading a 3-hour 1 Hz session
// (target under 100 ms each), one flush of a running recording, and a backup round trip.
// Called from the benchmark page; it clears the store first, so never run it on real data.

import { clear } from 'idb-keyval';
import { createBackup, restoreBackup } from '../../src/store/backup.js';
import { kvStore } from '../../src/store/kv.js';
import { CHUNK_SIZE, loadSession, saveSession } from '../../src/store/session-store.js';
import { SessionWriter } from '../../src/store/session-writer.js';
import { columnDifference, metaFor, syntheticSamples, syntheticSession } from '../store/fixtures.js';

const RUNS = 5;
const THREE_HOURS_S = 3 * 3600;
const TARGET_MS = 100;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

const figures = (times: number[]) => `median ${median(times).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms over ${times.length} runs`;
const verdict = (times: number[]) => (median(times) < TARGET_MS ? `within the ${TARGET_MS} ms target` : `OVER the ${TARGET_MS} ms target`);

export async function storeBenchmarks(): Promise<string[]> {
  await clear(kvStore()); // also opens the database, so no run below pays for that
  const session = syntheticSession({ id: 'bench-3h', seconds: THREE_HOURS_S });
  const chunks = Math.ceil(THREE_HOURS_S / CHUNK_SIZE);
  const lines: string[] = [];

  const saves = await timed(RUNS, () => saveSession(session));
  lines.push(`Save a 3-hour 1 Hz session (${THREE_HOURS_S.toLocaleString('en')} samples, ${chunks} chunks, one transaction): ${figures(saves)} (${verdict(saves)})`);

  let loaded = await loadSession(session.meta.id);
  const loads = await timed(RUNS, async () => (loaded = await loadSession(session.meta.id)));
  const difference = loaded ? columnDifference(session.samples, loaded.samples) : 'nothing loaded';
  if (difference !== null) throw new Error(`store benchmark: the reloaded session differs (${difference})`);
  lines.push(`Load it back (meta + ${chunks} chunks, concatenated): ${figures(loads)} (${verdict(loads)})`);

  // A running recording's write each second: the partial chunk it is filling and the meta.
  const samples = syntheticSamples(CHUNK_SIZE * 3);
  let added = 0;
  const writer = new SessionWriter(() => metaFor(samples.slice(0, added), { id: 'bench-live', status: 'recording' }), {
    flushIntervalMs: 1e9,
  });
  await writer.begin();
  const flushes = await timed(20, async () => {
    writer.add(samples[added++]!);
    await writer.flush(metaFor(samples.slice(0, added), { id: 'bench-live', status: 'recording' }));
  });
  writer.abandon();
  lines.push(`Writer flush while recording (partial chunk + meta): ${figures(flushes)}`);

  let size = 0;
  const backups = await timed(3, async () => (size = (await createBackup()).size));
  const file = await createBackup();
  const restores = await timed(3, () => restoreBackup(file));
  lines.push(
    `Backup of that store (${(size / 1e6).toFixed(1)} MB): create ${figures(backups)}; restore ${figures(restores)}`,
  );

  await clear(kvStore());
  return lines;
}
