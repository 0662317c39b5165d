// Runs as a footpod records them, for the zip tests and benchmark: speed and cadence wander and
// jitter from second to second (a perfectly even run would deflate far better than a real one),
// laps every ten minutes, a short pause. Seeded, so each run is the same every time.

import type { RecordedSession } from '../../src/session/recorded-session.js';
import { type SampleSpec, columnsOf, metaOf } from '../export/session-fixture.js';
import { mulberry32 as random } from '../../src/sources/run-profile.js';


/** A run of `minutes` at 1 Hz started at `startedAt`, with id `id`. */
export function noisyRun(id: string, startedAt: number, minutes: number, seed = 1): RecordedSession {
  const next = random(seed);
  const specs: SampleSpec[] = [];
  const pause = { fromT: 300, toT: 330, reason: 'paused' as const };
  for (let t = 0; t <= minutes * 60; t++) {
    if (t > pause.fromT && t < pause.toT) continue;
    const speedMps = 3 + 0.4 * Math.sin(t / 211 + seed) + (next() - 0.5) * 0.3;
    const cadence = Math.round(172 + 6 * Math.sin(t / 97 + seed) + (next() - 0.5) * 6);
    specs.push({ t, speedMps, cadence, strideLengthM: (speedMps * 60) / cadence + (next() - 0.5) * 0.02, running: true });
  }
  const gaps = minutes * 60 > pause.toT ? [pause] : [];
  const samples = columnsOf(specs, gaps);
  const laps = Array.from({ length: Math.floor((minutes - 1) / 10) }, (_, i) => (i + 1) * 600);
  return { meta: metaOf(samples, { id, startedAt, name: '', laps, gaps: gaps.map((g) => ({ ...g })) }), samples };
}
