// The test speed, typed in the runner's unit: a suggestion from their runs fills the box, a speed
// out of range or not a number is said in words and not sent, a good one is sent in m/s.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/stride-program-speed.js';
import type { StrideProgramSpeed, TestSpeedDetail } from '../../src/components/stride-program-speed.js';
import { appTheme } from '../support/app-theme.js';

const input = (el: StrideProgramSpeed) => el.shadowRoot!.querySelector<HTMLInputElement>('#speed')!;
async function submit(el: StrideProgramSpeed, value: string) {
  input(el).value = value;
  el.shadowRoot!.querySelector<HTMLButtonElement>('#use-speed')!.click();
  await el.updateComplete;
}

describe('stride-program-speed', () => {
  before(() => appTheme);

  it('fills in a suggestion in km/h and sends the typed speed in m/s', async () => {
    const el = await fixture<StrideProgramSpeed>(html`<stride-program-speed unit="km" .suggestedMps=${2.75}></stride-program-speed>`);
    expect(input(el).value).to.equal('9.9');
    expect(el.shadowRoot!.querySelector('#suggested')!.textContent).to.contain('9.9 km/h');
    const sent = oneEvent(el, 'test-speed');
    await submit(el, '10,0');
    expect(((await sent) as CustomEvent<TestSpeedDetail>).detail).to.be.closeTo(10 / 3.6, 1e-9);
    await expect(el).to.be.accessible();
  });

  it('takes mph in mph', async () => {
    const el = await fixture<StrideProgramSpeed>(html`<stride-program-speed unit="mi"></stride-program-speed>`);
    expect(el.shadowRoot!.querySelector('#suggested') === null, 'no runs to suggest from').to.equal(true);
    expect(input(el).value).to.equal('');
    const sent = oneEvent(el, 'test-speed');
    await submit(el, '6.0');
    expect(((await sent) as CustomEvent<TestSpeedDetail>).detail).to.be.closeTo((6 * 1609.344) / 3600, 1e-9);
  });

  it('says what is wrong with an empty, a walking or a sprinting speed, and sends nothing', async () => {
    const el = await fixture<StrideProgramSpeed>(html`<stride-program-speed unit="km"></stride-program-speed>`);
    let sent = 0;
    el.addEventListener('test-speed', () => sent++);
    await submit(el, '');
    expect(el.shadowRoot!.querySelector('#speed-problem')!.textContent).to.contain('Type the belt speed in km/h');
    await submit(el, '3');
    expect(el.shadowRoot!.querySelector('#speed-problem')!.textContent).to.contain('between 5.0 and 20.0 km/h');
    await submit(el, '24');
    expect(el.shadowRoot!.querySelector('#speed-problem')!.textContent).to.contain('between 5.0 and 20.0 km/h');
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(sent).to.equal(0);
    await expect(el).to.be.accessible();
  });
});
