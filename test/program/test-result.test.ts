import { expect } from '@open-wc/testing';
import { SPEED_STEPS_PER_MPS } from '../../src/ble/ftms-treadmill-flags.js';
import { testResult, type TestOutcome } from '../../src/program/test-result.js';
import { columnsOf, second, spell, testRun } from '../support/generated-program-runs.js';

const run = { sessionId: 's1', atMs: 1_700_000_000_000 };
const main = { fromT: 0, toT: 300 };
const f = Math.fround;

function ok(outcome: TestOutcome) {
  if (!outcome.ok) throw new Error(`expected a result, got: ${outcome.why}`);
  return outcome;
}
function notOk(outcome: TestOutcome): string {
  if (outcome.ok) throw new Error('expected no result');
  return outcome.why;
}

describe('testResult: which minutes are kept', () => {
  it('keeps all five steady minutes and gives their cadence and stride', () => {
    const outcome = ok(testResult(columnsOf([second(), ...spell(300, { cadence: 168, strideLengthM: 1.07 })]), main, 3, run));
    expect(outcome.note).to.equal(null);
    expect(outcome.result).to.deep.equal({ ...run, speedMps: 3, cadenceSpm: 168, strideLengthM: f(1.07), keptMinutes: 5, discardedMinutes: 0 });
  });

  it('keeps 4 of 5 minutes when one is run at +4 %, says so, and leaves that minute out of the cadence', () => {
    const seconds = [second(), ...spell(120, { cadence: 170 }), ...spell(60, { speedMps: 3.12, cadence: 176 }), ...spell(120, { cadence: 170 })];
    const outcome = ok(testResult(columnsOf(seconds), main, 3, run));
    expect(outcome.result).to.deep.include({ keptMinutes: 4, discardedMinutes: 1, cadenceSpm: 170 });
    expect(outcome.note).to.equal('1 of 5 minutes was left out: the speed was off by more than 3 %.');
  });

  it('discards a minute for one 5-second stretch off, and keeps one exactly 3 % off', () => {
    const seconds = [second(), ...spell(60), ...spell(55), ...spell(5, { speedMps: 3.1 }), ...spell(60, { speedMps: 3.09 }), ...spell(60, { speedMps: 2.91 }), ...spell(60)];
    const outcome = ok(testResult(columnsOf(seconds), main, 3, run));
    expect(outcome.result).to.deep.include({ keptMinutes: 4, discardedMinutes: 1 });
  });

  it('keeps a belt exactly 3 % off, stored as float32: 10.3 and 9.7 km/h on a 10.0 km/h test', () => {
    // The treadmill sends 0.01 km/h steps; the belt column is float32, so 10.3 km/h is stored 5e-8 m/s over the line.
    for (const kmh of [10.3, 9.7]) {
      const belt = Math.round(kmh * 100) / SPEED_STEPS_PER_MPS;
      const outcome = ok(testResult(columnsOf(spell(301, { treadmillSpeedMps: belt, speedMps: belt })), main, 10 / 3.6, run));
      expect(outcome.result.keptMinutes, `${kmh} km/h`).to.equal(5);
      expect(outcome.note).to.equal(null);
    }
    // A belt step further is off.
    const off = Math.round(10.31 * 100) / SPEED_STEPS_PER_MPS;
    expect(notOk(testResult(columnsOf(spell(301, { treadmillSpeedMps: off })), main, 10 / 3.6, run))).to.match(/speed was off by more than 3 %/);
  });

  it('is not valid with 3 bad minutes, and says why and to take it again', () => {
    const seconds = [second(), ...spell(60), ...spell(180, { speedMps: 2.8 }), ...spell(60)];
    const why = notOk(testResult(columnsOf(seconds), main, 3, run));
    expect(why).to.equal('Only 2 of 5 minutes of the test counted (the speed was off by more than 3 %); a test needs 3 steady minutes. Take it again, keeping the belt at the test speed.');
  });

  it('discards a minute with less than 55 s of running, and keeps one with exactly 55', () => {
    const seconds = [second(), ...spell(55), ...spell(5, { running: false }), ...spell(54), ...spell(6, { running: false }), ...spell(180)];
    const outcome = ok(testResult(columnsOf(seconds), main, 3, run));
    expect(outcome.result).to.deep.include({ keptMinutes: 4, discardedMinutes: 1 });
    expect(outcome.note).to.equal('1 of 5 minutes was left out: the pod counted less than 55 s of running.');
  });

  it('on a footpod alone, leaves the seconds the pod says not running out of the speed check', () => {
    // Standing on the rails for 4 s reads 0 m/s: the minute still has 56 s of running at the test speed.
    const standing = (n: number) => spell(n, { running: false, speedMps: 0, cadence: 0 });
    const seconds = [second(), ...spell(80), ...standing(4), ...spell(216)];
    expect(ok(testResult(columnsOf(seconds), main, 3, run))).to.deep.include({ note: null });
    // Standing for 6 s leaves the minute out for its running, not for its speed.
    const longer = [second(), ...spell(80), ...standing(6), ...spell(214)];
    expect(ok(testResult(columnsOf(longer), main, 3, run)).note).to.equal('1 of 5 minutes was left out: the pod counted less than 55 s of running.');
  });

  it('judges the belt\'s speed while the runner stands on the rails', () => {
    const standing = { running: false, speedMps: 0, cadence: 0 };
    const held = [second(), ...spell(80, { treadmillSpeedMps: 3 }), ...spell(4, { ...standing, treadmillSpeedMps: 3 }), ...spell(216, { treadmillSpeedMps: 3 })];
    expect(ok(testResult(columnsOf(held), main, 3, run)).note).to.equal(null);
    const slowed = [second(), ...spell(80, { treadmillSpeedMps: 3 }), ...spell(4, { ...standing, treadmillSpeedMps: 1 }), ...spell(216, { treadmillSpeedMps: 3 })];
    expect(ok(testResult(columnsOf(slowed), main, 3, run)).note).to.equal('1 of 5 minutes was left out: the speed was off by more than 3 %.');
  });

  it('names each reason when minutes were left out for different ones', () => {
    const seconds = [second(), ...spell(60, { speedMps: 3.5 }), ...spell(60, { cadence: Number.NaN }), ...spell(180)];
    expect(ok(testResult(columnsOf(seconds), main, 3, run)).note).to.equal(
      '2 of 5 minutes were left out: in 1 the speed was off by more than 3 %, in 1 the pod counted less than 55 s of running.',
    );
  });
});

