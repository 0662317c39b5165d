import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { type BeltLimits, DEFAULT_MAX_SPEED_KMH, clampIncline, clampSpeed, defaultRunnerMax } from '../../src/workout/belt-limits.js';
import { parseSpeed } from '../../src/components/workout-fields.js';
import { invariantRuns } from '../support/invariant-runs.js';

/** A speed typed in the editor or Settings, kept as the app keeps it (km/h to a thousandth). */
const typed = (text: string, unit: 'km' | 'mi'): number => (parseSpeed(text, 'speed', unit) as { ok: true; value: number }).value;

const limits = (over: Partial<BeltLimits> = {}): BeltLimits => ({
  speed: { minKmh: 1, maxKmh: 18, incrementKmh: 0.1 },
  incline: { minPercent: 0, maxPercent: 15, incrementPercent: 0.5 },
  maxSpeedKmh: 16,
  maxInclinePercent: 12,
  ...over,
});

describe('belt limits', () => {
  it('defaults the runner’s maximum to the treadmill’s, capped at a sane running speed', () => {
    expect(DEFAULT_MAX_SPEED_KMH).to.equal(20);
    expect(defaultRunnerMax({ minKmh: 1, maxKmh: 25, incrementKmh: 0.1 })).to.equal(20);
    expect(defaultRunnerMax({ minKmh: 1, maxKmh: 16, incrementKmh: 0.1 })).to.equal(16);
    expect(defaultRunnerMax(null)).to.equal(20);
  });

  it('sets the runner’s maximum and says so', () => {
    expect(clampSpeed(22, limits())).to.deep.equal({ value: 16, changed: 'runner-max', message: 'The step asks 22.0 km/h; the belt is set to your maximum of 16.0 km/h.' });
    expect(clampSpeed(22, limits(), 'mi').message).to.equal('The step asks 13.7 mph; the belt is set to your maximum of 9.9 mph.');
  });

  it('sets the treadmill’s maximum or minimum and says so', () => {
    expect(clampSpeed(19, limits({ maxSpeedKmh: 20 }))).to.deep.equal({ value: 18, changed: 'treadmill-max', message: 'The step asks 19.0 km/h; the belt is set to the treadmill\'s maximum of 18.0 km/h.' });
    expect(clampSpeed(0.5, limits())).to.deep.equal({ value: 1, changed: 'treadmill-min', message: 'The step asks 0.5 km/h; the belt is set to the treadmill\'s minimum of 1.0 km/h.' });
    expect(clampIncline(14, limits())).to.deep.equal({ value: 12, changed: 'runner-max', message: 'The step asks 14.0 %; the belt is set to your maximum incline of 12.0 %.' });
    expect(clampIncline(-3, limits())).to.deep.equal({ value: 0, changed: 'treadmill-min', message: 'The step asks -3.0 %; the belt is set to the treadmill\'s minimum incline of 0.0 %.' });
  });

  it('never says "your maximum" for a maximum the runner never set: names the treadmill’s, or the app’s cap', () => {
    const untouched = (speed: BeltLimits['speed'], incline: BeltLimits['incline'] = null): BeltLimits => ({
      speed, incline, maxSpeedKmh: defaultRunnerMax(speed), maxInclinePercent: incline?.maxPercent ?? 15, maxSpeedSetByRunner: false, maxInclineSetByRunner: false,
    });
    expect(clampSpeed(19, untouched({ minKmh: 1, maxKmh: 18, incrementKmh: 0.1 }))).to.deep.equal({
      value: 18, changed: 'treadmill-max', message: 'The step asks 19.0 km/h; the belt is set to the treadmill\'s maximum of 18.0 km/h.',
    });
    expect(clampSpeed(22, untouched({ minKmh: 1, maxKmh: 25, incrementKmh: 0.1 }))).to.deep.equal({
      value: 20, changed: 'runner-max', message: 'The step asks 22.0 km/h; the belt is set to the app\'s cap of 20.0 km/h.',
    });
    expect(clampSpeed(22, untouched(null)).message).to.equal('The step asks 22.0 km/h; the belt is set to the app\'s cap of 20.0 km/h.');
    expect(clampIncline(14, untouched(null, { minPercent: 0, maxPercent: 12, incrementPercent: 0.5 })).message).to.equal(
      'The step asks 14.0 %; the belt is set to the treadmill\'s maximum incline of 12.0 %.',
    );
    expect(clampIncline(18, untouched(null)).message).to.equal('The step asks 18.0 %; the belt is set to the app\'s cap of 15.0 %.');
  });

  it('rounds to the increment from the minimum, quietly, never over a maximum', () => {
    expect(clampSpeed(12.34, limits())).to.deep.equal({ value: 12.3, changed: null, message: null });
    expect(clampSpeed(16.1, limits({ maxSpeedKmh: 16.1 }))).to.deep.equal({ value: 16.1, changed: null, message: null });
    expect(clampIncline(2.3, limits()).value).to.equal(2.5);
    // 0.3 km/h steps from 1.0: 15.7, 16.0 is 1.0 + 50 × 0.3; a maximum of 15.9 keeps 15.7.
    const odd = limits({ speed: { minKmh: 1, maxKmh: 18, incrementKmh: 0.3 }, maxSpeedKmh: 15.9 });
    expect(clampSpeed(15.85, odd)).to.deep.equal({ value: 15.7, changed: null, message: null });
    expect(clampSpeed(16, odd).value).to.equal(15.7);
  });

  it('a step at exactly the runner’s maximum typed in mph is not said to be clamped', () => {
    // "10" mph in Settings and in the editor are both kept as 16.093 km/h; the field takes 16.09.
    const tenMph = 16.093;
    expect(clampSpeed(tenMph, limits({ speed: null, maxSpeedKmh: tenMph }), 'mi')).to.deep.equal({ value: 16.09, changed: null, message: null });
    expect(clampSpeed(tenMph, limits({ speed: { minKmh: 1, maxKmh: 18, incrementKmh: 0.01 }, maxSpeedKmh: tenMph }), 'mi').changed).to.equal(null);
    // A hundredth over is over.
    expect(clampSpeed(16.11, limits({ speed: null, maxSpeedKmh: tenMph }), 'mi').changed).to.equal('runner-max');
  });

  // A maximum whose km/h is off the field's grid (8 mph is 12.874752 km/h): the step typed the same
  // is at the maximum, not over it; what is sent stays under the runner's true maximum.
  it('a step and a maximum both typed as 8.0 mph: not clamped, sent at most the maximum', () => {
    const eightMph = typed('8.0', 'mi');
    expect(eightMph).to.be.closeTo(12.874752, 1e-9);
    const at = clampSpeed(eightMph, limits({ speed: { minKmh: 0.5, maxKmh: 25, incrementKmh: 0.01 }, maxSpeedKmh: eightMph, maxSpeedSetByRunner: true }), 'mi');
    expect(at).to.deep.equal({ value: 12.87, changed: null, message: null });
    expect(clampSpeed(12.89, limits({ speed: null, maxSpeedKmh: eightMph }), 'mi').changed, 'a hundredth past the grid point is over').to.equal('runner-max');
    expect(clampSpeed(12.88, limits({ speed: null, maxSpeedKmh: eightMph }), 'mi').changed, 'past half a hundredth over the maximum: over').to.equal('runner-max');
    expect(clampSpeed(12.875, limits({ speed: null, maxSpeedKmh: eightMph }), 'mi').changed, 'within half a hundredth: at it').to.equal(null);
  });

  // A treadmill that says its 12 mph maximum in the field's hundredths (19.31, or 12.87 for 8 mph).
  it('a step at a treadmill’s maximum in mph is not clamped', () => {
    const untouched = (maxKmh: number): BeltLimits => ({
      speed: { minKmh: 0.8, maxKmh, incrementKmh: 0.01 }, incline: null, maxSpeedKmh: defaultRunnerMax({ minKmh: 0.8, maxKmh, incrementKmh: 0.01 }), maxInclinePercent: 15, maxSpeedSetByRunner: false,
    });
    expect(clampSpeed(typed('12.0', 'mi'), untouched(19.31), 'mi')).to.deep.equal({ value: 19.31, changed: null, message: null });
    expect(clampSpeed(typed('8.0', 'mi'), untouched(12.87), 'mi')).to.deep.equal({ value: 12.87, changed: null, message: null });
    expect(clampSpeed(typed('12.1', 'mi'), untouched(19.31), 'mi').changed).to.equal('treadmill-max');
  });

  it('never sends above either maximum, and never says a step at a maximum typed the same was clamped (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'km' | 'mi'>('km', 'mi'),
        // The runner's maximum as typed: km/h to two decimals, mph to one (as the fields offer).
        fc.integer({ min: 300, max: 3000 }),
        // The treadmill's maximum in the field's hundredths, the same maximum said in km/h by a
        // treadmill in mph (rounded or floored to the field), or well above.
        fc.oneof(fc.constant('same-round'), fc.constant('same-floor'), fc.integer({ min: 100, max: 4000 })),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.5, max: 40, noNaN: true }),
        (unit, n, treadmill, increment, other) => {
          const text = unit === 'km' ? (n / 100).toFixed(2) : (n / 100).toFixed(1);
          const max = typed(text, unit);
          const treadmillMax = treadmill === 'same-round' ? Math.round(max * 100) / 100 : treadmill === 'same-floor' ? Math.floor(max * 100 + 1e-9) / 100 : treadmill / 100;
          const speed = { minKmh: 0.5, maxKmh: Math.max(0.5, treadmillMax), incrementKmh: increment / 100 };
          for (const runnerSet of [true, false]) {
            const runnerMax = runnerSet ? max : defaultRunnerMax(speed);
            const l = limits({ speed, maxSpeedKmh: runnerMax, maxSpeedSetByRunner: runnerSet });
            for (const asked of [max, speed.maxKmh, other]) {
              const { value, changed, message } = clampSpeed(asked, l, unit);
              expect(value, `${value} over the runner's ${runnerMax}`).to.be.at.most(runnerMax + 1e-9);
              expect(value, `${value} over the treadmill's ${speed.maxKmh}`).to.be.at.most(speed.maxKmh + 1e-9);
              const atAMax = (asked === runnerMax || asked === speed.maxKmh) && asked <= Math.min(runnerMax, speed.maxKmh) + 0.005 + 1e-9;
              if (atAMax && asked >= speed.minKmh) expect(message, `${asked} at a maximum (runner ${runnerMax}, treadmill ${speed.maxKmh})`).to.equal(null);
              if (message === null) expect(changed).to.equal(null);
            }
          }
        },
      ),
      { numRuns: invariantRuns(200) },
    );
  });

  it('without ranges, keeps to the field’s resolution and the runner’s maximum', () => {
    expect(clampSpeed(12.345, limits({ speed: null })).value).to.equal(12.35);
    expect(clampSpeed(25, limits({ speed: null, maxSpeedKmh: 20 })).changed).to.equal('runner-max');
    expect(clampSpeed(25, limits({ speed: null, maxSpeedKmh: Number.NaN })).value).to.equal(DEFAULT_MAX_SPEED_KMH);
  });

  it('never goes over a runner’s maximum below the treadmill’s minimum', () => {
    expect(clampSpeed(5, limits({ speed: { minKmh: 3, maxKmh: 18, incrementKmh: 0.1 }, maxSpeedKmh: 2 }))).to.deep.include({ value: 2, changed: 'runner-max' });
  });

  /** Ranges as a treadmill sends them: whole field units (0.01 km/h, 0.1 %). */
  const speedCase = fc.record({
    min: fc.integer({ min: 0, max: 500 }),
    span: fc.integer({ min: 0, max: 3000 }),
    increment: fc.integer({ min: 1, max: 60 }),
    runnerMax: fc.integer({ min: 100, max: 3000 }).map((n) => n / 100),
    asked: fc.oneof(fc.double({ min: -5, max: 40, noNaN: true }), fc.integer({ min: 0, max: 300 }).map((n) => n / 10)),
  });

  it('on a maximum off the treadmill’s own grid, sets the grid speed below it, quietly', () => {
    // 0 to 18.10 km/h by 0.32: 18.24 would pass the maximum, so 17.92.
    expect(clampSpeed(18.1, limits({ speed: { minKmh: 0, maxKmh: 18.1, incrementKmh: 0.32 }, maxSpeedKmh: 18.1 }))).to.deep.equal({ value: 17.92, changed: null, message: null });
  });

  it('a clamped speed never exceeds either maximum and is on the increment grid (generated ranges)', () => {
    fc.assert(
      fc.property(speedCase, ({ min, span, increment, runnerMax, asked }) => {
        const speed = { minKmh: min / 100, maxKmh: (min + span) / 100, incrementKmh: increment / 100 };
        const { value, changed } = clampSpeed(asked, limits({ speed, maxSpeedKmh: runnerMax }));
        expect(value, 'runner max').to.be.at.most(runnerMax);
        expect(value, 'treadmill max').to.be.at.most(speed.maxKmh);
        const steps = (value * 100 - min) / increment;
        expect(Math.abs(steps - Math.round(steps)), `on the grid: ${value}`).to.be.below(1e-6);
        if (runnerMax >= speed.minKmh) expect(value, 'treadmill min').to.be.at.least(speed.minKmh);
        // Inside the range it is the nearest grid speed (a half step off at most), quietly; outside it
        // is said. (The rules compare on the field's grid of 0.01 km/h: within half of one either side
        // of a limit may go either way.)
        const outside = Math.max(speed.minKmh - asked, asked - Math.min(runnerMax, speed.maxKmh));
        if (outside <= 1e-9) {
          // A maximum off the treadmill's own grid (0 to 18.10 by 0.32): the nearest grid speed may be
          // past it, and then the one below it is the speed, less than one increment under the ask.
          const nearest = Math.abs(value - asked) <= increment / 200 + 1e-9;
          const belowOffGridTop = asked - value < increment / 100 + 1e-9 && value + increment / 100 > Math.min(runnerMax, speed.maxKmh) + 1e-9;
          expect(nearest || belowOffGridTop, `${value} for ${asked}`).to.equal(true);
          expect(changed).to.equal(null);
        } else if (outside > 0.005 + 1e-8) expect(changed).to.not.equal(null);
      }),
      { numRuns: invariantRuns(200) },
    );
  });

  it('a clamped incline never exceeds either maximum and is on the increment grid (generated ranges)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 50 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 300 }), fc.double({ min: -20, max: 40, noNaN: true }),
        (min, span, increment, runnerMax, asked) => {
          const incline = { minPercent: min / 10, maxPercent: (min + span) / 10, incrementPercent: increment / 10 };
          const { value } = clampIncline(asked, limits({ incline, maxInclinePercent: runnerMax / 10 }));
          expect(value).to.be.at.most(runnerMax / 10);
          expect(value).to.be.at.most(incline.maxPercent);
          const steps = (value * 10 - min) / increment;
          expect(Math.abs(steps - Math.round(steps))).to.be.below(1e-6);
        }),
      { numRuns: invariantRuns(200) },
    );
  });
});
