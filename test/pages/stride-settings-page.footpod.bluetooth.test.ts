/// <reference types="mocha" />
// The Settings page's Footpod section with a pod paired through Chromium's own Web Bluetooth
// stack: what it shows, and each command's bytes on the wire and answer in words.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createServices, type AppServices } from '../../src/services/services.js';
import '../../src/pages/stride-settings-page.js';
import type { StrideSettingsPage } from '../../src/pages/stride-settings-page.js';
import type { StrideFootpodDetails } from '../../src/components/stride-footpod-details.js';
import { WebBluetoothFootpod } from '../../src/sources/web-bluetooth-footpod.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import {
  answerChooserWith,
  clickAsRunner,
  operationLog,
  setupEmulatedFootpod,
  teardownEmulatedFootpod,
} from '../support/emulated-footpod.js';
import { appTheme } from '../support/app-theme.js';

useSeparateDatabase('stride-test-settings-footpod-bluetooth');

let services: AppServices | null = null;
let pairButton: HTMLButtonElement | null = null;

async function pairedSettingsPage(): Promise<StrideFootpodDetails> {
  services = createServices({
    bluetooth: () => new WebBluetoothFootpod(undefined, { retryDelaysMs: [], controlPointTimeoutMs: 400 }),
  });
  await services.settings.load();
  const paired = services;
  pairButton = document.createElement('button');
  pairButton.id = 'pair-for-settings';
  pairButton.textContent = 'Pair footpod';
  pairButton.addEventListener('click', () => void paired.footpod.pair());
  document.body.append(pairButton);
  await answerChooserWith('select');
  await clickAsRunner('#pair-for-settings');
  await waitUntil(() => paired.footpod.source?.state === 'connected', 'the pod connects', { timeout: 5000 });
  const page = await fixture<StrideSettingsPage>(html`<stride-settings-page .services=${paired}></stride-settings-page>`);
  const section = page.shadowRoot!.querySelector('stride-footpod-details')!;
  await section.updateComplete;
  return section;
}

const $ = <T extends Element>(section: StrideFootpodDetails, selector: string) => section.shadowRoot!.querySelector<T>(selector)!;
const resultBeside = (section: StrideFootpodDetails, id: string) =>
  $(section, `#${id}`).parentElement!.querySelector('.result')!.textContent;

async function press(section: StrideFootpodDetails, id: string, expected: string): Promise<void> {
  $<HTMLButtonElement>(section, `#${id}`).click();
  await waitUntil(() => resultBeside(section, id) === expected, `${id} shows: ${expected}`, { timeout: 5000 });
}

afterEach(async () => {
  services?.footpod.disconnect();
  services = null;
  pairButton?.remove();
  await teardownEmulatedFootpod();
});

describe('stride-settings-page Footpod section (emulated Web Bluetooth)', () => {
  before(() => appTheme);

  it('shows what the pod offers and sends each command, with its answer in words', async () => {
    await setupEmulatedFootpod({
      name: 'Stryd',
      feature: [0x1f, 0x00],
      sensorLocation: 2,
      battery: 64,
      deviceInformation: { manufacturerName: 'Stryd Inc', modelNumber: 'Wind', firmwareRevision: '1.2.3' },
      controlPointAnswers: { 2: 'never' },
      supportedLocations: [1, 2],
    });
    const section = await pairedSettingsPage();
    const text = section.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    for (const part of ['Stryd', 'In shoe', '64 %', 'Stryd Inc', 'Wind', '1.2.3', 'Pod’s own calibration: offered', 'Several sensor locations: yes']) {
      expect(text).to.include(part);
    }
    await expect(section).to.be.accessible();

    await press(section, 'reset-distance', "The footpod's distance is now 0 m.");
    $<HTMLButtonElement>(section, '#calibrate').click();
    await waitUntil(() => resultBeside(section, 'calibrate') === 'Waiting for the footpod…', 'waits', { timeout: 2000 });
    expect($<HTMLButtonElement>(section, '#reset-distance').disabled, 'one command at a time').to.equal(true);
    await waitUntil(() => resultBeside(section, 'calibrate') === 'The footpod did not answer within 0.4 s.', 'times out', { timeout: 5000 });

    const select = $<HTMLSelectElement>(section, '#location');
    select.value = '3';
    await press(section, 'set-location', 'The footpod now counts as worn: Hip.');
    expect(section.shadowRoot!.textContent).to.include('Hip');
    await press(section, 'list-locations', 'The footpod can be worn: Top of shoe, In shoe.');
    expect([...$<HTMLSelectElement>(section, '#location').options].map((o) => o.value)).to.deep.equal(['1', '2']);

    const writes = (await operationLog()).filter((e) => e.op === 'write' && e.target === '2a55').map((e) => e.bytes);
    expect(writes).to.deep.equal([[1, 0, 0, 0, 0], [2], [3, 3], [4]]);
    await expect(section).to.be.accessible();
  });

  it('offers only what the feature bits allow, and says so in one line once the pod is gone', async () => {
    await setupEmulatedFootpod({ feature: [0x07, 0x00] });
    const section = await pairedSettingsPage();
    expect([...section.shadowRoot!.querySelectorAll('button')].map((b) => b.id)).to.deep.equal(['reset-distance']);
    expect(section.shadowRoot!.textContent).to.not.match(/Maker|Model|Firmware/);
    services!.footpod.disconnect();
    await waitUntil(() => section.shadowRoot!.querySelector('#no-footpod'), 'no pod line', { timeout: 2000 });
    expect(section.shadowRoot!.querySelectorAll('button')).to.have.length(0);
  });
});
