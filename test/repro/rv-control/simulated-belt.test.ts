/// <reference types="mocha" />
// Repro tests (reviewer rv-control) for the simulated treadmill's belt under a workout's control.
import { expect } from '@open-wc/testing';
import { parseTreadmillData } from '../../../src/ble/ftms-treadmill.js';
import { MeasurementEvent } from '../../../src/sources/footpod-source.js';
import { SimulatedTreadmill } from '../../../src/sources/simulated-treadmill.js';

describe('rv-control: SimulatedTreadmill belt', () => {
  // Why it matters: issue 19: "A lost link ... sends nothing new: the belt keeps what it had; on
  // reconnect the workout stays paused until the runner resumes it." The simulated treadmill
  // forgets its belt on every disconnect: after the reconnect its Treadmill Data jumps from the
  // 8 km/h the workout set back to the demo run profile's speed (by several km/h in one second,
  // which its own belt never does), with nobody having sent a command. A runner trying the
  // workouts on the simulator sees the belt change speed by itself after a lost link, and the
  // workout's lag, belt-vs-plan chart and "speed reached" checks read a belt that no longer
  // matches what the app commanded.
  it('keeps the speed and incline the workout set across a disconnect and reconnect', async () => {
    const treadmill = new SimulatedTreadmill({ speedup: 1e-6, startAtS: 1400 });
    const seen: { kmh: number; incline: number }[] = [];
    treadmill.addEventListener(MeasurementEvent.type, (event) => {
      const d = parseTreadmillData((event as MeasurementEvent).view);
      seen.push({ kmh: Math.round(d.speedMps! * 360) / 100, incline: d.inclinationPercent! });
    });
    await treadmill.connect();
    treadmill.emitSeconds(2);
    expect((await treadmill.control.requestControl()).ok).to.equal(true);
    expect((await treadmill.control.setSpeed(8)).ok).to.equal(true);
    expect((await treadmill.control.setIncline(3)).ok).to.equal(true);
    treadmill.emitSeconds(20);
    expect(seen.at(-1), 'the belt reached what it was set to').to.deep.equal({ kmh: 8, incline: 3 });

    treadmill.disconnect();
    await treadmill.connect();
    treadmill.emitSeconds(3);
    expect(seen.slice(-3), 'after the reconnect, with nothing sent').to.deep.equal([
      { kmh: 8, incline: 3 },
      { kmh: 8, incline: 3 },
      { kmh: 8, incline: 3 },
    ]);
    treadmill.disconnect();
  });
});
