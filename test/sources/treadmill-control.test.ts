/// <reference types="mocha" />
// TreadmillControlPoint, played by the test (test/support/treadmill-control-rig.ts): commands and
// their answers. The runner's Stop and Pause going first are in treadmill-control-stop.test.ts, a
// treadmill that never answers in treadmill-control-silent.test.ts, late answers in
// treadmill-control-answers.test.ts.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { StatusEvent, TreadmillControlPoint, treadmillControlMessages as words } from '../../src/sources/treadmill-control.js';
import { invariantRuns } from '../support/invariant-runs.js';
import { caps, data, FakeClock, FakeLink, flush, inControl, rig, settled, view } from '../support/treadmill-control-rig.js';

describe('TreadmillControlPoint', () => {
  it('refuses without writing: before connecting, without a control point, and anything but Request Control or Stop before control', async () => {
    const unconnected = rig(null);
    expect(await unconnected.control.requestControl()).to.deep.equal({ ok: false, failure: 'not-connected', message: words.notConnected });
    const noCp = rig(caps({ controlPoint: false }));
    expect(await noCp.control.requestControl()).to.deep.equal({ ok: false, failure: 'no-control-point', message: words.noControlPoint });
    expect(await noCp.control.stop()).to.include({ failure: 'no-control-point' });
    const r = rig();
    for (const ask of [() => r.control.setSpeed(10), () => r.control.setIncline(2), () => r.control.start()]) {
      expect(await ask()).to.deep.equal({ ok: false, failure: 'not-permitted', message: words.notInControl });
    }
    expect(await r.control.pause()).to.deep.equal({ ok: false, failure: 'not-permitted', message: words.notInControlToPause });
    expect([...unconnected.writes, ...noCp.writes, ...r.writes]).to.deep.equal([]);
    expect(r.control.hasControl).to.equal(false);
  });

  it('takes control, then sends each command as its bytes and ends it with its indication', async () => {
    const r = rig();
    let changes = 0;
    r.control.addEventListener('change', () => changes++);
    const asked = r.control.requestControl();
    expect(r.control.pending).to.equal('request-control');
    expect(r.writes).to.deep.equal([[0x00]]);
    r.control.indication(view(0x80, 0x00, 0x01));
    expect((await asked).ok).to.equal(true);
    expect(r.control.hasControl).to.equal(true);
    expect(changes, 'pending on, control, pending off').to.equal(3);

    const speed = r.control.setSpeed(12.3);
    expect(r.control.pending).to.equal('speed');
    r.control.indication(view(0x80, 0x02, 0x01));
    expect(await speed).to.deep.equal({ ok: true, confirmedBy: 'indication', message: 'The belt speed is set to 12.3 km/h.' });
    const incline = r.control.setIncline(-1.5);
    r.control.indication(view(0x80, 0x03, 0x01));
    expect((await incline).message).to.equal('The incline is set to -1.5 %.');
    for (const [ask, op, message] of [
      [() => r.control.start(), 0x07, 'The belt was started.'],
      [() => r.control.pause(), 0x08, 'The belt was paused.'],
      [() => r.control.stop(), 0x08, 'The belt was stopped.'],
    ] as const) {
      const outcome = ask();
      r.control.indication(view(0x80, op, 0x01));
      expect((await outcome).message).to.equal(message);
    }
    expect(r.writes).to.deep.equal([[0x00], [0x02, 0xce, 0x04], [0x03, 0xf1, 0xff], [0x07], [0x08, 0x02], [0x08, 0x01]]);
    expect(r.control.pending).to.equal(null);
  });

  it('writes a Stop even without control (never harmful); a refusal says to stop the belt on the treadmill', async () => {
    const r = rig();
    const stop = r.control.stop();
    expect(r.writes).to.deep.equal([[0x08, 0x01]]);
    r.control.indication(view(0x80, 0x08, 0x05));
    expect(await stop).to.deep.equal({
      ok: false,
      failure: 'not-permitted',
      message: "Stopping the belt was refused: the treadmill has not given the app control. Stop the belt with the treadmill's own Stop.",
    });
    // A treadmill that takes it from anyone stops.
    const taken = r.control.stop();
    r.control.indication(view(0x80, 0x08, 0x01));
    expect(await taken).to.include({ ok: true, message: 'The belt was stopped.' });
  });

  it('says each result code in words; "not permitted" also means control is gone', async () => {
    const r = await inControl();
    for (const [code, failure, message] of [
      [0x02, 'refused', 'Setting the belt speed is not something this treadmill supports.'],
      [0x03, 'refused', 'Setting the belt speed was refused: the value is outside what the treadmill accepts.'],
      [0x04, 'refused', 'Setting the belt speed failed on the treadmill.'],
      [0x09, 'refused', 'Setting the belt speed got an unknown answer (code 9).'],
    ] as const) {
      const outcome = r.control.setSpeed(25);
      r.control.indication(view(0x80, 0x02, code));
      expect(await outcome).to.deep.equal({ ok: false, failure, message });
    }
    expect(r.control.hasControl).to.equal(true);
    const outcome = r.control.setSpeed(10);
    r.control.indication(view(0x80, 0x02, 0x05));
    expect(await outcome).to.deep.equal({
      ok: false,
      failure: 'not-permitted',
      message: 'Setting the belt speed was refused: the treadmill has not given the app control.',
    });
    expect(r.control.hasControl).to.equal(false);
  });

  it('ignores malformed indications and answers to another command, then takes the right one', async () => {
    const r = await inControl();
    const outcome = r.control.setSpeed(8);
    for (const stray of [view(), view(0x80, 0x02), view(0x10, 0x02, 0x01), view(0x80, 0x03, 0x01), view(0x80, 0x00, 0x01)]) r.control.indication(stray);
    expect(await settled(outcome)).to.equal('waiting');
    r.control.indication(view(0x80, 0x02, 0x01));
    expect((await outcome).ok).to.equal(true);
  });

  it('runs one command at a time: anything but a stop or pause asked while one waits is busy and not written', async () => {
    const r = await inControl();
    const speed = r.control.setSpeed(10);
    expect(await r.control.setIncline(3)).to.deep.equal({ ok: false, failure: 'busy', message: words.busy });
    expect(await r.control.start()).to.include({ failure: 'busy' });
    expect(await r.control.setSpeed(11)).to.include({ failure: 'busy' });
    expect(await r.control.requestControl()).to.include({ failure: 'busy' });
    expect(r.writes).to.deep.equal([[0x02, 0xe8, 0x03]]);
    r.control.indication(view(0x80, 0x02, 0x01));
    expect((await speed).ok).to.equal(true);
    expect(r.control.pending).to.equal(null);
  });

  it('gives up on a treadmill that does not answer after the timeout, and takes the next command', async () => {
    const r = await inControl();
    const speed = r.control.setSpeed(10);
    r.clock.advance(4999);
    expect(await settled(speed)).to.equal('waiting');
    r.clock.advance(1);
    expect(await speed).to.deep.equal({ ok: false, failure: 'no-answer', message: 'The treadmill did not answer within 5 s.' });
    expect(r.control.pending).to.equal(null);
    const incline = r.control.setIncline(2);
    r.control.indication(view(0x80, 0x03, 0x01));
    expect((await incline).ok).to.equal(true);
    expect(r.writes).to.deep.equal([[0x02, 0xe8, 0x03], [0x03, 0x14, 0x00]]);
  });

  it('names a refused pause as pausing, not stopping', async () => {
    // A runner who pressed space must not read that Stop does not work.
    const r = await inControl();
    const pause = r.control.pause();
    r.control.indication(view(0x80, 0x08, 0x02));
    expect(await pause).to.deep.equal({ ok: false, failure: 'refused', message: 'Pausing the belt is not something this treadmill supports.' });
    const stop = r.control.stop();
    r.control.indication(view(0x80, 0x08, 0x02));
    expect(await stop).to.include({ message: "Stopping the belt is not something this treadmill supports. Stop the belt with the treadmill's own Stop." });
  });

  it('confirms a silent treadmill’s speed and incline from status or Treadmill Data reaching the value', async () => {
    const r = await inControl();
    const speed = r.control.setSpeed(12);
    r.control.status(view(0x05, 0xb0, 0x04)); // 0x04b0: 12.00 km/h
    expect(await speed).to.deep.equal({ ok: true, confirmedBy: 'status', message: 'The belt speed is set to 12.0 km/h.' });
    const other = r.control.setSpeed(14);
    r.control.status(view(0x05, 0xb0, 0x04));
    r.control.treadmillData(data(13.9));
    expect(await settled(other), 'another speed, or a belt still on its way, confirms nothing').to.equal('waiting');
    r.control.treadmillData(data(13.96));
    expect(await settled(other), 'one reading at the value could be a belt passing by').to.equal('waiting');
    r.control.treadmillData(data(13.96));
    expect(await other).to.include({ ok: true, confirmedBy: 'treadmill-data' });
    const incline = r.control.setIncline(4.5);
    r.control.treadmillData(data(14, 4.4));
    expect(await settled(incline)).to.equal('waiting');
    r.control.status(view(0x06, 0x2d, 0x00));
    expect(await incline).to.include({ ok: true, confirmedBy: 'status' });
  });

  it('once the treadmill answered a belt command, only an answer confirms one', async () => {
    const r = await inControl();
    const first = r.control.setSpeed(10);
    r.control.indication(view(0x80, 0x02, 0x01));
    expect((await first).ok).to.equal(true);
    const second = r.control.setSpeed(12);
    r.control.status(view(0x05, 0xb0, 0x04));
    r.control.treadmillData(data(12));
    expect(await settled(second)).to.equal('waiting');
    r.control.indication(view(0x80, 0x02, 0x04));
    expect(await second).to.include({ ok: false, failure: 'refused' });
  });

  it('sends every status on parsed, drops the unreadable ones, and loses control on 0xFF and on reset', async () => {
    const r = await inControl();
    const seen: string[] = [];
    r.control.addEventListener('status', (event) => seen.push((event as StatusEvent).status.kind));
    for (const bad of [view(), view(0x05, 0x01), view(0x06)]) r.control.status(bad);
    r.control.status(view(0x02, 0x02));
    r.control.status(view(0x03));
    expect(r.control.hasControl).to.equal(true);
    r.control.status(view(0xff));
    expect(r.control.hasControl).to.equal(false);
    expect(seen).to.deep.equal(['stopped-or-paused-by-user', 'stopped-by-safety-key', 'control-permission-lost']);
    const again = await inControl();
    again.control.status(view(0x01));
    expect(again.control.hasControl).to.equal(false);
  });

  it('on a lost link ends what waits, drops what was not written, and forgets control and capabilities', async () => {
    const r = await inControl();
    let capabilityEvents = 0;
    r.control.addEventListener('capabilities', () => capabilityEvents++);
    const speed = r.control.setSpeed(10);
    r.control.linkLost();
    expect(await speed).to.deep.equal({ ok: false, failure: 'link-lost', message: words.linkLost });
    expect(r.writes).to.deep.equal([[0x02, 0xe8, 0x03]]);
    expect(r.control.hasControl).to.equal(false);
    expect(r.control.capabilities).to.equal(null);
    expect(capabilityEvents).to.equal(1);
    expect(await r.control.stop()).to.include({ failure: 'not-connected' });
    r.control.connected(caps());
    expect(r.control.hasControl, 'a new connection must ask for control again').to.equal(false);
    expect(await r.control.setSpeed(10)).to.include({ failure: 'not-permitted' });
    // A stop waiting for Request Control's answer was never written: it is dropped, not sent later.
    const asked = r.control.requestControl();
    const stop = r.control.stop();
    r.control.linkLost();
    expect(await asked).to.include({ failure: 'link-lost' });
    expect(await stop).to.deep.equal({ ok: false, failure: 'link-lost', message: words.droppedUnsent });
    r.control.connected(caps());
    await flush();
    expect(r.writes).to.deep.equal([[0x02, 0xe8, 0x03], [0x00]]);
    // A new connection reported without the loss of the last one ends what waited on it all the same.
    const stale = r.control.requestControl();
    r.control.connected(caps());
    expect(await stale).to.include({ failure: 'link-lost' });
    expect(r.control.pending).to.equal(null);
  });

  it('refuses values the field cannot carry and targets the treadmill does not take, without writing', async () => {
    const r = await inControl(caps({ feature: { machineFeatures: 0, targetSettingFeatures: 1, speedTargetSupported: true, inclinationTargetSupported: false } }));
    for (const kmh of [-1, Number.NaN, 700]) expect(await r.control.setSpeed(kmh), `${kmh}`).to.include({ ok: false, failure: 'refused' });
    expect(await r.control.setIncline(2)).to.deep.equal({ ok: false, failure: 'refused', message: words.noInclineTarget });
    expect(r.writes).to.deep.equal([]);
  });

  it('says why a write failed', async () => {
    const gone = rig(caps(), () => new DOMException('GATT Server is disconnected.', 'NetworkError'));
    expect(await gone.control.requestControl()).to.deep.equal({ ok: false, failure: 'link-lost', message: words.linkLost });
    expect(gone.control.pending).to.equal(null);
    // The control point read on connect is gone: not a treadmill that never took commands.
    const vanished = rig(caps(), () => new DOMException('GATT Error: Not found.', 'NotFoundError'));
    expect(await vanished.control.stop()).to.deep.equal({ ok: false, failure: 'no-control-point', message: words.controlPointGoneToStop });
    expect(await vanished.control.requestControl()).to.deep.equal({ ok: false, failure: 'no-control-point', message: words.controlPointGone });
    const broken = rig(caps(), () => new DOMException('GATT Error: Unknown.', 'NotSupportedError'));
    expect(await broken.control.requestControl()).to.deep.equal({
      ok: false,
      failure: 'not-sent',
      message: 'Could not send the command to the treadmill (GATT Error: Unknown.).',
    });
  });

  it('keeps its promises whatever the treadmill does: nothing but Stop sent without control, one write at a time, the Stop first', async () => {
    // Weighted so control is often held and belt commands meet one another while one waits.
    const action = fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('ask' as const), command: fc.integer({ min: 0, max: 5 }), value: fc.double({ min: -5, max: 30, noNaN: true }) }) },
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('answer' as const), result: fc.constantFrom(1, 1, 1, 2, 3, 4, 5, 9) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('status' as const), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 3 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('data' as const), kmh: fc.double({ min: 0, max: 25, noNaN: true }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 6000 }) }) },
      // The treadmill takes a write late (hold), then takes it or fails it (release); time passes for promises (flush).
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('hold' as const) }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('release' as const), fails: fc.boolean() }) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('flush' as const) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('lose' as const) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('connect' as const) }) },
    );
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(action, { minLength: 5, maxLength: 60 }), async (startInControl, actions) => {
        const writes: { bytes: number[]; hadControl: boolean; connected: boolean; pending: string | null }[] = [];
        const clock = new FakeClock();
        const link = new FakeLink();
        let outstanding = 0;
        const control: TreadmillControlPoint = new TreadmillControlPoint(
          {
            write: (bytes) => {
              writes.push({ bytes: [...bytes], hadControl: control.hasControl, connected: control.capabilities !== null, pending: control.pending });
              return link.write(bytes);
            },
          },
          { timers: clock },
        );
        control.connected(caps());
        if (startInControl) {
          void control.requestControl();
          control.indication(view(0x80, 0x00, 0x01));
        }
        for (const a of actions) {
          const before = writes.length;
          const waiting = control.pending;
          if (a.kind === 'ask') {
            const asks = [
              () => control.requestControl(),
              () => control.setSpeed(a.value),
              () => control.setIncline(a.value),
              () => control.start(),
              () => control.stop(),
              () => control.pause(),
            ];
            outstanding++;
            void asks[a.command]!().then(() => outstanding--);
            const stopOrPause = a.command >= 4;
            if (waiting !== null && !stopOrPause) expect(writes.length, 'nothing else sent while a command waits').to.equal(before);
            if (stopOrPause && control.hasControl && (waiting === 'speed' || waiting === 'incline' || waiting === 'start')) {
              expect(control.pending, 'the Stop or Pause takes the place of what waited').to.be.oneOf(['stop', 'pause']);
            }
          } else if (a.kind === 'answer') {
            const op = writes.at(-1)?.bytes[0] ?? 0;
            control.indication(view(0x80, op, a.result));
          } else if (a.kind === 'status') control.status(view(...a.bytes));
          else if (a.kind === 'data') control.treadmillData(data(a.kmh));
          else if (a.kind === 'tick') clock.advance(a.ms);
          else if (a.kind === 'hold') link.hold();
          else if (a.kind === 'release') {
            if (link.outstanding > 0) link.release(a.fails ? new DOMException('GATT Error: Unknown.', 'NotSupportedError') : null);
          } else if (a.kind === 'flush') await flush();
          else {
            // A connection that goes fails the writes it still held (Chromium rejects them).
            while (link.outstanding > 0) link.release(new DOMException('GATT Server is disconnected.', 'NetworkError'));
            if (a.kind === 'lose') control.linkLost();
            else control.connected(caps());
          }
          if (a.kind !== 'flush') expect(writes.length - before, 'at most one write per event').to.be.at.most(1);
          if (control.capabilities === null) expect(control.hasControl).to.equal(false);
        }
        for (const w of writes) {
          expect(w.connected, 'written only while connected').to.equal(true);
          const stop = w.bytes[0] === 0x08 && w.bytes[1] === 0x01;
          expect(w.bytes[0] === 0 || stop || w.hadControl, `op ${w.bytes[0]} written without control`).to.equal(true);
          expect(w.pending, 'each write is the command waiting').to.not.equal(null);
        }
        expect(link.overlapping.filter((n) => n > 0), 'never a write while another is outstanding').to.deep.equal([]);
        // Every promise ends: the clock and a lost link leave nothing waiting forever.
        clock.advance(60_000);
        control.linkLost();
        await flush();
        expect(outstanding).to.equal(0);
      }),
      { numRuns: invariantRuns(150) },
    );
  });
});
