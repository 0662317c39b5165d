// Repro tests (reviewer rv-machine): the pure workout machine driven with scripted events.
import { expect } from '@open-wc/testing';
import { limits, MachineDriver, timed } from '../../workout/workout-machine-driver.js';

function started(steps = timed(180, 10, 14), settings = {}, lim = limits()): MachineDriver {
  const d = new MachineDriver();
  d.start(steps, { settings, limits: lim });
  d.answerAll();
  d.run(1);
  return d;
}

describe('rv-machine: nothing moves the belt on a reconnect', () => {
  // Issue 19: "Nothing is written to the control point on connect, on reconnect or on opening a
  // page". A runner confirms while the treadmill's link has dropped; minutes later the treadmill
  // comes back and the app asks for control and starts the belt by itself, with nobody pressing.
  it('a confirmation given while the link is down sends nothing when the link comes back', () => {
    const d = new MachineDriver();
    d.start(timed(60, 10), { confirmed: false });
    expect(d.state.phase).to.equal('confirm');
    d.send({ kind: 'link', up: false });
    d.send({ kind: 'confirm' });
    expect(d.sent, 'nothing while the link is down').to.deep.equal([]);
    d.run(120);
    const onReconnect = d.send({ kind: 'link', up: true });
    expect(onReconnect, 'written on reconnect').to.deep.equal([]);
  });
});

describe('rv-machine: Stop with the link down', () => {
  // With the link lost the belt "keeps what it had" (still running). A Stop press cannot reach the
  // treadmill, yet the app tells the runner the belt was asked to stop: a runner who trusts that
  // stays on a moving belt expecting it to stop, instead of using the treadmill's own Stop.
  it('does not claim the belt was asked to stop when nothing could be sent', () => {
    const d = started();
    d.send({ kind: 'link', up: false });
    const sent = d.send({ kind: 'stop' });
    expect(sent).to.deep.equal([]);
    expect(d.state.message ?? '').not.to.contain('the belt was asked to stop');
  });
});

describe('rv-machine: a console change the app promised to leave alone', () => {
  // The app says "the app leaves it for this step" about a speed the runner set on the console,
  // then sends the step's own speed anyway when the belt's start is answered: the belt moves
  // away from the runner's choice right after being told it would not.
  it('sends no speed in the step after saying it leaves the runner’s console speed for the step', () => {
    const d = new MachineDriver();
    d.start(timed(300, 12));
    d.answer(); // control granted: the start goes out, the speed waits behind it
    expect(d.state.inFlight?.kind).to.equal('start');
    d.send({ kind: 'status', status: { kind: 'target-speed-changed', kmh: 8 } });
    expect(d.said.at(-1)).to.contain('leaves it for this step');
    const after = d.answerAll();
    expect(after.filter((c) => c.kind === 'speed'), 'speed sent after promising to leave it').to.deep.equal([]);
  });

  // Every other sentence names a speed in the runner's own unit (MachineSettings.unit); this one is
  // always km/h, so a runner reading mph sees a number they cannot compare with their console.
  it('names the console’s speed in the runner’s unit (mph)', () => {
    const d = started(timed(300, 12.07), { unit: 'mi' });
    d.send({ kind: 'status', status: { kind: 'target-speed-changed', kmh: 9.656 } });
    expect(d.said.at(-1)).to.contain('6.0 mph');
  });
});

describe('rv-machine: hold-pace bounds on the treadmill’s own increment', () => {
  // Issue 19: hold-pace "may correct the belt by at most 0.3 km/h per 30 s within 5 % of the step's
  // speed". On a treadmill whose speed increment is 0.5 km/h a 0.3 correction is rounded to the
  // grid, moving the belt 0.5 km/h at once.
  const coarse = limits({ speed: { minKmh: 1, maxKmh: 18, incrementKmh: 0.5 }, maxSpeedKmh: 16 });

  it('never moves the belt by more than 0.3 km/h in one correction', () => {
    const d = started(timed(600, 10), { holdPace: true }, coarse);
    const corrections = d.run(100, 1, 10, { beltKmh: 10, podKmh: 9.6 }).filter((c) => c.correction);
    expect(corrections.length, 'a correction was made').to.be.greaterThan(0);
    for (const c of corrections) expect(Math.abs(c.value! - 10)).to.be.at.most(0.3 + 1e-9);
  });

  // A "correction" that lands on the speed the belt already has is the step's speed sent again
  // within the step ("never nudges it again within the step").
  it('never re-sends the belt’s own speed as a correction', () => {
    const d = started(timed(600, 10), { holdPace: true }, coarse);
    const corrections = d.run(100, 1, 10, { beltKmh: 10, podKmh: 9.8 }).filter((c) => c.correction);
    expect(corrections.map((c) => c.value)).not.to.include(10);
  });

  // The same re-send where the runner's maximum caps the step: 16.6 km/h asked, 16 allowed; each
  // "correction" up is clamped back to 16.0 and sent again every 30 s.
  it('never re-sends the capped speed as a correction when the step is above the runner’s maximum', () => {
    const d = started(timed(600, 16.6), { holdPace: true });
    expect(d.state.beltTargetKmh).to.equal(16);
    const corrections = d.run(100, 1, 16, { beltKmh: 16, podKmh: 16.4 }).filter((c) => c.correction);
    expect(corrections.map((c) => c.value)).not.to.include(16);
  });

  // Within 5 % of the step's speed: 8 km/h may go to 8.4 at most.
  it('keeps a correction within 5 % of the step’s speed', () => {
    const d = started(timed(600, 8), { holdPace: true }, coarse);
    const corrections = d.run(100, 1, 8, { beltKmh: 8, podKmh: 7.6 }).filter((c) => c.correction);
    for (const c of corrections) expect(c.value!).to.be.within(7.6, 8.4);
  });
});

describe('rv-machine: the belt target the runner reads', () => {
  // The view's beltTargetKmh is what the screen shows as the belt's speed to be. A speed the
  // treadmill refused never reached the belt, yet it stays shown as the target.
  it('does not show a refused speed as the belt’s target', () => {
    const d = started(timed(60, 10, 14));
    expect(d.state.beltTargetKmh).to.equal(10);
    d.run(59);
    d.run(1);
    expect(d.state.inFlight).to.deep.include({ kind: 'speed', value: 14 });
    d.answer(false, 'refused');
    expect(d.state.beltTargetKmh).to.equal(10);
  });
});
