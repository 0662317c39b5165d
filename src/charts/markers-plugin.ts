// Draws moments of a run as thin vertical lines over the series: technique check-ins (dashed,
// amber, a small flag at the top), so the runner can see what their cadence did after each one,
// and laps (solid, in the axis colour, "Lap 2" at the top), so a lap's stretch reads on every chart.

import type uPlot from 'uplot';
import { type ThemeColorName, themeColor } from './theme-colors.js';

export interface MarkStyle {
  color: ThemeColorName;
  /** Dash and gap in CSS pixels; empty for a solid line. */
  dash: readonly number[];
  /** A flag at the line's top (check-ins). */
  flag: boolean;
  /** Text beside the line's top, for the i-th mark (0-based); none when absent. */
  label?: (index: number) => string;
}

export const checkInMarks: MarkStyle = { color: '--chart-marker', dash: [4, 3], flag: true };
/** The first lap starts with the run: marks are laps 2, 3… */
export const lapMarks: MarkStyle = { color: '--chart-axis', dash: [], flag: false, label: (i) => `Lap ${i + 2}` };

/** `positions` is read on every redraw: x values (seconds or metres, as the chart's x). */
export function markersPlugin(positions: () => readonly number[], style: MarkStyle = checkInMarks): uPlot.Plugin {
  return {
    hooks: {
      draw: (u: uPlot) => {
        const marks = positions();
        if (marks.length === 0) return;
        const { ctx } = u;
        const { left, top, width, height } = u.bbox;
        const ratio = devicePixelRatio;
        const flag = 6 * ratio;
        ctx.save();
        ctx.beginPath();
        ctx.rect(left, top, width, height);
        ctx.clip();
        const color = themeColor(style.color);
        ctx.strokeStyle = color;
        ctx.fillStyle = color;
        ctx.lineWidth = Math.max(1, ratio);
        ctx.setLineDash(style.dash.map((d) => d * ratio));
        ctx.font = `${11 * ratio}px sans-serif`;
        // uPlot leaves the context as its last axis label set it (centred, or right-aligned on the y axis).
        ctx.textAlign = 'left';
        ctx.textBaseline = 'top';
        marks.forEach((x, i) => {
          const px = Math.round(u.valToPos(x, 'x', true));
          if (px < left || px > left + width) return;
          ctx.beginPath();
          ctx.moveTo(px, top);
          ctx.lineTo(px, top + height);
          ctx.stroke();
          if (style.flag) {
            ctx.beginPath();
            ctx.moveTo(px, top);
            ctx.lineTo(px + flag, top + flag / 2);
            ctx.lineTo(px, top + flag);
            ctx.fill();
          }
          if (style.label) ctx.fillText(style.label(i), px + 3 * ratio, top + 2 * ratio);
        });
        ctx.restore();
      },
    },
  };
}
