// The workout editor's boxes: what a runner types (times, distances, speeds, paces, in km or
// miles) read to stored numbers or refused in words, and stored numbers shown so they read back
// as the same step (property: shown, then read, moves a step no further than its box can show).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  clockSeconds, lengthBox, lengthUnitLabel, maxSpeedBox, parseLength, parseOptional, parseSpeed, parseTimes, speedBox,
} from '../../src/components/workout-fields.js';
import { paceOf } from '../../src/components/workout-format.js';
import { type DistanceUnit, formatPace, paceSeconds } from '../../src/session/units.js';
import { invariantRuns } from '../support/invariant-runs.js';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; problem: string }): T => {
  if (!parsed.ok) throw new Error(`refused: ${parsed.problem}`);
  return parsed.value;
};
const problem = (parsed: { ok: boolean; problem?: string }): string => (parsed.ok ? '' : parsed.problem!);

describe('workout-fields', () => {
  it('reads a clock as m:ss, h:mm:ss or whole minutes, and nothing else', () => {
    expect(clockSeconds('3:30')).to.equal(210);
    expect(clockSeconds('3')).to.equal(180);
    expect(clockSeconds('1:02:00')).to.equal(3720);
    expect(clockSeconds('0:45')).to.equal(45);
    expect(clockSeconds('2,5')).to.equal(150);
    for (const bad of ['', '3:', ':30', '3:60', 'abc', '1:2:3:4', '-1', '3:3x']) expect(clockSeconds(bad), bad).to.be.NaN;
  });

  it('reads lengths by time or distance in the runner’s unit, and says what to type when it cannot', () => {
    expect(value(parseLength('3:00', 'time', 'km'))).to.deep.equal({ kind: 'time', seconds: 180 });
    expect(value(parseLength('400', 'distance', 'km'))).to.deep.equal({ kind: 'distance', metres: 400 });
    expect(value(parseLength('0.25', 'distance', 'mi'))).to.deep.equal({ kind: 'distance', metres: 402.336 });
    expect(problem(parseLength('0:00', 'time', 'km'))).to.contain('minutes and seconds');
    expect(problem(parseLength('far', 'distance', 'km'))).to.contain('in metres');
    expect(problem(parseLength('0', 'distance', 'mi'))).to.contain('in miles');
  });

  it('labels a length box as it reads: an hour or more as h:min:s', () => {
    expect([lengthBox({ kind: 'time', seconds: 3690 }, 'km'), lengthUnitLabel({ kind: 'time', seconds: 3690 }, 'km')]).to.deep.equal(['1:01:30', 'h:min:s']);
    expect(lengthUnitLabel({ kind: 'time', seconds: 300 }, 'km')).to.equal('min:s');
    expect(lengthUnitLabel({ kind: 'distance', metres: 400 }, 'mi')).to.equal('mi');
  });

  it('refuses a distance under a metre, in words', () => {
    expect(problem(parseLength('0.4', 'distance', 'km'))).to.equal('a step must be at least 1 m: type the distance in metres, for example 400');
    expect(problem(parseLength('0.0004', 'distance', 'mi'))).to.contain('at least 1 m');
    expect(value(parseLength('1', 'distance', 'km'))).to.deep.equal({ kind: 'distance', metres: 1 });
  });

  it('shows a pace cut to the second, as the rest of the app shows it', () => {
    // 13.3 km/h is 270.68 s/km: 4:30 on the live screen and in history, so 4:30 here too.
    expect(speedBox(13.3, 'pace', 'km')).to.equal('4:30');
    expect(speedBox(13.3, 'pace', 'km')).to.equal(formatPace(paceSeconds(13.3 / 3.6, 'km')));
    expect(speedBox(12, 'pace', 'km')).to.equal('5:00');
  });

  it('a pace typed as whole seconds reads back as typed, in its box and as the pace of its speed, in km and miles', () => {
    // Every whole-second pace a runner types, 2:30 to 15:00: kept as a speed, it must come back
    // the same (4:45 /km once came back 4:44 after its speed was rounded to a thousandth of a km/h).
    for (const unit of ['km', 'mi'] as const) {
      for (let seconds = 150; seconds <= 900; seconds++) {
        const typed = formatPace(seconds);
        const kmh = value(parseSpeed(typed, 'pace', unit))!;
        expect(speedBox(kmh, 'pace', unit), `${typed} /${unit} in its box`).to.equal(typed);
        expect(paceOf(kmh, unit), `${typed} /${unit} as its speed's pace`).to.equal(typed);
        // Stored and read again (IndexedDB keeps the number as it is), typed again, it stays.
        expect(value(parseSpeed(speedBox(kmh, 'pace', unit), 'pace', unit))).to.equal(kmh);
      }
    }
  });

  it('shows a speed to a tenth, or to its hundredth when it is not on a tenth, never rounded up', () => {
    expect(speedBox(12, 'speed', 'km')).to.equal('12.0');
    expect(speedBox(12.25, 'speed', 'km')).to.equal('12.25');
    expect(speedBox(12.299, 'speed', 'km')).to.equal('12.29');
    expect(speedBox(value(parseSpeed('7.5', 'speed', 'mi'))!, 'speed', 'mi')).to.equal('7.5');
    for (const unit of ['km', 'mi'] as const) {
      for (let hundredths = 100; hundredths <= 3000; hundredths++) {
        const typed = (hundredths / 100).toFixed(hundredths % 10 === 0 ? 1 : 2);
        expect(speedBox(value(parseSpeed(typed, 'speed', unit))!, 'speed', unit), `${typed} ${unit}`).to.equal(typed);
      }
    }
  });

  it('shows a saved highest speed as typed, never rounded above it', () => {
    expect(maxSpeedBox(16.25, 'km')).to.equal('16.25');
    expect(maxSpeedBox(16, 'km')).to.equal('16.0');
    expect(maxSpeedBox(value(parseSpeed('10', 'speed', 'mi'))!, 'mi')).to.equal('10.0');
    expect(maxSpeedBox(20, 'mi')).to.equal('12.42');
    // Saved to a thousandth of a km/h before speeds were kept whole: still the 10 mph typed.
    expect(maxSpeedBox(16.093, 'mi')).to.equal('10.0');
    fc.assert(
      fc.property(fc.constantFrom<DistanceUnit>('km', 'mi'), fc.oneof(
        fc.integer({ min: 400, max: 3000 }).map((n) => n / 100), // typed to a hundredth, read in either unit
        fc.double({ min: 4, max: 30, noNaN: true }),
      ), (unit, typed) => {
        const kmh = value(parseSpeed(String(typed), 'speed', unit))!;
        const shown = maxSpeedBox(kmh, unit);
        const back = value(parseSpeed(shown, 'speed', unit))!;
        expect(back, `${shown} read back`).to.be.at.most(kmh);
        // Within a hundredth of the unit (and the thousandth of a km/h a box keeps).
        expect(kmh - back).to.be.below((unit === 'km' ? 0.01 : 0.01609344) + 1e-3);
      }),
      { numRuns: invariantRuns(200) },
    );
  });

  it('reads a speed in km/h or mph and a pace per km or mile to km/h; empty leaves the belt as it is', () => {
    expect(value(parseSpeed('12', 'speed', 'km'))).to.equal(12);
    expect(value(parseSpeed('12,5', 'speed', 'km'))).to.equal(12.5);
    expect(value(parseSpeed('7.5', 'speed', 'mi'))).to.be.closeTo(12.07008, 1e-9);
    expect(value(parseSpeed('5:00', 'pace', 'km'))).to.equal(12);
    expect(value(parseSpeed('8:00', 'pace', 'mi'))).to.be.closeTo(12.07008, 1e-9);
    expect(value(parseSpeed('  ', 'pace', 'km'))).to.equal(null);
    expect(problem(parseSpeed('fast', 'speed', 'km'))).to.contain('km/h');
    expect(problem(parseSpeed('5:75', 'pace', 'mi'))).to.contain('per mile');
    expect(problem(parseSpeed('0', 'speed', 'mi'))).to.contain('mph');
  });

  it('reads incline, cadence and repeat times, refusing what is not a number', () => {
    expect(value(parseOptional('1.5', 'incline'))).to.equal(1.5);
    expect(value(parseOptional('-2', 'incline'))).to.equal(-2);
    expect(value(parseOptional('', 'incline'))).to.equal(null);
    expect(value(parseOptional('172.4', 'cadence'))).to.equal(172);
    expect(problem(parseOptional('steep', 'incline'))).to.contain('percent');
    expect(problem(parseOptional('x', 'cadence'))).to.contain('steps per minute');
    expect(value(parseTimes('6'))).to.equal(6);
    for (const bad of ['0', '2.5', '', 'six']) expect(problem(parseTimes(bad)), bad).to.contain('whole number');
  });

  it('a stored step shown in its boxes reads back as the same step, to the box’s own precision (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<DistanceUnit>('km', 'mi'),
        fc.double({ min: 1, max: 30, noNaN: true }),
        fc.integer({ min: 1, max: 7200 }),
        fc.double({ min: 10, max: 42_195, noNaN: true }),
        (unit, kmh, seconds, metres) => {
          // A speed box shows a hundredth of the runner's unit, cut: back at most a hundredth under, never over.
          const speed = value(parseSpeed(speedBox(kmh, 'speed', unit), 'speed', unit))!;
          const hundredthKmh = unit === 'km' ? 0.01 : 0.01609344;
          expect(kmh - speed).to.be.within(-1e-6, hundredthKmh + 1e-6);
          // A pace box shows whole seconds, cut: the pace read back is up to a second under the stored one.
          const pace = value(parseSpeed(speedBox(kmh, 'pace', unit), 'pace', unit))!;
          const perUnit = (k: number) => ((unit === 'km' ? 1000 : 1609.344) / k) * 3.6;
          expect(perUnit(kmh) - perUnit(pace)).to.be.within(-1e-5, 1 + 1e-5);
          // Times are whole seconds: exact.
          expect(value(parseLength(lengthBox({ kind: 'time', seconds }, unit), 'time', unit))).to.deep.equal({ kind: 'time', seconds });
          // Distances: a metre in km (whole metres), about two in miles (a thousandth of a mile).
          const back = value(parseLength(lengthBox({ kind: 'distance', metres }, unit), 'distance', unit));
          expect(back.kind).to.equal('distance');
          expect(Math.abs((back as { metres: number }).metres - metres)).to.be.at.most(unit === 'km' ? 0.55 : 0.86);
        },
      ),
      { numRuns: invariantRuns(200) },
    );
  });
});
