// Draws the cadence zones as horizontal bands behind the series (a drawClear hook, as uPlot's
// own band demos do) instead of extra series, so bands cost no data and no legend entries.

import type uPlot from 'uplot';
import { type CadenceZones, type ZoneId, zoneIds } from '../session/zones.js';
import { zoneColor } from './zone-colors.js';

/** [from, to] in steps/min for each zone; the open ends reach past any plausible cadence. */
export function zoneBands(zones: CadenceZones): Array<{ zone: ZoneId; from: number; to: number }> {
  const edges = [0, zones.buildingFrom, zones.targetFrom, zones.targetTo, 400];
  return zoneIds.map((zone, i) => ({ zone, from: edges[i]!, to: edges[i + 1]! }));
}

export function zoneBandsPlugin(currentZones: () => CadenceZones, alpha = 0.16): uPlot.Plugin {
  return {
    hooks: {
      drawClear: (u: uPlot) => {
        const { ctx } = u;
        const { left, top, width, height } = u.bbox;
        ctx.save();
        ctx.beginPath();
        ctx.rect(left, top, width, height);
        ctx.clip();
        ctx.globalAlpha = alpha;
        for (const band of zoneBands(currentZones())) {
          const y1 = u.valToPos(band.to, 'y', true);
          const y2 = u.valToPos(band.from, 'y', true);
          ctx.fillStyle = zoneColor(band.zone);
          ctx.fillRect(left, Math.min(y1, y2), width, Math.abs(y2 - y1));
        }
        ctx.restore();
      },
    },
  };
}