describe('testResult: which speed', () => {
  it('takes the treadmill\'s own speed over the pod\'s where it has one', () => {
    // The pod reads 5 % fast all through; the belt held 3.0 m/s.
    const seconds = [second(), ...spell(300, { speedMps: 3.15, treadmillSpeedMps: 3 })];
    expect(ok(testResult(columnsOf(seconds), main, 3, run)).result.keptMinutes).to.equal(5);
    // The belt ran 5 % fast in the last two minutes though the pod read steady.
    const belt = [second(), ...spell(180, { treadmillSpeedMps: 3 }), ...spell(120, { treadmillSpeedMps: 3.15 })];
    expect(ok(testResult(columnsOf(belt), main, 3, run)).result.keptMinutes).to.equal(3);
  });

  it('falls back to the pod speed in seconds the treadmill sent nothing', () => {
    const seconds = [second(), ...spell(240, { treadmillSpeedMps: 3 }), ...spell(60, { speedMps: 3.5 })];
    expect(ok(testResult(columnsOf(seconds), main, 3, run)).result.keptMinutes).to.equal(4);
  });
});

describe('testResult: cadence and stride', () => {
  it('time-weights over the running seconds of the kept minutes', () => {
    // Minute 1: 58 s at 160 and 2 s walking; minutes 2-5 at 170. Mean: (58 × 160 + 240 × 170) / 298.
    const seconds = [second(), ...spell(58, { cadence: 160, strideLengthM: 1.1 }), ...spell(2, { running: false, cadence: 90 }), ...spell(240)];
    const { result } = ok(testResult(columnsOf(seconds), main, 3, run));
    expect(result.cadenceSpm).to.be.closeTo((58 * 160 + 240 * 170) / 298, 1e-9);
    expect(result.strideLengthM).to.be.closeTo((58 * f(1.1) + 240 * f(1.06)) / 298, 1e-9);
  });

  it('derives the stride from speed and cadence in the seconds the pod sent none', () => {
    const none = [second(), ...spell(300, { strideLengthM: Number.NaN, cadence: 180 })];
    expect(ok(testResult(columnsOf(none), main, 3, run)).result.strideLengthM).to.be.closeTo((3 * 60) / 180, 1e-9);
    // Half the minutes with the pod's 1.2 m, half derived: 3 m/s × 60 / 180 = 1.0 m.
    const half = [second(), ...spell(150, { strideLengthM: 1.2, cadence: 180 }), ...spell(150, { strideLengthM: Number.NaN, cadence: 180 })];
    expect(ok(testResult(columnsOf(half), main, 3, run)).result.strideLengthM).to.be.closeTo((150 * f(1.2) + 150 * 1.0) / 300, 1e-6);
  });

  it('derives the stride from the test speed when the running samples carry neither stride nor speed', () => {
    // Every 0.1 s; the first tenth of each 5 s a standing sample with the belt's speed, the rest
    // running at 180 with no speed and no stride: each window has a speed, each minute 58.8 s of running.
    const seconds = Array.from({ length: 3001 }, (_, k) =>
      k % 50 === 1
        ? second({ running: false, cadence: 0, strideLengthM: Number.NaN, speedMps: Number.NaN, treadmillSpeedMps: 3 })
        : second({ speedMps: Number.NaN, strideLengthM: Number.NaN, cadence: 180 }),
    );
    const columns = columnsOf(seconds);
    columns.t.set(seconds.map((_, k) => k / 10));
    const { result } = ok(testResult(columns, main, 3, run));
    expect(result.keptMinutes).to.equal(5);
    expect(result.cadenceSpm).to.be.closeTo(180, 1e-9);
    expect(result.strideLengthM).to.be.closeTo((3 * 60) / 180, 1e-9);
  });

  it('leaves seconds with no cadence (NaN) out of the cadence', () => {
    const seconds = [second(), ...spell(58, { cadence: 160 }), ...spell(2, { cadence: Number.NaN }), ...spell(240)];
    expect(ok(testResult(columnsOf(seconds), main, 3, run)).result.cadenceSpm).to.be.closeTo((58 * 160 + 240 * 170) / 298, 1e-9);
  });
});

