/// <reference types="mocha" />
// The simulated treadmill's belt under a workout's control: the same TreadmillControl as a real
// treadmill, answers like one, and its Treadmill Data follows the belt only once control is taken.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { encodeSetTargetInclination, encodeSetTargetSpeed, encodePause, encodeStartOrResume, encodeStop } from '../../src/ble/ftms-control-point.js';
import type { FitnessMachineStatus } from '../../src/ble/ftms-status.js';
import { parseTreadmillData } from '../../src/ble/ftms-treadmill.js';
import { MeasurementEvent } from '../../src/sources/footpod-source.js';
import { plannedSpeedAt } from '../../src/sources/run-profile.js';
import { BELT_KMH_PER_S, SIMULATED_SPEED_RANGE, SimulatedBelt } from '../../src/sources/simulated-belt.js';
import { SimulatedTreadmill } from '../../src/sources/simulated-treadmill.js';
import { SimulatedHeartRate } from '../../src/sources/simulated-heart-rate.js';
import { type StatusEvent, treadmillControlOf } from '../../src/sources/treadmill-control.js';
import { WebBluetoothTreadmill } from '../../src/sources/web-bluetooth-treadmill.js';
import { invariantRuns } from '../support/invariant-runs.js';

/** A treadmill on a clock too slow to tick by itself: seconds pass only through emitSeconds. */
async function connected(): Promise<{ treadmill: SimulatedTreadmill; belt: () => { kmh: number; incline: number }[]; statuses: FitnessMachineStatus[] }> {
  const treadmill = new SimulatedTreadmill({ speedup: 1e-6, startAtS: 1400 });
  const data: { kmh: number; incline: number }[] = [];
  const statuses: FitnessMachineStatus[] = [];
  treadmill.addEventListener(MeasurementEvent.type, (event) => {
    const d = parseTreadmillData((event as MeasurementEvent).view);
    data.push({ kmh: Math.round(d.speedMps! * 360) / 100, incline: d.inclinationPercent! });
  });
  treadmill.control.addEventListener('status', (event) => statuses.push((event as StatusEvent).status));
  await treadmill.connect();
  return { treadmill, belt: () => data.splice(0), statuses };
}

const bytesOf = (treadmill: SimulatedTreadmill, seconds: number): number[][] => {
  const out: number[][] = [];
  const listener = (event: Event): void => {
    const { view } = event as MeasurementEvent;
    out.push(Array.from(new Uint8Array(view.buffer, view.byteOffset, view.byteLength)));
  };
  treadmill.addEventListener(MeasurementEvent.type, listener);
  treadmill.emitSeconds(seconds);
  treadmill.removeEventListener(MeasurementEvent.type, listener);
  return out;
};

