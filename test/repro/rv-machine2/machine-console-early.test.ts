// rv-machine2: the workout runner, pure machine with scripted events.
import { expect } from '@open-wc/testing';
import { limits, MachineDriver, planned, timed } from '../../workout/workout-machine-driver.js';

describe('rv-machine2: workout machine, the console and the early send', () => {
  // workout-machine.ts: "A speed set on the treadmill's console is the runner's for the rest of the
  // step: no speed is sent in that step, not even at a Resume." A runner who pauses (space) in a
  // hard interval, turns the speed down on the console, then presses Resume gets the belt put
  // back at the interval's 14 km/h: the console's change is dropped because the workout was
  // paused when the treadmill reported it (onStatus ignores it outside 'running').
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
    expect(afterResume.filter((s) => s.command.kind === 'speed').map((s) => s.command.value), 'speeds sent at the Resume').to.deep.equal([]);
  });

  // early-send.ts: "However slow a treadmill was learned to be, a step is never cut by more than
  // this" (10 s); issue 19: "optionally send a step's change that much early" (the lag). For a
  // distance step whose speed was capped at the runner's maximum, with no belt speed reported,
  // the time left is reckoned at the step's planned (uncapped) speed: the next step's speed goes
  // out when 10 s are left at 20 km/h, which is 20 s at the 10 km/h the belt really runs, so the
  // 400 m rep is cut by twice the most the rule allows.
  it('a capped distance step\'s next speed is sent no earlier than the lag before its end, at the speed the belt was set to', () => {
    const d = new MachineDriver();
    d.start([planned({ kind: 'distance', metres: 400 }, 20, null, 0), planned({ kind: 'time', seconds: 60 }, 8, null, 1)], {
      limits: limits({ maxSpeedKmh: 10 }),
      settings: { sendEarly: true, lagS: 10 },
    });
    d.answerAll();
    let leftAtSendM: number | null = null;
    for (let i = 0; i < 300 && leftAtSendM === null; i++) {
      const commands = d.run(1, 1, 10);
      if (commands.some((c) => c.kind === 'speed' && c.step === 1)) leftAtSendM = 400 - d.state.coveredM;
      d.answerAll();
    }
    // 10 s at 10 km/h is 27.8 m.
    expect(leftAtSendM).to.not.equal(null);
    expect(leftAtSendM!, 'metres left in the rep when the next speed was sent').to.be.at.most(10 / 3.6 * 10 + 0.01);
  });
});
