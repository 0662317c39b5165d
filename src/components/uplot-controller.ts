// Owns one uPlot instance for an element, the way uPlot's own demos use it: created once into
// the element's `.plot` box, resized with a ResizeObserver, destroyed when the element leaves
// the page, and built again if the element comes back (a route change and back). A canvas does
// not follow CSS, so the chart redraws when the theme changes (its colours are read per draw).
// A chart out of view (below the fold, or scrolled away) skips its draws: the host asks
// shouldDraw() first, and a draw skipped is made once, with the latest data, when the chart
// comes into view, so a chart is never stale while it can be seen.
import type { ReactiveController, ReactiveElement } from 'lit';
import uPlot from 'uplot';
import { onThemeChange } from '../charts/theme-colors.js';

export class UplotController implements ReactiveController {
  #plot: uPlot | null = null;
  #resizeObserver: ResizeObserver | null = null;
  #stopWatchingTheme: (() => void) | null = null;
  #intersectionObserver: IntersectionObserver | null = null;
  /** Until the observer first reports, the chart counts as seen (a page without frames still draws). */
  #inView = true;
  #missedDraw = false;

  constructor(
    private readonly host: ReactiveElement,
    private readonly height: number,
    /** Options for the chart at this width, and its data. */
    private readonly make: (width: number) => { options: uPlot.Options; data: uPlot.AlignedData },
    /** Draws the chart with the latest data: called when it comes into view after a skipped draw. */
    private readonly catchUp: (plot: uPlot) => void = (plot) => plot.redraw(false),
  ) {
    host.addController(this);
  }

  get plot(): uPlot | null {
    return this.#plot;
  }

  /** (Re)builds the chart; call from firstUpdated, and when options change shape. */
  build(): void {
    this.#plot?.destroy();
    const target = this.host.renderRoot.querySelector<HTMLElement>('.plot');
    if (!target) return;
    const width = Math.max(200, Math.floor(target.getBoundingClientRect().width));
    const { options, data } = this.make(width);
    this.#plot = new uPlot(options, data, target);
    if (!this.#resizeObserver) {
      this.#resizeObserver = new ResizeObserver(([entry]) => {
        const newWidth = Math.floor(entry?.contentRect.width ?? 0);
        if (this.#plot && newWidth > 0 && newWidth !== this.#plot.width) this.#plot.setSize({ width: newWidth, height: this.height });
      });
      this.#resizeObserver.observe(target);
    }
    if (!this.#intersectionObserver) {
      this.#intersectionObserver = new IntersectionObserver((entries) => {
        const entry = entries[entries.length - 1];
        if (!entry) return;
        this.#inView = entry.isIntersecting;
        if (this.#inView && this.#missedDraw && this.#plot) {
          this.#missedDraw = false;
          this.catchUp(this.#plot);
        }
        // A little ahead of the edge: the catch-up draw is made before a scrolling runner sees the chart.
      }, { rootMargin: '120px 0px' });
      this.#intersectionObserver.observe(target);
    }
    this.#stopWatchingTheme ??= onThemeChange(() => {
      if (this.#plot && this.shouldDraw()) this.#plot.redraw(false);
    });
  }

  /** True while the chart can be seen; otherwise remembers that a draw is owed for when it can. */
  shouldDraw(): boolean {
    if (this.#inView) return true;
    this.#missedDraw = true;
    return false;
  }

  hostConnected(): void {
    if (this.host.hasUpdated && !this.#plot) this.build();
  }

  hostDisconnected(): void {
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
    this.#intersectionObserver?.disconnect();
    this.#intersectionObserver = null;
    this.#inView = true;
    this.#missedDraw = false;
    this.#stopWatchingTheme?.();
    this.#stopWatchingTheme = null;
    this.#plot?.destroy();
    this.#plot = null;
  }
}
