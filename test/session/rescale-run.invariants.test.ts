// Invariants of re-scaling a recorded run with a calibration curve, over generated treadmill runs
// (running, walking, standing, pauses, link losses, treadmill dropouts, the speed source switched):
// the curve it was recorded with changes nothing; another curve and back again changes nothing;
// and another curve gives the run that curve would have recorded live.

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { RecordedSession } from '../../src/session/recorded-session.js';
import { rescaleRun } from '../../src/session/rescale-run.js';
import { calibrationCurve, recordTreadmillRun, treadmillRunScript } from '../support/generated-treadmill-runs.js';
import { invariantRuns } from '../support/invariant-runs.js';

/** Two runs the same beyond rounding: every row's speed, stride and distance, and the summary. */
function expectSameRun(actual: RecordedSession, expected: RecordedSession, what: string): void {
  const a = actual.samples;
  const e = expected.samples;
  expect(a.t.length, `${what}: rows`).to.equal(e.t.length);
  for (let i = 0; i < e.t.length; i++) {
    expect(a.distanceM[i], `${what}: distance at row ${i} (t ${e.t[i]})`).to.be.closeTo(e.distanceM[i]!, 1e-6);
    expect(a.speedMps[i], `${what}: speed at row ${i}`).to.be.closeTo(e.speedMps[i]!, 1e-5 * Math.max(1, e.speedMps[i]!));
    expect(a.strideLengthM[i], `${what}: stride at row ${i}`).to.be.closeTo(e.strideLengthM[i]!, 1e-5);
  }
  expect(actual.meta.distanceM, `${what}: distance`).to.be.closeTo(expected.meta.distanceM, 1e-6);
  expect(actual.meta.movingS, `${what}: moving time`).to.equal(expected.meta.movingS);
  expect(actual.meta.gaps.length, `${what}: gaps`).to.equal(expected.meta.gaps.length);
  actual.meta.gaps.forEach((gap, k) => expect(gap.coveredM ?? 0, `${what}: gap ${k} covered`).to.be.closeTo(expected.meta.gaps[k]!.coveredM ?? 0, 1e-6));
}

describe('re-scaling a recorded run (generated treadmill runs)', () => {
  it('with the curve it was recorded with changes nothing', () => {
    fc.assert(
      fc.property(treadmillRunScript, calibrationCurve, (script, curve) => {
        const run = recordTreadmillRun(script, curve);
        const again = rescaleRun(run, curve);
        if (again === null) return; // nothing the pod gave speed for
        expectSameRun(again, run, 'the recorded curve');
      }),
      { numRuns: invariantRuns(80) },
    );
  });

  it('with another curve and back again changes nothing', () => {
    fc.assert(
      fc.property(treadmillRunScript, calibrationCurve, calibrationCurve, (script, recordedWith, other) => {
        const run = recordTreadmillRun(script, recordedWith);
        const there = rescaleRun(run, other);
        if (there === null) return;
        expectSameRun(rescaleRun(there, recordedWith)!, run, 'there and back');
      }),
      { numRuns: invariantRuns(60) },
    );
  });

  it('with another curve gives the run recorded live with that curve', () => {
    fc.assert(
      fc.property(treadmillRunScript, calibrationCurve, calibrationCurve, (script, recordedWith, other) => {
        const rescaled = rescaleRun(recordTreadmillRun(script, recordedWith), other);
        if (rescaled === null) return;
        const live = recordTreadmillRun(script, other);
        // Over a lost link slower than standing about (0.5 m/s), the recorder keeps neither the
        // distance nor the raw step; a curve that moves a gap across that line live cannot be
        // re-scaled across it, as the raw step is gone. Such runs say nothing here.
        const covered = (r: RecordedSession) => r.meta.gaps.map((g) => g.coveredM !== undefined).join();
        fc.pre(covered(live) === covered(rescaled));
        expectSameRun(rescaled, live, 'as recorded with that curve');
      }),
      { numRuns: invariantRuns(60) },
    );
  });
});
