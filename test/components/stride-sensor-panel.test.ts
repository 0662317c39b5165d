import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/stride-sensor-panel.js';
import type { SensorEventDetail, SensorRow, StrideSensorPanel } from '../../src/components/stride-sensor-panel.js';
import { appTheme } from '../support/app-theme.js';

const idle = (sensor: SensorRow['sensor'], rest: Partial<SensorRow> = {}): SensorRow => ({
  sensor,
  state: 'idle',
  deviceName: null,
  rememberedName: null,
  message: null,
  value: null,
  ...rest,
});

async function panel(sensors: SensorRow[], bluetoothAvailable = true) {
  return fixture<StrideSensorPanel>(
    html`<stride-sensor-panel style="width:390px" .sensors=${sensors} .bluetoothAvailable=${bluetoothAvailable}></stride-sensor-panel>`,
  );
}

const q = <E extends Element = HTMLElement>(el: StrideSensorPanel, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const buttons = (el: StrideSensorPanel, sensor: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>(`li[data-sensor=${sensor}] button`)].map((b) => b.textContent!.replace(/\s+/g, ' ').trim());

describe('stride-sensor-panel', () => {
  before(() => appTheme);

  it('offers to pair each sensor, one row each, labelled in words', async () => {
    const el = await panel([idle('treadmill'), idle('heart-rate')]);
    const rows = [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.querySelector('.label')!.textContent);
    expect(rows).to.deep.equal(['Treadmill', 'Heart-rate strap']);
    expect(buttons(el, 'treadmill')).to.deep.equal(['Pair treadmill']);
    expect(buttons(el, 'heart-rate')).to.deep.equal(['Pair heart-rate strap']);
    expect(q(el, 'li[data-sensor=treadmill] .state')!.textContent!.trim()).to.equal('Not connected');
    await expect(el).to.be.accessible();
  });

  it('fires sensor-pair, sensor-reconnect and sensor-disconnect with the sensor, through shadow roots', async () => {
    const el = await panel([idle('treadmill', { rememberedName: 'NordicTrack' }), idle('heart-rate', { state: 'connected', deviceName: 'HRM-Pro' })]);
    const pair = oneEvent(el, 'sensor-pair');
    q<HTMLButtonElement>(el, '#pair-treadmill')!.click();
    const paired = (await pair) as CustomEvent<SensorEventDetail>;
    expect(paired.detail).to.deep.equal({ sensor: 'treadmill' });
    expect(paired.bubbles && paired.composed).to.equal(true);

    const reconnect = oneEvent(el, 'sensor-reconnect');
    q<HTMLButtonElement>(el, '#reconnect-treadmill')!.click();
    expect(((await reconnect) as CustomEvent<SensorEventDetail>).detail).to.deep.equal({ sensor: 'treadmill' });

    const disconnect = oneEvent(el, 'sensor-disconnect');
    q<HTMLButtonElement>(el, '#disconnect-heart-rate')!.click();
    expect(((await disconnect) as CustomEvent<SensorEventDetail>).detail).to.deep.equal({ sensor: 'heart-rate' });
  });

  it('offers Reconnect <name> for a remembered sensor, and only Disconnect while it links or is linked', async () => {
    const el = await panel([idle('treadmill', { rememberedName: 'NordicTrack' }), idle('heart-rate', { state: 'reconnecting', deviceName: 'HRM-Pro' })]);
    expect(buttons(el, 'treadmill')).to.deep.equal(['Reconnect NordicTrack', 'Pair treadmill']);
    expect(buttons(el, 'heart-rate')).to.deep.equal(['Disconnect']);
    expect(q(el, '#disconnect-heart-rate')!.getAttribute('aria-label')).to.equal('Disconnect heart-rate strap');
    expect(q(el, 'li[data-sensor=heart-rate] .state')!.textContent).to.equal('Reconnecting… · HRM-Pro');
  });

  it('shows the value only while connected, and the device name as text', async () => {
    const el = await panel([
      idle('treadmill', { state: 'connected', deviceName: 'Belt <img src=x onerror=alert(1)>', value: '10.0 km/h · 1.5 %' }),
      idle('heart-rate', { state: 'connecting', deviceName: 'HRM', value: '142 bpm' }),
    ]);
    expect(q(el, 'li[data-sensor=treadmill] .value')!.textContent).to.equal('10.0 km/h · 1.5 %');
    expect(q(el, 'li[data-sensor=heart-rate] .value') === null).to.equal(true);
    expect(q(el, 'li[data-sensor=treadmill] .device')!.textContent).to.equal('Belt <img src=x onerror=alert(1)>');
    expect(q(el, 'img') === null).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('disables the pair buttons without Bluetooth, and makes them look it', async () => {
    const el = await panel([idle('treadmill', { rememberedName: 'NordicTrack' }), idle('heart-rate')], false);
    const pair = q<HTMLButtonElement>(el, '#pair-heart-rate')!;
    expect(pair.disabled).to.equal(true);
    expect(q<HTMLButtonElement>(el, '#pair-treadmill')!.disabled).to.equal(true);
    expect(q(el, '#reconnect-treadmill') === null, 'no reconnect without Bluetooth').to.equal(true);
    const style = getComputedStyle(pair);
    expect(Number(style.opacity)).to.be.below(0.7);
    expect(style.cursor).to.equal('not-allowed');
    let fired = false;
    el.addEventListener('sensor-pair', () => (fired = true));
    pair.click();
    expect(fired).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it("refuses pairing a sensor whose Bluetooth adapter is off, as its row's message says, and not as the main button", async () => {
    const off = 'Bluetooth is off or missing on this computer. Turn Bluetooth on (or plug in a Bluetooth adapter), then press Pair treadmill.';
    const el = await panel([idle('treadmill', { state: 'unavailable', message: off, rememberedName: 'NordicTrack' }), idle('heart-rate')]);
    const pair = q<HTMLButtonElement>(el, '#pair-treadmill')!;
    expect(pair.disabled).to.equal(true);
    expect(pair.classList.contains('primary')).to.equal(false);
    expect(q(el, '#reconnect-treadmill') === null, 'no reconnect with the adapter off').to.equal(true);
    expect(q(el, 'li[data-sensor=treadmill] .problem')!.textContent).to.equal(off);
    expect(q<HTMLButtonElement>(el, '#pair-heart-rate')!.disabled, 'a row whose adapter answered').to.equal(false);
  });

  it('says what went wrong in an alert, in the row of that sensor', async () => {
    const el = await panel([idle('treadmill'), idle('heart-rate', { state: 'disconnected', message: 'The strap stopped answering. Wet the strap and pair it again.' })]);
    const alerts = [...el.shadowRoot!.querySelectorAll('[role=alert]')];
    expect(alerts).to.have.length(1);
    expect(alerts[0]!.closest('li')!.dataset['sensor']).to.equal('heart-rate');
    expect(alerts[0]!.textContent).to.contain('stopped answering');
    await expect(el).to.be.accessible();
  });

  it('keeps every button at least 44 px high, and fits 390 px without overflow', async () => {
    const el = await panel([idle('treadmill', { rememberedName: 'A treadmill with a very long Bluetooth name' }), idle('heart-rate')]);
    for (const button of el.shadowRoot!.querySelectorAll('button')) expect(button.getBoundingClientRect().height).to.be.at.least(44);
    expect(el.scrollWidth).to.be.at.most(390);
  });
});
