import type uPlot from 'uplot';

/**
 * Whether a light line is painted on a chart's canvas at (x value `x`, y value `y`): a 5-pixel
 * column is read so anti-aliasing cannot hide the line. The charts' series lines are near white
 * in the dark theme (the default; tests that look for lines load public/base.css).
 */
export function lineDrawnAt(plot: uPlot, x: number, y: number): boolean {
  const px = Math.round(plot.valToPos(x, 'x', true));
  const py = Math.round(plot.valToPos(y, 'y', true));
  const column = Array.from({ length: 5 }, (_, dy) => Array.from(plot.ctx.getImageData(px, py - 2 + dy, 1, 1).data));
  return column.some(([r, g, b]) => r! > 200 && g! > 200 && b! > 200);
}
