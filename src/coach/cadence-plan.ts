// The cadence plan: "small steps, big change". From the runner's own runs at their usual pace it
// proposes the next target zone a few percent above what they run now, and only once they spend
// most of their running in the current one. Cadence rises with speed, so every judgement is made
// within one speed band (cadence at matched pace), never from a run's overall average.

import { SPEED_BAND_MPS, type SessionSummary } from '../session/recorded-session.js';
import type { PlanSettings, TappedBaseline } from '../session/plan-settings.js';
import { type DistanceUnit, formatPace, paceSeconds } from '../session/units.js';
import { MIN_BAND_SECONDS } from '../session/weekly-trends.js';
import { type RunningTargetShare, runningTargetShare } from '../session/running-time-in-zone.js';
import { wholePercent } from '../session/zone-shares.js';
import { type CadenceZones, defaultCadenceZones, middleOfTarget } from '../session/zones.js';
import { firstStep, nextStep, targetLabel } from './plan-steps.js';
import { OLDER_RUNS_NOTE, runsLookedAt, usualBand } from './usual-pace.js';

export { OLDER_RUNS, RECENT_WEEKS, runsLookedAt, usualBand } from './usual-pace.js';

/** The plan judges the last three runs at matched pace. */
export const RUNS_TO_JUDGE = 3;
/** Share of running time in the current target zone that earns the next step. */
export const DEFAULT_STEP_AT_SHARE = 0.6;
/** A fall of this much at matched pace is more than day-to-day noise. */
export const REGRESSED_SPM = 3;

export interface CadencePlanOptions {
  /** The zones in use today. */
  zones: CadenceZones;
  plan: PlanSettings;
  unit: DistanceUnit;
  /** Epoch milliseconds. */
  now: number;
  /** Default DEFAULT_STEP_AT_SHARE. */
  stepAtShare?: number;
  /** Where the plan stops climbing: the coaching 170-180 unless told otherwise. */
  goal?: CadenceZones;
}

/**
 * The cadence the plan's steps start from, and where it comes from: the last three runs at the
 * usual pace, or a count tapped along ("Use as my baseline") when that is newer than those runs.
 */
export interface PlanBaseline {
  spm: number;
  source: 'runs' | 'tap';
  /** The newest run it rests on, or when it was tapped. */
  atMs: number;
}

interface Matched {
  /** 0.5 m/s speed band index; null with no running recorded. */
  band: number | null;
  runsAtMatchedPace: number;
  /** Null with too few runs at the usual pace and nothing tapped. */
  planBaseline: PlanBaseline | null;
}

export type CadencePlanOutcome =
  | (Matched & { kind: 'need-more-runs'; runsNeeded: number; reason: string })
  /** `share` is null while too few runs came since the last step to judge it. */
  | (Matched & { kind: 'hold'; band: number; baseline: number; share: number | null; reason: string })
  | (Matched & { kind: 'regressed'; band: number; baseline: number; before: number; reason: string })
  | (Matched & { kind: 'at-goal'; band: number; baseline: number; share: number; reason: string })
  | (Matched & {
      kind: 'step';
      baseline: number;
      from: CadenceZones;
      to: CadenceZones;
      /** The plan's start, below the current target because the baseline is far below it. */
      first: boolean;
      /** The baseline was tapped along, not recorded. */
      tapped: boolean;
      /** Null for a first plan: it is not earned by time in zone. */
      share: number | null;
      /** The newest run (or tap) the proposal rests on: a "Not now" after it hides the proposal. */
      basedOnAtMs: number;
      reason: string;
    });

const spm = (cadence: number): string => `${Math.round(cadence)} steps/min`;
/** The share as shown: the same whole percent as the Weeks table, and the one the step is judged on. */
const percent = (share: number): string => `${wholePercent(share)}%`;

/** "5:33–4:46/km": the paces of a band, slower first. */
export function paceLabel(band: number, unit: DistanceUnit): string {
  const pace = (speed: number): string => formatPace(paceSeconds(speed, unit));
  return `${pace(band * SPEED_BAND_MPS)}–${pace((band + 1) * SPEED_BAND_MPS)}/${unit}`;
}

export const secondsIn = (run: SessionSummary, band: number): number => run.cadenceBySpeedBand[band]?.seconds ?? 0;

/** Cadence at the band over these runs, weighted by their seconds in it. */
export function cadenceAt(runs: readonly SessionSummary[], band: number): number {
  let seconds = 0;
  let cadenceSeconds = 0;
  for (const run of runs) {
    const value = run.cadenceBySpeedBand[band];
    if (!value) continue;
    seconds += value.seconds;
    cadenceSeconds += value.cadenceSeconds;
  }
  return seconds > 0 ? cadenceSeconds / seconds : 0;
}

