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
import { leaveWithWritesDropped } from '../support/dropped-writes.js';
import { leavingJournalPrefix } from '../../src/store/leaving-journal-key.js';

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

/** How a run ends: the tab crashes with every sample stored, or goes after a pause that just ended. */
interface Ending {
  /** Paused this long at the end (0: the tab crashes with every sample stored). */
  pauseS: number;
  /** Samples recorded after that pause, as the page goes: only the leaving journal keeps them. */
  after: number;
  /** After which of those samples (1 = the first) Lap is pressed and a check-in shown. */
  marksAfter?: number[];
}

const crashed: Ending = { pauseS: 0, after: 0 };
const pauseJustEnded: fc.Arbitrary<Ending> = fc.record({ pauseS: fc.integer({ min: 2, max: 400 }), after: fc.integer({ min: 1, max: 3 }) });
/** As pauseJustEnded, with laps and check-ins on the samples only the journal keeps, the last after the last sample. */
const marksJustMade: fc.Arbitrary<Ending> = pauseJustEnded.chain((ending) =>
  fc.uniqueArray(fc.integer({ min: 1, max: ending.after }), { minLength: 1 }).map((marksAfter) => ({ ...ending, marksAfter })),
);

/**
 * Records the spells, then "crashes": the tab stops writing and a new start looks for the run.
 * With a pause at the end, the runner resumes, a sample or three are recorded, and the page goes:
 * the write made in pagehide is dropped, so those samples reach the next start by the journal only.
 */
async function crashAfter(spells: readonly Spell[], ending: Ending = crashed): Promise<{ recorded: SessionMeta; offered: readonly SessionSummary[] }> {
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
  let recorded = recorder.meta();
  if (ending.after > 0) {
    services.recording.pause();
    for (let i = 0; i < ending.pauseS; i++) pod.send(t++, { cadence: 170, speedMps: 3, isRunning: true });
    services.recording.resume();
    for (let i = 0; i < ending.after; i++) {
      pod.send(t++, { cadence: 170, speedMps: 3, isRunning: true });
      if (!ending.marksAfter?.includes(i + 1)) continue;
      services.recording.lap();
      recorder.checkIn('posture');
    }
    recorded = recorder.meta();
    await leaveWithWritesDropped(() => {
      dispatchEvent(new Event('pagehide'));
      services.recording.abandon();
    });
  }
  services.recording.abandon();
  services.footpod.disconnect();
  const next = createServices();
  await waitUntil(async () => {
    await next.recording.checkUnfinished();
    return next.recording.unfinished.length === 1;
  }, 'offered once the lock is let go', { interval: 20 });
  return { recorded, offered: next.recording.unfinished };
}

/** The run offered is the run the recorder had counted. */
function expectOffered(recorded: SessionMeta, offered: readonly SessionSummary[]): void {
  const [run] = offered;
  expect(run!.id).to.equal(recorded.id);
  expect(run!.sampleCount).to.equal(recorded.sampleCount);
  expect(run!.movingS).to.be.closeTo(recorded.movingS, 1e-6);
  expect(run!.distanceM).to.be.closeTo(recorded.distanceM, 1e-6);
  expect(run!.avgCadence).to.be.closeTo(recorded.avgCadence, 1e-3);
  for (const zone of Object.keys(recorded.zoneTimes) as (keyof typeof recorded.zoneTimes)[]) {
    expect(run!.zoneTimes[zone], zone).to.be.closeTo(recorded.zoneTimes[zone], 1e-6);
  }
}

describe('the run a crashed tab left, as offered at the next start (property)', () => {
  afterEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith(leavingJournalPrefix())) localStorage.removeItem(key);
  });

  it('holds what the recorder had counted when the tab crashed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(spell, { minLength: 1, maxLength: 6 }), async (spells) => {
        await clear(kvStore());
        const { recorded, offered } = await crashAfter(spells);
        expectOffered(recorded, offered);
      }),
      { numRuns: invariantRuns(8) },
    );
  });

  it('holds it when a pause ended just before the page went, its last samples kept by the leaving journal only', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(spell, { minLength: 1, maxLength: 4 }), pauseJustEnded, async (spells, ending) => {
        await clear(kvStore());
        const { recorded, offered } = await crashAfter(spells, ending);
        expect(recorded.gaps.at(-1)?.reason, 'the run ends on a pause just ended').to.equal('paused');
        expectOffered(recorded, offered);
        const stored = (await loadSession(recorded.id))!;
        expect(stored.meta.gaps, 'the pause is kept, so the chart breaks there').to.deep.equal(recorded.gaps);
      }),
      { numRuns: invariantRuns(8) },
    );
  });

  it('holds the laps and check-ins made on the samples only the leaving journal kept, or after the last one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(spell, { minLength: 1, maxLength: 4 }), marksJustMade, async (spells, ending) => {
        await clear(kvStore());
        const { recorded, offered } = await crashAfter(spells, ending);
        expect(recorded.laps.length, 'laps pressed').to.equal(ending.marksAfter!.length);
        expectOffered(recorded, offered);
        const stored = (await loadSession(recorded.id))!;
        expect(stored.meta.laps, 'laps').to.deep.equal(recorded.laps);
        expect(stored.meta.checkIns, 'check-ins').to.deep.equal(recorded.checkIns);
      }),
      { numRuns: invariantRuns(8) },
    );
  });
});
