// A session summary as the index holds it, for tests of what is computed from summaries alone.
import type { CadenceBySpeedBand, SessionSummary } from '../../src/session/recorded-session.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

/** Bands as [band, seconds, mean cadence]. */
export function summary(
  startedAt: number,
  over: Partial<SessionSummary> & { bands?: [number, number, number][] } = {},
): SessionSummary {
  const cadenceBySpeedBand: CadenceBySpeedBand = {};
  for (const [band, seconds, cadence] of over.bands ?? []) cadenceBySpeedBand[band] = { seconds, cadenceSeconds: seconds * cadence };
  const { bands: _bands, ...rest } = over;
  return {
    id: `s${startedAt}`,
    startedAt,
    name: 'Run',
    notes: '',
    deviceName: null,
    origin: 'simulator',
    status: 'complete',
    movingS: 1800,
    elapsedS: 1800,
    distanceM: 5000,
    avgSpeedMps: 5000 / 1800,
    avgCadence: 168,
    zoneTimes: { low: 0, building: 0, target: 0, high: 0 },
    zones: { ...defaultCadenceZones },
    cadenceBySpeedBand,
    sampleCount: 1800,
    ...rest,
  };
}
