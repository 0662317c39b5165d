// The rest of uPlot's stylesheet: legend, cursor and drag selection (see uplot-styles.ts).
import { css } from 'lit';

/** Legend, cursor and drag selection, for the charts a runner explores (history, compare). */
export const uplotInteractiveStyles = css`
  .u-legend{font-size:14px;margin:auto;text-align:center}
  .u-inline{display:block}
  .u-inline *{display:inline-block}
  .u-inline tr{margin-right:16px}
  .u-legend th{font-weight:600}
  .u-legend th>*{vertical-align:middle;display:inline-block}
  .u-legend .u-marker{width:1em;height:1em;margin-right:4px;background-clip:padding-box!important}
  .u-inline.u-live th::after{content:":";vertical-align:middle}
  .u-inline:not(.u-live) .u-value{display:none}
  .u-series>*{padding:4px}
  .u-legend .u-off>*{opacity:.3}
  .u-select{background:rgba(148,163,184,.2);position:absolute;pointer-events:none}
  .u-cursor-x,.u-cursor-y{position:absolute;left:0;top:0;pointer-events:none;will-change:transform}
  .u-hz .u-cursor-x,.u-vt .u-cursor-y{height:100%;border-right:1px dashed #607d8b}
  .u-hz .u-cursor-y,.u-vt .u-cursor-x{width:100%;border-bottom:1px dashed #607d8b}
  .u-cursor-pt{position:absolute;top:0;left:0;border-radius:50%;border:0 solid;pointer-events:none;will-change:transform;background-clip:padding-box!important}
  .u-axis.u-off,.u-select.u-off,.u-cursor-x.u-off,.u-cursor-y.u-off,.u-cursor-pt.u-off{display:none}
`;
