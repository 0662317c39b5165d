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
});
