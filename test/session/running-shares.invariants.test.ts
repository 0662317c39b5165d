// Invariant: adding walking or paused spells to a run never changes its running-only shares and
// averages, and the zones a run was recorded with never change the rule its share is counted by.
// And: adding running at another pace never changes the share at a pace (the plan's usual pace).
// Over generated runs (test/support/generated-runs-with-walks.ts): cadences whole and fractional,
// speeds across several pace bands, walks with and without a cadence, pauses, random zones.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { cadencePlan } from '../../src/coach/cadence-plan.js';
import { defaultPlanSettings, withAccepted } from '../../src/session/plan-settings.js';
import type { SessionSummary } from '../../src/session/recorded-session.js';
import { runningTargetShare } from '../../src/session/running-time-in-zone.js';
import { summaryOf } from '../../src/session/session-summary.js';
import { weeklyTrends } from '../../src/session/weekly-trends.js';
import type { CadenceZones } from '../../src/session/zones.js';
import {
  type Second,
  generatedBreaks,
  generatedRunningSeconds,
  generatedZones,
  runOf,
  withBreaks,
} from '../support/generated-runs-with-walks.js';
import { generatedRunningAtOtherPaces, generatedRunningInBand, withRunningAtOtherPaces } from '../support/generated-runs-at-other-paces.js';
import { invariantRuns } from '../support/invariant-runs.js';

const DAY = 24 * 3600 * 1000;
const now = new Date(2026, 5, 10, 12).getTime();

const summaryFor = (moments: Parameters<typeof runOf>[0], zones: CadenceZones, startedAt: number, id: string): SessionSummary =>
  summaryOf(runOf(moments, { startedAt, zones, id }).meta);

/** As a run stored before its running seconds by cadence were kept. */
const older = ({ runningCadence: _dropped, runningCadenceByBand: _alsoDropped, ...rest }: SessionSummary): SessionSummary => rest;

/** What must not move: the running-only numbers of one run, judged against `zones`. */
function runningNumbers(run: SessionSummary, zones: CadenceZones) {
  return {
    avgCadence: run.avgCadence,
    cadenceBySpeedBand: run.cadenceBySpeedBand,
    runningCadence: run.runningCadence,
    runningCadenceByBand: run.runningCadenceByBand,
    share: runningTargetShare([run], zones),
    estimate: runningTargetShare([older(run)], zones),
  };
}

describe('running-only shares and averages', () => {
  it('are the same with walks and pauses added, and whatever zones the run was recorded with', () => {
    fc.assert(
      fc.property(
        generatedRunningSeconds,
        generatedBreaks,
        generatedZones,
        generatedZones,
        generatedZones,
        (running, breaks, recordedAlone, recordedWithBreaks, today) => {
          const alone = summaryFor(running, recordedAlone, now, 'alone');
          const broken = summaryFor(withBreaks(running, breaks), recordedWithBreaks, now, 'broken');
          expect(broken.elapsedS).to.be.at.least(alone.elapsedS);
          expect(runningNumbers(broken, today)).to.deep.equal(runningNumbers(alone, today));
        },
      ),
      { numRuns: invariantRuns(120) },
    );
  });

  it('give the Weeks and the plan the same shares and averages with walks and pauses added', () => {
    // Each run opens with 2 minutes at 3.2 m/s, so its usual pace is often shared by all three.
    const easy: Second[] = Array.from({ length: 120 }, (_, i) => ({ cadence: 166 + (i % 9), speedMps: 3.2, running: true }));
    const runs = fc.array(fc.record({ running: generatedRunningSeconds, breaks: generatedBreaks, recordedWith: generatedZones }), {
      minLength: 3,
      maxLength: 3,
    });
    let judged = 0;
    fc.assert(
      fc.property(runs, generatedZones, (three, today) => {
        const alone = three.map((r, i) => summaryFor([...easy, ...r.running], r.recordedWith, now - (3 - i) * DAY, `a${i}`));
        const broken = three.map((r, i) =>
          summaryFor(withBreaks([...easy, ...r.running], r.breaks), { ...r.recordedWith, targetTo: r.recordedWith.targetTo + 1 }, now - (3 - i) * DAY, `b${i}`),
        );
        const weeks = (summaries: SessionSummary[]) =>
          weeklyTrends(summaries, { weeks: 2, now, zones: today }).map((row) => ({
            avgCadence: row.avgCadence,
            targetZoneS: row.targetZoneS,
            targetShare: row.targetShare,
            cadenceByBand: row.cadenceByBand,
            runningS: row.runningS,
          }));
        expect(weeks(broken)).to.deep.equal(weeks(alone));
        // The running-time bar is the time the share is of: no walk break in it.
        for (const row of weeks(broken)) if (row.targetShare !== null) expect(row.targetShare * row.runningS).to.be.closeTo(row.targetZoneS, 1e-6);
        // A step taken long ago at today's zones: the plan judges the three runs' share against it.
        const options = { zones: today, plan: withAccepted(defaultPlanSettings, today, now - 100 * DAY), unit: 'km' as const, now };
        const plan = (summaries: SessionSummary[]) => {
          const outcome = cadencePlan(summaries, options);
          return { kind: outcome.kind, share: 'share' in outcome ? outcome.share : null, reason: outcome.reason };
        };
        expect(plan(broken)).to.deep.equal(plan(alone));
        if (plan(alone).share !== null) judged++;
      }),
      { numRuns: invariantRuns(50) },
    );
    expect(judged, 'the plan judged a share in most cases').to.be.above(25);
  });
});

