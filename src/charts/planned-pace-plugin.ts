// Draws a workout's planned pace over a pace chart as wide, pale steps behind the measured lines,
// so the pod's and the belt's lines read against what the step asked. The stretches are read on
// every redraw (seconds or metres, as the chart's x).
import type uPlot from 'uplot';
import type { PlannedStretch } from './planned-pace.js';
import { themeColor } from './theme-colors.js';

export function plannedPacePlugin(stretches: () => readonly PlannedStretch[]): uPlot.Plugin {
  return {
    hooks: {
      // drawClear: under the series, which are drawn after it.
      drawClear: (u: uPlot) => {
        const planned = stretches();
        if (planned.length === 0) return;
        const { ctx } = u;
        const { left, top, width, height } = u.bbox;
        ctx.save();
        ctx.beginPath();
        ctx.rect(left, top, width, height);
        ctx.clip();
        // The theme's accent, pale: the measured lines stay on top and readable where they cross it.
        ctx.strokeStyle = themeColor('--accent');
        ctx.globalAlpha = 0.4;
        ctx.lineWidth = 6 * devicePixelRatio;
        ctx.lineCap = 'butt';
        ctx.beginPath();
        for (const { from, to, paceS } of planned) {
          const y = u.valToPos(paceS, 'y', true);
          ctx.moveTo(u.valToPos(from, 'x', true), y);
          ctx.lineTo(u.valToPos(to, 'x', true), y);
        }
        ctx.stroke();
        ctx.restore();
      },
    },
  };
}
