// The footpods this browser has seen, each with the cadence unit detected for it and the runner's
// override, kept in the settings. Stored lists pass through knownFootpodsFrom, so a damaged entry
// is dropped rather than breaking the settings.

import type { CadenceUnit, CadenceUnitOverride } from './cadence-unit.js';
import { type CalibrationCurve, type CalibrationPoint, isSaneFactor } from './calibration.js';
import { thinnedCurve } from './calibration-points.js';

export interface KnownFootpod {
  /** Stable identity of the pod on this origin (see footpodIdOf in app/footpod-cadence). */
  id: string;
  /** The name it last advertised; outside text, shown only as text. */
  name: string | null;
  detected: CadenceUnit | null;
  override: CadenceUnitOverride;
  /**
   * Its calibration curve; absent means none (factor 1). Optional, so lists written before
   * calibration was kept (and code that builds entries without it) stay valid.
   */
  calibration?: CalibrationPoint[];
  /** The runner locked the curve: automatic calibration learns nothing for this pod. Absent: false. */
  autoCalibrationLocked?: boolean;
}

/** Older pods fall off the end: the list is for the few a runner owns, not a log. */
export const MOST_KNOWN_FOOTPODS = 20;
const LONGEST_TEXT = 200;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isUnit = (value: unknown): value is CadenceUnit => value === 'steps' || value === 'strides';
const isOverride = (value: unknown): value is CadenceUnitOverride => value === 'auto' || isUnit(value);
const isShortText = (value: unknown): value is string => typeof value === 'string' && value.length <= LONGEST_TEXT;

export function knownFootpodsFrom(value: unknown): KnownFootpod[] {
  if (!Array.isArray(value)) return [];
  const pods: KnownFootpod[] = [];
  for (const entry of value as unknown[]) {
    if (!isRecord(entry) || !isShortText(entry['id']) || entry['id'] === '') continue;
    const id = entry['id'];
    if (pods.some((pod) => pod.id === id)) continue;
    const { name, detected, override } = entry;
    pods.push({
      id,
      name: isShortText(name) ? name : null,
      detected: isUnit(detected) ? detected : null,
      override: isOverride(override) ? override : 'auto',
      ...calibrationFields(storedCurve(entry['calibration']), entry['autoCalibrationLocked'] === true),
    });
    if (pods.length === MOST_KNOWN_FOOTPODS) break;
  }
  return pods;
}

/**
 * The points of a stored curve that can be a pod's: positive speeds, sane factors; sorted, and
 * thinned as a curve taking a new point is (never by dropping the fastest speeds).
 */
export function storedCurve(value: unknown): CalibrationPoint[] {
  if (!Array.isArray(value)) return [];
  const points: CalibrationPoint[] = [];
  for (const point of value as unknown[]) {
    if (!isRecord(point)) continue;
    const { podSpeedMps, factor, walking } = point;
    if (typeof podSpeedMps !== 'number' || !(podSpeedMps > 0 && Number.isFinite(podSpeedMps))) continue;
    if (typeof factor !== 'number' || !isSaneFactor(factor)) continue;
    points.push({ podSpeedMps, factor, ...(walking === true ? { walking: true as const } : {}) });
  }
  return thinnedCurve(points);
}

/** Only what differs from the defaults is stored, so an uncalibrated pod's entry is as it always was. */
function calibrationFields(curve: CalibrationPoint[], locked: boolean): Pick<KnownFootpod, 'calibration' | 'autoCalibrationLocked'> {
  return { ...(curve.length > 0 ? { calibration: curve } : {}), ...(locked ? { autoCalibrationLocked: true } : {}) };
}

/** A pod's curve; empty when it was never calibrated. */
export const calibrationOf = (pod: KnownFootpod | undefined): CalibrationPoint[] => pod?.calibration ?? [];

export function knownFootpod(pods: readonly KnownFootpod[], id: string): KnownFootpod | undefined {
  return pods.find((pod) => pod.id === id);
}

/** The list with this pod first (added if new), changed as asked. */
export function rememberFootpod(
  pods: readonly KnownFootpod[],
  pod: Pick<KnownFootpod, 'id' | 'name'>,
  change: Partial<Pick<KnownFootpod, 'detected' | 'override'>> = {},
): KnownFootpod[] {
  const before = knownFootpod(pods, pod.id);
  const updated: KnownFootpod = {
    id: pod.id,
    name: pod.name ?? before?.name ?? null,
    detected: before?.detected ?? null,
    override: before?.override ?? 'auto',
    ...calibrationFields(calibrationOf(before), before?.autoCalibrationLocked === true),
    ...change,
  };
  return [updated, ...pods.filter((p) => p.id !== pod.id)].slice(0, MOST_KNOWN_FOOTPODS);
}

/** The list with the runner's choice for one pod changed in place (the order stays). */
export function withOverride(pods: readonly KnownFootpod[], id: string, override: CadenceUnitOverride): KnownFootpod[] {
  return pods.map((pod) => (pod.id === id ? { ...pod, override } : pod));
}

/** The list with one pod's calibration curve replaced (checked as a stored one is); the order stays. */
export function withCalibration(pods: readonly KnownFootpod[], id: string, curve: CalibrationCurve): KnownFootpod[] {
  return pods.map((pod) => {
    if (pod.id !== id) return pod;
    const { calibration: _old, autoCalibrationLocked, ...rest } = pod;
    return { ...rest, ...calibrationFields(storedCurve(curve), autoCalibrationLocked === true) };
  });
}

/** The list with automatic calibration locked or unlocked for one pod; the order stays. */
export function withAutoCalibrationLock(pods: readonly KnownFootpod[], id: string, locked: boolean): KnownFootpod[] {
  return pods.map((pod) => {
    if (pod.id !== id) return pod;
    const { autoCalibrationLocked: _old, calibration, ...rest } = pod;
    return { ...rest, ...calibrationFields(calibration ?? [], locked) };
  });
}
