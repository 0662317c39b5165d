import { expect } from '@open-wc/testing';
import { AutoStartAfterStop } from '../../src/services/auto-start-after-stop.js';

// The Web Bluetooth source retries a dropped link by itself (footpod-source.ts: 'reconnecting',
// "the link dropped; retrying by itself"). recording-service.ts #onFootpodChange sets #connectedTo
// to null while it is 'reconnecting' and calls afterStop.connected() when the SAME source is
// 'connected' again, and #use keeps the live session on a reconnect of the same source.
// So: runner presses Stop while still jogging the belt down, the link blips for ~1 s, readings go on
// at ~1 Hz, all running. The runner never stood or walked 3 s, and the pod was never silent 5 s,
// so by the rule auto-start must keep waiting; instead it is re-armed and the next running reading
// starts a new run (taking the finish card of the run just stopped, the bug 39e585a set out to fix).
describe('auto-start after Stop, across a link blip while still jogging', () => {
  it('keeps waiting: neither 3 s still nor 5 s silent', () => {
    const a = new AutoStartAfterStop();
    const session = {};
    for (let t = 100; t <= 110; t++) a.reading(session, t, true);
    a.stopped();
    a.reading(session, 111, true);
    a.reading(session, 112, true);
    // link drops at ~112.5, auto-reconnects at ~113.5: the service calls connected()
    a.connected();
    a.reading(session, 114, true); // same live session, 2 s after the last reading, still running
    a.reading(session, 115, true);
    expect(a.waiting, 'still jogging, never stood, silence 2 s < 5 s').to.equal(true);
  });
});