/**
 * Share of these runs' running time in today's target zone, by one rule for every run (running
 * seconds only, counted against today's zones, whatever zones a run was recorded with), at every
 * pace or with `band` at that pace only; 0 without running. See runningTargetShare for runs stored
 * before their running seconds by cadence were kept.
 */
export function shareInTarget(runs: readonly SessionSummary[], zones: CadenceZones, band?: number): number {
  return runningTargetShare(runs, zones, band).share ?? 0;
}

/** Said after a share that rests partly on estimates, so the runner knows which number is coarse. */
function estimateNote(estimatedRuns: number): string {
  if (estimatedRuns === 0) return '';
  const runs = estimatedRuns === 1 ? 'One of these runs was' : `${estimatedRuns} of these runs were`;
  const its = estimatedRuns === 1 ? 'its' : 'their';
  return ` ${runs} recorded before the app kept cadence second by second at each pace: ${its} time in target is estimated from the average cadence at this pace.`;
}

/**
 * "70% of your 90 min of running at 5:33–4:46/km in the last three runs was in 170–180": what the
 * share counted (running at the usual pace only, as cadence rises with speed), and that running at
 * other paces was left out where there was some.
 */
function shareSentence(judged: RunningTargetShare, allPaces: RunningTargetShare, pace: string, zones: CadenceZones): string {
  const minutes = Math.round(judged.runningS / 60);
  const leftOut = allPaces.runningS > judged.runningS ? ' (running at other paces left out)' : '';
  return `${percent(judged.share ?? 0)} of your ${minutes} min of running at ${pace} in the last three runs was in ${targetLabel(zones)}${leftOut}`;
}

function firstFromTap(tapped: TappedBaseline, zones: CadenceZones, matched: Matched): CadencePlanOutcome | null {
  const to = firstStep(zones, tapped.spm);
  if (!to) return null;
  return {
    ...matched,
    kind: 'step',
    baseline: tapped.spm,
    from: { ...zones },
    to,
    first: true,
    tapped: true,
    share: null,
    basedOnAtMs: tapped.atMs,
    reason: `You tapped ${spm(tapped.spm)}, far below ${targetLabel(zones)}. Start with ${targetLabel(to)}, a few percent above it: small steps, big change.`,
  };
}

/** What the plan says today. Walks are left out: their cadence is not running technique. */
export function cadencePlan(sessions: readonly SessionSummary[], options: CadencePlanOptions): CadencePlanOutcome {
  const goal = options.goal ?? defaultCadenceZones;
  const stepAtShare = options.stepAtShare ?? DEFAULT_STEP_AT_SHARE;
  // Oldest first, with ties by id: the order the index stores runs in changes nothing.
  const runs = sessions
    .filter((s) => s.sport !== 'walk')
    .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lookedAt = runsLookedAt(runs, options.now);
  const outcome = planFrom(lookedAt.runs, options, goal, stepAtShare);
  return lookedAt.from === 'older' ? { ...outcome, reason: OLDER_RUNS_NOTE + outcome.reason } : outcome;
}

