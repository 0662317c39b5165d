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

  it('renders its words as text, shows as a strip in the flow rather than over the screen, and fires dismiss from its button', async () => {
    const el = await fixture<StrideCheckIn>(html`<stride-check-in strip .prompt=${{ ...prompt, title: '<b>Tall</b>' }}></stride-check-in>`);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('<b>Tall</b>');
    expect(el.shadowRoot!.querySelector('b') === null).to.equal(true);
    const live = el.shadowRoot!.querySelector('.live')!;
    expect(getComputedStyle(live).position, 'in the flow, not over the page').to.equal('static');
    const box = el.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
    expect(box.height, 'a strip, not the screen').to.be.below(window.innerHeight / 2);
    let dismissed = 0;
    el.addEventListener('dismiss', () => dismissed++);
    el.shadowRoot!.querySelector<HTMLButtonElement>('#dismiss')!.click();
    expect(dismissed).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('drains a bar over the seconds it will stay up, a full bar for each new check-in, and none when it stays until dismissed', async () => {
    const el = await fixture<StrideCheckIn>(html`<stride-check-in strip .fadeAfterS=${12} .prompt=${prompt}></stride-check-in>`);
    const drain = () => el.shadowRoot!.querySelector<HTMLElement>('.drain');
    expect(drain()!.getAttribute('aria-hidden')).to.equal('true');
    expect(getComputedStyle(drain()!).animationDuration).to.equal('12s');
    expect(getComputedStyle(drain()!).animationName).to.equal('drain');
    const first = drain();
    el.prompt = { ...prompt, id: 'tall', title: 'Run tall' };
    await el.updateComplete;
    expect(drain() !== first, 'a new bar for a new check-in').to.equal(true);
    el.fadeAfterS = 0;
    await el.updateComplete;
    expect(drain() === null, 'no bar when it stays until dismissed').to.equal(true);
  });
});
