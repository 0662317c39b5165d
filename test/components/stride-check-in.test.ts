import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-check-in.js';
import type { StrideCheckIn } from '../../src/components/stride-check-in.js';
import { appTheme } from '../support/app-theme.js';

const prompt = { id: 'quick-steps', title: 'Quick, light steps', text: 'Land under your hips, not in front of you.' };

describe('stride-check-in', () => {
  before(() => appTheme);

  it('shows nothing but an empty live region until there is a check-in', async () => {
    const el = await fixture<StrideCheckIn>(html`<stride-check-in></stride-check-in>`);
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    expect(live.textContent!.trim()).to.equal('');
    expect(el.hasAttribute('showing')).to.equal(false);
    el.prompt = prompt;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[aria-live="polite"]') === live, 'the same region, now with words').to.equal(true);
    expect(live.querySelector('h2')!.textContent).to.equal('Quick, light steps');
    expect(live.querySelector('p')!.textContent).to.equal(prompt.text);
    expect(el.hasAttribute('showing')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('renders its words as text, covers the screen as an overlay, and fires dismiss from its button', async () => {
    const el = await fixture<StrideCheckIn>(
      html`<stride-check-in overlay .prompt=${{ ...prompt, title: '<b>Tall</b>' }}></stride-check-in>`,
    );
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('<b>Tall</b>');
    expect(el.shadowRoot!.querySelector('b') === null).to.equal(true);
    const box = el.shadowRoot!.querySelector('.live')!.getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([window.innerWidth, window.innerHeight]);
    let dismissed = 0;
    el.addEventListener('dismiss', () => dismissed++);
    el.shadowRoot!.querySelector<HTMLButtonElement>('#dismiss')!.click();
    expect(dismissed).to.equal(1);
    await expect(el).to.be.accessible();
  });
});