describe('testResult: the main part\'s minutes', () => {
  it('counts a main part a sample\'s jitter short of five minutes as five', () => {
    const outcome = ok(testResult(columnsOf([second(), ...spell(300)]), { fromT: 0, toT: 299.4 }, 3, run));
    expect(outcome.result).to.deep.include({ keptMinutes: 5, discardedMinutes: 0 });
  });

  it('splits a longer main part (walking inside it) into its whole minutes, from its start', () => {
    const seconds = [second(), ...spell(10), ...spell(60), ...spell(60, { running: false }), ...spell(250)];
    const outcome = ok(testResult(columnsOf(seconds, 50), { fromT: 60, toT: 430 }, 3, run));
    expect(outcome.result).to.deep.include({ keptMinutes: 5, discardedMinutes: 1 });
    expect(outcome.note).to.equal('1 of 6 minutes was left out: the pod counted less than 55 s of running.');
  });

  it('leaves out a minute whose samples have no speed, and says so', () => {
    const seconds = [second(), ...spell(60), ...spell(60, { speedMps: Number.NaN }), ...spell(180)];
    expect(ok(testResult(columnsOf(seconds), main, 3, run)).note).to.equal('1 of 5 minutes was left out: no speed was recorded.');
  });
});

describe('testResult: a pause inside a minute', () => {
  it('does not hold a sample across a step of more than 10 s: that minute lacks 30 s, and the note says the link was lost', () => {
    const seconds = [second(), ...spell(300)];
    const columns = columnsOf(seconds);
    // Samples 71-99 lost (a pause from 70 s to 100 s): 30 s of minute 2 unmeasured.
    const keep = [...columns.t.keys()].filter((i) => i <= 70 || i >= 100);
    const paused = columnsOf(keep.map((i) => seconds[i]!));
    paused.t.set(keep.map((i) => columns.t[i]!));
    const outcome = ok(testResult(paused, main, 3, run));
    expect(outcome.result).to.deep.include({ keptMinutes: 4, discardedMinutes: 1 });
    expect(outcome.note).to.equal('1 of 5 minutes was left out: the link to the sensors was lost for more than 5 s.');
  });

  it('holds a smart recording\'s record over a step of up to 10 s', () => {
    const seconds = [second(), ...spell(300)];
    const keep = [...seconds.keys()].filter((i) => i % 10 === 0);
    const columns = columnsOf(keep.map((i) => seconds[i]!));
    columns.t.set(keep);
    expect(ok(testResult(columns, main, 3, run)).result.keptMinutes).to.equal(5);
  });
});

