import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { cadencePlan } from '../../src/coach/cadence-plan.js';
import { defaultPlanSettings } from '../../src/session/plan-settings.js';
import type { SessionSummary } from '../../src/session/recorded-session.js';
import { cadenceKey, runningTargetShare, runningZoneTimes } from '../../src/session/running-time-in-zone.js';
import { summaryOf } from '../../src/session/session-summary.js';
import { weeklyTrends } from '../../src/session/weekly-trends.js';
import { settingsFrom } from '../../src/session/settings.js';
import { type CadenceZones, zoneFor } from '../../src/session/zones.js';
import { generatedRunningSeconds, generatedZones, momentsOf, runOf } from '../support/generated-runs-with-walks.js';
import { invariantRuns } from '../support/invariant-runs.js';

const DAY = 24 * 3600 * 1000;
const now = new Date(2026, 5, 10, 12).getTime();
const zones: CadenceZones = { buildingFrom: 158, targetFrom: 168, targetTo: 178 };

/** 10 min walking, 20 min running at 172 at 3.2 m/s, 10 min walking. */
function walkRunWalk(daysAgo: number, recordedWith: CadenceZones): SessionSummary {
  const moments = momentsOf([
    { kind: 'walk', seconds: 600, cadence: 118, speedMps: 1.4 },
    { kind: 'run', seconds: 1200, cadence: 172, speedMps: 3.2 },
    { kind: 'walk', seconds: 600, cadence: 118, speedMps: 1.4 },
  ]);
  return summaryOf(runOf(moments, { startedAt: now - daysAgo * DAY, zones: recordedWith, id: `wrw-${daysAgo}` }).meta);
}

