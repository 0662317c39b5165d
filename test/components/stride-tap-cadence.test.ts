import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/stride-tap-cadence.js';
import type { StrideTapCadence } from '../../src/components/stride-tap-cadence.js';
import { appTheme } from '../support/app-theme.js';

/** The component on a clock the test moves by hand. */
async function tapper() {
  const clock = { now: 10_000 };
  const el = await fixture<StrideTapCadence>(html`<stride-tap-cadence .clock=${() => clock.now}></stride-tap-cadence>`);
  return { el, clock };
}
const $ = (el: StrideTapCadence, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);

describe('stride-tap-cadence', () => {
  before(() => appTheme);

  it('counts T presses for 30 s from the first, then shows steps/min and offers it as the baseline', async () => {
    const { el, clock } = await tapper();
    expect($(el, '#countdown')!.textContent).to.contain('The first tap starts 30 seconds');
    for (let i = 0; i < 40; i++) {
      await sendKeys({ press: 't' });
      clock.now += 350;
    }
    await el.updateComplete;
    expect($(el, '#countdown')!.textContent!.replace(/\s+/g, ' ')).to.match(/^1[67] s left · 40 taps/);
    expect($(el, '#result') === null).to.equal(true);
    clock.now += 20_000;
    await waitUntil(() => $(el, '#result'), 'the countdown ends by the clock');
    expect($(el, '#result')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('171 steps/min');
    expect($(el, '#tap')!.hasAttribute('disabled'), 'taps after the window are not taken').to.equal(true);
    await expect(el).to.be.accessible();

    const heard = oneEvent(el, 'tap-baseline');
    $(el, '#use')!.click();
    expect((await heard).detail).to.deep.equal({ spm: 171 });
  });

  it('doubles right-foot taps, takes clicks, and takes T while the tap area has focus', async () => {
    const { el, clock } = await tapper();
    $(el, 'input[value="right-foot"]')!.click();
    await el.updateComplete;
    const area = $(el, '#tap')!;
    for (let i = 0; i < 12; i++) {
      area.click();
      clock.now += 700;
    }
    area.focus();
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'T' });
      clock.now += 700;
    }
    await el.updateComplete;
    expect($(el, '#countdown')!.textContent).to.contain('24 taps');
    clock.now += 30_000;
    await waitUntil(() => $(el, '#result'), 'finished');
    expect($(el, '#result')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('171 steps/min');
  });

  it('refuses a rate no runner steps at in words (right foot tapped as every step: 300), without the number or a baseline', async () => {
    const { el, clock } = await tapper();
    $(el, 'input[value="right-foot"]')!.click();
    await el.updateComplete;
    for (let i = 0; i < 40; i++) {
      $(el, '#tap')!.click();
      clock.now += 400;
    }
    clock.now += 30_000;
    await waitUntil(() => $(el, '#result'), 'finished');
    const said = $(el, '#result')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(said).to.equal('The taps came faster than any running rhythm (over 260 steps/min): with "right foot only", tap on the right foot alone. Try again, one tap on each step.');
    expect($(el, '#use'), 'nothing to use as a baseline').to.equal(null);
    expect($(el, '#again')).to.not.equal(null);
  });

  it('says when there were too few taps, offers no baseline, and starts again', async () => {
    const { el, clock } = await tapper();
    for (let i = 0; i < 4; i++) {
      $(el, '#tap')!.click();
      clock.now += 350;
    }
    clock.now += 30_000;
    await waitUntil(() => $(el, '#result'), 'finished');
    expect($(el, '#result')!.textContent).to.match(/Too few taps/);
    expect($(el, '#use') === null).to.equal(true);
    await expect(el).to.be.accessible();
    $(el, '#again')!.click();
    await el.updateComplete;
    expect($(el, '#result') === null).to.equal(true);
    expect($(el, '#tap')!.hasAttribute('disabled')).to.equal(false);
    expect($(el, '#countdown')!.textContent).to.contain('The first tap starts 30 seconds');
  });
});
