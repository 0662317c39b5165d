// How a workout ends when the belt is left running: Stop the belt after the last step, and the
// recording's Stop, which ends the workout and sends nothing.
import { expect } from '@open-wc/testing';
import { limits, MachineDriver, timed } from './workout-machine-driver.js';
import { RECORDING_ENDED_BELT } from '../../src/workout/workout-machine.js';

function finished(): MachineDriver {
  const d = new MachineDriver();
  d.start(timed(5, 8));
  d.answerAll();
  d.run(6);
  expect(d.state.phase).to.equal('finished');
  return d;
}

describe('workout machine: after the workout is done', () => {
  it('Stop the belt after the last step sends the stop while the app holds control', () => {
    const d = finished();
    expect(d.send({ kind: 'stop' })).to.deep.equal([{ kind: 'stop' }]);
    expect(d.state.message).to.equal('The belt was asked to stop.');
  });

  it('sends nothing once the link was lost since, and says to stop it on the treadmill', () => {
    const d = finished();
    d.send({ kind: 'link', up: false });
    d.send({ kind: 'link', up: true });
    expect(d.send({ kind: 'stop' })).to.deep.equal([]);
    expect(d.state.message).to.contain('stop the belt on the treadmill');
  });

  it('sends nothing after a workout by voice', () => {
    const d = new MachineDriver();
    d.start(timed(5, 8), { mode: 'voice' });
    d.run(6);
    expect(d.send({ kind: 'stop' })).to.deep.equal([]);
  });
});

describe('workout machine: the recording ends the workout', () => {
  it('ends a driven workout with nothing sent, the belt left to Stop the belt', () => {
    const d = new MachineDriver();
    d.start(timed(10, 8, 12), { limits: limits() });
    d.answerAll();
    d.run(3);
    const before = d.sent.length;
    d.send({ kind: 'recording-ended' });
    d.run(20);
    expect(d.sent.length, 'commands after the recording ended').to.equal(before);
    expect(d.state.phase).to.equal('finished');
    expect(d.state.message).to.equal(RECORDING_ENDED_BELT);
    expect(d.send({ kind: 'stop' })).to.deep.equal([{ kind: 'stop' }]);
  });
});

describe('workout machine: a maximum lowered during the workout', () => {
  it('clamps the speed waiting to go out to the new maximum', () => {
    const d = new MachineDriver();
    d.start(timed(10, 14), { limits: limits({ maxSpeedKmh: 16 }) });
    // Control granted: the start goes out, the step's speed waits behind it.
    d.answer();
    expect(d.state.queue.map((c) => c.value)).to.deep.equal([14]);
    d.send({ kind: 'limits', limits: limits({ maxSpeedKmh: 10 }) });
    expect(d.answerAll().filter((c) => c.kind === 'speed').map((c) => c.value)).to.deep.equal([10]);
  });
});

describe('workout machine: a paused workout whose page is hidden', () => {
  it('stays paused by the runner: the words and the end say the belt is paused', () => {
    const d = new MachineDriver();
    d.start(timed(60, 8));
    d.answerAll();
    d.run(5);
    d.send({ kind: 'pause' });
    d.answerAll();
    d.send({ kind: 'visibility', hidden: true });
    d.send({ kind: 'visibility', hidden: false });
    expect(d.state.pausedBy).to.equal('runner');
    expect(d.state.message).to.equal('Workout paused: the belt was asked to pause.');
    d.send({ kind: 'skip' });
    expect(d.state.message).to.equal('Workout done. The belt is paused: the app sends nothing more.');
  });
});
