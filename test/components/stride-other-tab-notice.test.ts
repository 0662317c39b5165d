import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/stride-other-tab-notice.js';
import type { StrideOtherTabNotice } from '../../src/components/stride-other-tab-notice.js';
import { appTheme } from '../support/app-theme.js';

describe('stride-other-tab-notice', () => {
  before(() => appTheme);

  it('says a run is recorded in another tab, fires take-over, and waits disabled while the other tab saves', async () => {
    const el = await fixture<StrideOtherTabNotice>(html`<stride-other-tab-notice></stride-other-tab-notice>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).to.equal('Recording in another tab');
    const button = root.querySelector<HTMLButtonElement>('#take-over')!;
    expect(button.textContent!.trim()).to.equal('Take over here');
    await expect(el).to.be.accessible();
    setTimeout(() => button.click());
    await oneEvent(el, 'take-over');
    el.state = 'asking';
    await el.updateComplete;
    expect(button.disabled).to.equal(true);
    expect(root.querySelector('[role="status"]')!.textContent).to.match(/save its run/);
    el.state = 'refused';
    await el.updateComplete;
    expect(button.disabled).to.equal(false);
    expect(root.querySelector('[role="status"]')!.textContent).to.match(/did not let go/);
    await expect(el).to.be.accessible();
  });
});
