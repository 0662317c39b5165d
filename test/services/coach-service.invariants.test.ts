// Invariant: a new run starts the coach afresh. Over generated pairs of runs (running in, above
// and below the target zone, walking, pauses), the coach says the same things at the same moments
// of the second run whether or not a first run came before it in the same open page: warm-up,
// check-in schedule, cue hysteresis and time since the last cue all start again.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { clear } from 'idb-keyval';
import { type AppServices } from '../../src/services/services.js';
import type { CoachEvent } from '../../src/coach/coach-events.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { type CoachedSpell, generatedCoachedRun, playRun } from '../support/generated-coached-runs.js';
import { finishRun } from '../support/finish-run.js';
import { servicesWithPod } from '../support/program-rig.js';
import { invariantRuns } from '../support/invariant-runs.js';

useSeparateDatabase('stride-test-coach-service-invariants');

/** A page just opened: the services with a scripted pod and the coach's outputs recording. */
const openPage = servicesWithPod;

async function stopAndSave(services: AppServices): Promise<void> {
  const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
  services.recording.stop();
  await saved;
}

/** What the runner hears and when, from the run's first second; which prompt a check-in shows rotates on purpose. */
const heard = (events: readonly CoachEvent[], fromS: number) =>
  events.map((e) => (e.kind === 'check-in' ? { kind: e.kind, atS: e.atS - fromS } : { ...e, atS: e.atS - fromS }));

describe('CoachService over generated runs', () => {
  beforeEach(() => clear(kvStore()));

  it('coaches a second run in the same page as it coaches the same run in a page just opened', async () => {
    let eventsSeen = 0;
    await fc.assert(
      fc.asyncProperty(generatedCoachedRun, generatedCoachedRun, async (first: CoachedSpell[], second: CoachedSpell[]) => {
        const same = await openPage();
        const fresh = await openPage();
        try {
          const secondFromS = (await playRun(same.services, same.pod, first, 0)) + 1;
          await stopAndSave(same.services);
          const before = same.output.played.length;
          await playRun(same.services, same.pod, second, secondFromS);
          await playRun(fresh.services, fresh.pod, second, 0);
          const afterFirst = heard(same.output.played.slice(before), secondFromS);
          expect(afterFirst).to.deep.equal(heard(fresh.output.played, 0));
          eventsSeen += afterFirst.length;
        } finally {
          await finishRun(same.services);
          await finishRun(fresh.services);
        }
      }),
      { numRuns: invariantRuns(12) },
    );
    // Only that the property was not vacuous: 12 random runs have given as few as 7 events.
    expect(eventsSeen, 'the runs gave the coach something to say').to.be.above(2);
  });
});