describe('testResult: the minutes are cut on the test\'s clock, the recording\'s gaps taken out', () => {
  /** A 1 Hz run from t = 0 to `endT` with no samples strictly inside the gaps (as the recorder writes them). */
  function around(endT: number, gaps: readonly { fromT: number; toT: number }[]) {
    const times = Array.from({ length: endT + 1 }, (_, t) => t).filter((t) => !gaps.some((g) => t > g.fromT && t < g.toT));
    const columns = columnsOf(spell(times.length));
    columns.t.set(times);
    return columns;
  }

  it('keeps the minute an 8 s pause falls in: the pause is no time of the test', () => {
    const gaps = [{ fromT: 120, toT: 128, reason: 'paused' as const }];
    const outcome = ok(testResult(around(308, gaps), { fromT: 0, toT: 308 }, 3, run, gaps));
    expect(outcome.result).to.deep.include({ keptMinutes: 5, discardedMinutes: 0 });
    expect(outcome.note).to.equal(null);
  });

  it('judges a test paused for ten minutes on its five minutes, not fifteen', () => {
    // Running 0-150 s, paused 150-750 s, running 750-900 s.
    const gaps = [{ fromT: 150, toT: 750, reason: 'paused' as const }];
    const outcome = ok(testResult(around(900, gaps), { fromT: 0, toT: 900 }, 3, run, gaps));
    expect(outcome.result).to.deep.include({ keptMinutes: 5, discardedMinutes: 0 });
    expect(outcome.note).to.equal(null);
  });

  it('counts a lost link as the run\'s count does (2.5 s at most), so the five minutes counted are five minutes judged', () => {
    // Lost 150-210 s: the count credits 2.5 s of it, so its 300 running seconds end at 358 s.
    const gaps = [{ fromT: 150, toT: 210, reason: 'link-lost' as const }];
    const outcome = ok(testResult(around(358, gaps), { fromT: 0, toT: 358 }, 3, run, gaps));
    expect(outcome.result).to.deep.include({ keptMinutes: 5, discardedMinutes: 0 });
  });

  it('says a lost link cost the minute, never that the pod counted too little running', () => {
    // Three links lost for 20 s each in the third minute: 7.5 s of it credited and unheard, 52.5 s heard.
    const gaps = [125, 150, 175].map((fromT) => ({ fromT, toT: fromT + 20, reason: 'link-lost' as const }));
    const outcome = ok(testResult(around(353, gaps), { fromT: 0, toT: 353 }, 3, run, gaps));
    expect(outcome.result).to.deep.include({ keptMinutes: 4, discardedMinutes: 1 });
    expect(outcome.note).to.equal('1 of 5 minutes was left out: the link to the sensors was lost for more than 5 s.');
  });
});

