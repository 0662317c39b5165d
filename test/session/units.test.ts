import { expect } from '@open-wc/testing';
import { distanceIn, formatDuration, formatPace, paceSeconds, speedPerHour } from '../../src/session/units.js';

describe('units', () => {
  it('turns speed into pace per km and per mile', () => {
    expect(formatPace(paceSeconds(3.125, 'km'))).to.equal('5:20');
    expect(formatPace(paceSeconds(1609.344 / 480, 'mi'))).to.equal('8:00');
  });
  it('shows no pace when standing', () => {
    expect(paceSeconds(0, 'km')).to.equal(null);
    expect(formatPace(null)).to.equal('–:––');
  });
  it('formats durations with hours only when needed', () => {
    expect(formatDuration(59)).to.equal('0:59');
    expect(formatDuration(3599)).to.equal('59:59');
    expect(formatDuration(3 * 3600 + 61)).to.equal('3:01:01');
  });
  it('converts speed and distance', () => {
    expect(speedPerHour(2.5, 'km')).to.equal(9);
    expect(distanceIn(1609.344, 'mi')).to.equal(1);
  });
});
