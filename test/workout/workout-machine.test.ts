import { expect } from '@open-wc/testing';
import { positionOf } from '../../src/workout/workout-machine.js';
import { limits, MachineDriver, planned, status, timed } from './workout-machine-driver.js';

/** A driver whose belt workout has started: control granted, belt started, step 0 set, clock anchored. */
function started(steps = timed(180, 10, 14), settings = {}, lim = limits()): MachineDriver {
  const d = new MachineDriver();
  d.start(steps, { settings, limits: lim });
  d.answerAll();
  d.run(1);
  return d;
}

describe('workout machine: before the belt moves', () => {
  it('asks for the first-time confirmation and sends nothing until it is given', () => {
    const d = new MachineDriver();
    expect(d.start(timed(60, 10), { confirmed: false })).to.deep.equal([]);
    expect(d.state.phase).to.equal('confirm');
    d.run(30);
    d.send({ kind: 'status', status: { kind: 'started-or-resumed' } });
    d.send({ kind: 'cancel' });
    expect(d.state.phase).to.equal('idle');
    expect(d.sent).to.deep.equal([]);
    d.start(timed(60, 10), { confirmed: false });
    expect(d.send({ kind: 'confirm' })).to.deep.equal([{ kind: 'request-control' }]);
  });

  it('asks for control first and sends nothing else until it is granted, then starts the belt and sets the step', () => {
    const d = new MachineDriver();
    expect(d.start(timed(60, 10, 12))).to.deep.equal([{ kind: 'request-control' }]);
    expect(d.state.phase).to.equal('starting');
    d.run(20);
    expect(d.kinds()).to.deep.equal(['request-control']);
    expect(d.answer()).to.deep.equal([{ kind: 'start' }]);
    expect(d.answer()).to.deep.equal([{ kind: 'speed', value: 10, step: 0 }]);
    expect(d.answer()).to.deep.equal([]);
    expect(d.state.phase).to.equal('running');
  });

  it('sends one command at a time: the next waits for the answer to the last', () => {
    const d = new MachineDriver();
    d.start([planned({ kind: 'time', seconds: 60 }, 10, 4)]);
    d.answer();
    d.run(10);
    expect(d.kinds()).to.deep.equal(['request-control', 'start']);
    d.answer();
    d.answer();
    expect(d.kinds()).to.deep.equal(['request-control', 'start', 'speed', 'incline']);
  });

  it('runs by voice after the treadmill refuses control, sending nothing more', () => {
    const d = new MachineDriver();
    d.start(timed(60, 10));
    d.answer(false, 'not-permitted');
    expect(d.state.mode).to.equal('voice');
    expect(d.state.phase).to.equal('running');
    expect(d.state.modeReason).to.contain('set the belt yourself');
    d.run(120);
    d.send({ kind: 'pause' });
    d.send({ kind: 'resume' });
    d.send({ kind: 'stop' });
    expect(d.kinds()).to.deep.equal(['request-control']);
  });

  it('sends nothing at all in voice mode, through a whole workout', () => {
    const d = new MachineDriver();
    d.start(timed(30, 10, 14), { mode: 'voice' });
    d.run(10);
    d.send({ kind: 'skip' });
    d.send({ kind: 'pause' });
    d.send({ kind: 'resume' });
    d.run(40);
    d.send({ kind: 'stop' });
    expect(d.sent).to.deep.equal([]);
    expect(d.state.phase).to.equal('finished');
  });
});

