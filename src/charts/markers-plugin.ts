// Draws moments of a run (technique check-ins) as thin vertical lines with a small flag at the
// top, over the series, so the runner can see what their cadence did after each one.

import type uPlot from 'uplot';
import { themeColor } from './theme-colors.js';

/** `positions` is read on every redraw: x values (seconds or metres, as the chart's x). */
export function markersPlugin(positions: () => readonly number[]): uPlot.Plugin {
  return {
    hooks: {
      draw: (u: uPlot) => {
        const marks = positions();
        if (marks.length === 0) return;
        const { ctx } = u;
        const { left, top, width, height } = u.bbox;
        const flag = 6 * devicePixelRatio;
        ctx.save();
        ctx.beginPath();
        ctx.rect(left, top, width, height);
        ctx.clip();
        const color = themeColor('--chart-marker');
        ctx.strokeStyle = color;
        ctx.fillStyle = color;
        ctx.lineWidth = Math.max(1, devicePixelRatio);
        ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
        for (const x of marks) {
          const px = Math.round(u.valToPos(x, 'x', true));
          if (px < left || px > left + width) continue;
          ctx.beginPath();
          ctx.moveTo(px, top);
          ctx.lineTo(px, top + height);
          ctx.stroke();
          ctx.beginPath();
          ctx.moveTo(px, top);
          ctx.lineTo(px + flag, top + flag / 2);
          ctx.lineTo(px, top + flag);
          ctx.fill();
        }
        ctx.restore();
      },
    },
  };
}
