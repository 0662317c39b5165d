// One palette for zone bands, the zone bar and the zone tile, so a colour means one zone
// everywhere. The colours are custom properties of public/base.css, one set per theme.
import type { ZoneId } from '../session/zones.js';
import { themeColor } from './theme-colors.js';

/** For CSS (classes, a tile's accent): follows the theme by itself. */
export const zoneColors: Readonly<Record<ZoneId, string>> = {
  low: 'var(--zone-low)',
  building: 'var(--zone-building)',
  target: 'var(--zone-target)',
  high: 'var(--zone-high)',
};

/** For a canvas: the zone's colour in the theme shown now. */
export const zoneColor = (zone: ZoneId): string => themeColor(`--zone-${zone}`);
