// The live page in a browser that cannot reach a footpod: no Web Bluetooth at all, an adapter that
// getAvailability() calls unavailable, or one found off only when pairing. Pairing is refused (not
// offered as the main button beside "Bluetooth unavailable"), the sentence says why and what to do,
// and "Try without a footpod" becomes the main button.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import type { StrideConnectionPanel } from '../../src/components/stride-connection-panel.js';
import { WebBluetoothFootpod } from '../../src/sources/web-bluetooth-footpod.js';
import type { Bluetooth, BluetoothDevice } from '../../src/sources/web-bluetooth-types.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { appTheme } from '../support/app-theme.js';

useSeparateDatabase('stride-test-live-page-no-bluetooth');

/** A browser's Bluetooth whose adapter the test switches; requestDevice fails as Chrome's does without one. */
class FakeBluetooth extends EventTarget implements Bluetooth {
  constructor(public available: boolean, public adapterOn = available) {
    super();
  }
  async getAvailability(): Promise<boolean> {
    return this.available;
  }
  async requestDevice(): Promise<BluetoothDevice> {
    throw this.adapterOn ? new DOMException('User cancelled the requestDevice() chooser.', 'NotFoundError') : new DOMException('Bluetooth adapter not available.', 'NotFoundError');
  }
  async getDevices(): Promise<BluetoothDevice[]> {
    return [];
  }
}

let services: AppServices;
let page: StrideLivePage;

async function open(bluetooth: Bluetooth | null): Promise<StrideConnectionPanel> {
  services = createServices({ bluetooth: () => new WebBluetoothFootpod(bluetooth), simulator: () => new SimulatedFootpod({ seed: 1 }) });
  page = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
  // getAvailability() answers after a task: the page follows the footpod's 'change'.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await page.updateComplete;
  const panel = page.shadowRoot!.querySelector('stride-connection-panel')!;
  await panel.updateComplete;
  return panel;
}

const $ = <T extends HTMLElement>(panel: StrideConnectionPanel, selector: string) => panel.shadowRoot!.querySelector<T>(selector);
const why = (panel: StrideConnectionPanel) => $(panel, '#why-no-bluetooth')?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

/** How the two buttons stand: which is enabled, which is the main (green) one. */
function buttons(panel: StrideConnectionPanel) {
  const pair = $<HTMLButtonElement>(panel, '#pair')!;
  const simulate = $<HTMLButtonElement>(panel, '#simulate')!;
  return {
    pairEnabled: !pair.disabled,
    pairMain: pair.classList.contains('primary'),
    simulateMain: simulate.classList.contains('primary'),
  };
}
const refused = { pairEnabled: false, pairMain: false, simulateMain: true };
const offered = { pairEnabled: true, pairMain: true, simulateMain: false };

describe('stride-live-page when the browser cannot use Bluetooth', () => {
  before(() => appTheme);
  beforeEach(() => clear(kvStore()));
  afterEach(() => services.footpod.disconnect());

  it('offers pairing as the main button when Bluetooth is there', async () => {
    const panel = await open(new FakeBluetooth(true));
    expect(buttons(panel)).to.deep.equal(offered);
    expect(why(panel)).to.equal(null);
    expect($(panel, '#check-bluetooth')).to.equal(null);
  });

  it('without Web Bluetooth: refuses pairing, says to use Chrome or Edge, and makes "Try without a footpod" the main button, which works', async () => {
    const panel = await open(null);
    expect(buttons(panel)).to.deep.equal(refused);
    expect(why(panel)).to.match(/Use Chrome or Edge on a computer or on Android/);
    expect(why(panel)).to.match(/Try without a footpod/);
    expect($(panel, '#pair')!.getAttribute('aria-describedby')).to.equal('why-no-bluetooth');
    expect($(panel, '#check-bluetooth'), 'nothing to check again: another browser is the answer').to.equal(null);
    await expect(panel).to.be.accessible();
    $<HTMLButtonElement>(panel, '#simulate')!.click();
    await waitUntil(() => services.footpod.source?.state === 'connected', 'the simulated pod connected');
  });

  it('with the adapter unavailable (getAvailability false): says to turn Bluetooth on, and offers pairing again once it is', async () => {
    const bluetooth = new FakeBluetooth(false);
    const panel = await open(bluetooth);
    expect(buttons(panel)).to.deep.equal(refused);
    expect(why(panel)).to.match(/Turn Bluetooth on/);
    expect(why(panel)).to.match(/Try without a footpod/);
    bluetooth.available = true;
    bluetooth.adapterOn = true;
    $<HTMLButtonElement>(panel, '#check-bluetooth')!.click();
    await waitUntil(() => buttons(panel).pairEnabled, 'pairing offered again', { timeout: 2000 });
    await panel.updateComplete;
    expect(buttons(panel)).to.deep.equal(offered);
    expect(why(panel)).to.equal(null);
  });

  it('asks again by itself when the window is back in front, as after turning Bluetooth on in the system settings', async () => {
    const bluetooth = new FakeBluetooth(false);
    const panel = await open(bluetooth);
    expect(buttons(panel)).to.deep.equal(refused);
    bluetooth.available = true;
    bluetooth.adapterOn = true;
    window.dispatchEvent(new Event('focus'));
    await waitUntil(() => buttons(panel).pairEnabled, 'pairing offered again', { timeout: 2000 });
    await panel.updateComplete;
    expect(buttons(panel)).to.deep.equal(offered);
  });

  it('with the adapter found off when pairing: refuses pairing from then on and says to turn Bluetooth on', async () => {
    const bluetooth = new FakeBluetooth(true, false);
    const panel = await open(bluetooth);
    expect(buttons(panel)).to.deep.equal(offered);
    $<HTMLButtonElement>(panel, '#pair')!.click();
    await waitUntil(() => !buttons(panel).pairEnabled, 'pairing refused', { timeout: 2000 });
    await panel.updateComplete;
    expect(buttons(panel)).to.deep.equal(refused);
    expect(why(panel)).to.match(/Bluetooth is off or missing on this computer\. Turn Bluetooth on/);
    expect(why(panel)).to.match(/Try without a footpod/);
    expect($(panel, '.state')!.textContent).to.equal('Bluetooth unavailable');
  });
});
