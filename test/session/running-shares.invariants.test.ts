// Invariant: adding walking or paused spells to a run never changes its running-only shares and
// averages, and the zones a run was recorded with never change the rule its share is counted by.
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

const DAY = 24 * 3600 * 1000;
const now = new Date(2026, 5, 10, 12).getTime();

const summaryFor = (moments: Parameters<typeof runOf>[0], zones: CadenceZones, startedAt: number, id: string): SessionSummary =>
  summaryOf(runOf(moments, { startedAt, zones, id }).meta);

/** As a run stored before its running seconds by cadence were kept. */
const older = ({ runningCadence: _dropped, ...rest }: SessionSummary): SessionSummary => rest;

/** What must not move: the running-only numbers of one run, judged against `zones`. */
function runningNumbers(run: SessionSummary, zones: CadenceZones) {
  return {
    avgCadence: run.avgCadence,
    cadenceBySpeedBand: run.cadenceBySpeedBand,
    runningCadence: run.runningCadence,
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
      { numRuns: 120 },
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
          }));
        expect(weeks(broken)).to.deep.equal(weeks(alone));
        // A step taken long ago at today's zones: the plan judges the three runs' share against it.
        const options = { zones: today, plan: withAccepted(defaultPlanSettings, today, now - 100 * DAY), unit: 'km' as const, now };
        const plan = (summaries: SessionSummary[]) => {
          const outcome = cadencePlan(summaries, options);
          return { kind: outcome.kind, share: 'share' in outcome ? outcome.share : null, reason: outcome.reason };
        };
        expect(plan(broken)).to.deep.equal(plan(alone));
        if (plan(alone).share !== null) judged++;
      }),
      { numRuns: 50 },
    );
    expect(judged, 'the plan judged a share in most cases').to.be.above(25);
  });
});
