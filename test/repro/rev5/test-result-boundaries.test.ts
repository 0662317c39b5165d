// rev5: the test's kept minutes at their boundaries, and how many minutes a five-minute test is.
import { expect } from '@open-wc/testing';
import { SPEED_STEPS_PER_MPS } from '../../../src/ble/ftms-treadmill-flags.js';
import { mpsFrom } from '../../../src/components/stride-program-speed.js';
import type { ActiveProgramRun } from '../../../src/program/program-types.js';
import { testResult } from '../../../src/program/test-result.js';
import { ProgramRun } from '../../../src/services/program-run.js';
import { Recorder } from '../../../src/session/recorder.js';
import { defaultCadenceZones } from '../../../src/session/zones.js';
import { columnsOf, second, spell } from '../../support/generated-program-runs.js';
import { runnerReading } from '../../support/live-readings.js';

const run = { sessionId: 'r', atMs: 0 };

describe('rev5: test result boundaries', () => {
  // Issue 18: "The app keeps only minutes where the speed stays within ±3 % of the test speed (…
  // or the treadmill's own speed when one is paired)". A treadmill steps its belt by 0.1 km/h and
  // sends it in 0.01 km/h: 10.3 km/h on a 10.0 km/h test is exactly 3 % off, so within ±3 %. The belt
  // column is float32 (10.3 / 3.6 rounds up by 5e-8 m/s), and the 1e-9 allowance does not cover it,
  // so every minute is thrown out and the runner is told "the speed was off by more than 3 %".
  for (const kmh of [10.3, 9.7]) {
    it(`keeps every minute with the belt at ${kmh} km/h on a 10.0 km/h test (exactly 3 % off)`, () => {
      const testSpeed = mpsFrom(10, 'km');
      const belt = Math.round(kmh * 100) / SPEED_STEPS_PER_MPS;
      const columns = columnsOf([second({ treadmillSpeedMps: belt }), ...spell(300, { treadmillSpeedMps: belt, speedMps: belt })]);
      const outcome = testResult(columns, { fromT: 0, toT: 300 }, testSpeed, run);
      if (!outcome.ok) throw new Error(outcome.why);
      expect(outcome.result.keptMinutes).to.equal(5);
      expect(outcome.note).to.equal(null);
    });
  }

  // Issue 18: the baseline test is "5 minutes at a fixed belt speed". A runner who pauses for a
  // minute in the middle (a drink, a lace) still ran 300 s at the test speed, yet the minutes are
  // cut on the wall clock: the test is judged as six minutes and the note says "2 of 6 minutes
  // were left out", a sixth minute of a five-minute test. (The minutes are also blamed on "the
  // pod counted less than 55 s of running", which the runner did not do: they paused.)
  it('judges a five-minute test paused once for a minute on at most its five minutes', () => {
    const active: ActiveProgramRun = { kind: 'test', test: 'baseline', n: null, block: 0, startedAtMs: 0, sessionIds: [], warmUpRunningS: 0, mainRunningS: 0 };
    const recorder = new Recorder({ zones: defaultCadenceZones, id: 'run', now: () => 0 });
    recorder.start();
    const program = new ProgramRun(recorder, active, { moment: () => {}, progress: () => {} });
    let t = 0;
    for (; t <= 450; t++) recorder.addReading(runnerReading(t));
    recorder.pause();
    for (; t <= 510; t++) recorder.addReading(runnerReading(t));
    recorder.resume();
    for (; t <= 800; t++) recorder.addReading(runnerReading(t));
    program.end();
    expect(program.progress.mainRunningS).to.equal(300);
    const meta = recorder.meta();
    const mark = meta.program!;
    const outcome = testResult(recorder.samples, { fromT: mark.mainFromT!, toT: mark.mainToT! }, 3, run, meta.gaps);
    if (!outcome.ok) throw new Error(outcome.why);
    expect(outcome.result.keptMinutes + outcome.result.discardedMinutes).to.be.at.most(5);
    expect(outcome.note ?? '').not.to.match(/of 6 minutes/);
  });
});
