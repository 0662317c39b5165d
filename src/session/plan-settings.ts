// The runner's cadence plan as stored in the settings: the target zones accepted so far, the last
// proposal declined, and a cadence tapped along without a pod. Stored values pass through
// planSettingsFrom, so a damaged entry is dropped rather than breaking the settings.

import { type CadenceZones, checkCadenceZones } from './zones.js';

/** A target zone the runner took (accepted) or turned down (declined), and when. */
export interface PlanTarget {
  targetFrom: number;
  targetTo: number;
  /** Epoch milliseconds. */
  atMs: number;
}

/** A cadence counted by tapping along to the runner's steps, for a first plan with no runs yet. */
export interface TappedBaseline {
  /** Steps per minute. */
  spm: number;
  atMs: number;
}

export interface PlanSettings {
  /** Oldest first: each step of the plan the runner accepted. */
  accepted: PlanTarget[];
  /** The proposal last answered "Not now"; it stays hidden until a different one, or a new run, comes. */
  declined: PlanTarget | null;
  tapped: TappedBaseline | null;
}

export const defaultPlanSettings: Readonly<PlanSettings> = Object.freeze({ accepted: [], declined: null, tapped: null });

/** Enough for years of small steps; older ones fall off the front. */
export const MOST_ACCEPTED_STEPS = 100;
/** A tapped cadence outside this is not a running or walking cadence. */
export const TAPPED_MIN_SPM = 60;
export const TAPPED_MAX_SPM = 260;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

function planTargetFrom(value: unknown): PlanTarget | null {
  if (!isRecord(value)) return null;
  const { targetFrom, targetTo, atMs } = value;
  if (typeof targetFrom !== 'number' || typeof targetTo !== 'number' || !isTime(atMs)) return null;
  // The plan only ever proposed whole steps; a stored fraction (none known) keeps its step, rounded
  // as the zones are, rather than being dropped by the whole-step rule.
  const [from, to] = [Math.round(targetFrom), Math.round(targetTo)];
  // A target alone is valid where some building zone below it would be: the same bounds as the zones.
  if (checkCadenceZones({ buildingFrom: from - 1, targetFrom: from, targetTo: to }) !== null) return null;
  return { targetFrom: from, targetTo: to, atMs };
}

export function planSettingsFrom(value: unknown): PlanSettings {
  const stored = isRecord(value) ? value : {};
  const accepted = Array.isArray(stored['accepted'])
    ? (stored['accepted'] as unknown[]).map(planTargetFrom).filter((t): t is PlanTarget => t !== null).slice(-MOST_ACCEPTED_STEPS)
    : [];
  const tapped = isRecord(stored['tapped']) ? stored['tapped'] : null;
  const spm = tapped?.['spm'];
  return {
    accepted,
    declined: planTargetFrom(stored['declined']),
    tapped:
      tapped && typeof spm === 'number' && spm >= TAPPED_MIN_SPM && spm <= TAPPED_MAX_SPM && isTime(tapped['atMs'])
        ? { spm, atMs: tapped['atMs'] }
        : null,
  };
}

const targetOf = (zones: CadenceZones, atMs: number): PlanTarget => ({ targetFrom: zones.targetFrom, targetTo: zones.targetTo, atMs });

/** The plan after the runner took a step (the zones themselves change in the settings beside it). */
export const withAccepted = (plan: PlanSettings, to: CadenceZones, atMs: number): PlanSettings => ({
  ...plan,
  accepted: [...plan.accepted, targetOf(to, atMs)],
  declined: null,
});

export const withDeclined = (plan: PlanSettings, to: CadenceZones, atMs: number): PlanSettings => ({ ...plan, declined: targetOf(to, atMs) });

export const withTapped = (plan: PlanSettings, tappedSpm: number, atMs: number): PlanSettings => ({
  ...plan,
  tapped: { spm: Math.round(tappedSpm), atMs },
});

/** Every target the runner accepted, oldest first: for marking the plan's steps on a chart. */
export function acceptedTargets(plan: PlanSettings): PlanTarget[] {
  return [...plan.accepted].sort((a, b) => a.atMs - b.atMs);
}

/** The plan's target in force at a moment, or null before the first accepted step. */
export function planTargetAt(plan: PlanSettings, atMs: number): PlanTarget | null {
  let found: PlanTarget | null = null;
  for (const target of acceptedTargets(plan)) if (target.atMs <= atMs) found = target;
  return found;
}
