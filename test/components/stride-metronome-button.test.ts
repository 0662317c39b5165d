import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-metronome-button.js';
import type { StrideMetronomeButton } from '../../src/components/stride-metronome-button.js';
import { appTheme } from '../support/app-theme.js';

describe('stride-metronome-button', () => {
  before(() => appTheme);

  it('names the rate it plays, says whether it plays, and asks for a toggle when clicked', async () => {
    const el = await fixture<StrideMetronomeButton>(html`<stride-metronome-button .rateSpm=${172.4}></stride-metronome-button>`);
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Metronome 172 M');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    const events: Event[] = [];
    document.addEventListener('toggle-metronome', (event) => events.push(event), { once: true });
    button.click();
    expect(events).to.have.length(1);
    expect(events[0]!.composed, 'reaches the page through shadow roots').to.equal(true);
    el.on = true;
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
  });
});
