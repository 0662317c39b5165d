import { expect } from '@open-wc/testing';
import { defaultSettings, settingsFrom } from '../../src/session/settings.js';

describe('settingsFrom', () => {
  it('keeps valid stored settings', () => {
    const stored = {
      zones: { buildingFrom: 155, targetFrom: 165, targetTo: 178 },
      distanceUnit: 'mi',
      smoothingS: 15,
      autoStart: true,
      autoPauseAfterS: 10,
      footpods: [
        { id: 'bluetooth:q1w2e3==', name: 'Polar Stride', detected: 'strides', override: 'auto' },
        { id: 'simulator:simulated', name: 'Simulated footpod', detected: null, override: 'strides' },
      ],
    };
    expect(settingsFrom(stored)).to.deep.equal(stored);
  });
  it('falls back field by field for damaged values', () => {
    const s = settingsFrom({ zones: { buildingFrom: 190, targetFrom: 170, targetTo: 180 }, distanceUnit: 'furlong', smoothingS: 15 });
    expect(s.zones).to.deep.equal(defaultSettings.zones);
    expect(s.distanceUnit).to.equal('km');
    expect(s.smoothingS).to.equal(15);
    expect(settingsFrom({ autoStart: 'yes', autoPauseAfterS: 7 })).to.include({ autoStart: false, autoPauseAfterS: 0 });
    expect(settingsFrom({ footpods: [{ id: 'bluetooth:a', detected: 'feet', override: 'always' }, 'junk'] }).footpods).to.deep.equal([
      { id: 'bluetooth:a', name: null, detected: null, override: 'auto' },
    ]);
    expect(settingsFrom({ footpods: 'none' }).footpods).to.deep.equal([]);
  });
  it('gives the defaults for nothing stored or garbage', () => {
    for (const garbage of [undefined, null, 42, 'x', []]) expect(settingsFrom(garbage)).to.deep.equal({ ...defaultSettings });
  });
});