function planFrom(recent: readonly SessionSummary[], options: CadencePlanOptions, goal: CadenceZones, stepAtShare: number): CadencePlanOutcome {
  const { zones, plan, unit } = options;
  const band = usualBand(recent);
  const atPace = band === null ? [] : recent.filter((r) => secondsIn(r, band) >= MIN_BAND_SECONDS);
  const tapped = plan.tapped;
  const tapBaseline: PlanBaseline | null = tapped ? { spm: tapped.spm, source: 'tap', atMs: tapped.atMs } : null;

  if (band === null || atPace.length < RUNS_TO_JUDGE) {
    // As with three runs: a count tapped along counts only when it came after the runs at the
    // usual pace it would stand in for. A tap from before them is not where the runner is now.
    const newestAtPace = atPace.length > 0 ? atPace[atPace.length - 1]!.startedAt : -Infinity;
    const tapNow = tapped && tapped.atMs > newestAtPace ? tapped : null;
    const matched: Matched = { band, runsAtMatchedPace: atPace.length, planBaseline: tapNow ? tapBaseline : null };
    const fromTap = tapNow && plan.accepted.length === 0 ? firstFromTap(tapNow, zones, matched) : null;
    if (fromTap) return fromTap;
    const runsNeeded = RUNS_TO_JUDGE - atPace.length;
    const times = runsNeeded === 1 ? 'time' : 'times';
    const where = band === null ? 'at your usual pace' : `at your usual pace (${paceLabel(band, unit)})`;
    const tap = tapNow ? `You tapped ${spm(tapNow.spm)}. ` : '';
    const more = atPace.length === 0 ? `${runsNeeded} ${times}` : `${runsNeeded} more ${times}`;
    const orTap = band === null && !plan.tapped ? ', or tap along to your steps below to start one now' : '';
    return { ...matched, kind: 'need-more-runs', runsNeeded, reason: `${tap}Run ${more} ${where} to get a plan${orTap}.` };
  }

  const matched: Matched = { band, runsAtMatchedPace: atPace.length, planBaseline: tapBaseline };
  const pace = paceLabel(band, unit);
  const last = atPace.slice(-RUNS_TO_JUDGE);
  const fromRuns = cadenceAt(last, band);
  const lastRunAtMs = last[last.length - 1]!.startedAt;
  // A count tapped along after these runs is the runner's word on where they are now.
  const byTap = tapBaseline !== null && tapBaseline.atMs > lastRunAtMs;
  const planBaseline: PlanBaseline = byTap ? tapBaseline : { spm: fromRuns, source: 'runs', atMs: lastRunAtMs };
  const baseline = planBaseline.spm;
  const basedOnAtMs = planBaseline.atMs;
  const withBaseline = { ...matched, planBaseline };
  /** "at 172 steps/min" after the runs' share, or what was tapped since. */
  const atBaseline = byTap ? `; you tapped ${spm(baseline)} since` : `, at ${spm(baseline)}`;
  const first = plan.accepted.length === 0 ? firstStep(zones, baseline) : null;
  if (first) {
    const where = byTap ? `You tapped ${spm(baseline)}` : `At ${pace} your cadence is about ${spm(baseline)}`;
    return {
      ...withBaseline,
      kind: 'step',
      baseline,
      from: { ...zones },
      to: first,
      first: true,
      tapped: byTap,
      share: null,
      basedOnAtMs,
      reason: `${where}, far below ${targetLabel(zones)}. Start with ${targetLabel(first)}, a few percent above it: small steps, big change.`,
    };
  }

  if (atPace.length >= 2 * RUNS_TO_JUDGE) {
    const before = cadenceAt(atPace.slice(-2 * RUNS_TO_JUDGE, -RUNS_TO_JUDGE), band);
    if (fromRuns <= before - REGRESSED_SPM) {
      return {
        ...withBaseline,
        kind: 'regressed',
        band,
        baseline: fromRuns,
        before,
        reason:
          `At ${pace} your cadence was ${spm(fromRuns)} over your last three runs, down from ${Math.round(before)} the three before. ` +
          `That happens: a tired week, new shoes, a hilly route. Hold ${targetLabel(zones)} for now; the next step waits until it comes back.`,
      };
    }
  }

  // Runs before the last accepted step were run to another target: they cannot earn the next one.
  const stepAt = plan.accepted.reduce((latest, t) => Math.max(latest, t.atMs), -Infinity);
  const sinceStep = last.filter((r) => r.startedAt > stepAt);
  if (sinceStep.length < RUNS_TO_JUDGE) {
    const runsNeeded = RUNS_TO_JUDGE - sinceStep.length;
    return {
      ...withBaseline,
      kind: 'hold',
      band,
      baseline,
      share: null,
      reason: `New target ${targetLabel(zones)}: run ${runsNeeded} more ${runsNeeded === 1 ? 'time' : 'times'} at ${pace} with it, then the plan looks at the next step.`,
    };
  }
  // Only the running at the pace the sentence names: a tempo block at a higher cadence (as cadence
  // is when running faster) is not the usual pace's technique and would keep the plan at hold.
  const judged = runningTargetShare(last, zones, band);
  const share = judged.share ?? 0;
  const note = estimateNote(judged.estimatedRuns);
  const counted = shareSentence(judged, runningTargetShare(last, zones), pace, zones);
  // Judged on the whole percent the runner reads, so "60% … the next step comes at 60%" cannot happen.
  if (wholePercent(share) < wholePercent(stepAtShare)) {
    return {
      ...withBaseline,
      kind: 'hold',
      band,
      baseline,
      share,
      reason: `${counted}; the next step comes at ${percent(stepAtShare)}.${note}`,
    };
  }
  const to = nextStep(zones, baseline, goal);
  if (!to) {
    return {
      ...withBaseline,
      kind: 'at-goal',
      band,
      baseline,
      share,
      reason: `${counted}${atBaseline}: that is the goal. Keep it there.${note}`,
    };
  }
  const more = Math.round((middleOfTarget(to) / middleOfTarget(zones) - 1) * 100);
  return {
    ...withBaseline,
    kind: 'step',
    baseline,
    from: { ...zones },
    to,
    first: false,
    tapped: byTap,
    share,
    basedOnAtMs,
    reason:
      `${counted}${atBaseline}: ` +
      `ready for the next small step, about ${more}% higher.${note}`,
  };
}

/** True when the runner said "Not now" to this very proposal and nothing new has come since. */
export function isDeclined(outcome: CadencePlanOutcome, plan: PlanSettings): boolean {
  const declined = plan.declined;
  if (outcome.kind !== 'step' || !declined) return false;
  return declined.targetFrom === outcome.to.targetFrom && declined.targetTo === outcome.to.targetTo && declined.atMs >= outcome.basedOnAtMs;
}
