/// <reference types="mocha" />
// The simulated treadmill and strap speak real bytes: everything here reads them back with the
// same parsers the app uses for real devices.
import { expect, waitUntil } from '@open-wc/testing';
import { parseTreadmillData } from '../../src/ble/ftms-treadmill.js';
import { parseHeartRateMeasurement } from '../../src/ble/heart-rate.js';
import { MeasurementEvent } from '../../src/sources/footpod-source.js';
import { mulberry32, type PaceAim, plannedSpeedAt } from '../../src/sources/run-profile.js';
import type { SensorSource } from '../../src/sources/sensor-source.js';
import { bpmForSpeed, SimulatedHeartRate } from '../../src/sources/simulated-heart-rate.js';
import { SimulatedTreadmill } from '../../src/sources/simulated-treadmill.js';

function collect(source: SensorSource): { views: DataView[]; times: number[] } {
  const out = { views: [] as DataView[], times: [] as number[] };
  source.addEventListener(MeasurementEvent.type, (event) => {
    out.views.push((event as MeasurementEvent).view);
    out.times.push((event as MeasurementEvent).timeMs);
  });
  return out;
}
/** Half the FTMS speed step (0.01 km/h): what a belt speed sent in bytes may be off by. */
const HALF_STEP_MPS = 0.005 / 3.6 + 1e-9;

/**
 * A program's belt as a pace: steady stretches at generated speeds (1.5-5 m/s), with short ramps
 * between them, and stretches with no program run (null: the plan); what it was asked, in order.
 */
function generatedPace(seed: number): { pace: (elapsedS: number) => PaceAim | null; asked: number[] } {
  const rng = mulberry32(seed);
  const asked: number[] = [];
  let left = 0;
  let speed: number | null = null;
  const pace = (elapsedS: number): PaceAim | null => {
    asked.push(elapsedS);
    if (left-- <= 0) {
      left = 5 + Math.floor(rng() * 60);
      speed = rng() < 0.2 ? null : 1.5 + rng() * 3.5;
    }
    if (speed === null) return null;
    // A ramp: the belt moves a little each second within a stretch, irregularly.
    speed += (rng() - 0.5) * 0.02;
    return { speedMps: speed, cadence: 170 };
  };
  return { pace, asked };
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

  it('with a pace (a program run), runs its belt at the pace, level, and counts it on its odometer; the plan where the pace says null', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const startAtS = seed * 300;
      const belt: number[] = [];
      const { pace, asked } = generatedPace(seed);
      const aims: (PaceAim | null)[] = [];
      const treadmill = new SimulatedTreadmill({
        startAtS,
        pace: (s) => {
          const aim = pace(s);
          aims.push(aim);
          return aim;
        },
      });
      const got = collect(treadmill);
      treadmill.emitSeconds(600);
      const data = got.views.map(parseTreadmillData);
      expect(asked, `seed ${seed}: asked once a second, on the belt's own clock`).to.deep.equal(Array.from({ length: 600 }, (_, i) => startAtS + i));
      expect(aims.some((a) => a === null) && aims.some((a) => a !== null), `seed ${seed}: both kinds of stretch`).to.equal(true);
      data.forEach((d, i) => {
        const aim = aims[i];
        const want = aim ? aim.speedMps : plannedSpeedAt(startAtS + i);
        expect(Math.abs(d.speedMps! - want), `seed ${seed}, second ${i}: ${d.speedMps} against ${want}`).to.be.at.most(HALF_STEP_MPS);
        expect(d.inclinationPercent, `seed ${seed}, second ${i}`).to.equal(aim ? 0 : 1);
        expect(d.totalDistanceM, `seed ${seed}, second ${i}: the distance before it`).to.equal(Math.floor(belt.reduce((a, b) => a + b, 0)));
        belt.push(want);
      });
    }
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

  it('with a pace (a program run), settles on the heart rate of the pace’s speed, not the plan’s', () => {
    for (const speedMps of [2.2, 2.78, 3.6]) {
      // In the plan's intervals (1400 s on: about 4 m/s), where the plan's heart would be near 165.
      const strap = new SimulatedHeartRate({ startAtS: 1400, pace: () => ({ speedMps, cadence: 170 }) });
      const got = collect(strap);
      strap.emitSeconds(300);
      const beats = got.views.map(parseHeartRateMeasurement).map((b) => b.heartRateBpm);
      // Starting on a run already going on: the heart of that run's pace from the first beat.
      expect(beats[0], `${speedMps} m/s, the first beat`).to.be.closeTo(bpmForSpeed(speedMps), 1.5);
      for (const bpm of beats.slice(-60)) expect(bpm, `${speedMps} m/s`).to.be.closeTo(bpmForSpeed(speedMps), 1.5);
    }
    // Where the pace says null, the plan's heart, as without one.
    const run = (pace?: () => null) => {
      const strap = new SimulatedHeartRate({ startAtS: 1400, ...(pace ? { pace } : {}) });
      const got = collect(strap);
      strap.emitSeconds(120);
      return got.views.map(hex);
    };
    expect(run(() => null)).to.deep.equal(run());
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
