import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-zone-bar.js';
import { appTheme } from '../support/app-theme.js';
import type { StrideZoneBar } from '../../src/components/stride-zone-bar.js';

describe('stride-zone-bar', () => {
  before(() => appTheme);

  it('shows each zone with its time and share, the shares adding up to 100 %', async () => {
    const el = await fixture<StrideZoneBar>(html`<stride-zone-bar .zoneTimes=${{ low: 60, building: 60, target: 240, high: 0 }}></stride-zone-bar>`);
    const items = [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).to.deep.equal(['Low 1:00 (17%)', 'Building 1:00 (16%)', 'Target 4:00 (67%)', 'High 0:00 (0%)']);
    const widths = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.bar span')].map((s) => parseFloat(s.style.width));
    expect(widths[2]).to.be.closeTo((240 / 360) * 100, 0.01);
    expect(widths[3]).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('reads 87.5 % and 12.5 % as 88 % and 12 %, not 88 % and 13 %', async () => {
    const el = await fixture<StrideZoneBar>(html`<stride-zone-bar .zoneTimes=${{ low: 0, building: 0, target: 1750, high: 250 }}></stride-zone-bar>`);
    const shares = [...el.shadowRoot!.querySelectorAll('li')].map((li) => Number(/\((\d+)%\)/.exec(li.textContent!)![1]));
    expect(shares).to.deep.equal([0, 0, 88, 12]);
  });
});
