import { expect, fixture, html } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices } from '../../src/app/services.js';
import '../../src/pages/stride-settings-page.js';
import type { StrideSettingsPage } from '../../src/pages/stride-settings-page.js';
import { SettingsService } from '../../src/app/settings-service.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { appTheme } from '../support/app-theme.js';

async function settingsPage() {
  const services = createServices();
  await services.settings.load();
  const page = await fixture<StrideSettingsPage>(html`<stride-settings-page .services=${services}></stride-settings-page>`);
  return { page, services };
}

function setNumber(page: StrideSettingsPage, id: string, value: number) {
  const input = page.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
  input.value = String(value);
  input.dispatchEvent(new Event('change'));
}


useSeparateDatabase('stride-test-settings-page');

describe('stride-settings-page', () => {
  before(() => appTheme);
  beforeEach(() => clear(kvStore()));

  it('edits zones and keeps them after a reload (IndexedDB)', async () => {
    const { page, services } = await settingsPage();
    setNumber(page, 'targetFrom', 172);
    setNumber(page, 'targetTo', 182);
    await new Promise((r) => setTimeout(r, 50));
    expect(services.settings.settings.zones).to.deep.equal({ buildingFrom: 160, targetFrom: 172, targetTo: 182 });
    const reloaded = new SettingsService();
    await reloaded.load();
    expect(reloaded.settings.zones).to.deep.equal({ buildingFrom: 160, targetFrom: 172, targetTo: 182 });
  });

  it('refuses zones out of order with a clear message and keeps the old ones', async () => {
    const { page, services } = await settingsPage();
    setNumber(page, 'buildingFrom', 175);
    await page.updateComplete;
    expect(page.shadowRoot!.querySelector('[role=alert]')!.textContent).to.match(/above the one before/);
    expect(services.settings.settings.zones.buildingFrom).to.equal(160);
  });

  it('switches to miles and resets zones to the coaching defaults', async () => {
    const { page, services } = await settingsPage();
    page.shadowRoot!.querySelector<HTMLInputElement>('input[value=mi]')!.click();
    setNumber(page, 'buildingFrom', 150);
    await new Promise((r) => setTimeout(r, 20));
    page.shadowRoot!.querySelector<HTMLButtonElement>('#reset-zones')!.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(services.settings.settings.distanceUnit).to.equal('mi');
    expect(services.settings.settings.zones).to.deep.equal({ buildingFrom: 160, targetFrom: 170, targetTo: 180 });
    await expect(page).to.be.accessible();
  });

  it('turns auto-start and auto-pause on and keeps them', async () => {
    const { page, services } = await settingsPage();
    page.shadowRoot!.querySelector<HTMLInputElement>('#auto-start')!.click();
    const pause = page.shadowRoot!.querySelector<HTMLSelectElement>('#auto-pause')!;
    pause.value = '10';
    pause.dispatchEvent(new Event('change'));
    await new Promise((r) => setTimeout(r, 50));
    const reloaded = new SettingsService();
    await reloaded.load();
    expect(reloaded.settings).to.include({ autoStart: true, autoPauseAfterS: 10 });
    expect(services.settings.settings.autoStart).to.equal(true);
  });
});
