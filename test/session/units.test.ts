import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  type DistanceUnit,
  averagePaceSeconds,
  distanceIn,
  formatDistanceIn,
  formatDuration,
  formatPace,
  paceMinutesCut,
  paceSeconds,
  speedPerHour,
} from '../../src/session/units.js';
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
  it('cuts a long run’s 64-bit time without the float32 allowance: 35 999.992 s reads 9:59:59', () => {
    // The clock column is a Float64Array: 8 ms short of ten hours has not reached ten hours.
    expect(formatDuration(36_000 - 0.008)).to.equal('9:59:59');
    expect(formatDuration(3599.9996)).to.equal('59:59');
    expect(formatDuration(3600 - 0.001)).to.equal('59:59');
    expect(formatDuration(36_000)).to.equal('10:00:00');
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

  it('cuts distances to the hundredth as times and paces are cut to the second', () => {
    expect(formatDistanceIn(996, 'km')).to.equal('0.99');
    expect(formatDistanceIn(1000, 'km')).to.equal('1.00');
    expect(formatDistanceIn(1609.344, 'mi')).to.equal('1.00');
    expect(formatDistanceIn(0, 'km')).to.equal('0.00');
  });

  it('shown pace over shown distance never disagrees with shown time by more than the cuts (1.00 km: pace = time)', () => {
    const parse = (clock: string): number => clock.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
    fc.assert(
      fc.property(fc.double({ min: 10, max: 50_000, noNaN: true }), fc.double({ min: 10, max: 30_000, noNaN: true }), fc.constantFrom<DistanceUnit>('km', 'mi'), (metres, seconds, unit) => {
        const distance = Number(formatDistanceIn(metres, unit));
        fc.pre(distance > 0);
        const time = parse(formatDuration(seconds));
        const pace = parse(formatPace(averagePaceSeconds(metres / seconds, unit)));
        // Each shown figure is cut: distance by up to 0.01 unit, time and pace by under a second.
        const trueDistance = distanceIn(metres, unit);
        expect(distance).to.be.within(trueDistance - 0.01 - 1e-9, trueDistance + 1e-9);
        const paceTimesDistance = pace * distance;
        // Cut pace ≤ true pace and cut distance ≤ true distance, so their product is under the true
        // time (less than a second over the shown time), and under the shown time by no more than a
        // second of pace per unit run and 0.01 unit at the true pace.
        expect(paceTimesDistance).to.be.below(time + 1);
        expect(paceTimesDistance).to.be.at.least(time - trueDistance - (0.01 * seconds) / trueDistance - 1e-6);
        // Exactly one unit run (a split): its pace is its time.
        expect(formatPace(averagePaceSeconds(METRES[unit] / seconds, unit))).to.equal(formatDuration(seconds));
      }),
      { numRuns: invariantRuns(400) },
    );
  });

  it('an average pace shows however slow (hours too); only a live reading blanks below 0.5 m/s', () => {
    expect(formatPace(averagePaceSeconds(1000 / 2100, 'km'))).to.equal('35:00');
    expect(formatPace(averagePaceSeconds(1000 / 3900, 'km'))).to.equal('1:05:00');
    expect(averagePaceSeconds(0, 'km')).to.equal(null);
    expect(paceSeconds(0.4, 'km')).to.equal(null);
  });

  it('writes pace minutes for files cut to the hundredth, never past the minute the screens show', () => {
    expect(paceMinutesCut(539.7)).to.equal('8.99');
    expect(paceMinutesCut(540)).to.equal('9.00');
    fc.assert(
      fc.property(fc.double({ min: 60, max: 3600, noNaN: true }), (seconds) => {
        const shownMinutes = Math.floor(parse(formatPace(seconds)) / 60);
        expect(Math.floor(Number(paceMinutesCut(seconds)))).to.equal(shownMinutes);
        expect(Number(paceMinutesCut(seconds))).to.be.at.most((seconds / 60) * (1 + 2 ** -22) + 1e-9);
      }),
      { numRuns: invariantRuns(200) },
    );
    function parse(clock: string): number {
      return clock.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
    }
  });
});
