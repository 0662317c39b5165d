// Runs for the coach, made of spells a pod reports second by second: running at a cadence (in,
// above or below the target zone), walking (the pod says not running), and pauses of the
// recording while the pod keeps sending. fast-check arbitraries generate them; playRun sends one
// through the app's services as the live page would see it.

import fc from 'fast-check';
import type { AppServices } from '../../src/services/services.js';
import type { ScriptedFootpod } from './scripted-footpod.js';

export type CoachedSpell =
  | { kind: 'run'; seconds: number; cadence: number }
  | { kind: 'walk'; seconds: number; cadence: number }
  | { kind: 'pause'; seconds: number; cadence: number };

const spell: fc.Arbitrary<CoachedSpell> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('run' as const), seconds: fc.integer({ min: 5, max: 150 }), cadence: fc.integer({ min: 140, max: 200 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('walk' as const), seconds: fc.integer({ min: 5, max: 60 }), cadence: fc.integer({ min: 100, max: 130 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), seconds: fc.integer({ min: 5, max: 60 }), cadence: fc.integer({ min: 140, max: 200 }) }) },
);

/** A run of 1 to 6 spells: up to about 15 minutes. */
export const generatedCoachedRun: fc.Arbitrary<CoachedSpell[]> = fc.array(spell, { minLength: 1, maxLength: 6 });

/** Seconds of a run on the pod's clock. */
export const runLengthS = (spells: readonly CoachedSpell[]): number => spells.reduce((sum, s) => sum + s.seconds, 0);

/**
 * Records one run: Start, then a reading a second from `fromS` on the pod's clock, pausing and
 * resuming the recording around pause spells; the recording is left running for the caller to stop.
 */
export async function playRun(services: AppServices, pod: ScriptedFootpod, spells: readonly CoachedSpell[], fromS: number): Promise<number> {
  await services.recording.start();
  let t = fromS;
  for (const s of spells) {
    if (s.kind === 'pause') services.recording.pause();
    for (let i = 0; i < s.seconds; i++) pod.send(t++, { cadence: s.cadence, isRunning: s.kind !== 'walk', speedMps: s.kind === 'walk' ? 1.4 : 3 });
    if (s.kind === 'pause') services.recording.resume();
  }
  return t;
}
