// History's look: a table on a wide screen, a card per run where the table would not fit.
import { css, unsafeCSS } from 'lit';
import { touchTargetStyles } from '../components/form-control-styles.js';
import { CARDS_CONTAINER, cardLabelStyles } from '../components/table-cards.js';

/** Under this width the table (its tracks add up to 75rem) would scroll sideways: rows become cards. */
const CARDS_BELOW = '75rem';

export const historyStyles = [css`
    :host { display: block; padding: 1rem; }
    h1 { margin: 0 0 0.75rem; }
    .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; margin: 0 0 0.75rem; min-height: 2.2rem; }
    .hint { color: var(--muted); margin: 0; }
    .table-wrap { overflow-x: auto; container: ${unsafeCSS(CARDS_CONTAINER)} / inline-size; }
    /*
     * Each row is its own grid on the same tracks, none sized by content, so the columns line up
     * without table layout; that lets content-visibility skip layout and paint of rows off screen (it does not
     * apply to display: table-row), which is most of the cost of opening two years of runs. The
     * roles in the markup keep the table semantics that changing display can cost in some browsers.
     */
    /* min-width is the sum of the tracks: narrower screens scroll the table sideways. */
    table { display: block; min-width: 75rem; font-variant-numeric: tabular-nums; }
    caption, thead, tbody { display: block; }
    caption { text-align: center; padding: 0 0 0.25rem; }
    tr {
      display: grid;
      grid-template-columns: 5.5rem minmax(10rem, 1fr) 10.5rem 5rem 6.5rem 6.5rem 7.5rem 8rem 15.5rem;
      border-bottom: 1px solid var(--divider);
    }
    tbody tr { content-visibility: auto; contain-intrinsic-size: auto 3.25rem; }
    th, td { display: block; text-align: left; padding: 0.4rem 0.5rem; }
    td { overflow-wrap: anywhere; }
    th { font-weight: 600; align-self: end; }
    td.num, th.num { text-align: right; }
    th button { font: inherit; font-weight: 600; color: inherit; text-align: inherit; background: none; border: 0; padding: 0.1rem 0; cursor: pointer; }
    th button:focus-visible, a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    th[aria-sort] button { color: var(--accent); }
    .arrow { display: inline-block; width: 1em; }
    a { color: var(--link); }
    a.button { display: inline-block; text-decoration: none; padding: 0.35rem 0.9rem; border-radius: 6px; background: var(--primary-bg); color: var(--on-strong); font-weight: 600; }
    .tag { font-size: 0.8rem; color: var(--muted); border: 1px solid var(--border); border-radius: 4px; padding: 0 0.3rem; }
    .notes { margin: 0.2rem 0 0; color: var(--muted); font-size: 0.9rem; white-space: pre-wrap; }
    .damage { margin: 0.2rem 0 0; font-size: 0.9rem; }
    .tag.damaged, .damage { color: var(--danger-text); border-color: currentColor; }
    .actions { display: flex; gap: 0.35rem; flex-wrap: wrap; }
    .actions button, .edit button, .bar button {
      font: inherit; font-size: 0.9rem; padding: 0.2rem 0.6rem; border-radius: 6px; border: 1px solid var(--border); background: var(--surface-2); color: inherit; cursor: pointer;
    }
    .edit { display: flex; flex-wrap: wrap; gap: 0.35rem; align-items: flex-start; }
    input[type='text'], textarea { font: inherit; padding: 0.25rem 0.4rem; border-radius: 6px; border: 1px solid var(--border-strong); background: var(--field-bg); color: inherit; }
    .edit input[type='text'], textarea { box-sizing: border-box; width: 100%; }
    textarea { min-height: 3.5rem; }
    input[type='checkbox'] { width: 1.1rem; height: 1.1rem; }
    /* The tick box's cell and the run's name are 44 px targets, for a thumb. */
    label.pick { justify-content: center; margin: -0.4rem -0.5rem; }
    a.title { display: inline-flex; align-items: center; min-height: 44px; }
    .problem { color: var(--warn-text); }
    .empty { max-width: 36rem; }
    #trend { margin: 0 0 0.75rem; }
    .tag.now { color: var(--accent); border-color: currentColor; }
    .tag.program { color: var(--text); border-color: var(--accent); }
    a.live { display: inline-flex; align-items: center; min-height: 44px; }
    /*
     * A card per row: the name (and Compare, top right), the date, the amounts in as many labelled
     * columns as fit, then the actions. The header row stays, as the sort buttons.
     */
    @container ${unsafeCSS(CARDS_CONTAINER)} (width < ${unsafeCSS(CARDS_BELOW)}) {
      table { min-width: 0; }
      caption { text-align: left; }
      thead tr { display: flex; flex-wrap: wrap; align-items: center; gap: 0.35rem; padding: 0 0 0.5rem; }
      thead tr::before { content: 'Sort by' / ''; color: var(--muted); margin-right: 0.25rem; }
      thead th { padding: 0; }
      thead th.unsortable, th .unit { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
      th button { min-height: 44px; padding: 0.2rem 0.7rem; font-size: 0.9rem; font-weight: 500; border: 1px solid var(--border); border-radius: 999px; }
      tbody tr {
        position: relative; grid-template-columns: repeat(auto-fill, minmax(6.5rem, 1fr));
        padding: 0.4rem 0; contain-intrinsic-size: auto 15rem;
      }
      td.pick { position: absolute; top: 0.4rem; right: 0; padding: 0; }
      label.pick { margin: 0; padding: 0 0.5rem; flex-direction: row-reverse; }
      td.session { grid-column: 1 / -1; padding-right: 7rem; }
      td.date, td.actions { grid-column: 1 / -1; }
      td.date .card-label { display: inline; margin-right: 0.5rem; }
      td.num { text-align: left; }
    }
  `, cardLabelStyles(CARDS_BELOW), touchTargetStyles];
