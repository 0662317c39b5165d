import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/stride-guided-calibration.js';
import type { CalibrationFinishDetail, StrideGuidedCalibration } from '../../src/components/stride-guided-calibration.js';
import { appTheme } from '../support/app-theme.js';

const q = <E extends Element = HTMLElement>(el: StrideGuidedCalibration, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const text = (el: StrideGuidedCalibration) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

async function typeAndFinish(el: StrideGuidedCalibration, typed: string) {
  const input = q<HTMLInputElement>(el, '#belt-speed')!;
  input.value = typed;
  input.dispatchEvent(new Event('input'));
  q<HTMLButtonElement>(el, '#finish')!.click();
  await el.updateComplete;
}

describe('stride-guided-calibration', () => {
  before(() => appTheme);

  it('explains the check and starts it', async () => {
    const el = await fixture<StrideGuidedCalibration>(html`<stride-guided-calibration></stride-guided-calibration>`);
    expect(q(el, 'h2')!.textContent).to.equal('Check the footpod against the belt');
    expect(text(el)).to.contain('run steadily for about a minute');
    const started = oneEvent(el, 'calibration-start');
    q<HTMLButtonElement>(el, '#start')!.click();
    const event = await started;
    expect(event.bubbles && event.composed).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows how long is left while running, and cancels', async () => {
    const el = await fixture<StrideGuidedCalibration>(html`<stride-guided-calibration phase="running" elapsedS="25" neededS="60"></stride-guided-calibration>`);
    const progress = q<HTMLProgressElement>(el, 'progress')!;
    expect([progress.value, progress.max]).to.deep.equal([25, 60]);
    expect(q(el, '#progress-label')!.textContent).to.contain('0:25 of 1:00');
    expect(q(el, '#finish') === null, 'no belt speed to type yet').to.equal(true);
    const cancelled = oneEvent(el, 'calibration-cancel');
    q<HTMLButtonElement>(el, '#cancel')!.click();
    await cancelled;
    await expect(el).to.be.accessible();
  });

  it('turns the typed km/h into m/s, a decimal comma too', async () => {
    const el = await fixture<StrideGuidedCalibration>(html`<stride-guided-calibration phase="ready"></stride-guided-calibration>`);
    expect(text(el)).to.contain('km/h');
    let finished = oneEvent(el, 'calibration-finish');
    await typeAndFinish(el, '10.8');
    expect(((await finished) as CustomEvent<CalibrationFinishDetail>).detail.beltSpeedMps).to.be.closeTo(3, 1e-9);
    finished = oneEvent(el, 'calibration-finish');
    await typeAndFinish(el, ' 9,0 ');
    expect(((await finished) as CustomEvent<CalibrationFinishDetail>).detail.beltSpeedMps).to.be.closeTo(2.5, 1e-9);
    await expect(el).to.be.accessible();
  });

  it('turns mph into m/s', async () => {
    const el = await fixture<StrideGuidedCalibration>(html`<stride-guided-calibration phase="ready" unit="mi"></stride-guided-calibration>`);
    expect(text(el)).to.contain('mph');
    const finished = oneEvent(el, 'calibration-finish');
    await typeAndFinish(el, '6');
    expect(((await finished) as CustomEvent<CalibrationFinishDetail>).detail.beltSpeedMps).to.be.closeTo((6 * 1609.344) / 3600, 1e-9);
  });

  it('refuses what is not a speed with a message beside the input, and fires nothing', async () => {
    const el = await fixture<StrideGuidedCalibration>(html`<stride-guided-calibration phase="ready"></stride-guided-calibration>`);
    let fired = 0;
    el.addEventListener('calibration-finish', () => fired++);
    for (const typed of ['fast', '10 km/h', '', '0', '-3']) {
      await typeAndFinish(el, typed);
      expect(q(el, '#typing-problem')!.textContent!.trim(), typed).to.not.equal('');
      expect(q(el, '#belt-speed')!.getAttribute('aria-invalid')).to.equal('true');
    }
    expect(fired).to.equal(0);
    expect(q(el, '#typing-problem')!.getAttribute('role')).to.equal('alert');
    await typeAndFinish(el, 'fast');
    expect(q(el, '#typing-problem')!.textContent).to.contain('“fast” is not a speed');
    await expect(el).to.be.accessible();
    // Typing again clears it.
    q<HTMLInputElement>(el, '#belt-speed')!.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(q(el, '#typing-problem')!.textContent!.trim()).to.equal('');
  });

  it('shows the result in the runner\'s unit, and offers a check at another speed', async () => {
    const el = await fixture<StrideGuidedCalibration>(
      html`<stride-guided-calibration phase="done" .result=${{ ok: true, percent: 94.3, atSpeedMps: 3 }}></stride-guided-calibration>`,
    );
    expect(q(el, '[role=status]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Footpod calibrated: 94.3 % at 10.8 km/h');
    const again = oneEvent(el, 'calibration-start');
    q<HTMLButtonElement>(el, '#again')!.click();
    await again;
    el.unit = 'mi';
    await el.updateComplete;
    expect(q(el, '[role=status]')!.textContent).to.contain('6.7\u00a0mph');
    await expect(el).to.be.accessible();
  });

  it('names the speed the point is filed at, the footpod’s, and the belt’s apart', async () => {
    const el = await fixture<StrideGuidedCalibration>(
      html`<stride-guided-calibration phase="done" .result=${{ ok: true, percent: 111.1, atSpeedMps: 2.7, beltSpeedMps: 3 }}></stride-guided-calibration>`,
    );
    expect(q(el, '[role=status]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Footpod calibrated: 111.1 % at 9.7 km/h as the footpod reads it (the belt ran at 10.8 km/h)',
    );
  });

  it('says which old points the new one replaced, in words', async () => {
    const change = 'It replaces 93.5 % at 16.2 km/h.';
    const el = await fixture<StrideGuidedCalibration>(
      html`<stride-guided-calibration phase="done" .result=${{ ok: true, percent: 105, atSpeedMps: 4.725, change }}></stride-guided-calibration>`,
    );
    expect(q(el, '#change')!.textContent).to.equal(change);
    el.result = { ok: true, percent: 105, atSpeedMps: 4.725, change: null };
    await el.updateComplete;
    expect(q(el, '#change')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the problem of a failed check in an alert', async () => {
    const problem = 'Your speed was not steady enough to calibrate: keep the belt at one speed and run evenly for a minute, then try again.';
    const el = await fixture<StrideGuidedCalibration>(html`<stride-guided-calibration phase="done" .result=${{ ok: false, problem }}></stride-guided-calibration>`);
    expect(q(el, '[role=alert]')!.textContent).to.equal(problem);
    expect(q(el, '[role=status]') === null).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says why it cannot start without a footpod, and keeps Cancel', async () => {
    const el = await fixture<StrideGuidedCalibration>(html`<stride-guided-calibration disabled></stride-guided-calibration>`);
    expect(q<HTMLButtonElement>(el, '#start')!.disabled).to.equal(true);
    expect(q(el, '#disabled-reason')!.textContent).to.contain('Connect your footpod first');
    el.disabledReason = 'The footpod dropped out: reconnect it to go on.';
    el.phase = 'ready';
    await el.updateComplete;
    expect(q(el, '#disabled-reason')!.textContent).to.equal('The footpod dropped out: reconnect it to go on.');
    expect(q<HTMLButtonElement>(el, '#finish')!.disabled).to.equal(true);
    expect(q<HTMLButtonElement>(el, '#cancel')!.disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