describe('running time in zone', () => {
  it('gives three walk-run-walk runs at 172 in 168-178 100% and a step, whatever zones they were recorded with', () => {
    for (const recordedWith of [zones, { ...zones, targetFrom: 169 }, { buildingFrom: 150, targetFrom: 160, targetTo: 170 }]) {
      // Three runs this morning, so one week holds them all.
      const runs = [0.3, 0.2, 0.1].map((daysAgo) => walkRunWalk(daysAgo, recordedWith));
      const label = JSON.stringify(recordedWith);
      expect(runs[0]!.zoneTimes.low, 'the walks are in the run’s own zone times').to.equal(1199);
      const plan = cadencePlan(runs, { zones, plan: defaultPlanSettings, unit: 'km', now });
      expect(plan.kind, `${label}: ${plan.reason}`).to.equal('step');
      expect(plan.kind === 'step' && plan.share, label).to.equal(1);
      expect(plan.reason).to.match(/^100% of your 60 min of running at 5:33–4:45\/km in the last three runs was in 168–178, at 172/);
      const [week] = weeklyTrends(runs, { weeks: 1, now, zones });
      expect(week!.targetShare, label).to.equal(1);
      expect(week!.targetZoneS, label).to.equal(3600);
      expect(week!.estimatedRuns).to.equal(0);
    }
  });

  it('sorts every cadence as zoneFor does for whole-step zone edges', () => {
    fc.assert(
      fc.property(generatedZones, fc.integer({ min: 1000, max: 2200 }), fc.integer({ min: 0, max: 99 }), (z, whole, hundredths) => {
        // Whole cadences and the float32 values the recorded columns hold between them.
        for (const cadence of [whole / 10, Math.fround(whole / 10 + hundredths / 1000), Math.round(whole / 10)]) {
          expect(zoneFor(cadenceKey(cadence), z), `${cadence} in ${JSON.stringify(z)}`).to.equal(zoneFor(cadence, z));
        }
      }),
      { numRuns: invariantRuns(300) },
    );
  });

  it('trusts no damaged spread: a run with one is estimated from its bands', () => {
    const band = { 6: { seconds: 600, cadenceSeconds: 600 * 172 } };
    for (const runningCadence of [{ 172: -5 }, { abc: 10 }, { 172: Number.NaN }] as unknown as Record<number, number>[]) {
      const result = runningZoneTimes({ runningCadence, cadenceBySpeedBand: band }, zones);
      expect(result).to.deep.equal({ times: { low: 0, building: 0, target: 600, high: 0 }, estimated: true });
    }
    expect(runningTargetShare([{ cadenceBySpeedBand: {} }], zones)).to.deep.equal({ targetS: 0, runningS: 0, share: null, estimatedRuns: 0 });
  });

  it('counts at one pace only the running at that pace, exactly for runs recorded now and for older runs that ran at it alone', () => {
    // 600 s at 3.2 m/s (band 6): 300 at 172, 300 at 165; 600 s at 4.2 m/s (band 8) at 186.
    const moments = momentsOf([
      { kind: 'run', seconds: 301, cadence: 172, speedMps: 3.2 },
      { kind: 'run', seconds: 300, cadence: 165, speedMps: 3.2 },
      { kind: 'run', seconds: 600, cadence: 186, speedMps: 4.2 },
    ]);
    const run = summaryOf(runOf(moments, { startedAt: now, zones, id: 'two-paces' }).meta);
    expect(run.runningCadenceByBand).to.deep.equal({ 6: { 172: 300, 165: 300 }, 8: { 186: 600 } });
    expect(runningTargetShare([run], zones, 6)).to.deep.equal({ targetS: 300, runningS: 600, share: 0.5, estimatedRuns: 0 });
    expect(runningTargetShare([run], zones, 8)).to.deep.equal({ targetS: 0, runningS: 600, share: 0, estimatedRuns: 0 });
    expect(runningTargetShare([run], zones, 7)).to.deep.equal({ targetS: 0, runningS: 0, share: null, estimatedRuns: 0 });
    expect(runningTargetShare([run], zones).share, 'every pace').to.equal(0.25);
    // Stored before seconds were kept by pace: its band 6 average (168.5) is all in 168–178, estimated.
    const { runningCadenceByBand: _dropped, ...older } = run;
    expect(runningTargetShare([older], zones, 6)).to.deep.equal({ targetS: 600, runningS: 600, share: 1, estimatedRuns: 1 });
    // ...unless it ran at that pace alone: then its running seconds by cadence are that pace's, exact.
    const easy = summaryOf(runOf(momentsOf([{ kind: 'run', seconds: 601, cadence: 172, speedMps: 3.2 }, { kind: 'run', seconds: 300, cadence: 165, speedMps: 3.2 }]), { startedAt: now, zones, id: 'easy' }).meta);
    const { runningCadenceByBand: _gone, ...olderEasy } = easy;
    expect(runningTargetShare([olderEasy], zones, 6)).to.deep.equal({ targetS: 600, runningS: 900, share: 600 / 900, estimatedRuns: 0 });
    expect(runningTargetShare([olderEasy], zones, 8)).to.deep.equal({ targetS: 0, runningS: 0, share: null, estimatedRuns: 0 });
  });

  it('agrees with a run’s own zone times for fractional cadences, as the zones the settings accept have whole-step edges', () => {
    // A target typed or stored as 170.5 is 171 in the settings; a FIT run at 170.25 is below it everywhere.
    const below = settingsFrom({ zones: { buildingFrom: 160, targetFrom: 170.5, targetTo: 180 } }).zones;
    expect(below).to.deep.equal({ buildingFrom: 160, targetFrom: 171, targetTo: 180 });
    const runs = [0.3, 0.2, 0.1].map((daysAgo) =>
      summaryOf(runOf(momentsOf([{ kind: 'run', seconds: 1201, cadence: 170.25, speedMps: 3.2 }]), { startedAt: now - daysAgo * DAY, zones: below, id: `f${daysAgo}` }).meta),
    );
    expect(runs[0]!.zoneTimes).to.deep.equal({ low: 0, building: 1200, target: 0, high: 0 });
    expect(runningTargetShare(runs, below).share).to.equal(0);
    expect(weeklyTrends(runs, { weeks: 1, now, zones: below })[0]!.targetShare).to.equal(0);
    // 180.75 against a target end stored as 180.5 (now 181): in target by its own zone times and by the share.
    const upTo = settingsFrom({ zones: { buildingFrom: 160, targetFrom: 170, targetTo: 180.5 } }).zones;
    const high = summaryOf(runOf(momentsOf([{ kind: 'run', seconds: 1201, cadence: 180.75, speedMps: 3.2 }]), { startedAt: now, zones: upTo, id: 'hi' }).meta);
    expect(high.zoneTimes.target).to.equal(1200);
    expect(runningTargetShare([high], upTo).share).to.equal(1);
  });

  it('gives every run its own time-in-target share, for any zones the settings accept and any cadences', () => {
    // Zone edges as typed, in tenths of a step; the settings make of them what they accept.
    const typed = fc
      .tuple(fc.integer({ min: 1400, max: 1720 }), fc.integer({ min: 5, max: 120 }), fc.integer({ min: 5, max: 140 }))
      .map(([from, building, target]) => settingsFrom({ zones: { buildingFrom: from / 10, targetFrom: (from + building) / 10, targetTo: (from + building + target) / 10 } }).zones);
    fc.assert(
      fc.property(typed, generatedRunningSeconds, (today, running) => {
        const run = summaryOf(runOf(running, { startedAt: now, zones: today, id: 'own' }).meta);
        const own = run.zoneTimes;
        const zoned = own.low + own.building + own.target + own.high;
        expect(runningTargetShare([run], today).share, JSON.stringify(today)).to.equal(zoned > 0 ? own.target / zoned : null);
      }),
      { numRuns: invariantRuns(100) },
    );
  });
});
