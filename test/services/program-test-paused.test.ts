// A test recorded live with a pause in it: the recorder's gap and the run's count of running
// seconds meet test-result's clock, so a five-minute test is judged on five minutes.
import { expect } from '@open-wc/testing';
import type { ActiveProgramRun } from '../../src/program/program-types.js';
import { testResult } from '../../src/program/test-result.js';
import { ProgramRun } from '../../src/services/program-run.js';
import { Recorder } from '../../src/session/recorder.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { runnerReading } from '../support/live-readings.js';

describe('a test paused for a minute, recorded live', () => {
  it('is judged on its five minutes, all kept', () => {
    const active: ActiveProgramRun = { kind: 'test', test: 'baseline', n: null, block: 0, startedAtMs: 0, sessionIds: [], warmUpRunningS: 0, mainRunningS: 0 };
    const recorder = new Recorder({ zones: defaultCadenceZones, id: 'run', now: () => 0 });
    recorder.start();
    const program = new ProgramRun(recorder, active, { moment: () => {}, progress: () => {} });
    let t = 0;
    // Warm-up (300 s), 150 s of the test, a minute's pause, then on until the count ends the test.
    for (; t <= 450; t++) recorder.addReading(runnerReading(t));
    recorder.pause();
    for (; t <= 510; t++) recorder.addReading(runnerReading(t));
    recorder.resume();
    for (; t <= 800; t++) recorder.addReading(runnerReading(t));
    program.end();
    expect(program.progress.mainRunningS).to.equal(300);
    const meta = recorder.meta();
    const outcome = testResult(recorder.samples, { fromT: meta.program!.mainFromT!, toT: meta.program!.mainToT! }, 3, { sessionId: 'run', atMs: 0 }, meta.gaps);
    if (!outcome.ok) throw new Error(outcome.why);
    expect(outcome.result).to.deep.include({ keptMinutes: 5, discardedMinutes: 0 });
    expect(outcome.note).to.equal(null);
  });
});
