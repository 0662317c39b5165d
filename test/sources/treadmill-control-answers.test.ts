/// <reference types="mocha" />
// Which command an answer belongs to: an answer names only the op code it answers, so a command
// that ended unanswered must not lend its late answer to the next one with the same op code.
import { expect } from '@open-wc/testing';
import { caps, flush, inControl, settled, view } from '../support/treadmill-control-rig.js';

describe('TreadmillControlPoint: late answers', () => {
  it('does not take a timed-out command’s late answer for the next command with the same op code', async () => {
    // A hard interval's 16 km/h times out; the recovery's 8 km/h is sent; the late yes to 16 must
    // not say 8 was set when the treadmill's answer to 8 is a refusal.
    const r = await inControl();
    const hard = r.control.setSpeed(16);
    r.clock.advance(5000);
    expect(await hard).to.include({ ok: false, failure: 'no-answer' });
    const recovery = r.control.setSpeed(8);
    expect(r.writes).to.deep.equal([[0x02, 0x40, 0x06], [0x02, 0x20, 0x03]]);
    await flush();
    r.control.indication(view(0x80, 0x02, 0x01)); // late: the answer to 16 km/h
    expect(await settled(recovery), 'the late answer to 16 km/h confirms nothing').to.equal('waiting');
    r.control.indication(view(0x80, 0x02, 0x04)); // the answer to 8 km/h
    expect(await recovery).to.deep.equal({ ok: false, failure: 'refused', message: 'Setting the belt speed failed on the treadmill.' });

    // A Pause that timed out must not confirm the Stop pressed next (both are 0x08).
    const pause = r.control.pause();
    r.clock.advance(5000);
    expect(await pause).to.include({ failure: 'no-answer' });
    const stop = r.control.stop();
    r.control.indication(view(0x80, 0x08, 0x01)); // the pause's
    expect(await settled(stop)).to.equal('waiting');
    r.control.indication(view(0x80, 0x08, 0x01));
    expect(await stop).to.include({ ok: true, message: 'The belt was stopped.' });
  });

  it('forgets an owed answer one timeout after its command ended: a treadmill that dropped one is believed again', async () => {
    const r = await inControl();
    const lost = r.control.setSpeed(16);
    r.clock.advance(5000);
    expect(await lost).to.include({ failure: 'no-answer' });
    r.clock.advance(5000); // the answer to 16 km/h never came
    const next = r.control.setSpeed(8);
    r.control.indication(view(0x80, 0x02, 0x01));
    expect(await settled(next)).to.deep.equal({ ok: true, confirmedBy: 'indication', message: 'The belt speed is set to 8.0 km/h.' });
  });

  it('owes nothing for a write that failed: the treadmill never took it', async () => {
    const r = await inControl();
    r.link.hold();
    const hung = r.control.setSpeed(16);
    r.clock.advance(5000);
    expect(await hung).to.include({ failure: 'no-answer' });
    r.link.release(new DOMException('GATT Error: Unknown.', 'NotSupportedError'));
    await flush();
    const next = r.control.setSpeed(8);
    r.control.indication(view(0x80, 0x02, 0x01));
    expect(await settled(next)).to.include({ ok: true, confirmedBy: 'indication' });
  });

  it('a new connection owes nothing from the last one', async () => {
    const r = await inControl();
    const lost = r.control.setSpeed(16);
    r.clock.advance(5000);
    expect(await lost).to.include({ failure: 'no-answer' });
    r.control.linkLost();
    r.control.connected(caps());
    const asked = r.control.requestControl();
    r.control.indication(view(0x80, 0x00, 0x01));
    expect((await asked).ok).to.equal(true);
    const next = r.control.setSpeed(8);
    r.control.indication(view(0x80, 0x02, 0x01));
    expect(await settled(next)).to.include({ ok: true });
  });
  it('keeps an owed answer until the treadmill could have answered it: counted from when its write was taken, not from its timeout', async () => {
    // 16 km/h hangs in the write and times out; 10 km/h waits behind it; the treadmill takes the
    // 16 km/h write at 12 s, after the debt would have run out counted from the timeout.
    const r = await inControl();
    r.link.hold();
    const hard = r.control.setSpeed(16);
    r.clock.advance(5000);
    expect(await hard).to.include({ ok: false, failure: 'no-answer' });
    r.clock.advance(3000);
    const recovery = r.control.setSpeed(10);
    r.clock.advance(4000);
    r.link.release();
    await flush();
    expect(r.writes).to.deep.equal([[0x02, 0x40, 0x06], [0x02, 0xe8, 0x03]]);
    r.control.indication(view(0x80, 0x02, 0x01)); // the answer to 16 km/h
    expect(await settled(recovery), 'the answer to 16 km/h must not confirm 10 km/h').to.equal('waiting');
    r.control.indication(view(0x80, 0x02, 0x04));
    expect(await recovery).to.deep.equal({ ok: false, failure: 'refused', message: 'Setting the belt speed failed on the treadmill.' });
  });

  it('owes nothing for older commands once a later one got its own answer (answers come in order)', async () => {
    const r = await inControl();
    const lost = r.control.setSpeed(16);
    r.clock.advance(5000);
    expect(await lost).to.include({ failure: 'no-answer' });
    const incline = r.control.setIncline(2);
    r.control.indication(view(0x80, 0x03, 0x01)); // answered past the 16 km/h: its answer will not come
    expect(await incline).to.include({ ok: true, confirmedBy: 'indication' });
    r.clock.advance(1000);
    const next = r.control.setSpeed(12);
    r.control.indication(view(0x80, 0x02, 0x01));
    expect(await settled(next)).to.deep.equal({ ok: true, confirmedBy: 'indication', message: 'The belt speed is set to 12.0 km/h.' });
  });
});
