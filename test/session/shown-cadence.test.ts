import { expect } from '@open-wc/testing';
import { shownZone, wholeSteps } from '../../src/session/shown-cadence.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

describe('shown cadence: the zone of the number shown', () => {
  // Default zones: building from 160, target 170–180.
  const rows = [
    [169.6, 170, 'target'],
    [169.4, 169, 'building'],
    [180.4, 180, 'target'],
    [180.5, 181, 'high'],
    [159.5, 160, 'building'],
    [12, 12, 'low'],
  ] as const;
  for (const [mean, shown, zone] of rows) {
    it(`a mean of ${mean} shows ${shown}, in ${zone}`, () => {
      expect(wholeSteps(mean)).to.equal(shown);
      expect(shownZone(mean, defaultCadenceZones)).to.equal(zone);
    });
  }

  it('no steps has no zone (standing still is not a low cadence), nor a mean that shows 0', () => {
    expect(shownZone(0, defaultCadenceZones)).to.equal(null);
    expect(shownZone(0.4, defaultCadenceZones)).to.equal(null);
    expect(shownZone(Number.NaN, defaultCadenceZones)).to.equal(null);
  });
});
