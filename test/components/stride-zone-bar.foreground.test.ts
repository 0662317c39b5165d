import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-zone-bar.js';
import { appTheme } from '../support/app-theme.js';
import type { StrideZoneBar } from '../../src/components/stride-zone-bar.js';

/** Two drawn frames: a ResizeObserver reports in the frame after the layout it saw. */
const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
const linesOf = (list: Element) => new Set([...list.children].map((li) => Math.round(li.getBoundingClientRect().top))).size;

describe('stride-zone-bar, drawn', () => {
  before(() => appTheme);

  it('lays out its bar and legend apart from the page (contained), the legend as high as its list as it wraps anew', async () => {
    const el = await fixture<StrideZoneBar>(html`<stride-zone-bar style="width: 900px" .zoneTimes=${{ low: 65, building: 130, target: 725, high: 5 }}></stride-zone-bar>`);
    await frames();
    const bar = el.shadowRoot!.querySelector('.bar')!;
    const legend = el.shadowRoot!.querySelector<HTMLElement>('.legend')!;
    const list = legend.querySelector('ul')!;
    for (const part of [bar, legend]) expect(getComputedStyle(part).contain.split(' ')).to.include.members(['size', 'layout']);
    const heightsMatch = (what: string) => {
      const { top, height } = list.getBoundingClientRect();
      expect(legend.getBoundingClientRect().height, what).to.be.closeTo(height, 0.5);
      expect(el.getBoundingClientRect().bottom, `${what}: the element ends below its list`).to.be.at.least(top + height - 0.5);
    };
    expect(linesOf(list)).to.equal(1);
    heightsMatch('one line');
    el.style.width = '220px';
    await frames();
    expect(linesOf(list)).to.be.above(2);
    heightsMatch('narrow');
    // At a width where the list of minutes just fits one line, durations of hours wrap it anew.
    el.style.width = '900px';
    await frames();
    const items = [...list.children];
    el.style.width = `${Math.ceil(items.at(-1)!.getBoundingClientRect().right - items[0]!.getBoundingClientRect().left) + 4}px`;
    await frames();
    expect(linesOf(list)).to.equal(1);
    heightsMatch('just fits');
    el.zoneTimes = { low: 3725, building: 4130, target: 7325, high: 3605 };
    await el.updateComplete;
    await frames();
    expect(linesOf(list)).to.be.above(1);
    heightsMatch('hours');
  });
});
