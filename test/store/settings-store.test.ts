import { expect } from '@open-wc/testing';
import { clear, get, set } from 'idb-keyval';
import { SCHEMA_VERSION, kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { loadSettings, saveSettings } from '../../src/store/settings-store.js';
import { defaultSettings } from '../../src/session/settings.js';
import { defaultCoachSettings } from '../../src/session/coach-settings.js';


useSeparateDatabase('stride-test-settings-store');

describe('settings store (real IndexedDB)', () => {
  beforeEach(() => clear(kvStore()));

  it('gives defaults when nothing is stored', async () => {
    const { settings, problem } = await loadSettings();
    expect(settings).to.deep.equal({ ...defaultSettings });
    expect(problem).to.equal(null);
  });

  it('saves and loads back, with the schema version', async () => {
    const mine = { zones: { buildingFrom: 158, targetFrom: 168, targetTo: 178 }, distanceUnit: 'mi' as const, smoothingS: 15 as const, autoStart: true, autoPauseAfterS: 30, footpods: [{ id: 'bluetooth:abc', name: 'Polar Stride', detected: 'strides' as const, override: 'auto' as const }], coach: { ...defaultCoachSettings, muted: true, checkIns: { everyMin: 10, speak: true, fadeAfterS: 30 } }, plan: { accepted: [{ targetFrom: 160, targetTo: 170, atMs: 1_700_000_000_000 }], declined: null, tapped: { spm: 158, atMs: 1_690_000_000_000 } }, speedFrom: 'treadmill' as const, sensors: { treadmillId: 'tm-1', heartRateId: null, footpodId: 'pod==' }, liveSensorsOpen: true, theme: 'light' as const };
    expect(await saveSettings(mine)).to.equal(null);
    expect((await loadSettings()).settings).to.deep.equal(mine);
    expect(await get('schema', kvStore())).to.equal(SCHEMA_VERSION);
  });

  it('survives damaged stored settings', async () => {
    await set('settings', { zones: 'oops', distanceUnit: 7 }, kvStore());
    const { settings, problem } = await loadSettings();
    expect(settings).to.deep.equal({ ...defaultSettings });
    expect(problem).to.equal(null);
  });

  it('moves zone edges stored between whole steps once, saves them, and says so once', async () => {
    await set('settings', { zones: { buildingFrom: 160, targetFrom: 170.5, targetTo: 180 } }, kvStore());
    const { settings, problem } = await loadSettings();
    expect(settings.zones).to.deep.equal({ buildingFrom: 160, targetFrom: 171, targetTo: 180 });
    expect(problem).to.equal('Zone boundaries are whole steps per minute: Target from 170.5 is now 171.');
    expect(((await get('settings', kvStore())) as { zones: unknown }).zones).to.deep.equal({ buildingFrom: 160, targetFrom: 171, targetTo: 180 });
    expect((await loadSettings()).problem).to.equal(null);
  });

  it('says plainly when the disk is full, and does not throw', async () => {
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    try {
      const problem = await saveSettings({ ...defaultSettings });
      expect(problem).to.match(/could not be saved \(the disk is full\)/);
    } finally {
      IDBObjectStore.prototype.put = original;
    }
  });
});
