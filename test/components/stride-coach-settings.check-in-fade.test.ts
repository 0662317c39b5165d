// The coach settings' choice of how long a check-in stays up: every choice offered, the stored one
// selected, and a pick sent out as the whole new coach settings, for the page to save.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-coach-settings.js';
import type { StrideCoachSettings } from '../../src/components/stride-coach-settings.js';
import { type CoachSettings, defaultCoachSettings } from '../../src/session/coach-settings.js';
import { appTheme } from '../support/app-theme.js';

describe('stride-coach-settings: how long a check-in stays up', () => {
  before(() => appTheme);

  it('offers 6-30 s and "until I dismiss it", shows the stored choice, and sends a new one', async () => {
    const settings = { ...defaultCoachSettings, checkIns: { ...defaultCoachSettings.checkIns, fadeAfterS: 20 } };
    const el = await fixture<StrideCoachSettings>(html`<stride-coach-settings .settings=${settings}></stride-coach-settings>`);
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#check-ins-fade')!;
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['6 s', '12 s', '20 s', '30 s', 'until I dismiss it']);
    expect(select.value).to.equal('20');
    expect(select.closest('label')!.textContent).to.match(/^\s*Show each one for/);
    const sent: CoachSettings[] = [];
    el.addEventListener('coach-change', (e) => sent.push((e as CustomEvent<CoachSettings>).detail));
    select.value = '0';
    select.dispatchEvent(new Event('change'));
    expect(sent).to.deep.equal([{ ...settings, checkIns: { ...settings.checkIns, fadeAfterS: 0 } }]);
    await expect(el).to.be.accessible();
  });
});
