import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/stride-calibration-settings.js';
import type {
  AutoLockChangeDetail,
  CalibrationChangeDetail,
  StrideCalibrationSettings,
} from '../../src/components/stride-calibration-settings.js';
import type { CalibrationPoint } from '../../src/session/calibration.js';
import { appTheme } from '../support/app-theme.js';

const q = <E extends Element = HTMLElement>(el: StrideCalibrationSettings, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

async function settings(curve: CalibrationPoint[], extra: Partial<StrideCalibrationSettings> = {}) {
  const el = await fixture<StrideCalibrationSettings>(
    html`<stride-calibration-settings style="width:390px" podName="Stryd <b>" .curve=${curve}></stride-calibration-settings>`,
  );
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

async function typeFactor(el: StrideCalibrationSettings, typed: string) {
  q<HTMLInputElement>(el, '#factor')!.value = typed;
  q<HTMLButtonElement>(el, '#set-factor')!.click();
  await el.updateComplete;
}

const curve: CalibrationPoint[] = [
  { podSpeedMps: 2.5, factor: 0.9 },
  { podSpeedMps: 4, factor: 0.955 },
];

describe('stride-calibration-settings', () => {
  before(() => appTheme);

  it('says an uncalibrated pod reads at 100 %, names the pod as text, and has nothing to reset', async () => {
    const el = await settings([]);
    expect(squash(q(el, 'legend')!.textContent)).to.equal('Calibration of Stryd <b>');
    expect(q(el, 'b') === null).to.equal(true);
    expect(q(el, '#curve')!.textContent).to.equal('100 % (not calibrated)');
    expect(q<HTMLButtonElement>(el, '#reset')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows each point of a curve with its speed in the runner\'s unit, and removes one', async () => {
    const el = await settings(curve);
    const points = () => [...el.shadowRoot!.querySelectorAll('li .point')].map((p) => squash(p.textContent));
    expect(points()).to.deep.equal(['90 % at 9.0 km/h', '95.5 % at 14.4 km/h']);
    el.unit = 'mi';
    await el.updateComplete;
    expect(points()).to.deep.equal(['90 % at 5.6 mph', '95.5 % at 8.9 mph']);
    const changed = oneEvent(el, 'calibration-change');
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('li button')[0]!.click();
    const event = (await changed) as CustomEvent<CalibrationChangeDetail>;
    expect(event.detail.curve).to.deep.equal([{ podSpeedMps: 4, factor: 0.955 }]);
    expect(event.bubbles && event.composed).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('marks walking points, which count for walking only, also when there is one', async () => {
    const el = await settings([{ podSpeedMps: 1.5, factor: 1.1, walking: true }, { podSpeedMps: 3, factor: 0.95 }]);
    expect(squash(q(el, '#curve')!.textContent)).to.equal(
      'Factor by pace, in a straight line between these speeds; walking points count for walking (below 140 steps a minute and 7.9 km/h), the others for running:',
    );
    expect([...el.shadowRoot!.querySelectorAll('li .point')].map((li) => squash(li.textContent))).to.deep.equal([
      '110 % at 5.4 km/h walking',
      '95 % at 10.8 km/h',
    ]);
    el.curve = [{ podSpeedMps: 1.5, factor: 1.1, walking: true }];
    await el.updateComplete;
    expect(squash(q(el, 'li .point')!.textContent), 'one walking point is not a factor at every speed').to.equal('110 % at 5.4 km/h walking');
    await expect(el).to.be.accessible();
  });

  it('reads one point as one factor at every speed', async () => {
    const el = await settings([{ podSpeedMps: 3.2, factor: 0.943 }]);
    expect(squash(q(el, '#curve')!.parentElement!.textContent)).to.equal('Factor: 94.3 % at every speed');
    expect(q(el, 'li') === null).to.equal(true);
  });

  it('replaces the curve with one factor typed in %, at the speed of the curve it replaces', async () => {
    const el = await settings(curve);
    const changed = oneEvent(el, 'calibration-change');
    await typeFactor(el, '96,5');
    expect(((await changed) as CustomEvent<CalibrationChangeDetail>).detail.curve).to.deep.equal([{ podSpeedMps: 2.5, factor: 0.965 }]);
  });

  it('refuses a factor outside 75–125 % or not a number, in words, and fires nothing', async () => {
    const el = await settings([]);
    let fired = 0;
    el.addEventListener('calibration-change', () => fired++);
    for (const typed of ['60', '130', 'ninety', '']) {
      await typeFactor(el, typed);
      expect(squash(q(el, '#factor-problem')!.textContent), typed).to.contain('from 75 to 125 %');
    }
    expect(fired).to.equal(0);
    expect(q(el, '#factor')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    const changed = oneEvent(el, 'calibration-change');
    await typeFactor(el, '125');
    expect(((await changed) as CustomEvent<CalibrationChangeDetail>).detail.curve).to.deep.equal([{ podSpeedMps: 3, factor: 1.25 }]);
    expect(q(el, '#factor-problem')!.textContent!.trim()).to.equal('');
  });

  it('resets to 100 %', async () => {
    const el = await settings(curve);
    const changed = oneEvent(el, 'calibration-change');
    q<HTMLButtonElement>(el, '#reset')!.click();
    expect(((await changed) as CustomEvent<CalibrationChangeDetail>).detail.curve).to.deep.equal([]);
  });

  it('ticks learning from the treadmill while unlocked; unticking locks the factor as it is', async () => {
    const el = await settings(curve, { autoAvailable: true });
    const box = q<HTMLInputElement>(el, '#auto')!;
    expect(box.checked).to.equal(true);
    expect(squash(box.closest('label')!.textContent)).to.equal('Learn from the treadmill automatically');
    expect(q(el, '#auto-hint')!.textContent).to.contain('Untick to keep the factor as it is now');
    expect(q(el, '#no-treadmill') === null).to.equal(true);
    const changed = oneEvent(el, 'auto-lock-change');
    box.click();
    expect(((await changed) as CustomEvent<AutoLockChangeDetail>).detail).to.deep.equal({ locked: true });

    el.autoLocked = true;
    el.autoAvailable = false;
    await el.updateComplete;
    expect(box.checked).to.equal(false);
    expect(q(el, '#auto-hint')!.textContent).to.contain('the factor stays as it is now');
    expect(q(el, '#no-treadmill')!.textContent).to.contain('No treadmill is connected');
    const unlocked = oneEvent(el, 'auto-lock-change');
    box.click();
    expect(((await unlocked) as CustomEvent<AutoLockChangeDetail>).detail).to.deep.equal({ locked: false });
    await expect(el).to.be.accessible();
  });

  it('keeps its targets 44 px high and fits 390 px', async () => {
    const el = await settings(curve);
    for (const control of el.shadowRoot!.querySelectorAll('button, input:not([type=checkbox]), label.check')) {
      expect(control.getBoundingClientRect().height, control.outerHTML).to.be.at.least(44);
    }
    expect(el.scrollWidth).to.be.at.most(390);
  });
});
