/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import {
  mulberry32,
  plannedRunS,
  plannedSpeedAt,
  runSampleAt,
  type RunPhase,
  type RunSample,
} from '../../src/sources/run-profile.js';

function simulateRun(seconds: number, seed: number): RunSample[] {
  const rng = mulberry32(seed);
  return Array.from({ length: seconds }, (_, t) => runSampleAt(t, rng));
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function correlation(xs: number[], ys: number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

const cadenceIn = (run: RunSample[], phase: RunPhase): number[] =>
  run.filter((s) => s.phase === phase).map((s) => s.cadence);

describe('run profile', () => {
  const hour = simulateRun(60 * 60, 42);

  it('plans a 60-minute session', () => {
    expect(plannedRunS).to.equal(3600);
  });

  it('goes through every phase in order', () => {
    const phases = hour.map((s) => s.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).to.deep.equal([
      'warm-up',
      'steady',
      ...['interval', 'recovery', 'interval', 'recovery', 'interval', 'recovery'],
      ...['interval', 'recovery', 'interval', 'recovery', 'interval'],
      'steady',
      'cool-down',
    ]);
  });

  it('keeps cadence within 148-187 steps/min for an hour', () => {
    const cadences = hour.map((s) => s.cadence);
    expect(Math.min(...cadences)).to.be.at.least(148);
    expect(Math.max(...cadences)).to.be.at.most(187);
    expect(cadences.every(Number.isInteger)).to.equal(true);
  });

  it('runs the paces of each phase', () => {
    const speedIn = (phase: RunPhase) => mean(hour.filter((s) => s.phase === phase).map((s) => s.speedMps));
    expect(speedIn('warm-up')).to.be.within(2.6, 2.9);
    expect(speedIn('steady')).to.be.within(3.1, 3.3);
    expect(speedIn('interval')).to.be.within(3.9, 4.2);
    expect(speedIn('cool-down')).to.be.within(2.4, 2.6);
  });

  it('has a higher cadence in intervals than in the warm-up', () => {
    expect(mean(cadenceIn(hour, 'interval'))).to.be.greaterThan(mean(cadenceIn(hour, 'warm-up')) + 15);
  });

  it('lengthens the stride with speed', () => {
    expect(correlation(hour.map((s) => s.speedMps), hour.map((s) => s.strideLengthM))).to.be.greaterThan(0.8);
    for (const s of hour) expect(s.strideLengthM).to.be.closeTo((s.speedMps * 60) / s.cadence, 1e-9);
  });

  it('never changes speed by more than 0.6 m/s from one second to the next, over 3 hours', () => {
    const run = simulateRun(3 * 60 * 60, 7);
    const biggest = Math.max(...run.slice(1).map((s, i) => Math.abs(s.speedMps - run[i]!.speedMps)));
    expect(biggest).to.be.lessThan(0.6);
    // The transitions are smooth, not merely under the bar.
    expect(biggest).to.be.lessThan(0.25);
  });

  it('keeps running steady after the planned hour', () => {
    const late = simulateRun(3 * 60 * 60, 3).slice(plannedRunS + 60);
    expect(late.every((s) => s.phase === 'steady' && s.isRunning)).to.equal(true);
    expect(Math.min(...late.map((s) => s.speedMps))).to.be.greaterThan(3.0);
    expect(Math.max(...late.map((s) => s.speedMps))).to.be.lessThan(3.4);
  });

  it('is running throughout, since every pace is above walking', () => {
    expect(hour.every((s) => s.isRunning)).to.equal(true);
  });

  it('adds small noise around the planned speed', () => {
    const offsets = hour.map((s) => s.speedMps - plannedSpeedAt(s.elapsedS));
    expect(Math.max(...offsets.map(Math.abs))).to.be.at.most(0.05);
    expect(Math.abs(mean(offsets))).to.be.lessThan(0.005);
    expect(new Set(hour.slice(600, 660).map((s) => s.speedMps)).size).to.be.greaterThan(50);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(simulateRun(300, 11)).to.deep.equal(simulateRun(300, 11));
    expect(simulateRun(300, 11)).not.to.deep.equal(simulateRun(300, 12));
  });
});
