// Cadence zones from running coaching: under 160 low, 160-170 building, 170-180 target,
// over 180 high. The runner can move the three boundaries in settings.

export type ZoneId = 'low' | 'building' | 'target' | 'high';

export const zoneIds: readonly ZoneId[] = ['low', 'building', 'target', 'high'];

export const zoneLabels: Readonly<Record<ZoneId, string>> = {
  low: 'Low',
  building: 'Building',
  target: 'Target',
  high: 'High',
};

/**
 * low: cadence < buildingFrom; building: buildingFrom ≤ cadence < targetFrom;
 * target: targetFrom ≤ cadence ≤ targetTo; high: cadence > targetTo. Steps per minute.
 */
export interface CadenceZones {
  buildingFrom: number;
  targetFrom: number;
  targetTo: number;
}

export const defaultCadenceZones: Readonly<CadenceZones> = Object.freeze({
  buildingFrom: 160,
  targetFrom: 170,
  targetTo: 180,
});

export function zoneFor(cadence: number, zones: CadenceZones): ZoneId {
  if (cadence < zones.buildingFrom) return 'low';
  if (cadence < zones.targetFrom) return 'building';
  if (cadence <= zones.targetTo) return 'target';
  return 'high';
}

export const sameZones = (a: CadenceZones, b: CadenceZones): boolean =>
  a.buildingFrom === b.buildingFrom && a.targetFrom === b.targetFrom && a.targetTo === b.targetTo;

/** Why a set of boundaries cannot be used, or null when it can. */
export function checkCadenceZones(zones: CadenceZones): string | null {
  const values = [zones.buildingFrom, zones.targetFrom, zones.targetTo];
  if (!values.every((v) => Number.isFinite(v) && v >= 30 && v <= 300)) {
    return 'Zone boundaries must be numbers of steps per minute between 30 and 300.';
  }
  // Running seconds by cadence are kept per whole step and half step (running-time-in-zone.ts), so
  // an edge between two whole steps would split seconds the plan and the Weeks count as one.
  if (!values.every(Number.isInteger)) {
    return 'Zone boundaries are whole steps per minute (170, not 170.5).';
  }
  if (!(zones.buildingFrom < zones.targetFrom && zones.targetFrom < zones.targetTo)) {
    return 'Each boundary must be above the one before it (building < target start < target end).';
  }
  return null;
}

/**
 * Zones stored before edges had to be whole steps, moved to the nearest whole step (170.5 to 171),
 * with what was moved in words; null when nothing moved. The result may still fail checkCadenceZones.
 */
export function wholeStepZones(zones: CadenceZones): { zones: CadenceZones; moved: string | null } {
  const whole: CadenceZones = { buildingFrom: Math.round(zones.buildingFrom), targetFrom: Math.round(zones.targetFrom), targetTo: Math.round(zones.targetTo) };
  const names: [keyof CadenceZones, string][] = [['buildingFrom', 'Building from'], ['targetFrom', 'Target from'], ['targetTo', 'Target up to']];
  const changes = names.filter(([key]) => Number.isFinite(zones[key]) && whole[key] !== zones[key]).map(([key, name]) => `${name} ${zones[key]} is now ${whole[key]}`);
  return { zones: whole, moved: changes.length === 0 ? null : `Zone boundaries are whole steps per minute: ${changes.join(', ')}.` };
}

/** The middle of the target zone: where the metronome and the plan aim. */
export const middleOfTarget = (zones: CadenceZones): number => (zones.targetFrom + zones.targetTo) / 2;