describe('testResult: the stride at the belt\'s speed', () => {
  it('is the belt\'s speed × 60 / cadence where the belt judges the test, whatever the pod\'s calibration', () => {
    // A pod reading 5 % short (2.85 m/s, 1.07 m) on a belt at 3.00 m/s, 160 steps/min: 1.125 m a step.
    const uncalibrated = ok(testResult(columnsOf(spell(301, { speedMps: 2.85, cadence: 160, strideLengthM: 1.07, treadmillSpeedMps: 3 })), main, 3, run));
    const calibrated = ok(testResult(columnsOf(spell(301, { speedMps: 3, cadence: 160, strideLengthM: 1.125, treadmillSpeedMps: 3 })), main, 3, run));
    expect(uncalibrated.result.cadenceSpm).to.equal(160);
    expect(uncalibrated.result.strideLengthM).to.be.closeTo((3 * 60) / 160, 1e-9);
    expect(calibrated.result.strideLengthM).to.be.closeTo(uncalibrated.result.strideLengthM, 1e-9);
  });
});

describe('testResult: bad input, in words', () => {
  it('a recording that ends before the test does', () => {
    // 200 s of the 300: minutes 1-3 kept, 4 partly recorded, 5 not at all.
    const outcome = ok(testResult(columnsOf([second(), ...spell(200)]), main, 3, run));
    expect(outcome.result).to.deep.include({ keptMinutes: 3, discardedMinutes: 2 });
    expect(outcome.note).to.equal('2 of 5 minutes were left out: in 1 the link to the sensors was lost for more than 5 s, in 1 nothing was recorded.');
    expect(notOk(testResult(columnsOf([second(), ...spell(100)]), main, 3, run))).to.match(/^Only 1 of 5 minutes .*nothing was recorded.*Take it again/);
  });

  it('a main part shorter than three minutes', () => {
    expect(notOk(testResult(columnsOf([second(), ...spell(300)]), { fromT: 0, toT: 150 }, 3, run))).to.equal(
      'The test ran 2 minutes; it needs 3 steady minutes to count. Take it again.',
    );
  });

  it('no test speed, no main part, times that go back', () => {
    const columns = columnsOf([second(), ...spell(300)]);
    expect(notOk(testResult(columns, main, Number.NaN, run))).to.match(/No test speed/);
    expect(notOk(testResult(columns, main, 0, run))).to.match(/No test speed/);
    expect(notOk(testResult(columns, { fromT: Number.NaN, toT: 300 }, 3, run))).to.match(/no start and end/);
    columns.t[100] = 50;
    expect(notOk(testResult(columns, main, 3, run))).to.match(/times go backwards at sample 101/);
  });

  it('an empty recording', () => {
    expect(notOk(testResult(columnsOf([]), main, 3, run))).to.match(/^No minute of the test counted \(nothing was recorded\)/);
  });
});

describe('testRun (the generated whole test the program tests use)', () => {
  it('gives the cadence it was run at, and leaves out the minutes run fast', () => {
    const steady = testRun({ speedMps: 2.8, cadence: 166 });
    expect(ok(testResult(steady.columns, steady.main, 2.8, run)).result).to.deep.include({ cadenceSpm: 166, keptMinutes: 5 });
    const off = testRun({ speedMps: 2.8, cadence: 166, offMinutes: [0, 4] });
    expect(ok(testResult(off.columns, off.main, 2.8, run)).result).to.deep.include({ keptMinutes: 3, discardedMinutes: 2 });
    const bad = testRun({ speedMps: 2.8, cadence: 166, offMinutes: [1, 2, 3] });
    expect(testResult(bad.columns, bad.main, 2.8, run).ok).to.equal(false);
  });
});
