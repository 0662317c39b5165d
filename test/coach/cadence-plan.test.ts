import { expect } from '@open-wc/testing';
import { type CadencePlanOptions, type CadencePlanOutcome, cadencePlan, isDeclined, shareInTarget } from '../../src/coach/cadence-plan.js';
import { MAX_STEP, firstStep, nextStep } from '../../src/coach/plan-steps.js';
import { type PlanSettings, defaultPlanSettings, withAccepted, withDeclined } from '../../src/session/plan-settings.js';
import type { SessionSummary } from '../../src/session/recorded-session.js';
import { type CadenceZones, checkCadenceZones, defaultCadenceZones } from '../../src/session/zones.js';
import { formatShare } from '../../src/components/session-format.js';
import { summaryOf } from '../../src/session/session-summary.js';
import { weeklyTrends } from '../../src/session/weekly-trends.js';
import { momentsOf, runOf } from '../support/generated-runs-with-walks.js';

const DAY = 24 * 3600 * 1000;
const now = new Date(2025, 5, 30, 12).getTime();
/** Band 6 is 3.0-3.5 m/s: 5:33-4:45 per km. */
const USUAL = 6;

interface RunShape {
  daysAgo: number;
  cadence: number;
  /** Share of the run's running time in its zones' target (its running seconds by cadence say so). */
  inTarget?: number;
  band?: number;
  seconds?: number;
  zones?: CadenceZones;
  sport?: 'run' | 'walk';
  /** More bands: [band, seconds, cadence]. */
  also?: [number, number, number][];
}

let ids = 0;
function run(shape: RunShape): SessionSummary {
  const seconds = shape.seconds ?? 1800;
  const bands: SessionSummary['cadenceBySpeedBand'] = { [shape.band ?? USUAL]: { seconds, cadenceSeconds: seconds * shape.cadence } };
  let total = seconds;
  for (const [band, s, cadence] of shape.also ?? []) {
    bands[band] = { seconds: s, cadenceSeconds: s * cadence };
    total += s;
  }
  const target = Math.round(total * (shape.inTarget ?? 0));
  const zones = shape.zones ?? defaultCadenceZones;
  // In target at the run's cadence held inside its zones' target, the rest just below it.
  const inZone = Math.min(Math.max(shape.cadence, zones.targetFrom), zones.targetTo);
  const runningCadence: Record<number, number> = { [inZone]: target };
  if (total > target) runningCadence[zones.targetFrom - 1] = total - target;
  return {
    id: `run-${ids++}`,
    startedAt: now - shape.daysAgo * DAY,
    name: '',
    notes: '',
    deviceName: null,
    origin: 'bluetooth',
    ...(shape.sport ? { sport: shape.sport } : {}),
    status: 'complete',
    movingS: total,
    elapsedS: total,
    distanceM: total * 3.2,
    avgSpeedMps: 3.2,
    avgCadence: shape.cadence,
    zoneTimes: { low: 0, building: total - target, target, high: 0 },
    zones: { ...zones },
    cadenceBySpeedBand: bands,
    runningCadence,
    sampleCount: total,
  };
}

/** Three runs, a few days apart, the last yesterday. */
const threeRuns = (shape: Omit<RunShape, 'daysAgo'>): SessionSummary[] => [7, 4, 1].map((daysAgo) => run({ ...shape, daysAgo }));

const options = (change: Partial<CadencePlanOptions> = {}): CadencePlanOptions => ({
  zones: { ...defaultCadenceZones },
  plan: defaultPlanSettings,
  unit: 'km',
  now,
  ...change,
});

function expectKind<K extends CadencePlanOutcome['kind']>(outcome: CadencePlanOutcome, kind: K): Extract<CadencePlanOutcome, { kind: K }> {
  expect(outcome.kind, outcome.reason).to.equal(kind);
  return outcome as Extract<CadencePlanOutcome, { kind: K }>;
}

const middle = (z: CadenceZones) => (z.targetFrom + z.targetTo) / 2;
const building: CadenceZones = { buildingFrom: 150, targetFrom: 160, targetTo: 170 };

