import { expect } from '@open-wc/testing';
import { limits, MachineDriver, timed } from '../../workout/workout-machine-driver.js';

// Issue 19: hold-pace "may correct the belt by at most 0.3 km/h per 30 s". The machine measures the
// 0.3 km/h from the Treadmill Data reading, not from the speed the app last set. A reading one
// increment off the setting (belt wobble, the treadmill's own rounding; belt-by-hand.ts counts it as
// "the same setting") lets one correction move the commanded belt by 0.4 km/h: a surge the runner
// did not ask for, beyond the bound the issue promises.
describe('rv-rules2: hold-pace bound measured from what the app set', () => {
  it('a correction never moves the belt more than 0.3 km/h from the speed the app last set (reading 0.1 above it)', () => {
    const d = new MachineDriver();
    d.start(timed(300, 10), { settings: { holdPace: true }, limits: limits() });
    d.answerAll();
    d.run(1);
    const sent = d.run(40, 1, 10, { beltKmh: 10.1, podKmh: 9.6 });
    const speeds = sent.filter((c) => c.kind === 'speed').map((c) => (c as { value: number }).value);
    expect(speeds.length).to.be.greaterThan(0);
    for (const v of speeds) expect(Math.abs(v - 10), `sent ${v} km/h after setting 10.0`).to.be.at.most(0.3 + 1e-9);
  });

  it('a correction never moves the belt more than 0.3 km/h from the speed the app last set (reading 0.1 below it)', () => {
    const d = new MachineDriver();
    d.start(timed(300, 10), { settings: { holdPace: true }, limits: limits() });
    d.answerAll();
    d.run(1);
    const sent = d.run(40, 1, 10, { beltKmh: 9.9, podKmh: 10.4 });
    const speeds = sent.filter((c) => c.kind === 'speed').map((c) => (c as { value: number }).value);
    expect(speeds.length).to.be.greaterThan(0);
    for (const v of speeds) expect(Math.abs(v - 10), `sent ${v} km/h after setting 10.0`).to.be.at.most(0.3 + 1e-9);
  });
});
