import { expect } from '@open-wc/testing';
import { isRunning, runsByCadenceAndSpeed } from '../../src/session/gait.js';

describe('gait', () => {
  const rows = [
    // cadence, speed, sent bit, status, running
    { cadence: 172, speedMps: 3.2, sentRunning: false, status: 'not-reported', running: true },
    { cadence: 140, speedMps: 0.5, sentRunning: false, status: 'not-reported', running: true },
    { cadence: 139, speedMps: 2.1, sentRunning: true, status: 'not-reported', running: false },
    // From 7.9 km/h a short-striding jog is running whatever its cadence, as the calibration's gait says.
    { cadence: 138, speedMps: 2.4, sentRunning: false, status: 'not-reported', running: true },
    { cadence: 120, speedMps: 1.4, sentRunning: true, status: 'not-reported', running: false },
    { cadence: 170, speedMps: 0.4, sentRunning: true, status: 'not-reported', running: false },
    { cadence: 0, speedMps: 0, sentRunning: false, status: 'not-reported', running: false },
    { cadence: 172, speedMps: 3.2, sentRunning: false, status: 'reported', running: false },
    { cadence: 120, speedMps: 1.4, sentRunning: true, status: 'reported', running: true },
    // Feature unknown: a "walking" bit is no evidence until the pod has sent "running" once.
    { cadence: 172, speedMps: 3.2, sentRunning: false, status: null, running: true },
    { cadence: 120, speedMps: 1.4, sentRunning: false, status: null, running: false },
    { cadence: 120, speedMps: 1.4, sentRunning: true, status: null, running: true },
  ] as const;
  for (const { status, running, ...reading } of rows) {
    it(`${reading.cadence} steps/min at ${reading.speedMps} m/s, bit ${reading.sentRunning}, status ${status}: ${running ? 'running' : 'not running'}`, () => {
      expect(isRunning(reading, status)).to.equal(running);
    });
  }

  it('a pod whose feature is unknown is believed once it has sent "running": then its "walking" is a walk', () => {
    const stopsToWalk = { cadence: 172, speedMps: 3.2, sentRunning: false };
    expect(isRunning(stopsToWalk, null, true)).to.equal(false);
    expect(isRunning(stopsToWalk, null, false)).to.equal(true);
    // A pod that says it reports, or that it does not, is read by its feature whatever it sent before.
    expect(isRunning(stopsToWalk, 'reported', false)).to.equal(false);
    expect(isRunning(stopsToWalk, 'not-reported', true)).to.equal(true);
  });

  it('by cadence and speed: never running without steps or without moving', () => {
    expect(runsByCadenceAndSpeed(Number.NaN, 3)).to.equal(false);
    expect(runsByCadenceAndSpeed(180, Number.NaN)).to.equal(false);
  });
});
