// Time spent in each cadence zone. Each sample owns the time since the previous one, capped so a
// dropped link does not pour minutes into whatever zone the runner was in before it.

import { type CadenceZones, type ZoneId, zoneFor } from './zones.js';

export type ZoneTimes = Record<ZoneId, number>;

const MAX_STEP_S = 2;

export const emptyZoneTimes = (): ZoneTimes => ({ low: 0, building: 0, target: 0, high: 0 });

/** Adds the time between two samples to the zone of the later one. Standing still counts nowhere. */
export function addZoneTime(
  times: ZoneTimes,
  previousTimeS: number | null,
  timeS: number,
  cadence: number,
  zones: CadenceZones,
): void {
  if (previousTimeS === null || !(cadence > 0)) return;
  const step = Math.min(MAX_STEP_S, Math.max(0, timeS - previousTimeS));
  times[zoneFor(cadence, zones)] += step;
}

/** Zone times over whole columns, e.g. after the runner edits the zones mid-run. */
export function zoneTimesOf(times: Float64Array, cadences: Float64Array, zones: CadenceZones): ZoneTimes {
  const result = emptyZoneTimes();
  for (let i = 1; i < times.length; i++) addZoneTime(result, times[i - 1]!, times[i]!, cadences[i]!, zones);
  return result;
}
