import { expect } from '@open-wc/testing';
import { checkCadenceZones, defaultCadenceZones, sameZones, wholeStepZones, zoneFor } from '../../src/session/zones.js';

describe('cadence zones', () => {
  it('defaults follow coaching: <160 low, 160-170 building, 170-180 target, >180 high', () => {
    const rows: Array<[number, string]> = [
      [0, 'low'], [159, 'low'], [159.9, 'low'], [160, 'building'], [169, 'building'],
      [170, 'target'], [175, 'target'], [180, 'target'], [180.5, 'high'], [181, 'high'], [255, 'high'],
    ];
    for (const [cadence, zone] of rows) expect(zoneFor(cadence, defaultCadenceZones), String(cadence)).to.equal(zone);
  });

  it('uses edited boundaries', () => {
    const zones = { buildingFrom: 150, targetFrom: 165, targetTo: 175 };
    expect(zoneFor(155, zones)).to.equal('building');
    expect(zoneFor(166, zones)).to.equal('target');
    expect(zoneFor(176, zones)).to.equal('high');
  });

  it('rejects boundaries out of order or out of range, accepts sensible ones', () => {
    expect(checkCadenceZones(defaultCadenceZones)).to.equal(null);
    expect(checkCadenceZones({ buildingFrom: 170, targetFrom: 160, targetTo: 180 })).to.match(/above the one before/);
    expect(checkCadenceZones({ buildingFrom: 160, targetFrom: 170, targetTo: 170 })).to.match(/above the one before/);
    expect(checkCadenceZones({ buildingFrom: Number.NaN, targetFrom: 170, targetTo: 180 })).to.match(/between 30 and 300/);
    expect(checkCadenceZones({ buildingFrom: 160, targetFrom: 170, targetTo: 900 })).to.match(/between 30 and 300/);
  });

  it('refuses an edge between whole steps in words: 170.5 would split seconds the plan and Weeks count as one', () => {
    expect(checkCadenceZones({ buildingFrom: 160, targetFrom: 170.5, targetTo: 180 })).to.equal('Zone boundaries are whole steps per minute (170, not 170.5).');
    expect(checkCadenceZones({ buildingFrom: 160, targetFrom: 170, targetTo: 180.5 })).to.match(/whole steps/);
  });

  it('moves stored edges between whole steps to the nearest one, and says which', () => {
    expect(wholeStepZones({ buildingFrom: 160, targetFrom: 170.5, targetTo: 179.6 })).to.deep.equal({
      zones: { buildingFrom: 160, targetFrom: 171, targetTo: 180 },
      moved: 'Zone boundaries are whole steps per minute: Target from 170.5 is now 171, Target up to 179.6 is now 180.',
    });
    expect(wholeStepZones(defaultCadenceZones)).to.deep.equal({ zones: { ...defaultCadenceZones }, moved: null });
  });
});

describe('sameZones', () => {
  it('compares boundaries, not objects', () => {
    expect(sameZones({ ...defaultCadenceZones }, defaultCadenceZones)).to.equal(true);
    expect(sameZones({ ...defaultCadenceZones, targetTo: 181 }, defaultCadenceZones)).to.equal(false);
  });
});
