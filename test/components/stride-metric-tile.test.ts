import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-metric-tile.js';
import type { StrideMetricTile } from '../../src/components/stride-metric-tile.js';

describe('stride-metric-tile', () => {
  it('shows label, value and unit, and renders markup in values as text', async () => {
    const el = await fixture<StrideMetricTile>(html`<stride-metric-tile label="Cadence" unit="steps/min" .value=${'<b>172</b>'}></stride-metric-tile>`);
    expect(el.shadowRoot!.querySelector('.number')!.textContent).to.equal('<b>172</b>');
    expect(el.shadowRoot!.querySelector('b')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.name')!.textContent).to.equal('Cadence');
    expect(el.shadowRoot!.querySelector('.unit')!.textContent).to.equal('steps/min');
    await expect(el).to.be.accessible();
  });

  it('holds a number in a contained box one line high, so a new value lays out that box alone; a word wraps freely', async () => {
    const el = await fixture<StrideMetricTile>(html`<stride-metric-tile label="Time" style="width: 160px" .value=${'1:02:45'}></stride-metric-tile>`);
    const number = el.shadowRoot!.querySelector<HTMLElement>('.number')!;
    const oneLine = (what: string) => {
      const style = getComputedStyle(number);
      expect(style.contain.split(' '), what).to.include.members(['size', 'layout']);
      expect(number.getBoundingClientRect().height, what).to.be.closeTo(parseFloat(style.lineHeight), 0.5);
      const text = document.createRange();
      text.selectNodeContents(number);
      expect(text.getClientRects().length, `${what}: one line`).to.equal(1);
    };
    oneLine('a number');
    el.big = true;
    await el.updateComplete;
    oneLine('the big number');
    el.big = false;
    el.wordy = true;
    el.value = 'Reconnecting to the footpod';
    await el.updateComplete;
    expect(getComputedStyle(number).contain).to.equal('none');
    expect(number.getBoundingClientRect().height, 'a wordy value wraps').to.be.above(1.5 * parseFloat(getComputedStyle(number).lineHeight));
  });

  it('writes its accent to its style when the accent changes, not when only its value does', async () => {
    const el = await fixture<StrideMetricTile>(html`<stride-metric-tile label="Cadence" .value=${'170'} .accent=${'var(--zone-target)'}></stride-metric-tile>`);
    expect(el.style.getPropertyValue('--tile-accent')).to.equal('var(--zone-target)');
    const writes: string[] = [];
    const setProperty = el.style.setProperty.bind(el.style);
    el.style.setProperty = (name: string, value: string | null, priority?: string) => {
      writes.push(`${name}: ${value}`);
      setProperty(name, value, priority);
    };
    for (const value of ['171', '172', '173']) {
      el.value = value;
      await el.updateComplete;
    }
    expect(writes).to.deep.equal([]);
    el.accent = 'var(--zone-high)';
    await el.updateComplete;
    expect(writes).to.deep.equal(['--tile-accent: var(--zone-high)']);
  });
});
