/// <reference types="mocha" />
// rv-control2: the owed-answer bookkeeping of TreadmillControlPoint (treadmill-control-answers.ts).
// Issue 19, "Driving the belt": "One command at a time, each awaited with its indication (timeout,
// result code in words)". The rule the code states: "a treadmill answers the writes it took in the
// order it took them", so an answer belongs to the oldest write not yet answered.
import { expect } from '@open-wc/testing';
import { flush, inControl, settled, view } from '../../support/treadmill-control-rig.js';

describe('rv-control2: owed answers', () => {
  it('does not take the answer to a write the treadmill took late for the next speed: the debt lasts until the treadmill could answer it', async () => {
    // A hard interval's 16 km/h write hangs (the treadmill is slow to take it) and times out; the
    // recovery's 10 km/h waits behind it. The treadmill takes the 16 km/h write at 12 s, 2 s after
    // the app forgot it was owed an answer, so its answer to 16 km/h (yes) is read as the answer to
    // 10 km/h: the runner is told "set to 10.0 km/h" while the belt runs at 16, and the treadmill's
    // own answer to 10 km/h, a refusal, is dropped as a stray. The debt was forgotten before the
    // treadmill had even taken the write that owed it.
    const r = await inControl();
    r.link.hold();
    const hard = r.control.setSpeed(16);
    r.clock.advance(5000);
    expect(await hard).to.include({ ok: false, failure: 'no-answer' });
    r.clock.advance(3000); // 8 s: the recovery step starts
    const recovery = r.control.setSpeed(10);
    r.clock.advance(4000); // 12 s: the treadmill finally takes the 16 km/h write
    r.link.release();
    await flush();
    expect(r.writes).to.deep.equal([[0x02, 0x40, 0x06], [0x02, 0xe8, 0x03]]);
    r.control.indication(view(0x80, 0x02, 0x01)); // the answer to 16 km/h, in order
    expect(await settled(recovery), 'the answer to 16 km/h must not confirm 10 km/h').to.equal('waiting');
    r.control.indication(view(0x80, 0x02, 0x04)); // the answer to 10 km/h
    expect(await recovery).to.deep.equal({ ok: false, failure: 'refused', message: 'Setting the belt speed failed on the treadmill.' });
  });

  it('once the treadmill answered a later command, an older unanswered command owes nothing: the next speed’s own answer confirms it', async () => {
    // A treadmill that answers some commands and not others: its answer to 16 km/h never comes.
    // It then answers the incline: it answered past the speed, so (answers in order) that answer
    // will never come. The code forgets such a debt only when another owed answer pays past it,
    // not when the waiting command's own answer does, so the next speed's prompt yes is taken for
    // the lost one and the runner is told "The treadmill did not answer within 5 s." for a speed
    // the belt took in 0.1 s (and the workout believes the belt is still at the old speed).
    const r = await inControl();
    const lost = r.control.setSpeed(16);
    r.clock.advance(5000);
    expect(await lost).to.include({ failure: 'no-answer' });
    const incline = r.control.setIncline(2);
    r.control.indication(view(0x80, 0x03, 0x01));
    expect(await incline).to.include({ ok: true, confirmedBy: 'indication' });
    r.clock.advance(1000);
    const next = r.control.setSpeed(12);
    r.control.indication(view(0x80, 0x02, 0x01)); // the treadmill answers 12 km/h at once
    r.clock.advance(5000);
    expect(await next).to.deep.equal({ ok: true, confirmedBy: 'indication', message: 'The belt speed is set to 12.0 km/h.' });
  });
});
