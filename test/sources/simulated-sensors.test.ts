/// <reference types="mocha" />
// The simulated treadmill and strap speak real bytes: everything here reads them back with the
// same parsers the app uses for real devices.
import { expect, waitUntil } from '@open-wc/testing';
import { parseTreadmillData } from '../../src/ble/ftms-treadmill.js';
import { parseHeartRateMeasurement } from '../../src/ble/heart-rate.js';
import { MeasurementEvent } from '../../src/sources/footpod-source.js';
import { plannedSpeedAt } from '../../src/sources/run-profile.js';
import type { SensorSource } from '../../src/sources/sensor-source.js';
import { SimulatedHeartRate } from '../../src/sources/simulated-heart-rate.js';
import { SimulatedTreadmill } from '../../src/sources/simulated-treadmill.js';

function collect(source: SensorSource): { views: DataView[]; times: number[] } {
  const out = { views: [] as DataView[], times: [] as number[] };
  source.addEventListener(MeasurementEvent.type, (event) => {
    out.views.push((event as MeasurementEvent).view);
    out.times.push((event as MeasurementEvent).timeMs);
  });
  return out;
}
const hex = (view: DataView) => Array.from(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));

describe('SimulatedTreadmill', () => {
  it('runs its belt at the profile’s speed, with incline, odometer and elapsed time, one value a second', () => {
    const treadmill = new SimulatedTreadmill({ startAtS: 1400 });
    const got = collect(treadmill);
    treadmill.emitSeconds(120);
    const data = got.views.map(parseTreadmillData);
    data.forEach((d, i) => {
      // Sent in 0.01 km/h steps.
      expect(d.speedMps, `second ${i}`).to.be.closeTo(plannedSpeedAt(1400 + i), 0.0015);
      expect(d.inclinationPercent).to.equal(1);
      expect(d.elapsedTimeS).to.equal(i);
    });
    expect(data[0]!.totalDistanceM).to.equal(0);
    const planned = Array.from({ length: 119 }, (_, i) => plannedSpeedAt(1400 + i)).reduce((a, b) => a + b, 0);
    expect(data[119]!.totalDistanceM).to.be.closeTo(planned, 1);
    expect(got.times.slice(0, 3)).to.deep.equal([0, 1000, 2000]);
  });

  it('connects like a device, says who it is, and emits on its own clock until disconnected', async () => {
    const treadmill = new SimulatedTreadmill({ speedup: 50 });
    const states: string[] = [];
    treadmill.addEventListener('statechange', () => states.push(treadmill.state));
    const got = collect(treadmill);
    expect([treadmill.sensor, treadmill.kind, treadmill.state]).to.deep.equal(['treadmill', 'simulator', 'idle']);
    await treadmill.connect();
    expect(treadmill.info.deviceName).to.equal('Simulated treadmill');
    await waitUntil(() => got.views.length >= 10, 'ten seconds of belt in a fifth of a second');
    treadmill.disconnect();
    const count = got.views.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(got.views.length).to.equal(count);
    expect(states).to.deep.equal(['connecting', 'connected', 'disconnected']);
  });
});

describe('SimulatedHeartRate', () => {
  it('starts near rest and settles on the pace’s heart rate, with RR intervals to match', () => {
    const strap = new SimulatedHeartRate();
    const got = collect(strap);
    strap.emitSeconds(1200);
    const beats = got.views.map(parseHeartRateMeasurement);
    expect(beats[0]!.heartRateBpm).to.be.within(93, 98);
    // Deep into the first steady block (3.15-3.3 m/s): about 140-145 bpm.
    expect(beats[1100]!.heartRateBpm).to.be.within(135, 150);
    for (const beat of beats) {
      expect(beat.sensorContact).to.equal('detected');
      expect(beat.rrIntervalsS![0]!).to.be.closeTo(60 / beat.heartRateBpm, 1 / 1024);
    }
    // A heart never jumps: one second to the next moves by a few beats at most.
    for (let i = 1; i < beats.length; i++) expect(Math.abs(beats[i]!.heartRateBpm - beats[i - 1]!.heartRateBpm)).to.be.at.most(4);
  });

  it('gives the same bytes for the same seed and other bytes for another', () => {
    const run = (seed: number) => {
      const strap = new SimulatedHeartRate({ seed, startAtS: 1400 });
      const got = collect(strap);
      strap.emitSeconds(60);
      return got.views.map(hex);
    };
    expect(run(7)).to.deep.equal(run(7));
    expect(run(7)).to.not.deep.equal(run(8));
    expect([new SimulatedHeartRate().sensor, new SimulatedHeartRate().kind]).to.deep.equal(['heart-rate', 'simulator']);
  });

  it('rejects a speedup that is not a positive number', () => {
    expect(() => new SimulatedHeartRate({ speedup: 0 })).to.throw(RangeError);
    expect(() => new SimulatedTreadmill({ startAtS: -1 })).to.throw(RangeError);
  });
});
