// Invariant: whatever a run held when its tab crashed (running, walking, standing, paused, at any
// pace and cadence), the next start offers it with the moving time, distance, average cadence and
// time in zone the recorder had counted for it, not the zeros its index entry began with.
import { expect, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import { clear } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import type { SessionMeta, SessionSummary } from '../../src/session/recorded-session.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { loadSession } from '../../src/store/session-store.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { invariantRuns } from '../support/invariant-runs.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-test-recording-recovery-property');

interface Spell {
  seconds: number;
  cadence: number;
  speedMps: number;
  running: boolean;
  /** Paused for this many seconds after the spell (0: not paused). */
  pauseS: number;
}

const spell: fc.Arbitrary<Spell> = fc.record({
  seconds: fc.integer({ min: 1, max: 40 }),
  cadence: fc.oneof(fc.constant(0), fc.integer({ min: 100, max: 195 })),
  speedMps: fc.double({ min: 0, max: 5.5, noNaN: true }),
  running: fc.boolean(),
  pauseS: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 })),
});

/** Records the spells, then "crashes": the tab stops writing and a new start looks for the run. */
async function crashAfter(spells: readonly Spell[]): Promise<{ recorded: SessionMeta; offered: readonly SessionSummary[] }> {
  const pod = new ScriptedFootpod('Generated pod');
  const services = createServices({ simulator: () => pod }, { flushEachSample: false, flushIntervalMs: 50 }, async () => fakeCoachEngine());
  await services.settings.update({ smoothingS: 0, autoStart: false, autoPauseAfterS: 0 });
  await services.footpod.simulate();
  await services.recording.start();
  let t = 0;
  for (const { seconds, cadence, speedMps, running, pauseS } of spells) {
    for (let i = 0; i < seconds; i++) pod.send(t++, { cadence, speedMps, isRunning: running });
    if (pauseS === 0) continue;
    services.recording.pause();
    for (let i = 0; i < pauseS; i++) pod.send(t++, { cadence, speedMps, isRunning: running });
    services.recording.resume();
  }
  const recorder = services.recording.recorder!;
  await waitUntil(async () => (await loadSession(recorder.id))?.samples.t.length === recorder.sampleCount, 'every sample durable', { interval: 20 });
  const recorded = recorder.meta();
  services.recording.abandon();
  services.footpod.disconnect();
  const next = createServices();
  await waitUntil(async () => {
    await next.recording.checkUnfinished();
    return next.recording.unfinished.length === 1;
  }, 'offered once the lock is let go', { interval: 20 });
  return { recorded, offered: next.recording.unfinished };
}

describe('the run a crashed tab left, as offered at the next start (property)', () => {
  it('holds what the recorder had counted when the tab crashed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(spell, { minLength: 1, maxLength: 6 }), async (spells) => {
        await clear(kvStore());
        const { recorded, offered } = await crashAfter(spells);
        const [run] = offered;
        expect(run!.id).to.equal(recorded.id);
        expect(run!.sampleCount).to.equal(recorded.sampleCount);
        expect(run!.movingS).to.be.closeTo(recorded.movingS, 1e-6);
        expect(run!.distanceM).to.be.closeTo(recorded.distanceM, 1e-6);
        expect(run!.avgCadence).to.be.closeTo(recorded.avgCadence, 1e-3);
        for (const zone of Object.keys(recorded.zoneTimes) as (keyof typeof recorded.zoneTimes)[]) {
          expect(run!.zoneTimes[zone], zone).to.be.closeTo(recorded.zoneTimes[zone], 1e-6);
        }
      }),
      { numRuns: invariantRuns(8) },
    );
  });
});
