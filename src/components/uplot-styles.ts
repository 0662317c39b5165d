// uPlot's stylesheet (uplot/dist/uPlot.min.css), adopted into each chart's shadow root: a global
// stylesheet cannot reach inside it. The legend, cursor and selection rules are in
// uplot-interactive-styles.ts: the live charts have none, and they would weigh on the first load.
import { css } from 'lit';

/** What every chart needs: the plot box, its canvases and axes. */
export const uplotStyles = css`
  .uplot,.uplot *,.uplot *::before,.uplot *::after{box-sizing:border-box}
  .uplot{font-family:inherit;line-height:1.5;width:min-content}
  .u-wrap{position:relative;user-select:none}
  .u-over,.u-under{position:absolute}
  .u-under{overflow:hidden}
  .uplot canvas{display:block;position:relative;width:100%;height:100%}
  .u-axis{position:absolute}
`;