describe('SimulatedTreadmill control', () => {
  it('says what it can do once connected, and runs exactly as before until control is taken', async () => {
    const untouched = new SimulatedTreadmill({ speedup: 1e-6, startAtS: 1400 });
    const { treadmill } = await connected();
    await untouched.connect();
    expect(treadmill.control.capabilities).to.deep.include({ speed: SIMULATED_SPEED_RANGE, controlPoint: true });
    // Refused without control: nothing reaches the belt.
    expect(await treadmill.control.setSpeed(15)).to.include({ ok: false, failure: 'not-permitted' });
    const sent = bytesOf(treadmill, 90);
    expect(sent).to.deep.equal(bytesOf(untouched, 90));
    // And both are the run profile's belt, as the simulated treadmill has always been.
    sent.forEach((bytes, i) => {
      const d = parseTreadmillData(new DataView(Uint8Array.from(bytes).buffer));
      expect(d.speedMps, `second ${i}`).to.be.closeTo(plannedSpeedAt(1400 + i), 0.0015);
      expect(d.inclinationPercent).to.equal(1);
    });
    treadmill.disconnect();
    untouched.disconnect();
  });

  it('takes control without moving the belt, then follows each command at 1 km/h per second and tells its status', async () => {
    const { treadmill, belt, statuses } = await connected();
    treadmill.emitSeconds(5);
    const before = belt().at(-1)!;
    expect(await treadmill.control.requestControl()).to.include({ ok: true, confirmedBy: 'indication' });
    treadmill.emitSeconds(3);
    expect(belt().map((s) => s.kmh), 'control alone moves nothing').to.deep.equal([before.kmh, before.kmh, before.kmh]);

    expect(await treadmill.control.setSpeed(15)).to.deep.equal({ ok: true, confirmedBy: 'indication', message: 'The belt speed is set to 15.0 km/h.' });
    expect(await treadmill.control.setIncline(2.5)).to.include({ ok: true });
    const seconds = Math.ceil(15 - before.kmh) + 2;
    treadmill.emitSeconds(seconds);
    const ramp = belt();
    ramp.forEach((s, i) => {
      const previous = i === 0 ? before.kmh : ramp[i - 1]!.kmh;
      expect(Math.abs(s.kmh - previous), `second ${i}`).to.be.at.most(BELT_KMH_PER_S + 0.01);
    });
    expect(ramp.at(-1)).to.deep.equal({ kmh: 15, incline: 2.5 });

    expect(await treadmill.control.setSpeed(25)).to.include({ ok: false, failure: 'refused' });
    expect(await treadmill.control.pause()).to.include({ ok: true, message: 'The belt was paused.' });
    treadmill.emitSeconds(16);
    expect(belt().at(-1)!.kmh, 'a paused belt stands').to.equal(0);
    expect(await treadmill.control.start()).to.include({ ok: true });
    treadmill.emitSeconds(16);
    expect(belt().at(-1)!.kmh, 'resumed at its speed').to.equal(15);
    expect(await treadmill.control.stop()).to.include({ ok: true });
    expect(statuses.map((s) => s.kind)).to.deep.equal([
      'target-speed-changed',
      'target-incline-changed',
      'stopped-or-paused-by-user',
      'started-or-resumed',
      'stopped-or-paused-by-user',
    ]);
    expect(statuses[0]).to.deep.equal({ kind: 'target-speed-changed', kmh: 15 });
    expect(statuses[4]).to.deep.equal({ kind: 'stopped-or-paused-by-user', how: 'stop' });

    treadmill.disconnect();
    expect(treadmill.control.capabilities).to.equal(null);
    expect(treadmill.control.hasControl).to.equal(false);
    await treadmill.connect();
    expect(treadmill.control.capabilities).to.not.equal(null);
    expect(treadmill.control.hasControl, 'a new connection asks again').to.equal(false);
    treadmill.disconnect();
  });

  it('keeps the speed and incline a workout set across a disconnect and reconnect, and asks for control again', async () => {
    // A lost link sends nothing new: the belt does not jump back to the demo profile's speed.
    const { treadmill, belt } = await connected();
    treadmill.emitSeconds(2);
    expect((await treadmill.control.requestControl()).ok).to.equal(true);
    expect((await treadmill.control.setSpeed(8)).ok).to.equal(true);
    expect((await treadmill.control.setIncline(3)).ok).to.equal(true);
    treadmill.emitSeconds(20);
    expect(belt().at(-1), 'the belt reached what it was set to').to.deep.equal({ kmh: 8, incline: 3 });
    treadmill.disconnect();
    treadmill.emitSeconds(2);
    await treadmill.connect();
    treadmill.emitSeconds(3);
    expect(belt(), 'through the lost link and after the reconnect, with nothing sent').to.deep.equal(Array(5).fill({ kmh: 8, incline: 3 }));
    treadmill.disconnect();
    // The treadmill gives control per connection: the belt is kept, control is not.
    const kept = new SimulatedBelt(8, 3);
    kept.answer(Uint8Array.of(0x00));
    kept.linkLost();
    expect([...kept.answer(encodeSetTargetSpeed(10)).indication]).to.deep.equal([0x80, 0x02, 0x05]);
    expect(kept.speedKmh).to.equal(8);
  });

  it('tells a status only when something changed, as a treadmill does', () => {
    const belt = new SimulatedBelt(8, 3);
    belt.answer(Uint8Array.of(0x00));
    const status = (request: Uint8Array): number[] | null => {
      const answer = belt.answer(request);
      expect(answer.indication[2], 'always answered yes').to.equal(0x01);
      return answer.status && [...answer.status];
    };
    expect(status(encodeSetTargetSpeed(8)), 'the speed it had').to.equal(null);
    expect(status(encodeSetTargetSpeed(10))).to.deep.equal([0x05, 0xe8, 0x03]);
    expect(status(encodeSetTargetInclination(3)), 'the incline it had').to.equal(null);
    expect(status(encodeStartOrResume()), 'a running belt started').to.equal(null);
    expect(status(encodePause())).to.deep.equal([0x02, 0x02]);
    expect(status(encodePause())).to.equal(null);
    expect(status(encodeStop()), 'a paused belt stopped').to.deep.equal([0x02, 0x01]);
    expect(status(encodeStop())).to.equal(null);
    expect(status(encodeStartOrResume())).to.deep.equal([0x04]);
  });

  it('is found on either treadmill source, and on no other', () => {
    const simulated = new SimulatedTreadmill();
    const real = new WebBluetoothTreadmill(null);
    expect(treadmillControlOf(simulated) === simulated.control && treadmillControlOf(real) === real.control).to.equal(true);
    // Compared as booleans: a failure message that prints an EventTarget hangs the test runner.
    expect(treadmillControlOf(new SimulatedHeartRate()) === null, 'a strap').to.equal(true);
    expect(treadmillControlOf(null) === null).to.equal(true);
    expect(treadmillControlOf({ control: new EventTarget() }) === null, 'something else called control').to.equal(true);
  });

  it('never changes speed by more than 1 km/h a second, stays in its range, and ends at what it was set to', () => {
    const command = fc.oneof(
      fc.double({ min: 0, max: 25, noNaN: true }).map((kmh) => encodeSetTargetSpeed(kmh)),
      fc.double({ min: -3, max: 18, noNaN: true }).map((percent) => encodeSetTargetInclination(percent)),
      fc.constantFrom(encodeStartOrResume(), encodeStop(), encodePause()),
    );
    const step = fc.oneof(command.map((bytes) => ({ bytes, seconds: 0 })), fc.integer({ min: 1, max: 10 }).map((seconds) => ({ bytes: null, seconds })));
    fc.assert(
      fc.property(fc.double({ min: 0, max: 20, noNaN: true }), fc.array(step, { maxLength: 40 }), (startKmh, steps) => {
        const belt = new SimulatedBelt(startKmh, 1);
        belt.answer(Uint8Array.of(0x00));
        let running = startKmh > 0;
        let target = startKmh;
        for (const { bytes, seconds } of steps) {
          if (bytes) {
            const { indication } = belt.answer(bytes);
            if (indication[2] === 0x01 && bytes[0] === 0x02) target = (bytes[1]! | (bytes[2]! << 8)) / 100;
            if (bytes[0] === 0x07) [running, target] = [true, Math.max(target, SIMULATED_SPEED_RANGE.minKmh)];
            if (bytes[0] === 0x08) [running, target] = [false, bytes[1] === 0x01 ? SIMULATED_SPEED_RANGE.minKmh : target];
          }
          for (let s = 0; s < seconds; s++) {
            const previous = belt.speedKmh;
            belt.second();
            expect(Math.abs(belt.speedKmh - previous)).to.be.at.most(BELT_KMH_PER_S + 1e-9);
            expect(belt.speedKmh).to.be.within(0, Math.max(SIMULATED_SPEED_RANGE.maxKmh, startKmh));
          }
        }
        for (let s = 0; s < 25; s++) belt.second();
        expect(belt.speedKmh).to.be.closeTo(running ? target : 0, 1e-9);
      }),
      { numRuns: invariantRuns(150) },
    );
  });
});