describe('workout machine: steps', () => {
  it('sets a step’s speed when it starts and never again within it; the next step at exactly its start', () => {
    const d = started();
    expect(d.run(179)).to.deep.equal([]);
    expect(positionOf(d.state)?.stepIndex).to.equal(0);
    expect(d.run(1)).to.deep.equal([{ kind: 'speed', value: 14, step: 1 }]);
    expect(positionOf(d.state)).to.include({ stepIndex: 1, stepElapsedS: 0 });
    d.answer();
    expect(d.run(100)).to.deep.equal([]);
  });

  it('clamps a step above the maximum to the maximum, and says so', () => {
    const d = new MachineDriver();
    d.start(timed(60, 22), { limits: limits({ maxSpeedKmh: 16 }) });
    d.answer();
    expect(d.answer()).to.deep.equal([{ kind: 'speed', value: 16, step: 0 }]);
    expect(d.said.join(' ')).to.contain('22.0 km/h');
    expect(d.state.message).to.contain('16.0');
  });

  it('ends distance steps by the odometer, and a tick that jumps over steps sets only the step reached', () => {
    const d = started([planned({ kind: 'distance', metres: 400 }, 12, null, 0), ...timed(60, 8, 9, 10).map((p, i) => ({ ...p, index: i + 1 }))]);
    d.run(100, 1, 14.4);
    expect(positionOf(d.state)).to.include({ stepIndex: 1 });
    expect(d.sent.at(-1)!.command).to.deep.equal({ kind: 'speed', value: 8, step: 1 });
    d.answer();
    d.run(1, 130);
    expect(d.sent.at(-1)!.command).to.deep.equal({ kind: 'speed', value: 10, step: 3 });
  });

  it('skips to the next step and sets it; a paused skip waits for Resume', () => {
    const d = started(timed(60, 10, 11, 12));
    expect(d.send({ kind: 'skip' })).to.deep.equal([{ kind: 'speed', value: 11, step: 1 }]);
    d.answer();
    d.send({ kind: 'pause' });
    expect(d.send({ kind: 'skip' })).to.deep.equal([]);
    d.answer();
    expect(d.send({ kind: 'resume' })).to.deep.equal([{ kind: 'start' }]);
    expect(d.answer()).to.deep.equal([{ kind: 'speed', value: 12, step: 2 }]);
  });

  it('sends the next step early by the learned lag when asked, and not again at its start', () => {
    const d = started(timed(60, 10, 14), { sendEarly: true, lagS: 4 });
    const early = d.run(56);
    expect(early).to.deep.equal([{ kind: 'speed', value: 14, step: 1 }]);
    expect(positionOf(d.state)?.stepIndex).to.equal(0);
    d.answer();
    expect(d.run(10)).to.deep.equal([]);
    expect(positionOf(d.state)?.stepIndex).to.equal(1);
  });

  it('does not hold the pod’s pace unless asked', () => {
    const off = started(timed(300, 10));
    expect(off.run(200, 1, 10, { beltKmh: 10, podKmh: 9 })).to.deep.equal([]);
    const on = started(timed(300, 10), { holdPace: true });
    const corrections = on.run(200, 1, 10, { beltKmh: 10, podKmh: 9 });
    expect(corrections.length).to.be.greaterThan(0);
    expect(corrections.every((c) => c.kind === 'speed' && c.correction === true && c.value! >= 9.5 && c.value! <= 10.5)).to.equal(true);
  });

  it('leaves a speed the runner set on the console for the rest of the step', () => {
    const d = started(timed(300, 10), { holdPace: true });
    d.send({ kind: 'status', status: { kind: 'target-speed-changed', kmh: 10 } });
    expect(d.state.overridden, 'our own speed confirmed').to.equal(false);
    d.send({ kind: 'status', status: { kind: 'target-speed-changed', kmh: 8.5 } });
    expect(d.said.at(-1)).to.contain('8.5 km/h');
    expect(d.run(200, 1, 10, { beltKmh: 8.5, podKmh: 9 })).to.deep.equal([]);
  });

  it('corrects on the belt’s own increment, and not at all when the increment allows no move within 0.3 km/h', () => {
    const sixteenths = new MachineDriver();
    sixteenths.start(timed(300, 10), { settings: { holdPace: true }, limits: limits({ speed: { minKmh: 0.5, maxKmh: 18, incrementKmh: 0.16 } }) });
    sixteenths.answerAll();
    expect(sixteenths.run(40, 1, 10, { beltKmh: 9.94, podKmh: 9 })).to.deep.equal([{ kind: 'speed', value: 10.1, step: 0, correction: true }]);
    const halves = new MachineDriver();
    halves.start(timed(300, 6), { settings: { holdPace: true }, limits: limits({ speed: { minKmh: 0.5, maxKmh: 18, incrementKmh: 0.5 } }) });
    halves.answerAll();
    expect(halves.run(200, 1, 6, { beltKmh: 6, podKmh: 5.5 })).to.deep.equal([]);
  });

  it('leaves a belt the runner moved on a console that reports nothing, but not its own correction on the way', () => {
    const d = started(timed(300, 10), { holdPace: true });
    const corrected = d.run(40, 1, 10, { beltKmh: 10, podKmh: 9.7 });
    expect(corrected).to.deep.equal([{ kind: 'speed', value: 10.3, step: 0, correction: true }]);
    d.answer();
    // The belt on its way to 10.3, then there: the app's own doing.
    d.run(2, 1, 10, { beltKmh: 10.15, podKmh: 10 });
    d.run(2, 1, 10, { beltKmh: 10.3, podKmh: 10 });
    expect(d.state.overridden, 'its own correction').to.equal(false);
    // The runner presses "down" twice: Treadmill Data says 10.1, no status says why.
    expect(d.run(200, 1, 10, { beltKmh: 10.1, podKmh: 9.5 })).to.deep.equal([]);
    expect(d.said.at(-1)).to.equal('The belt runs at 10.1 km/h, not the 10.3 km/h the app set: the app leaves it for this step.');
  });

  it('watches the belt against the speed the treadmill took: a refused correction is not it', () => {
    const d = started(timed(300, 10), { holdPace: true });
    expect(d.run(40, 1, 10, { beltKmh: 10, podKmh: 9.7 })).to.deep.equal([{ kind: 'speed', value: 10.3, step: 0, correction: true }]);
    d.answer(false, 'refused');
    d.run(2, 1, 10, { beltKmh: 10, podKmh: 10 });
    expect(d.state.overridden, 'the belt stays where the treadmill kept it').to.equal(false);
    // The runner then sets by hand what the treadmill refused the app: a change all the same.
    d.run(2, 1, 10, { beltKmh: 10.3, podKmh: 10 });
    expect(d.state.overridden).to.equal(true);
    expect(d.said.at(-1)).to.equal('The belt runs at 10.3 km/h, not the 10.0 km/h the app set: the app leaves it for this step.');
  });

  it('takes the belt’s climb from a standstill after Resume as the app’s doing, and a hand on the console after it as the runner’s', () => {
    const d = started(timed(600, 10), { holdPace: true });
    d.run(5, 1, 10, { beltKmh: 10, podKmh: 10 });
    d.send({ kind: 'pause' });
    d.answerAll();
    d.send({ kind: 'resume' });
    expect(d.answerAll()).to.deep.equal([{ kind: 'speed', value: 10, step: 0 }]);
    for (const beltKmh of [0, 2, 4, 6, 8, 10]) d.run(1, 1, beltKmh, { beltKmh, podKmh: beltKmh });
    expect(d.state.overridden, 'the belt starting again').to.equal(false);
    d.run(1, 1, 10, { beltKmh: 11, podKmh: 10 });
    expect(d.state.overridden, 'one press on the console after it').to.equal(true);
  });

  it('finishes after the last step and leaves the belt as it is', () => {
    const d = started(timed(30, 10));
    expect(d.run(40)).to.deep.equal([]);
    expect(d.state.phase).to.equal('finished');
    expect(positionOf(d.state)).to.include({ done: true, fraction: 1 });
  });
});

