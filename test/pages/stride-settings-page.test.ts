import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-settings-page.js';
import type { StrideSettingsPage } from '../../src/pages/stride-settings-page.js';
import { SettingsService } from '../../src/services/settings-service.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { appTheme } from '../support/app-theme.js';
import { followTheme } from '../../src/app/theme.js';
import { defaultCoachSettings } from '../../src/session/coach-settings.js';
import type { StrideCalibrationSettings } from '../../src/components/stride-calibration-settings.js';

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

  it('sets the coach: metronome rate, cue timing, speech, check-ins and mute, kept after a reload', async () => {
    const { page, services } = await settingsPage();
    const coach = page.shadowRoot!.querySelector('stride-coach-settings')!;
    await coach.updateComplete;
    const $ = <T extends Element>(id: string) => coach.shadowRoot!.querySelector<T>(`#${id}`)!;
    expect($<HTMLInputElement>('metronome-rate').placeholder, 'empty means the zone middle').to.equal('175');
    const set = async (id: string, value: string) => {
      const el = $<HTMLInputElement | HTMLSelectElement>(id);
      el.value = value;
      el.dispatchEvent(new Event('change'));
      await coach.updateComplete;
    };
    const tick = async (id: string) => {
      $<HTMLInputElement>(id).click();
      await coach.updateComplete;
    };
    await set('metronome-rate', '172');
    await set('metronome-rate', '400'); // refused: out of range, nothing saved
    expect($<HTMLInputElement>('metronome-rate').validationMessage).to.match(/140 to 220/);
    await set('cues-after', '20');
    await set('cues-every', '120');
    await tick('cues-speech');
    await set('check-ins-every', '0');
    await tick('muted');
    await new Promise((r) => setTimeout(r, 50));
    const expected = {
      ...defaultCoachSettings,
      metronome: { ...defaultCoachSettings.metronome, rateSpm: 172 },
      cues: { ...defaultCoachSettings.cues, afterS: 20, everyS: 120, speech: true },
      checkIns: { ...defaultCoachSettings.checkIns, everyMin: 0 },
      muted: true,
    };
    expect(services.settings.settings.coach).to.deep.equal(expected);
    const reloaded = new SettingsService();
    await reloaded.load();
    expect(reloaded.settings.coach).to.deep.equal(expected);
    await expect(page).to.be.accessible();
  });

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

  it('refuses an edge between whole steps (170.5) in words and keeps the old zones', async () => {
    const { page, services } = await settingsPage();
    setNumber(page, 'targetFrom', 170.5);
    await page.updateComplete;
    expect(page.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal('Zone boundaries are whole steps per minute (170, not 170.5).');
    expect(services.settings.settings.zones.targetFrom).to.equal(170);
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

  it('switches the colours between the system\'s, light and dark, kept after a reload and shown at once', async () => {
    const { page, services } = await settingsPage();
    const stop = followTheme(services.settings);
    const choice = (value: string) => page.shadowRoot!.querySelector<HTMLInputElement>(`#theme input[value="${value}"]`)!;
    expect(choice('system').checked, 'follows the system at first').to.equal(true);
    expect(choice('light').closest('label')!.textContent).to.match(/Light/);
    choice('light').click();
    await waitUntil(() => services.settings.settings.theme === 'light', 'saved');
    expect(document.documentElement.dataset['theme']).to.equal('light');
    choice('dark').click();
    await waitUntil(() => document.documentElement.dataset['theme'] === 'dark', 'dark at once');
    stop();
    const reloaded = new SettingsService();
    await reloaded.load();
    expect(reloaded.settings.theme).to.equal('dark');
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

  it('lists known footpods with what was detected, names as text, and keeps an override', async () => {
    const services = createServices();
    await services.settings.load();
    await services.settings.update({
      footpods: [
        { id: 'bluetooth:q1w2==', name: 'Polar <b>Stride</b>', detected: 'strides', override: 'auto' },
        { id: 'bluetooth:z9x8==', name: 'Stryd', detected: null, override: 'auto' },
      ],
    });
    const page = await fixture<StrideSettingsPage>(html`<stride-settings-page .services=${services}></stride-settings-page>`);
    const pods = [...page.shadowRoot!.querySelectorAll<HTMLLIElement>('#footpods li')];
    expect(pods.map((li) => li.querySelector('.pod-name')!.textContent)).to.deep.equal(['Polar <b>Stride</b>', 'Stryd']);
    expect(page.shadowRoot!.querySelector('#footpods b')).to.equal(null);
    expect(pods.map((li) => li.querySelector('.detected')!.textContent!.trim())).to.deep.equal([
      'sends strides (one foot), doubled to steps',
      'not detected yet',
    ]);
    const select = pods[0]!.querySelector<HTMLSelectElement>('select')!;
    expect(select.value).to.equal('auto');
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal(['Automatic', 'Steps', 'Strides']);
    await expect(page).to.be.accessible();

    select.value = 'steps';
    select.dispatchEvent(new Event('change'));
    await new Promise((r) => setTimeout(r, 50));
    const reloaded = new SettingsService();
    await reloaded.load();
    expect(reloaded.settings.footpods.map((p) => [p.id, p.override])).to.deep.equal([
      ['bluetooth:q1w2==', 'steps'],
      ['bluetooth:z9x8==', 'auto'],
    ]);
    await page.updateComplete;
    expect(page.shadowRoot!.querySelector<HTMLSelectElement>('#footpods li select')!.value).to.equal('steps');
  });

  it('says when no footpod has been connected yet', async () => {
    const { page } = await settingsPage();
    expect(page.shadowRoot!.querySelector('#footpods')!.textContent).to.match(/No footpod connected yet/);
  });

  describe('calibration of each known footpod', () => {
    async function podsPage() {
      const services = createServices();
      await services.settings.load();
      await services.settings.update({
        footpods: [
          { id: 'bluetooth:q1w2==', name: 'Polar Stride', detected: 'strides', override: 'auto' },
          { id: 'bluetooth:z9x8==', name: 'Stryd', detected: 'steps', override: 'auto', calibration: [{ podSpeedMps: 3.2, factor: 0.96 }] },
        ],
      });
      const page = await fixture<StrideSettingsPage>(html`<stride-settings-page .services=${services}></stride-settings-page>`);
      const parts = [...page.shadowRoot!.querySelectorAll<StrideCalibrationSettings>('#footpods li stride-calibration-settings')];
      await Promise.all(parts.map((part) => part.updateComplete));
      return { page, services, parts };
    }
    const $ = <T extends Element>(part: StrideCalibrationSettings, selector: string) => part.shadowRoot!.querySelector<T>(selector)!;
    /** The pod's entry as stored in IndexedDB, read by a settings service of its own. */
    async function storedPod(id: string) {
      const reloaded = new SettingsService();
      await reloaded.load();
      return reloaded.settings.footpods.find((pod) => pod.id === id);
    }

    it('shows each pod’s curve', async () => {
      const { page, parts } = await podsPage();
      expect(parts.length).to.equal(2);
      expect($(parts[0]!, '#curve').textContent!.trim()).to.equal('100 % (not calibrated)');
      expect($(parts[1]!, '#curve').textContent!.trim()).to.equal('96 %');
      expect($(parts[1]!, 'legend').textContent).to.match(/Stryd/);
      expect($<HTMLInputElement>(parts[1]!, '#auto').checked, 'learning on by default').to.equal(true);
      await expect(page).to.be.accessible();
    });

    it('saves a factor typed for one pod into that pod’s calibration, kept at its speed', async () => {
      const { page, services, parts } = await podsPage();
      const stryd = parts[1]!;
      $<HTMLInputElement>(stryd, '#factor').value = '97.5';
      $<HTMLButtonElement>(stryd, '#set-factor').click();
      const saved = () => services.settings.settings.footpods.find((pod) => pod.id === 'bluetooth:z9x8==')!.calibration;
      expect(saved()).to.deep.equal([{ podSpeedMps: 3.2, factor: 0.975 }]);
      expect(services.settings.settings.footpods[0]!.calibration, 'the other pod untouched').to.equal(undefined);
      await page.updateComplete;
      await stryd.updateComplete;
      expect($(stryd, '#curve').textContent!.trim()).to.equal('97.5 %');
      await waitUntil(async () => (await storedPod('bluetooth:z9x8=='))?.calibration?.[0]?.factor === 0.975, 'saved in IndexedDB');
      // And the reset goes back to none.
      $<HTMLButtonElement>(stryd, '#reset').click();
      expect(saved()).to.equal(undefined);
      await waitUntil(async () => (await storedPod('bluetooth:z9x8=='))?.calibration === undefined, 'reset saved');
    });

    it('saves the lock when automatic learning is unticked, and keeps the curve', async () => {
      const { page, services, parts } = await podsPage();
      const stryd = parts[1]!;
      $<HTMLInputElement>(stryd, '#auto').click();
      const pod = () => services.settings.settings.footpods.find((p) => p.id === 'bluetooth:z9x8==')!;
      expect(pod().autoCalibrationLocked).to.equal(true);
      expect(pod().calibration).to.deep.equal([{ podSpeedMps: 3.2, factor: 0.96 }]);
      await waitUntil(async () => (await storedPod('bluetooth:z9x8=='))?.autoCalibrationLocked === true, 'saved in IndexedDB');
      await page.updateComplete;
      await stryd.updateComplete;
      expect(stryd.autoLocked).to.equal(true);
      expect($<HTMLInputElement>(stryd, '#auto').checked).to.equal(false);
      $<HTMLInputElement>(stryd, '#auto').click();
      expect(pod().autoCalibrationLocked).to.equal(undefined);
      await waitUntil(async () => (await storedPod('bluetooth:z9x8=='))?.autoCalibrationLocked === undefined, 'unlock saved');
    });
  });
});
