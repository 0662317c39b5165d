// Invariants of correcting a run from the treadmill's distance, over generated treadmill runs
// (running, walking, standing, inclines, pauses, link losses, treadmill dropouts, the speed source
// switched, pods with and without the walking/running status bit): a corrected run shows the typed
// distance; the pod's curve never learns from a run up an incline, mixing walking and running, or
// mostly on the belt's metres; and a steady flat run of one gait on the pod's metres always teaches
// the pod's error at its pace, whatever the pod's status bit says.

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { type RecordedColumns, SAMPLE_RUNNING, SAMPLE_SPEED_FROM_TREADMILL } from '../../src/session/recorded-session.js';
import { correctionFrom } from '../../src/session/run-correction.js';
import { type TreadmillRunScript, calibrationCurve, recordTreadmillRun, steadyTreadmillScript, treadmillRunScript } from '../support/generated-treadmill-runs.js';
import { invariantRuns } from '../support/invariant-runs.js';

const fromPod = (c: RecordedColumns, i: number) => (c.flags[i]! & SAMPLE_SPEED_FROM_TREADMILL) === 0;

/** What the recorded rows say (not the rule): pod rows moving, up an incline, walking (stored not running: the row's one answer), and the pod's share of the metres. */
function recordedFacts(c: RecordedColumns) {
  let moving = 0;
  let inclined = 0;
  let walking = 0;
  let podM = 0;
  let allM = 0;
  for (let i = 0; i < c.t.length; i++) {
    const stepM = i > 0 ? c.distanceM[i]! - c.distanceM[i - 1]! : 0;
    allM += stepM;
    if (!fromPod(c, i)) continue;
    podM += stepM;
    if (!(c.rawSpeedMps[i]! >= 0.5)) continue;
    moving++;
    if (Math.abs(c.inclinePercent[i]!) > 2) inclined++;
    if ((c.flags[i]! & SAMPLE_RUNNING) === 0) walking++;
  }
  return { moving, inclined, walkingShare: moving > 0 ? walking / moving : 0, podShare: allM > 0 ? podM / allM : 0 };
}

/**
 * A refusal is one of the documented reasons, and what the recorded rows say bears it out: a
 * run refused as "the treadmill's distance" or "beyond what a footpod is off by" while most of
 * its metres were the pod's is a refusal in false words (a walking-only curve once did that).
 */
function expectDocumentedRefusal(c: RecordedColumns, typedM: number, problem: string): void {
  const raw = Array.from(c.rawDistanceM).filter((d) => Number.isFinite(d));
  const podRawM = raw.length > 0 ? raw[raw.length - 1]! - raw[0]! : 0;
  const { podShare } = recordedFacts(c);
  if (/^Type the distance the treadmill shows/.test(problem)) {
    expect(typedM, problem).to.be.at.most(0);
  } else if (/^This run has no raw footpod values/.test(problem)) {
    expect(raw.length, problem).to.equal(0);
  } else if (/^The footpod counted no distance/.test(problem)) {
    expect(podRawM, problem).to.be.at.most(0);
  } else if (/^The footpod measured .* beyond what a footpod is off by/.test(problem)) {
    const factor = typedM / podRawM;
    expect(factor < 0.75 || factor > 1.25, `${problem} (it would take ${factor})`).to.equal(true);
  } else if (/^The treadmill gave this run its distance itself/.test(problem)) {
    // Typed at least 90 % of the run: the belt's metres alone reach it only if nearly all are the belt's.
    expect(podShare, `${problem} (${Math.round(podShare * 100)} % of it the pod's)`).to.be.at.most(0.1);
  } else if (/^The treadmill gave [\d.]+ km of this run itself; to show/.test(problem)) {
    // A typed distance within 10 % needs a ratio beyond 75-125 % only when the pod's share is under 40 %.
    expect(podShare, `${problem} (${Math.round(podShare * 100)} % of it the pod's)`).to.be.below(0.41);
  } else {
    throw new Error(`a refusal in undocumented words: ${problem}`);
  }
}