describe('cadencePlan', () => {
  it('asks for runs when there are none, and offers the tap-along', () => {
    const outcome = expectKind(cadencePlan([], options()), 'need-more-runs');
    expect(outcome.runsNeeded).to.equal(3);
    expect(outcome.band).to.equal(null);
    expect(outcome.reason).to.equal('Run 3 times at your usual pace to get a plan, or tap along to your steps below to start one now.');
  });

  it('asks for one more run at the usual pace after two', () => {
    const outcome = expectKind(cadencePlan(threeRuns({ cadence: 172, inTarget: 0.7 }).slice(1), options()), 'need-more-runs');
    expect(outcome.runsAtMatchedPace).to.equal(2);
    expect(outcome.reason).to.equal('Run 1 more time at your usual pace (5:33–4:45/km) to get a plan.');
    const miles = cadencePlan(threeRuns({ cadence: 172 }).slice(2), options({ unit: 'mi' }));
    expect(miles.reason).to.equal('Run 2 more times at your usual pace (8:56–7:39/mi) to get a plan.');
  });

  it('steps up at most 5% for a runner in the target 70% of the time over three runs at matched pace', () => {
    const outcome = expectKind(cadencePlan(threeRuns({ cadence: 166, inTarget: 0.7, zones: building }), options({ zones: building })), 'step');
    expect(outcome.from).to.deep.equal(building);
    expect(outcome.to).to.deep.equal({ buildingFrom: 156, targetFrom: 166, targetTo: 176 });
    expect(middle(outcome.to) / middle(outcome.from)).to.be.at.most(1 + MAX_STEP);
    expect(outcome.first).to.equal(false);
    expect(outcome.baseline).to.equal(166);
    expect(outcome.share).to.be.closeTo(0.7, 0.001);
    expect(outcome.reason).to.equal(
      '70% of your 90 min of running at 5:33–4:45/km in the last three runs was in 160–170, at 166 steps/min: ready for the next small step, about 4% higher.',
    );
  });

  it('waits for three runs with a newly accepted target before judging it', () => {
    const runs = threeRuns({ cadence: 166, inTarget: 0.7, zones: building });
    const to = expectKind(cadencePlan(runs, options({ zones: building })), 'step').to;
    const taken = withAccepted(defaultPlanSettings, to, now - 3 * DAY);
    const outcome = expectKind(cadencePlan(runs, options({ zones: to, plan: taken })), 'hold');
    expect(outcome.share).to.equal(null);
    expect(outcome.reason).to.equal('New target 166–176: run 2 more times at 5:33–4:45/km with it, then the plan looks at the next step.');
    const more = [...runs, run({ daysAgo: 0.5, cadence: 172, inTarget: 0.8, zones: to }), run({ daysAgo: 0.2, cadence: 172, inTarget: 0.8, zones: to })];
    expect(cadencePlan(more, options({ zones: to, plan: taken })).kind).to.equal('step');
  });

  it('holds at 55% and says when the next step comes', () => {
    const outcome = expectKind(cadencePlan(threeRuns({ cadence: 169, inTarget: 0.55 }), options()), 'hold');
    expect(outcome.share).to.be.closeTo(0.55, 0.001);
    expect(outcome.reason).to.equal('55% of your 90 min of running at 5:33–4:45/km in the last three runs was in 170–180; the next step comes at 60%.');
    expect(cadencePlan(threeRuns({ cadence: 169, inTarget: 0.55 }), options({ stepAtShare: 0.5 })).kind, 'the share is an option').to.equal('at-goal');
  });

  it('says kindly when cadence at matched pace fell, and suggests holding', () => {
    const runs = [...[20, 17, 14].map((daysAgo) => run({ daysAgo, cadence: 173, inTarget: 0.8 })), ...threeRuns({ cadence: 168, inTarget: 0.8 })];
    const outcome = expectKind(cadencePlan(runs, options()), 'regressed');
    expect(outcome.before).to.equal(173);
    expect(outcome.baseline).to.equal(168);
    expect(outcome.reason).to.match(/down from 173/);
    expect(outcome.reason).to.match(/That happens/);
    expect(outcome.reason).to.match(/Hold 170–180 for now/);
    // A fall of 2 steps/min is day-to-day noise.
    const small = [...[20, 17, 14].map((daysAgo) => run({ daysAgo, cadence: 170, inTarget: 0.8 })), ...threeRuns({ cadence: 168, inTarget: 0.8 })];
    expect(cadencePlan(small, options()).kind).to.not.equal('regressed');
  });

  it('starts a runner at 150 near 155, not at 170-180: small steps, big change', () => {
    const outcome = expectKind(cadencePlan(threeRuns({ cadence: 150 }), options()), 'step');
    expect(outcome.first).to.equal(true);
    expect(outcome.to).to.deep.equal({ buildingFrom: 140, targetFrom: 150, targetTo: 160 });
    expect(middle(outcome.to)).to.be.at.most(150 * 1.05);
    expect(outcome.reason).to.equal(
      'At 5:33–4:45/km your cadence is about 150 steps/min, far below 170–180. Start with 150–160, a few percent above it: small steps, big change.',
    );
    // Once a plan is under way, a low baseline is judged against it, not restarted.
    const underWay = withAccepted(defaultPlanSettings, outcome.to, now - 30 * DAY);
    expect(cadencePlan(threeRuns({ cadence: 150 }), options({ plan: underWay })).kind).to.equal('hold');
  });

  it('leaves walks out', () => {
    const walks = [9, 6, 3].map((daysAgo) => run({ daysAgo, cadence: 120, band: 3, seconds: 3600, sport: 'walk' }));
    const twoRuns = threeRuns({ cadence: 172, inTarget: 0.7 }).slice(1);
    const outcome = expectKind(cadencePlan([...walks, ...twoRuns], options()), 'need-more-runs');
    expect(outcome.band).to.equal(USUAL);
    expect(outcome.runsAtMatchedPace).to.equal(2);
    const walkAtPace = run({ daysAgo: 2, cadence: 150, sport: 'walk' });
    expect(cadencePlan([...twoRuns, walkAtPace], options()).kind).to.equal('need-more-runs');
  });

  it('judges only the usual pace: faster runs, and runs with under a minute at it, do not count', () => {
    const usual = threeRuns({ cadence: 166, inTarget: 0.7, zones: building });
    const fast = [5, 2].map((daysAgo) => run({ daysAgo, cadence: 186, band: 8, seconds: 900, zones: building }));
    const brief = run({ daysAgo: 0, cadence: 150, seconds: 59, also: [[8, 600, 186]], zones: building });
    const outcome = expectKind(cadencePlan([...usual, ...fast, brief], options({ zones: building })), 'step');
    expect(outcome.band).to.equal(USUAL);
    expect(outcome.runsAtMatchedPace).to.equal(3);
    expect(outcome.baseline).to.equal(166);
  });

  it('never moves the target more than 5% in one step', () => {
    const low: CadenceZones = { buildingFrom: 140, targetFrom: 150, targetTo: 160 };
    const outcome = expectKind(cadencePlan(threeRuns({ cadence: 160, inTarget: 0.9, zones: low }), options({ zones: low })), 'step');
    // 160 + 3% would be 160-170; 5% above the middle (155) is 162.75, so 157-167.
    expect(outcome.to).to.deep.equal({ buildingFrom: 147, targetFrom: 157, targetTo: 167 });
    // Nor past the goal: from 168-178 the next step is 170-180, not beyond.
    const near: CadenceZones = { buildingFrom: 158, targetFrom: 168, targetTo: 178 };
    expect(nextStep(near, 178)).to.deep.equal(defaultCadenceZones);
    expect(nextStep(defaultCadenceZones, 178)).to.equal(null);
  });

  it('proposes only valid whole-step zones that keep the widths, for any baseline and zones', () => {
    const zoneSets: CadenceZones[] = [
      defaultCadenceZones,
      building,
      { buildingFrom: 150, targetFrom: 158, targetTo: 171 },
      { buildingFrom: 100.5, targetFrom: 110, targetTo: 116.4 },
      { buildingFrom: 31, targetFrom: 33, targetTo: 40 },
      { buildingFrom: 170, targetFrom: 180, targetTo: 300 },
    ];
    let steps = 0;
    for (const zones of zoneSets) {
      for (let baseline = 35; baseline <= 260; baseline += 1.5) {
        for (const to of [nextStep(zones, baseline), firstStep(zones, baseline)]) {
          if (!to) continue;
          steps++;
          expect(checkCadenceZones(to), JSON.stringify({ zones, baseline, to })).to.equal(null);
          expect([to.buildingFrom, to.targetFrom, to.targetTo].every(Number.isInteger)).to.equal(true);
          expect(to.targetTo - to.targetFrom).to.equal(Math.max(1, Math.round(zones.targetTo - zones.targetFrom)));
          expect(middle(to)).to.be.at.most(Math.max(middle(zones), baseline) * (1 + MAX_STEP) + 1e-9);
        }
      }
    }
    expect(steps).to.be.greaterThan(100);
  });

  it("judges every run's running seconds against today's target, whatever zones it was recorded with", () => {
    // 100% in their own 160-170 target, but at 166 none of it is in today's 170-180.
    const counted = threeRuns({ cadence: 166, inTarget: 1, zones: building });
    expect(shareInTarget(counted, defaultCadenceZones)).to.equal(0);
    expect(cadencePlan(counted, options()).kind).to.equal('hold');
    // Recorded with 160-170: 1800 s at 174 and 600 s at 184 are 75% in today's 170-180.
    const inToday = threeRuns({ cadence: 174, zones: building, also: [[8, 600, 184]] }).map((r) => ({
      ...r,
      runningCadence: { 174: 1800, 184: 600 },
    }));
    expect(shareInTarget(inToday, defaultCadenceZones)).to.equal(0.75);
    expect(shareInTarget(inToday, building)).to.equal(0);
  });

  it('estimates runs stored without their running seconds by cadence from band averages, and says so', () => {
    const older = (runs: SessionSummary[]) => runs.map(({ runningCadence: _dropped, ...rest }) => rest);
    const inToday = older(threeRuns({ cadence: 174, zones: building, also: [[8, 600, 184]] }));
    expect(shareInTarget(inToday, defaultCadenceZones)).to.equal(0.75);
    // At the usual pace (band 6) the average is 174: all of its 1800 s a run counted in 170–180.
    expect(shareInTarget(inToday, defaultCadenceZones, USUAL)).to.equal(1);
    const taken = withAccepted(defaultPlanSettings, defaultCadenceZones, now - 10 * DAY);
    const outcome = expectKind(cadencePlan(inToday, options({ plan: taken })), 'at-goal');
    expect(outcome.share).to.equal(1);
    expect(outcome.reason).to.match(/ 3 of these runs were recorded before the app kept cadence second by second at each pace: their time in target is estimated/);
    const oneOlder = [...threeRuns({ cadence: 174, inTarget: 1 }).slice(0, 2), ...older(threeRuns({ cadence: 174 }).slice(2))];
    const one = expectKind(cadencePlan(oneOlder, options({ plan: taken })), 'at-goal');
    expect(one.share).to.equal(1);
    expect(one.reason).to.match(/ One of these runs was recorded before .*: its time in target is estimated/);
  });

  it('counts its share at the usual pace it names only, and says so: a faster tempo at 186 leaves 100% and the step, not 54% and hold', () => {
    const zones: CadenceZones = { buildingFrom: 158, targetFrom: 168, targetTo: 178 };
    // 30 min easy at 3.2 m/s (5:13/km) and 172, then 25 min tempo at 4.2 m/s and 186.
    const runs = [3, 2, 1].map((daysAgo) =>
      summaryOf(
        runOf(
          momentsOf([
            { kind: 'run', seconds: 1800, cadence: 172, speedMps: 3.2 },
            { kind: 'run', seconds: 1500, cadence: 186, speedMps: 4.2 },
          ]),
          { startedAt: now - daysAgo * DAY, zones, id: `et-${daysAgo}` },
        ).meta,
      ),
    );
    const outcome = expectKind(cadencePlan(runs, options({ zones, plan: withAccepted(defaultPlanSettings, zones, now - 30 * DAY) })), 'step');
    expect(outcome.share).to.equal(1);
    expect(outcome.reason).to.match(
      /^100% of your 90 min of running at 5:33–4:45\/km in the last three runs was in 168–178 \(running at other paces left out\), at 172 steps\/min: ready/,
    );
    // Every pace together would be 54%: the share the Weeks table shows, not the plan's.
    expect(shareInTarget(runs, zones)).to.be.closeTo(0.545, 0.001);
  });

  it('starts from a tapped cadence with no runs, and waits for runs once that plan is taken', () => {
    const tapped: PlanSettings = { ...defaultPlanSettings, tapped: { spm: 148, atMs: now - DAY } };
    const outcome = expectKind(cadencePlan([], options({ plan: tapped })), 'step');
    expect(outcome.tapped).to.equal(true);
    expect(outcome.to.targetTo).to.be.below(170);
    expect(middle(outcome.to)).to.be.at.most(148 * 1.05);
    expect(outcome.reason).to.match(/^You tapped 148 steps\/min, far below 170–180\. Start with 147–157/);
    const taken = withAccepted(tapped, outcome.to, now);
    expect(cadencePlan([], options({ plan: taken, zones: outcome.to })).kind).to.equal('need-more-runs');
    const close: PlanSettings = { ...defaultPlanSettings, tapped: { spm: 168, atMs: now - DAY } };
    expect(cadencePlan([], options({ plan: close })).reason).to.equal('You tapped 168 steps/min. Run 3 times at your usual pace to get a plan.');
  });

  it("looks at the last 8 weeks alone while there are runs in them, else at the last 10 older runs", () => {
    const old = [400, 390, 380, 370, 360].map((daysAgo) => run({ daysAgo, cadence: 160, band: 7, seconds: 3600 }));
    const lately = threeRuns({ cadence: 166, inTarget: 0.7, zones: building });
    expect(cadencePlan([...old, ...lately], options({ zones: building })).band, 'a year back counts for nothing beside recent runs').to.equal(USUAL);
    const fallBack = cadencePlan(old, options({ zones: building }));
    expect(fallBack.band, 'with no recent runs, older ones').to.equal(7);
    expect(fallBack.reason).to.match(/^No runs at any pace in the last 8 weeks, so the plan looks at your older runs\. /);
  });

  it('hides a declined proposal until a new run or a different proposal', () => {
    const runs = threeRuns({ cadence: 166, inTarget: 0.7, zones: building });
    const outcome = cadencePlan(runs, options({ zones: building }));
    expect(isDeclined(outcome, defaultPlanSettings)).to.equal(false);
    const to = expectKind(outcome, 'step').to;
    const declined = withDeclined(defaultPlanSettings, to, now);
    expect(isDeclined(outcome, declined)).to.equal(true);
    const later = cadencePlan([...runs, run({ daysAgo: -1, cadence: 166, inTarget: 0.7, zones: building })], options({ zones: building, now: now + 2 * DAY }));
    expect(isDeclined(later, declined), 'a run after "Not now" asks again').to.equal(false);
    expect(isDeclined(outcome, withDeclined(defaultPlanSettings, { ...to, targetFrom: to.targetFrom - 1 }, now))).to.equal(false);
  });

  it('shows its share as the Weeks table does (59.6% reads 60%), and steps at the 60% it shows', () => {
    const HOUR = 3600 * 1000;
    // A Thursday noon: the three runs are Tuesday to Thursday of one week.
    const thursday = new Date(2026, 5, 11, 12).getTime();
    // 1000 s of running each: 596 s at 175 (in 170–180), 404 s at 166.
    const runs = [50, 26, 2].map((hoursAgo) =>
      summaryOf(
        runOf(
          momentsOf([
            { kind: 'run', seconds: 597, cadence: 175, speedMps: 3.2 },
            { kind: 'run', seconds: 404, cadence: 166, speedMps: 3.2 },
          ]),
          { startedAt: thursday - hoursAgo * HOUR, zones: defaultCadenceZones, id: `r${hoursAgo}` },
        ).meta,
      ),
    );
    const [week] = weeklyTrends(runs, { weeks: 1, now: thursday, zones: defaultCadenceZones });
    expect(week!.sessions).to.equal(3);
    expect(week!.targetShare!).to.be.closeTo(0.596, 0.001);
    const taken = withAccepted(defaultPlanSettings, defaultCadenceZones, thursday - 30 * DAY);
    const outcome = cadencePlan(runs, options({ plan: taken, now: thursday, goal: { buildingFrom: 170, targetFrom: 180, targetTo: 190 } }));
    expect(/^(\d+)%/.exec(outcome.reason)?.[1] + '%', `Weeks ${formatShare(week!.targetShare!)}; plan: ${outcome.reason}`).to.equal(
      formatShare(week!.targetShare!),
    );
    // Shown as 60%, it is not "under 60%": the step it earns is offered.
    expect(expectKind(outcome, 'step').reason).to.match(/^60% of your 50 min of running at 5:33–4:45\/km/);
  });
});
