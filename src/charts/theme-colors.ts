// Canvas charts cannot use var(--…): they ask for the colour the page resolves now, at every
// draw, so the same chart shows the light or the dark theme after a redraw. The colours
// themselves are named once, in public/base.css.

/** A custom property of public/base.css, such as '--chart-axis'. */
export type ThemeColorName = `--${string}`;

/** Drawn when the stylesheet is missing, so a chart still shows its lines. */
const NO_THEME = 'gray';

export function themeColor(name: ThemeColorName): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || NO_THEME;
}

/** For uPlot's stroke and fill options, which it calls on every draw. */
export const themed = (name: ThemeColorName) => (): string => themeColor(name);

/**
 * Calls `redraw` whenever the theme on <html> changes (src/app/theme.ts sets it); returns the
 * function that stops watching.
 */
export function onThemeChange(redraw: () => void): () => void {
  const observer = new MutationObserver(redraw);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