describe('correcting a run from the treadmill’s distance (generated treadmill runs)', () => {
  it('shows the typed distance, and never teaches the curve from a run up an incline, mixing gaits, or mostly on the belt’s metres', () => {
    fc.assert(
      fc.property(treadmillRunScript, calibrationCurve, fc.double({ min: 0.9, max: 1.1, noNaN: true }), (script, curve, off) => {
        const run = recordTreadmillRun(script, curve);
        const typedM = run.meta.distanceM * off;
        const found = correctionFrom(run, curve, typedM);
        if (!found.ok) {
          expectDocumentedRefusal(run.samples, typedM, found.problem);
          return;
        }
        if (found.matches) {
          expect(Math.abs(run.meta.distanceM - typedM)).to.be.at.most(8.05);
          return;
        }
        expect(found.run.meta.distanceM, 'the run shows the typed distance').to.be.closeTo(typedM, 1e-6 * typedM);
        if (found.point === null) {
          expect(found.why).to.match(/: its calibration stays as it was\.$/);
          return;
        }
        const facts = recordedFacts(run.samples);
        expect(facts.inclined, `a point ${JSON.stringify(found.point)} from a run with ${facts.inclined} pod rows up an incline`).to.equal(0);
        expect(facts.walkingShare > 0.15 && facts.walkingShare < 0.85, `a point from a run ${Math.round(facts.walkingShare * 100)} % walking`).to.equal(false);
        expect(facts.podShare, `a point from a run ${Math.round(facts.podShare * 100)} % on the pod's metres`).to.be.at.least(0.85);
        expect(Boolean(found.point.walking), 'the point is of the run’s gait').to.equal(facts.walkingShare >= 0.85);
      }),
      { numRuns: invariantRuns(80) },
    );
  });

  const steadyRun: fc.Arbitrary<TreadmillRunScript> = fc
    .record({
      walking: fc.boolean(),
      seconds: fc.integer({ min: 300, max: 1200 }),
      // Off by 2 % or more: a 300 s walk is then 9 m or more from the typed distance, not what it already shows.
      podError: fc.oneof(fc.double({ min: 0.85, max: 0.98, noNaN: true }), fc.double({ min: 1.02, max: 1.15, noNaN: true })),
      inclinePercent: fc.option(fc.constantFrom(-2, -1, 0, 1, 2), { nil: undefined }),
      podRunningBit: fc.constantFrom('by-gait' as const, 'never' as const),
      sendsStride: fc.boolean(),
    })
    // No pauses: the belt runs on through one, so the distance it shows would hold metres the run has not.
    .map(({ walking, seconds, podError, inclinePercent, podRunningBit, sendsStride }) =>
      steadyTreadmillScript(
        [{ seconds, beltMps: walking ? 1.5 : 3.2, cadence: walking ? 118 : 172, ...(inclinePercent !== undefined ? { inclinePercent } : {}) }],
        { podErrorRunning: podError, podErrorWalking: podError, sendsStride, podRunningBit },
      ),
    );

  it('teaches a steady flat run of one gait on the pod’s metres the pod’s error at its pace, whatever its status bit says', () => {
    fc.assert(
      fc.property(steadyRun, (script) => {
        const run = recordTreadmillRun(script, []);
        const { beltMps, cadence } = script.spells[0]!;
        // The belt's metres over the rows the pod recorded: its raw metres over its error.
        const rawM = run.samples.rawDistanceM.at(-1)! - run.samples.rawDistanceM[0]!;
        const found = correctionFrom(run, [], rawM / script.podErrorRunning);
        if (!found.ok || found.matches) throw new Error(`a correction expected, got ${JSON.stringify(found)}`);
        expect(found.point, String(found.why)).to.not.equal(null);
        expect(found.point!.factor).to.be.closeTo(1 / script.podErrorRunning, 2e-3);
        expect(found.point!.podSpeedMps).to.be.closeTo(beltMps * script.podErrorRunning, 1 / 128);
        expect(Boolean(found.point!.walking)).to.equal(cadence < 140);
      }),
      { numRuns: invariantRuns(40) },
    );
  });

  /** A run-walk on a belt left at one speed: jog and walk spells in turn, the pod off by about as much at each, so the pace looks steady. */
  const runWalkAtOneSpeed: fc.Arbitrary<TreadmillRunScript> = fc
    .record({
      // Up to 1.85 m/s: the pod's raw speed walking stays below 7.9 km/h, past which a row is running whatever its cadence.
      beltMps: fc.double({ min: 1.6, max: 1.85, noNaN: true }),
      spells: fc.array(fc.integer({ min: 150, max: 300 }), { minLength: 2, maxLength: 6 }),
      podError: fc.double({ min: 0.85, max: 1.15, noNaN: true }),
      walkingOffBy: fc.double({ min: 0.99, max: 1.01, noNaN: true }),
      podRunningBit: fc.constantFrom('by-gait' as const, 'never' as const),
    })
    .map(({ beltMps, spells, podError, walkingOffBy, podRunningBit }) =>
      steadyTreadmillScript(
        spells.map((seconds, k) => ({ seconds, beltMps, cadence: k % 2 === 0 ? 156 : 126 })),
        { podErrorRunning: podError, podErrorWalking: podError * walkingOffBy, podRunningBit },
      ),
    );

  it('files no point from a run-walk at one belt speed, however steady its pace looks', () => {
    fc.assert(
      fc.property(runWalkAtOneSpeed, fc.double({ min: 0.93, max: 0.97, noNaN: true }), (script, off) => {
        const run = recordTreadmillRun(script, []);
        const { walkingShare } = recordedFacts(run.samples);
        fc.pre(walkingShare > 0.15 && walkingShare < 0.85);
        const found = correctionFrom(run, [], run.meta.distanceM * off);
        if (!found.ok || found.matches) throw new Error(`a correction expected, got ${JSON.stringify(found)}`);
        expect(found.point, `filed from a run ${Math.round(walkingShare * 100)} % walking`).to.equal(null);
        expect(found.why).to.match(/^This run mixed walking and running/);
      }),
      { numRuns: invariantRuns(40) },
    );
  });

  it('files no point from a steady run mostly on the belt’s metres, whatever the typed distance puts on the pod’s few', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 600, max: 1500 }),
        fc.double({ min: 2.4, max: 4.5, noNaN: true }),
        fc.double({ min: 0.05, max: 0.8, noNaN: true }),
        fc.double({ min: 0.9, max: 1.1, noNaN: true }),
        fc.oneof(fc.double({ min: 1.01, max: 1.04, noNaN: true }), fc.double({ min: 0.96, max: 0.99, noNaN: true })),
        (seconds, beltMps, podPart, podError, off) => {
          // The treadmill gives the speed first, the pod the last `podPart` of the run.
          const run = recordTreadmillRun(
            {
              spells: [{ seconds, beltMps, cadence: 172 }],
              podErrorRunning: podError,
              podErrorWalking: podError,
              sendsStride: false,
              sendsTreadmillTotal: true,
              pauses: [],
              podLinkLosses: [],
              treadmillDropouts: [],
              speedFromSwitches: [Math.round(seconds * (1 - podPart))],
              firstSpeedFrom: 'treadmill',
            },
            [],
          );
          const found = correctionFrom(run, [], run.meta.distanceM * off);
          if (!found.ok) {
            // Too far for the pod's few metres: refused in words.
            expectDocumentedRefusal(run.samples, run.meta.distanceM * off, found.problem);
            return;
          }
          if (found.matches) throw new Error('not what the run shows');
          expect(found.run.meta.distanceM).to.be.closeTo(run.meta.distanceM * off, 1e-6 * run.meta.distanceM);
          expect(found.point, `filed from a run ${Math.round(recordedFacts(run.samples).podShare * 100)} % on the pod's metres`).to.equal(null);
          expect(found.why).to.match(/^Only \d+ % of this run's distance was the footpod's/);
        },
      ),
      { numRuns: invariantRuns(30) },
    );
  });
});
