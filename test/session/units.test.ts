import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { type DistanceUnit, distanceIn, formatDuration, formatPace, paceSeconds, speedPerHour } from '../../src/session/units.js';
import { invariantRuns } from '../support/invariant-runs.js';

const METRES: Record<DistanceUnit, number> = { km: 1000, mi: 1609.344 };

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
  it('reads a 1.00 km split of 8:59 as 8:59/km, 8:59.6 included', () => {
    for (const t of [539, 539.4, 539.5, 539.6, 539.99]) {
      expect(formatDuration(t), `${t} s`).to.equal('8:59');
      expect(formatPace(paceSeconds(1000 / t, 'km')), `${t} s over 1 km`).to.equal('8:59');
    }
    expect(formatPace(paceSeconds(1000 / 540, 'km'))).to.equal('9:00');
    expect(formatPace(59.99)).to.equal('0:59');
  });
  it('shows the same pace as time for any run of exactly one km or mile, and never ":60"', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<DistanceUnit>('km', 'mi'),
        // Up to the slowest pace shown (0.5 m/s: 33:20/km), in whole seconds, hundredths or any double.
        fc.oneof(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 100, max: 200_000 }).map((cs) => cs / 100), fc.double({ min: 1, max: 2000, noNaN: true })),
        (unit, seconds) => {
          const pace = formatPace(paceSeconds(METRES[unit] / seconds, unit));
          expect(pace, `${seconds} s over 1 ${unit}`).to.equal(formatDuration(seconds));
          expect(pace).to.match(/^\d+:[0-5]\d$/);
        },
      ),
      { numRuns: invariantRuns(500) },
    );
  });
});
