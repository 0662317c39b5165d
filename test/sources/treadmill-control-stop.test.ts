/// <reference types="mocha" />
// The runner's Stop and Pause win over whatever command waits, without ever putting two writes on
// the control point at once; the treadmill's own word (status 0xFF) ends what waits.
import { expect } from '@open-wc/testing';
import { treadmillControlMessages as words } from '../../src/sources/treadmill-control.js';
import { flush, inControl, rig, settled, view } from '../support/treadmill-control-rig.js';

describe('TreadmillControlPoint: Stop and Pause go first', () => {
  it('writes a Stop at once past a speed change that waits for its answer, which ends as superseded', async () => {
    // A silent treadmill's speed change waits up to its timeout (or its ramp) for a confirmation: the
    // Stop must not wait with it while the belt speeds up under the runner.
    const r = await inControl();
    const speed = r.control.setSpeed(16);
    const stop = r.control.stop();
    expect(await speed).to.deep.equal({ ok: false, failure: 'superseded', message: 'Setting the belt speed was given up: the Stop goes first.' });
    await flush();
    expect(r.writes).to.deep.equal([[0x02, 0x40, 0x06], [0x08, 0x01]]);
    expect(r.control.pending).to.equal('stop');
    // The speed's late answer is not the Stop's (both are answered in order).
    r.control.indication(view(0x80, 0x02, 0x01));
    r.control.indication(view(0x80, 0x08, 0x01));
    expect(await stop).to.deep.equal({ ok: true, confirmedBy: 'indication', message: 'The belt was stopped.' });
  });

  it('a Stop past a written Pause writes both in turn and takes only its own answer; a second press joins', async () => {
    const r = await inControl();
    const speed = r.control.setSpeed(10);
    const pause = r.control.pause();
    await flush();
    const stop = r.control.stop();
    const stopAgain = r.control.stop();
    const pauseAgain = r.control.pause();
    expect(await speed).to.include({ failure: 'superseded' });
    expect(await pause).to.deep.equal({ ok: false, failure: 'superseded', message: 'Pausing the belt was given up: the Stop goes first.' });
    await flush();
    expect(r.writes).to.deep.equal([[0x02, 0xe8, 0x03], [0x08, 0x02], [0x08, 0x01]]);
    // The pause's answer comes first: it must not end the Stop.
    r.control.indication(view(0x80, 0x08, 0x04));
    expect(await settled(stop)).to.equal('waiting');
    r.control.indication(view(0x80, 0x08, 0x01));
    for (const outcome of await Promise.all([stop, stopAgain, pauseAgain])) expect(outcome).to.include({ ok: true, message: 'The belt was stopped.' });
  });

  it('a Stop replaces a Pause not yet written: one write, one answer for both presses', async () => {
    const r = await inControl();
    r.link.hold();
    void r.control.setSpeed(10);
    const pause = r.control.pause();
    const stop = r.control.stop();
    r.link.release();
    await flush();
    expect(r.writes).to.deep.equal([[0x02, 0xe8, 0x03], [0x08, 0x01]]);
    r.control.indication(view(0x80, 0x08, 0x01));
    expect(await pause).to.deep.equal(await stop);
    expect((await stop).message).to.equal('The belt was stopped.');
  });

  it('writes a Stop queued behind a hung write once that write settles, never two writes at once, never as "disconnected"', async () => {
    // Chromium refuses a second write while one is outstanding ("GATT operation already in
    // progress", a NetworkError): sent at once, the Stop would be lost and read as a lost link.
    for (const timedOutFirst of [false, true]) {
      const r = await inControl();
      r.link.hold();
      const speed = r.control.setSpeed(14);
      if (timedOutFirst) {
        r.clock.advance(5000);
        expect(await speed).to.include({ failure: 'no-answer' });
      }
      const stop = r.control.stop();
      r.clock.advance(6000);
      await flush();
      expect(r.writes, `timed out first: ${timedOutFirst}`).to.deep.equal([[0x02, 0x78, 0x05]]);
      expect(r.control.pending).to.equal('stop');
      r.link.release(); // the treadmill finally takes the speed write
      await flush();
      expect(r.writes).to.deep.equal([[0x02, 0x78, 0x05], [0x08, 0x01]]);
      expect(Math.max(...r.link.overlapping), 'writes made while one was outstanding').to.equal(0);
      r.control.indication(view(0x80, 0x08, 0x01));
      expect(await stop).to.include({ ok: true, message: 'The belt was stopped.' });
    }
  });

  it('gives up a Stop whose earlier write is never taken, in words, and never writes it later', async () => {
    const r = await inControl();
    r.link.hold();
    void r.control.setSpeed(14);
    const stop = r.control.stop();
    r.clock.advance(29_999);
    expect(await settled(stop)).to.equal('waiting');
    r.clock.advance(1);
    expect(await stop).to.deep.equal({
      ok: false,
      failure: 'not-sent',
      message: 'Stopping the belt was not sent: the treadmill had not taken the last command after 30 s.',
    });
    r.link.release();
    await flush();
    expect(r.writes).to.deep.equal([[0x02, 0x78, 0x05]]);
    // Anything else waits one timeout for the write before it.
    r.link.hold();
    void r.control.setSpeed(10);
    r.clock.advance(5000);
    const incline = r.control.setIncline(2);
    r.clock.advance(5000);
    expect(await incline).to.include({ failure: 'not-sent', message: 'Setting the incline was not sent: the treadmill had not taken the last command after 5 s.' });
  });

  it('still writes a Stop that waited for the write before it after the treadmill said the app has no control, but no Pause', async () => {
    const r = await inControl();
    r.link.hold();
    void r.control.setSpeed(12);
    const stop = r.control.stop();
    r.control.indication(view(0x80, 0x02, 0x05)); // the given-up speed's answer: not permitted
    expect(r.control.hasControl).to.equal(false);
    r.link.release();
    await flush();
    expect(r.writes).to.deep.equal([[0x02, 0xb0, 0x04], [0x08, 0x01]]);
    r.control.indication(view(0x80, 0x08, 0x01));
    expect(await stop).to.include({ ok: true, message: 'The belt was stopped.' });

    const p = await inControl();
    p.link.hold();
    void p.control.setSpeed(12);
    const pause = p.control.pause();
    p.control.indication(view(0x80, 0x02, 0x05));
    p.link.release();
    expect(await pause).to.deep.equal({ ok: false, failure: 'not-permitted', message: words.notInControlToPause });
    expect(p.writes).to.deep.equal([[0x02, 0xb0, 0x04]]);
  });

  it('queues a Stop or Pause asked while Request Control waits, and writes it once control is granted', async () => {
    // The workout machine pauses while control is being requested (a runner pressing space on
    // resuming): refused at once, nothing would pause the belt when control came a moment later.
    const r = rig();
    const asked = r.control.requestControl();
    const pause = r.control.pause();
    expect(await settled(pause), 'the pause waits behind Request Control').to.equal('waiting');
    expect(r.writes).to.deep.equal([[0x00]]);
    r.control.indication(view(0x80, 0x00, 0x01));
    expect((await asked).ok).to.equal(true);
    await flush();
    expect(r.writes).to.deep.equal([[0x00], [0x08, 0x02]]);
    r.control.indication(view(0x80, 0x08, 0x01));
    expect(await pause).to.deep.equal({ ok: true, confirmedBy: 'indication', message: 'The belt was paused.' });

    // A Stop outranks a Pause that waits with it; both presses get the Stop's outcome.
    const s = rig();
    void s.control.requestControl();
    const waitingPause = s.control.pause();
    const stop = s.control.stop();
    s.control.indication(view(0x80, 0x00, 0x01));
    await flush();
    expect(s.writes).to.deep.equal([[0x00], [0x08, 0x01]]);
    s.control.indication(view(0x80, 0x08, 0x01));
    expect((await waitingPause).message).to.equal('The belt was stopped.');
    expect((await stop).message).to.equal('The belt was stopped.');
  });

  it('writes a Stop queued behind Request Control even when control is refused, and drops a Pause in words', async () => {
    const r = rig();
    void r.control.requestControl();
    const stop = r.control.stop();
    r.control.indication(view(0x80, 0x00, 0x05));
    await flush();
    r.control.indication(view(0x80, 0x08, 0x05));
    expect(await stop).to.include({ ok: false, failure: 'not-permitted' });
    expect((await stop).message).to.include("Stop the belt with the treadmill's own Stop.");
    const s = rig();
    void s.control.requestControl();
    const pause = s.control.pause();
    s.clock.advance(5000);
    expect(await pause).to.deep.equal({ ok: false, failure: 'not-permitted', message: words.notInControlToPause });
    await flush();
    expect([...r.writes, ...s.writes]).to.deep.equal([[0x00], [0x08, 0x01], [0x00]]);
  });

  it('ends a waiting command at once when the treadmill takes control back (status 0xFF), and writes nothing after', async () => {
    const r = await inControl();
    const speed = r.control.setSpeed(12);
    r.control.status(view(0xff));
    expect(await settled(speed)).to.deep.equal({
      ok: false,
      failure: 'not-permitted',
      message: 'The treadmill took control back from the app. Setting the belt speed was not confirmed.',
    });
    expect(r.control.pending).to.equal(null);
    // A Stop waiting for a hung write is not written once control is gone.
    const s = await inControl();
    s.link.hold();
    void s.control.setSpeed(12);
    const stop = s.control.stop();
    s.control.status(view(0xff));
    expect(await stop).to.include({ failure: 'not-permitted' });
    s.link.release();
    await flush();
    expect(s.writes).to.deep.equal([[0x02, 0xb0, 0x04]]);
  });
});
