// Invariants of a program run's clock over generated runs, a recorder fed by hand: the main part
// begins after 300 running seconds and lasts 300 (a test), however many walks and pauses are put
// in and wherever; each walk moves it on by its own length, each pause by its length and the
// second it was resumed in; with irregular steps (0.5-2 s) it still lasts 300 s within a step.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { ActiveProgramRun } from '../../src/program/program-types.js';
import { TEST_S, WARM_UP_S } from '../../src/program/session-plan.js';
import { ProgramRun } from '../../src/services/program-run.js';
import { Recorder } from '../../src/session/recorder.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { runnerReading } from '../support/live-readings.js';

const testRun: ActiveProgramRun = { kind: 'test', test: 'baseline', n: null, block: 0, startedAtMs: 0, sessionIds: [], warmUpRunningS: 0, mainRunningS: 0 };

interface Break {
  /** Running seconds done when it begins. */
  atRunningS: number;
  kind: 'walk' | 'pause';
  seconds: number;
}

/**
 * Feeds a recorder at 1 Hz until `running` running seconds are done, with `breaks` put in; returns
 * the run's mark and laps. The loop counts running seconds itself, not samples: the second a pause
 * is resumed in is a running sample that is no running second (the recording leaves the step across
 * a pause out of its moving time), so after a pause the two differ and a break goes in by the count.
 */
function runWithBreaks(running: number, breaks: readonly Break[]) {
  const recorder = new Recorder({ zones: defaultCadenceZones, id: 'run', now: () => 0 });
  recorder.start();
  const program = new ProgramRun(recorder, testRun, { moment: () => {}, progress: () => {} });
  let t = 0;
  recorder.addReading(runnerReading(t++));
  for (let done = 1; done <= running; done++) {
    // A break at running second k comes before the sample that makes it k.
    for (const pause of breaks.filter((b) => b.atRunningS === done)) {
      if (pause.kind === 'pause') recorder.pause();
      for (let s = 0; s < pause.seconds; s++) recorder.addReading(runnerReading(t++, pause.kind === 'walk' ? { running: false, cadence: 110, speedMps: 1.4 } : {}));
      if (pause.kind === 'pause') {
        recorder.resume();
        recorder.addReading(runnerReading(t++));
      }
    }
    recorder.addReading(runnerReading(t++));
  }
  program.end();
  return { mark: recorder.meta().program!, laps: recorder.laps };
}

const breaks = fc.array(
  fc.record({ atRunningS: fc.integer({ min: 1, max: 640 }), kind: fc.constantFrom<'walk' | 'pause'>('walk', 'pause'), seconds: fc.integer({ min: 1, max: 90 }) }),
  { maxLength: 5 },
).filter((list) => new Set(list.map((b) => b.atRunningS)).size === list.length);

/** Seconds a break moves the clock on: a walk its length; a pause its length and the second it was resumed in. */
const shift = (b: Break) => b.seconds + (b.kind === 'pause' ? 1 : 0);

describe('a program run’s clock (generated runs)', () => {
  it('puts the test after 300 running seconds and makes it 300 running seconds long, whatever walks and pauses are put in', () => {
    fc.assert(
      fc.property(breaks, (list) => {
        const { mark, laps } = runWithBreaks(WARM_UP_S + TEST_S + 30, list);
        const before = list.filter((b) => b.atRunningS <= WARM_UP_S).reduce((sum, b) => sum + shift(b), 0);
        const inside = list.filter((b) => b.atRunningS > WARM_UP_S && b.atRunningS <= WARM_UP_S + TEST_S).reduce((sum, b) => sum + shift(b), 0);
        expect(mark.mainFromT).to.equal(WARM_UP_S + before);
        expect(mark.mainToT).to.equal(WARM_UP_S + before + TEST_S + inside);
        expect(laps).to.deep.equal([mark.mainFromT, mark.mainToT]);
      }),
      { numRuns: 60, examples: [[[{ atRunningS: 1, kind: 'pause', seconds: 1 }, { atRunningS: 301, kind: 'walk', seconds: 1 }]]] },
    );
  });

  it('with irregular steps (0.5-2 s) the test still starts after 300 s of running and lasts 300 s, each within a step', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: 1, maxLength: 40 }), (pattern) => {
        const recorder = new Recorder({ zones: defaultCadenceZones, id: 'run', now: () => 0 });
        recorder.start();
        const program = new ProgramRun(recorder, testRun, { moment: () => {}, progress: () => {} });
        let t = 0;
        for (let i = 0; t < WARM_UP_S + TEST_S + 10; i++) {
          recorder.addReading(runnerReading(t));
          t += pattern[i % pattern.length]!;
        }
        program.end();
        const { mainFromT, mainToT } = recorder.meta().program!;
        expect(mainFromT! - WARM_UP_S).to.be.within(0, 2);
        expect(mainToT! - mainFromT!).to.be.within(TEST_S - 2, TEST_S + 2);
      }),
      { numRuns: 60 },
    );
  });
});
