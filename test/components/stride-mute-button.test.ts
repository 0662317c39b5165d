import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-mute-button.js';
import type { StrideMuteButton } from '../../src/components/stride-mute-button.js';
import { appTheme } from '../support/app-theme.js';

describe('stride-mute-button', () => {
  before(() => appTheme);

  it('is a toggle named "Mute coach" whose pressed state says muted, and asks for a toggle when clicked', async () => {
    const el = await fixture<StrideMuteButton>(html`<stride-mute-button></stride-mute-button>`);
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(button.textContent).to.match(/sound on/);
    let toggles = 0;
    el.addEventListener('toggle-mute', () => toggles++);
    button.click();
    expect(toggles).to.equal(1);
    expect(button.getAttribute('aria-pressed'), 'the page decides, not the button').to.equal('false');
    el.muted = true;
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(button.textContent).to.match(/muted/);
    await expect(el).to.be.accessible();
  });
});
