// The console's speed during a Pause, the early send of a capped step, and hold-pace's bounds
// measured from what the app set and held off while the belt climbs back after Resume.
import { expect } from '@open-wc/testing';
import { limits, MachineDriver, planned, timed } from './workout-machine-driver.js';

const speedsOf = (commands: { kind: string; value?: number }[]): number[] => commands.filter((c) => c.kind === 'speed').map((c) => c.value!);

describe('workout machine: the console and the early send', () => {
  it('a speed set on the console while the workout is paused is kept at the Resume of that step', () => {
    const d = new MachineDriver();
    d.start(timed(120, 14, 10));
    d.answerAll();
    d.run(10);
    d.send({ kind: 'pause' });
    d.answerAll();
    d.send({ kind: 'status', status: { kind: 'target-speed-changed', kmh: 11 } as never });
    d.send({ kind: 'resume' });
    d.answerAll();
    const afterResume = d.sent.slice(d.sent.findIndex((s) => s.after === 'resume'));
    expect(speedsOf(afterResume.map((s) => s.command)), 'speeds sent at the Resume').to.deep.equal([]);
  });

  it('a capped distance step’s next speed goes out no earlier than the lag before its end, at the speed the belt was set to', () => {
    const d = new MachineDriver();
    d.start([planned({ kind: 'distance', metres: 400 }, 20, null, 0), planned({ kind: 'time', seconds: 60 }, 8, null, 1)], {
      limits: limits({ maxSpeedKmh: 10 }),
      settings: { sendEarly: true, lagS: 10 },
    });
    d.answerAll();
    let leftAtSendM: number | null = null;
    for (let i = 0; i < 300 && leftAtSendM === null; i++) {
      if (d.run(1, 1, 10).some((c) => c.kind === 'speed' && c.step === 1)) leftAtSendM = 400 - d.state.coveredM;
      d.answerAll();
    }
    expect(leftAtSendM).to.not.equal(null);
    // 10 s at the 10 km/h the belt was set to.
    expect(leftAtSendM!, 'metres left when the next speed was sent').to.be.at.most((10 / 3.6) * 10 + 0.01);
  });
});

describe('workout machine: hold-pace from what the app set', () => {
  for (const [beltKmh, podKmh] of [[10.1, 9.6], [9.9, 10.4]] as const) {
    it(`never moves the belt more than 0.3 km/h from the speed the app last set (reading ${beltKmh})`, () => {
      const d = new MachineDriver();
      d.start(timed(300, 10), { settings: { holdPace: true }, limits: limits() });
      d.answerAll();
      d.run(1);
      const speeds = speedsOf(d.run(40, 1, 10, { beltKmh, podKmh }));
      expect(speeds.length).to.be.greaterThan(0);
      for (const v of speeds) expect(Math.abs(v - 10), `sent ${v} km/h after setting 10.0`).to.be.at.most(0.3 + 1e-9);
    });
  }

  it('sends nothing but the step’s own speed while the belt climbs back to it after Resume', () => {
    const d = new MachineDriver();
    d.start(timed(600, 10), { settings: { holdPace: true } });
    d.answerAll();
    d.run(1);
    d.run(60, 1, 10, { beltKmh: 10, podKmh: 10 });
    d.send({ kind: 'pause' });
    d.answerAll();
    d.send({ kind: 'resume' });
    expect(d.answerAll()).to.deep.equal([{ kind: 'speed', value: 10, step: 0 }]);
    const sent = [];
    for (const beltKmh of [2, 5, 8, 9.6]) sent.push(...d.run(1, 1, beltKmh, { beltKmh, podKmh: beltKmh - 0.6 }));
    expect(sent).to.deep.equal([]);
  });

  it('corrects again 30 s after Resume once the belt is back at the step’s speed', () => {
    const d = new MachineDriver();
    d.start(timed(600, 10), { settings: { holdPace: true } });
    d.answerAll();
    d.run(1);
    d.run(60, 1, 10, { beltKmh: 10, podKmh: 10 });
    d.send({ kind: 'pause' });
    d.answerAll();
    d.send({ kind: 'resume' });
    d.answerAll();
    expect(d.run(29, 1, 10, { beltKmh: 10, podKmh: 9.6 })).to.deep.equal([]);
    expect(speedsOf(d.run(2, 1, 10, { beltKmh: 10, podKmh: 9.6 }))).to.deep.equal([10.3]);
  });

  it('sends no correction while the belt has not yet reached the speed set after Resume, however long it takes', () => {
    const d = new MachineDriver();
    d.start(timed(600, 10), { settings: { holdPace: true } });
    d.answerAll();
    d.run(1);
    d.run(60, 1, 10, { beltKmh: 10, podKmh: 10 });
    d.send({ kind: 'pause' });
    d.answerAll();
    d.send({ kind: 'resume' });
    d.answerAll();
    expect(d.run(40, 1, 9.6, { beltKmh: 9.6, podKmh: 9.4 })).to.deep.equal([]);
  });
});