describe('workout machine: the treadmill and the runner win', () => {
  for (const [name, s] of Object.entries(status)) {
    it(`status ${name} pauses the workout, says so, drops what waits, and nothing restarts the belt`, () => {
      const d = new MachineDriver();
      d.start([planned({ kind: 'time', seconds: 60 }, 10, 4), ...timed(60, 12).map((p) => ({ ...p, index: 1 }))]);
      d.answer();
      d.answer();
      // The speed is in flight, the incline waits behind it.
      const before = d.sent.length;
      d.send({ kind: 'status', status: s });
      expect(d.state.phase).to.equal('paused');
      expect(d.said.at(-1)).to.match(/stopped|control|paused/i).and.contain('Resume');
      d.answerAll();
      d.run(200);
      d.send({ kind: 'status', status: { kind: 'started-or-resumed' } });
      d.send({ kind: 'visibility', hidden: true });
      d.send({ kind: 'visibility', hidden: false });
      expect(d.sent.length, 'nothing after the status').to.equal(before);
      expect(d.state.phase).to.equal('paused');
      const resumed = d.send({ kind: 'resume' });
      expect(resumed[0]!.kind).to.equal(name === 'stopped' ? 'start' : 'request-control');
    });
  }

  it('Stop sends stop (0x08 0x01) at once, even past a command in flight; Pause sends pause', () => {
    const d = started();
    d.run(180);
    expect(d.state.inFlight?.kind).to.equal('speed');
    expect(d.send({ kind: 'pause' })).to.deep.equal([{ kind: 'pause' }]);
    d.answerAll();
    d.send({ kind: 'resume' });
    d.answerAll();
    expect(d.send({ kind: 'stop' })).to.deep.equal([{ kind: 'stop' }]);
    expect(d.state.phase).to.equal('finished');
    expect(d.run(100)).to.deep.equal([]);
  });

  it('a lost link sends nothing, and the workout stays paused when it is back until Resume', () => {
    const d = started();
    d.send({ kind: 'link', up: false });
    expect(d.state.phase).to.equal('paused');
    const before = d.sent.length;
    d.run(300);
    d.send({ kind: 'pause' });
    d.send({ kind: 'stop' });
    d.send({ kind: 'link', up: true });
    expect(d.sent.length).to.equal(before);
    expect(d.state.phase).to.equal('finished');
  });

  it('after a lost link, Resume asks for control again before starting the belt', () => {
    const d = started();
    d.send({ kind: 'link', up: false });
    d.send({ kind: 'link', up: true });
    expect(d.state.phase).to.equal('paused');
    expect(d.said.at(-1)).to.contain('stays paused');
    expect(d.run(20)).to.deep.equal([]);
    expect(d.send({ kind: 'resume' })).to.deep.equal([{ kind: 'request-control' }]);
    expect(d.answer()).to.deep.equal([{ kind: 'start' }]);
  });

  it('a hidden page sends nothing new and pauses the workout; shown again, it stays paused', () => {
    const d = started(timed(60, 10, 14), { sendEarly: true, lagS: 3 });
    d.send({ kind: 'visibility', hidden: true });
    const before = d.sent.length;
    d.run(100);
    d.send({ kind: 'visibility', hidden: false });
    d.run(100);
    expect(d.sent.length).to.equal(before);
    expect(d.state.phase).to.equal('paused');
    expect(positionOf(d.state)?.stepIndex, 'the workout clock stood still').to.equal(0);
  });

  it('a control request that gets no answer pauses the workout for a press', () => {
    const d = new MachineDriver();
    d.start(timed(60, 10));
    d.answer(false, 'no-answer');
    expect(d.state.phase).to.equal('paused');
    expect(d.run(60)).to.deep.equal([]);
    expect(d.send({ kind: 'resume' })).to.deep.equal([{ kind: 'request-control' }]);
  });
});