describe('the share at one pace', () => {
  /** Band 6: 3.0–3.5 m/s, 5:33–4:45/km. */
  const USUAL = 6;
  /** As a run stored before its running seconds by cadence were kept at all: estimated from its band averages. */
  const oldest = ({ runningCadence: _a, runningCadenceByBand: _b, ...rest }: SessionSummary): SessionSummary => rest;

  it('is the same with running at other paces added, for runs as recorded now and as estimated for the oldest', () => {
    fc.assert(
      fc.property(generatedRunningInBand(USUAL), generatedRunningAtOtherPaces(USUAL), generatedZones, generatedZones, (atPace, others, recordedWith, today) => {
        const alone = summaryFor(atPace, recordedWith, now, 'alone');
        const mixed = summaryFor(withRunningAtOtherPaces(atPace, others), recordedWith, now, 'mixed');
        expect(mixed.movingS).to.be.above(alone.movingS);
        expect(runningTargetShare([mixed], today, USUAL)).to.deep.equal(runningTargetShare([alone], today, USUAL));
        expect(runningTargetShare([oldest(mixed)], today, USUAL)).to.deep.equal(runningTargetShare([oldest(alone)], today, USUAL));
      }),
      { numRuns: invariantRuns(100) },
    );
  });

  it('gives the plan the same judgement with running at other paces added', () => {
    // 10 minutes at 3.2 m/s open each run: more than the other paces can add (5 spells of at most
    // 100 s), so the usual pace stays band 6 and the plan always judges it.
    const easy: Second[] = Array.from({ length: 600 }, (_, i) => ({ cadence: 166 + (i % 9), speedMps: 3.2, running: true }));
    const runs = fc.array(fc.record({ atPace: generatedRunningInBand(USUAL), others: generatedRunningAtOtherPaces(USUAL) }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(runs, generatedZones, (three, today) => {
        const startedAt = (i: number) => now - (3 - i) * DAY;
        const alone = three.map((r, i) => summaryFor([...easy, ...r.atPace], today, startedAt(i), `a${i}`));
        const mixed = three.map((r, i) => summaryFor(withRunningAtOtherPaces([...easy, ...r.atPace], r.others), today, startedAt(i), `m${i}`));
        const options = { zones: today, plan: withAccepted(defaultPlanSettings, today, now - 100 * DAY), unit: 'km' as const, now };
        const judged = (summaries: SessionSummary[]) => {
          const outcome = cadencePlan(summaries, options);
          return { band: outcome.band, kind: outcome.kind, share: 'share' in outcome ? outcome.share : null };
        };
        expect(judged(alone).band).to.equal(USUAL);
        expect(judged(alone).share).to.not.equal(null);
        expect(judged(mixed)).to.deep.equal(judged(alone));
      }),
      { numRuns: invariantRuns(40) },
    );
  });
});
