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
    { cadence: 172, speedMps: 3.2, sentRunning: false, status: null, running: false },
    { cadence: 120, speedMps: 1.4, sentRunning: true, status: null, running: true },
  ] as const;
  for (const { status, running, ...reading } of rows) {
    it(`${reading.cadence} steps/min at ${reading.speedMps} m/s, bit ${reading.sentRunning}, status ${status}: ${running ? 'running' : 'not running'}`, () => {
      expect(isRunning(reading, status)).to.equal(running);
    });
  }

  it('by cadence and speed: never running without steps or without moving', () => {
    expect(runsByCadenceAndSpeed(Number.NaN, 3)).to.equal(false);
    expect(runsByCadenceAndSpeed(180, Number.NaN)).to.equal(false);
  });
});
