// One palette for zone bands, the zone bar and the zone tile, so a colour means one zone everywhere.
import type { ZoneId } from '../session/zones.js';

export const zoneColors: Readonly<Record<ZoneId, string>> = {
  low: '#60a5fa',
  building: '#fbbf24',
  target: '#34d399',
  high: '#f87171',
};
