// Settings → Treadmill workouts over the real store: what is stored is shown, a change is saved
// at once and kept after a reload, and with the simulated treadmill connected the defaults are its
// own maximums (the speed capped at 20 km/h) and its learned lag is named.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-settings-page.js';
import type { StrideSettingsPage } from '../../src/pages/stride-settings-page.js';
import type { StrideWorkoutSettings } from '../../src/components/stride-workout-settings.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { changeWorkoutSettings, loadWorkoutSettings } from '../../src/store/workout-store.js';
import { appTheme } from '../support/app-theme.js';

useSeparateDatabase('stride-test-settings-workouts');

async function section(services = createServices()) {
  await services.settings.load();
  const page = await fixture<StrideSettingsPage>(html`<stride-settings-page .services=${services}></stride-settings-page>`);
  const el = page.shadowRoot!.querySelector<StrideWorkoutSettings>('#workouts stride-workout-settings')!;
  await waitUntil(() => el.settings !== null, 'the workout settings were read', { timeout: 5000 });
  await el.updateComplete;
  return { page, el, services };
}
const $ = <T extends Element = HTMLInputElement>(el: StrideWorkoutSettings, selector: string) => el.shadowRoot!.querySelector<T & Element>(selector)!;

describe('Settings → Treadmill workouts', () => {
  before(() => appTheme);
  beforeEach(() => clear(kvStore()));

  it('saves a maximum and the options at once, and shows them after a reload', async () => {
    const { el } = await section();
    expect($(el, '#hold-pace').checked).to.equal(false);
    const speed = $(el, '#max-speed');
    speed.value = '16';
    speed.dispatchEvent(new Event('change'));
    $(el, '#send-early').click();
    await waitUntil(async () => (await loadWorkoutSettings()).settings.sendEarly, 'stored', { timeout: 5000 });
    expect((await loadWorkoutSettings()).settings).to.include({ maxSpeedKmh: 16, sendEarly: true, holdPace: false });
    const again = await section();
    expect($(again.el, '#max-speed').value).to.equal('16.0');
    expect($(again.el, '#send-early').checked).to.equal(true);
  });

  it('takes its defaults from the connected treadmill, and names its learned lag', async () => {
    const services = createServices();
    await services.sensors.simulate();
    await waitUntil(() => services.sensors.source('treadmill')?.state === 'connected', 'the simulated treadmill', { timeout: 5000 });
    const treadmill = services.sensors.source('treadmill')!;
    await waitUntil(() => (treadmill as unknown as { control?: { capabilities: unknown } }).control?.capabilities != null, 'its ranges read', { timeout: 5000 });
    await changeWorkoutSettings({ lagS: { [treadmill.info.deviceId!]: 2.5, other: 4 } });
    const { el } = await section(services);
    try {
      expect($(el, '#max-speed-default').textContent).to.contain("this treadmill's maximum").and.contain('never above 20.0 km/h');
      expect([...el.shadowRoot!.querySelectorAll('#lags li')].map((li) => li.textContent)).to.deep.equal([`${treadmill.info.deviceName}: 2.5 s`, 'A treadmill: 4.0 s']);
    } finally {
      services.sensors.disconnect('treadmill');
      services.sensors.disconnect('heart-rate');
    }
  });
});
