import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/stride-distance-correction.js';
import type { CorrectionApplyDetail, StrideDistanceCorrection } from '../../src/components/stride-distance-correction.js';
import { appTheme } from '../support/app-theme.js';

const q = <E extends Element = HTMLElement>(el: StrideDistanceCorrection, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

async function correction(extra: Partial<StrideDistanceCorrection> = {}) {
  const el = await fixture<StrideDistanceCorrection>(
    html`<stride-distance-correction style="width:390px" podName="Stryd <i>" .podDistanceM=${5000}></stride-distance-correction>`,
  );
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

async function type(el: StrideDistanceCorrection, typed: string) {
  const input = q<HTMLInputElement>(el, '#treadmill-distance')!;
  input.value = typed;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

describe('stride-distance-correction', () => {
  before(() => appTheme);

  it('shows the factor as the runner types, and applies it to the pod and this run', async () => {
    const el = await correction();
    expect(squash(q(el, '.hint')!.textContent)).to.contain('5.00 km');
    expect(q<HTMLButtonElement>(el, '#apply')!.disabled, 'nothing typed yet').to.equal(true);
    await type(el, '4.7');
    expect(squash(q(el, '#reading')!.textContent)).to.equal('That is 94 % of what the footpod measured (treadmill ÷ footpod).');
    await type(el, '4,715');
    expect(q(el, '#reading .factor')!.textContent).to.equal('94.3\u00a0%', 'number and % on one line');
    const apply = q<HTMLButtonElement>(el, '#apply')!;
    expect(squash(apply.textContent)).to.equal("Correct with the treadmill's distance");
    expect(squash(q(el, '#rule')!.textContent)).to.equal(
      'The footpod\'s factor is set only when the run kept one pace and one gait on the flat, with nearly all its distance from the footpod: one distance for a run at several paces cannot say at which pace Stryd <i> is off.',
    );
    expect(q(el, 'i') === null).to.equal(true);
    expect(q<HTMLInputElement>(el, '#rescale-run')!.checked).to.equal(true);
    const applied = oneEvent(el, 'correction-apply');
    apply.click();
    const event = (await applied) as CustomEvent<CorrectionApplyDetail>;
    expect(event.detail.treadmillDistanceM).to.be.closeTo(4715, 1e-9);
    expect(event.detail.typed, 'typed to the metre').to.deep.equal({ unit: 'km', decimals: 3 });
    expect(event.detail.rescaleRun).to.equal(true);
    expect(event.bubbles && event.composed).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('has nothing to correct only when the run shows the typed figure (4998 m is 3.1056 mi, shown cut as 3.10 mi)', async () => {
    const el = await correction({ unit: 'mi', podDistanceM: 4998, runDistanceM: 4998 });
    expect(squash(q(el, '.hint')!.textContent)).to.contain('This run shows 3.10 mi');
    await type(el, '3.10');
    expect(squash(q(el, '#reading')!.textContent)).to.equal('This run already shows that distance: there is nothing to correct.');
    expect(q<HTMLButtonElement>(el, '#apply')!.disabled).to.equal(true);
    // A treadmill rounding 3.1056 mi shows 3.11: our screen shows 3.10, so it is a correction.
    await type(el, '3.11');
    expect(squash(q(el, '#reading')!.textContent)).to.match(/^That is 100\.1 %/);
    const applied = oneEvent(el, 'correction-apply');
    q<HTMLButtonElement>(el, '#apply')!.click();
    const { detail } = (await applied) as CustomEvent<CorrectionApplyDetail>;
    expect(detail.typed).to.deep.equal({ unit: 'mi', decimals: 2 });
  });

  it('offers to correct a run showing 4.99 km (4996 m) to the treadmill’s 5.00', async () => {
    const el = await correction({ podDistanceM: 4996, runDistanceM: 4996, unit: 'km', available: true, podName: 'Pod A' });
    await type(el, '5.00');
    const text = squash(el.shadowRoot!.textContent);
    expect(text).to.contain('This run shows 4.99');
    expect(text).to.not.contain('nothing to correct');
    expect(q<HTMLButtonElement>(el, '#apply')!.disabled, 'Correct button').to.equal(false);
  });

  it('leaves this run as it is when the box is unticked, and takes miles', async () => {
    const el = await correction({ unit: 'mi' });
    await type(el, '3');
    q<HTMLInputElement>(el, '#rescale-run')!.click();
    await el.updateComplete;
    const applied = oneEvent(el, 'correction-apply');
    // Enter in the field applies too.
    q<HTMLFormElement>(el, 'form')!.requestSubmit();
    const { detail } = (await applied) as CustomEvent<CorrectionApplyDetail>;
    expect(detail.treadmillDistanceM).to.be.closeTo(3 * 1609.344, 1e-9);
    expect(detail.rescaleRun).to.equal(false);
  });

  it('refuses a distance that would make the factor outside 75–125 %, and one that is not a number', async () => {
    const el = await correction();
    let fired = 0;
    el.addEventListener('correction-apply', () => fired++);
    for (const [typed, words] of [['3', '60 %'], ['6.5', '130 %'], ['five', '“five” is not a distance']] as const) {
      await type(el, typed);
      expect(squash(q(el, '#reading')!.textContent), typed).to.contain(words);
      expect(q(el, '#reading .problem') === null, typed).to.equal(false);
      expect(q(el, '#treadmill-distance')!.getAttribute('aria-invalid')).to.equal('true');
      const apply = q<HTMLButtonElement>(el, '#apply')!;
      expect(apply.disabled).to.equal(true);
      apply.click();
      q<HTMLFormElement>(el, 'form')!.requestSubmit();
    }
    expect(q(el, '#reading')!.textContent).to.not.contain('undefined');
    expect(fired).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('says why a run cannot be corrected, and offers nothing to type', async () => {
    const reason = 'This run was imported: there is no footpod reading to calibrate from.';
    const el = await correction({ available: false, unavailableReason: reason });
    expect(q(el, '#unavailable')!.textContent).to.equal(reason);
    expect(q(el, 'input') === null).to.equal(true);
    expect(q(el, 'button') === null).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows what was done in a status', async () => {
    const el = await correction({ outcome: 'Stryd now reads at 94.3 %; this run is 4.72 km.' });
    expect(q(el, '#outcome')!.getAttribute('role')).to.equal('status');
    expect(q(el, '#outcome')!.textContent).to.equal('Stryd now reads at 94.3 %; this run is 4.72 km.');
    await expect(el).to.be.accessible();
  });

  it('keeps its targets 44 px high and fits 390 px', async () => {
    const el = await correction({ podName: 'A footpod with a rather long Bluetooth name' });
    await type(el, '4.7');
    for (const control of el.shadowRoot!.querySelectorAll('button, input:not([type=checkbox]), label.check')) {
      expect(control.getBoundingClientRect().height, control.outerHTML).to.be.at.least(44);
    }
    expect(el.scrollWidth).to.be.at.most(390);
  });
});