describe('workout machine: what a runner is told and what the belt is sent', () => {
  it('a confirmation given while the link is down sends nothing, and nothing when the link comes back, until Resume', () => {
    const d = new MachineDriver();
    d.start(timed(60, 10), { confirmed: false });
    d.send({ kind: 'link', up: false });
    d.send({ kind: 'confirm' });
    expect(d.state.phase).to.equal('paused');
    expect(d.said.at(-1)).to.contain('press Resume');
    d.run(120);
    expect(d.send({ kind: 'link', up: true }), 'written on reconnect').to.deep.equal([]);
    d.run(30);
    expect(d.sent).to.deep.equal([]);
    expect(d.send({ kind: 'resume' })).to.deep.equal([{ kind: 'request-control' }]);
  });

  it('Stop with the link down says the belt could not be reached and to stop it on the treadmill', () => {
    const d = started();
    d.send({ kind: 'link', up: false });
    expect(d.send({ kind: 'stop' })).to.deep.equal([]);
    expect(d.state.message).not.to.contain('asked to stop');
    expect(d.state.message).to.contain('could not be reached').and.contain('stop the belt on the treadmill');
  });

  it('sends no speed in a step after saying it leaves the console’s speed, nor on Resume', () => {
    const d = new MachineDriver();
    d.start(timed(300, 12, 9));
    d.answer(); // control granted: the start goes out, the speed waits behind it
    expect(d.state.inFlight?.kind).to.equal('start');
    d.send({ kind: 'status', status: { kind: 'target-speed-changed', kmh: 8 } });
    expect(d.said.at(-1)).to.contain('leaves it for this step');
    const speeds = () => d.sent.filter(({ command }) => command.kind === 'speed');
    d.answerAll();
    d.send({ kind: 'pause' });
    d.answerAll();
    d.send({ kind: 'resume' });
    d.answerAll();
    d.run(200);
    expect(speeds(), 'a speed sent in the step left to the runner').to.deep.equal([]);
    d.run(110);
    expect(speeds().map(({ command }) => command.value), 'the next step is set again').to.deep.equal([9]);
  });

  it('names the console’s speed in the runner’s unit', () => {
    const d = started(timed(300, 12.07), { unit: 'mi' });
    d.send({ kind: 'status', status: { kind: 'target-speed-changed', kmh: 9.656 } });
    expect(d.said.at(-1)).to.contain('6.0 mph').and.not.contain('km/h');
  });

  it('takes the treadmill’s own rounding of the target (within one increment) as the app’s, a change beyond it as the runner’s', () => {
    const mph = limits({ speed: { minKmh: 1.61, maxKmh: 19.31, incrementKmh: 0.16 } });
    const d = new MachineDriver();
    d.start(timed(300, 10), { limits: mph });
    d.answerAll();
    d.run(1);
    const target = d.state.beltTargetKmh!;
    expect(target).to.be.closeTo(9.93, 1e-9);
    // 6.25 mph: the treadmill keeps its target on its own mph grid and reports that.
    d.send({ kind: 'status', status: { kind: 'target-speed-changed', kmh: 10.06 } });
    expect(d.state.overridden, `${target} reported as 10.06`).to.equal(false);
    d.send({ kind: 'status', status: { kind: 'target-speed-changed', kmh: target + 0.16 } });
    expect(d.state.overridden, 'one press on the console').to.equal(true);
    const plain = started(timed(300, 10));
    plain.send({ kind: 'status', status: { kind: 'target-speed-changed', kmh: 10.08 } });
    expect(plain.state.overridden, 'within 0.1 km/h without a range').to.equal(false);
    plain.send({ kind: 'status', status: { kind: 'target-speed-changed', kmh: 10.1 } });
    expect(plain.state.overridden).to.equal(true);
  });

  it('does not show a refused speed as the belt’s target', () => {
    const d = started(timed(60, 10, 14, 12));
    expect(d.state.beltTargetKmh).to.equal(10);
    d.run(60);
    expect(d.state.inFlight).to.deep.include({ kind: 'speed', value: 14 });
    expect(d.state.beltTargetKmh, 'not before it is taken').to.equal(10);
    d.answer(false, 'refused');
    expect(d.state.beltTargetKmh).to.equal(10);
    d.send({ kind: 'skip' });
    d.answer();
    expect(d.state.beltTargetKmh, 'a speed taken is shown').to.equal(12);
  });

  it('skipping past the last step while paused says the workout ended and the belt is paused', () => {
    const d = started(timed(60, 10));
    d.send({ kind: 'pause' });
    d.answerAll();
    d.send({ kind: 'skip' });
    expect(d.state.phase).to.equal('finished');
    expect(d.said.at(-1)).to.contain('Workout done').and.contain('paused').and.not.contain('keeps its speed');
    const running = started(timed(60, 10));
    running.send({ kind: 'skip' });
    expect(running.said.at(-1)).to.contain('keeps its speed');
  });

  it('waits for a silent footpod: the steps stand still, it is said once, and the gap is not counted', () => {
    const d = started(timed(60, 10, 12));
    d.run(30);
    d.send({ kind: 'pod', up: false });
    d.send({ kind: 'pod', up: false });
    expect(d.said.filter((s) => s.includes('waits for it')), 'said once').to.have.length(1);
    expect(d.said.at(-1)).to.contain('belt keeps its speed');
    // Ticks that still arrive while the pod is taken as silent move nothing.
    expect(d.run(60)).to.deep.equal([]);
    expect(positionOf(d.state)).to.include({ stepIndex: 0 });
    d.nowMs += 600_000;
    d.send({ kind: 'pod', up: true });
    d.run(1);
    d.run(1);
    expect(positionOf(d.state)?.stepElapsedS, 'the ten minutes away are not the workout’s').to.be.closeTo(31, 1e-9);
    expect(d.state.phase).to.equal('running');
  });
});

