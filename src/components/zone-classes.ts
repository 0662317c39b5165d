// `.zone-<id>` classes that paint an element in its zone's colour. Classes rather than inline
// styles, because the Content-Security-Policy forbids style attributes.
import { unsafeCSS } from 'lit';
import { zoneColors } from '../charts/zone-colors.js';
import { zoneIds } from '../session/zones.js';

export const zoneClasses = unsafeCSS(zoneIds.map((zone) => `.zone-${zone}{background:${zoneColors[zone]}}`).join('\n'));