describe('workout machine: hold-pace within the belt’s limits', () => {
  it('never re-sends the capped speed when the step is above the runner’s maximum', () => {
    const d = started(timed(600, 16.6), { holdPace: true });
    expect(d.state.beltTargetKmh).to.equal(16);
    const corrections = d.run(300, 1, 16, { beltKmh: 16, podKmh: 16.4 }).filter((c) => c.correction);
    expect(corrections.map((c) => c.value)).not.to.include(16);
    expect(corrections.every((c) => c.value! <= 16)).to.equal(true);
  });

  it('never sends a correction that lands on the speed the belt was last set to', () => {
    const coarse = limits({ speed: { minKmh: 1, maxKmh: 18, incrementKmh: 0.5 } });
    const d = started(timed(600, 10), { holdPace: true }, coarse);
    const corrections = d.run(300, 1, 10, { beltKmh: 10, podKmh: 9.8 }).filter((c) => c.correction);
    expect(corrections.map((c) => c.value)).not.to.include(10);
  });

  it('on a grid coarser than the bounds, sends no correction that breaks them', () => {
    const coarse = limits({ speed: { minKmh: 1, maxKmh: 18, incrementKmh: 0.5 } });
    for (const [kmh, pod] of [[10, 9.6], [8, 7.6]] as const) {
      const d = started(timed(600, kmh), { holdPace: true }, coarse);
      for (const c of d.run(300, 1, kmh, { beltKmh: kmh, podKmh: pod }).filter((c) => c.correction)) {
        expect(Math.abs(c.value! - kmh)).to.be.at.most(0.3 + 1e-9);
      }
    }
  });
});
