/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { parseRscFeature, parseRscMeasurement, type RscMeasurement } from '../../src/ble/rsc.js';
import { parseCyclingPowerMeasurement } from '../../src/ble/cycling-power.js';
import { MeasurementEvent, POWER_EVENT, type ConnectionState } from '../../src/sources/footpod-source.js';
import { mulberry32, runSampleAt } from '../../src/sources/run-profile.js';
import { SimulatedFootpod, type SimulatedFootpodOptions, simulatedPowerW } from '../../src/sources/simulated-footpod.js';
import { classifyReading } from '../../src/session/cadence-unit.js';

interface Received {
  timeMs: number;
  m: RscMeasurement;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Every footpod a test makes is disconnected afterwards, so no timer outlives its test.
const made: SimulatedFootpod[] = [];
function footpod(options: SimulatedFootpodOptions = {}): { pod: SimulatedFootpod; received: Received[] } {
  const pod = new SimulatedFootpod(options);
  made.push(pod);
  const received: Received[] = [];
  pod.addEventListener(MeasurementEvent.type, (event) => {
    const { view, timeMs } = event as MeasurementEvent;
    received.push({ timeMs, m: parseRscMeasurement(view) });
  });
  return { pod, received };
}

afterEach(() => {
  for (const pod of made.splice(0)) pod.disconnect();
});

function expectMatchesProfile(received: Received[], seed: number, startAtS: number): void {
  const rng = mulberry32(seed);
  received.forEach(({ m }, i) => {
    const expected = runSampleAt(startAtS + i, rng);
    // The encoding's resolution: 1/256 m/s, whole steps/min, centimetres.
    expect(m.speedMps).to.be.closeTo(expected.speedMps, 1 / 512 + 1e-9);
    expect(m.cadence).to.equal(expected.cadence);
    expect(m.strideLengthM).to.be.closeTo(expected.strideLengthM, 0.005 + 1e-9);
    expect(m.isRunning).to.equal(expected.isRunning);
  });
}

describe('SimulatedFootpod', () => {
  it('goes idle → connecting → connected → disconnected, announcing each change', async () => {
    const { pod } = footpod();
    const seen: ConnectionState[] = [];
    pod.addEventListener('statechange', () => seen.push(pod.state));
    expect(pod.kind).to.equal('simulator');
    expect(pod.state).to.equal('idle');
    const connecting = pod.connect();
    expect(pod.state).to.equal('connecting');
    await connecting;
    expect(pod.state).to.equal('connected');
    pod.disconnect();
    expect(seen).to.deep.equal(['connecting', 'connected', 'disconnected']);
    expect(pod.message).to.equal(null);
  });

  it('describes itself as an in-shoe pod with stride, distance and running status', async () => {
    const { pod } = footpod();
    let infoEvents = 0;
    pod.addEventListener('info', () => infoEvents++);
    await pod.connect();
    const { deviceName, feature, sensorLocation, batteryLevel } = pod.info;
    expect(infoEvents).to.equal(1);
    expect(deviceName).to.equal('Simulated footpod');
    expect([feature!.getUint8(0), feature!.getUint8(1)]).to.deep.equal([0x07, 0x00]);
    expect(parseRscFeature(feature!)).to.include({
      strideLengthSupported: true,
      totalDistanceSupported: true,
      walkingRunningStatusSupported: true,
      calibrationSupported: false,
    });
    expect(sensorLocation).to.equal(2);
    expect(batteryLevel).to.equal(100);
  });

  it('emits bytes that parse to the run profile, stamped 0, 1000, 2000 … ms', () => {
    const { pod, received } = footpod({ seed: 5 });
    pod.emitSeconds(600);
    expect(received).to.have.length(600);
    expect(received.map((r) => r.timeMs)).to.deep.equal(received.map((_, i) => i * 1000));
    expectMatchesProfile(received, 5, 0);
  });

  it('can start part-way through the run, with its clock still at 0', () => {
    const { pod, received } = footpod({ seed: 9, startAtS: 1400 });
    pod.emitSeconds(100);
    expect(received[0]!.timeMs).to.equal(0);
    expectMatchesProfile(received, 9, 1400);
    expect(received.every((r) => r.m.speedMps > 3.8)).to.equal(true);
  });

  it('runs a pace it is handed instead of the plan, and the plan again after it, on the same seeded noise', () => {
    const aim = { speedMps: 2.5, cadence: 166.4 };
    const { pod, received } = footpod({ seed: 6, pace: (s) => (s >= 100 && s < 200 ? aim : null) });
    pod.emitSeconds(300);
    const rng = mulberry32(6);
    // The changes from the plan to the aim and back take a few seconds (see the test below).
    const blend = 10;
    received.forEach(({ m }, s) => {
      const planned = runSampleAt(s, rng);
      if (s < 100 || s >= 200 + blend) {
        expect(m.cadence, `second ${s}`).to.equal(planned.cadence);
        expect(m.speedMps).to.be.closeTo(planned.speedMps, 1 / 512 + 1e-9);
      } else if (s >= 100 + blend && s < 200) {
        expect(m.speedMps / aim.speedMps, `second ${s}`).to.be.within(0.995 - 1 / 512, 1.005 + 1 / 512);
        expect(Math.abs(m.cadence - aim.cadence), `second ${s}`).to.be.at.most(1.5);
        expect(m.isRunning).to.equal(true);
      }
    });
    expect(mean(received.slice(100 + blend, 200).map((r) => r.m.cadence))).to.be.closeTo(aim.cadence, 0.4);
  });

  // A program run cancelled (or armed) in the middle of the 60-minute plan's fast reps: the runner
  // goes from the belt's 2.8 m/s and ~161 steps/min to a rep's ~4 m/s and ~180 and back over
  // seconds, about 0.1 m/s a second as the plan's own changes, never in one second.
  it('changes speed and cadence gradually between a pace it is handed and the plan, both ways', () => {
    const aim = { speedMps: 2.8, cadence: 161 };
    const { pod, received } = footpod({ seed: 4, startAtS: 1410, pace: (s) => (s >= 1420 && s < 1620 ? aim : null) });
    pod.emitSeconds(400);
    const steps = received.slice(1).map(({ m }, i) => ({
      speed: Math.abs(m.speedMps - received[i]!.m.speedMps),
      cadence: Math.abs(m.cadence - received[i]!.m.cadence),
    }));
    // Noise on top of the change: ±0.05 m/s (plan) or ±0.5 % (belt); ±1.5 steps/min and rounding.
    expect(Math.max(...steps.map((d) => d.speed)), 'speed a second').to.be.below(0.1 + 0.12);
    expect(Math.max(...steps.map((d) => d.cadence)), 'cadence a second').to.be.at.most(1.5 + 4);
    // It gets there: on the aim within about 15 seconds, and on the plan again after.
    expect(received[1420 - 1410 + 15]!.m.speedMps).to.be.closeTo(aim.speedMps, 0.03);
    expect(received[1620 - 1410 + 15]!.m.speedMps, 'a rep of the plan').to.be.closeTo(4, 0.06);
  });

  it('gives the same bytes for the same seed', () => {
    const a = footpod({ seed: 3 });
    const b = footpod({ seed: 3 });
    a.pod.emitSeconds(200);
    b.pod.emitSeconds(200);
    expect(a.received).to.deep.equal(b.received);
  });

  it('counts total distance up monotonically, within 1 % of the integrated speed, for 3 hours', () => {
    const { pod, received } = footpod({ seed: 8 });
    pod.emitSeconds(3 * 60 * 60);
    let integrated = 0;
    received.forEach(({ m }, i) => {
      expect(m.totalDistanceM).not.to.equal(null);
      if (i > 0) expect(m.totalDistanceM!).to.be.at.least(received[i - 1]!.m.totalDistanceM!);
      if (i >= 60) expect(m.totalDistanceM!).to.be.closeTo(integrated, integrated * 0.01);
      integrated += m.speedMps;
    });
    expect(received[0]!.m.totalDistanceM).to.equal(0);
    expect(integrated).to.be.within(30_000, 40_000);
  });

  it('drains the battery slowly, announcing each new level', async () => {
    const { pod } = footpod();
    const levels: number[] = [];
    pod.addEventListener('info', () => levels.push(pod.info.batteryLevel!));
    await pod.connect();
    pod.emitSeconds(3 * 60 * 60);
    expect(levels[0]).to.equal(100);
    expect(levels.slice(1)).to.deep.equal(levels.slice(1).map((_, i) => 99 - i));
    expect(pod.info.batteryLevel).to.be.within(84, 86);
  });

  it('runs on its own clock: a speedup of 600 delivers hundreds of seconds in one real second', async () => {
    const { pod, received } = footpod({ speedup: 600 });
    const started = performance.now();
    await pod.connect();
    await sleep(1000);
    const count = received.length;
    const realS = (performance.now() - started) / 1000;
    expect(count).to.be.at.least(300);
    // Never faster than asked.
    expect(count).to.be.at.most(Math.ceil(600 * realS) + 1);
    expect(received.map((r) => r.timeMs)).to.deep.equal(received.map((_, i) => i * 1000));
  });

  it('emits about one measurement per second at real speed', async () => {
    const { pod, received } = footpod();
    await pod.connect();
    await sleep(1500);
    expect(received.map((r) => r.timeMs)).to.deep.equal([0, 1000]);
  });

  it('stops emitting on disconnect', async () => {
    const { pod, received } = footpod({ speedup: 600 });
    await pod.connect();
    await sleep(100);
    pod.disconnect();
    const count = received.length;
    expect(count).to.be.greaterThan(0);
    await sleep(300);
    expect(received).to.have.length(count);
  });

  it('stops in the middle of a batch when a listener disconnects', async () => {
    const { pod, received } = footpod({ speedup: 100_000 });
    pod.addEventListener(MeasurementEvent.type, () => {
      if (received.length === 5) pod.disconnect();
    });
    await pod.connect();
    await sleep(100);
    expect(received).to.have.length(5);
  });

  it('carries on the same run after a reconnect: clock and distance never go back', async () => {
    const { pod, received } = footpod({ seed: 4 });
    await pod.connect();
    pod.emitSeconds(10);
    pod.disconnect();
    await pod.connect();
    pod.emitSeconds(10);
    pod.disconnect();
    // The timer may have added one measurement at each connect; the sequence is still unbroken.
    expect(received.map((r) => r.timeMs)).to.deep.equal(received.map((_, i) => i * 1000));
    expectMatchesProfile(received, 4, 0);
    const distances = received.map((r) => r.m.totalDistanceM!);
    expect(distances).to.deep.equal([...distances].sort((a, b) => a - b));
  });

  it('does not connect when disconnected while connecting', async () => {
    const { pod, received } = footpod({ speedup: 600 });
    const connecting = pod.connect();
    pod.disconnect();
    await connecting;
    await sleep(50);
    expect(pod.state).to.equal('disconnected');
    expect(received).to.have.length(0);
  });

  it('refuses a speedup or start that cannot work', () => {
    expect(() => new SimulatedFootpod({ speedup: 0 })).to.throw(RangeError);
    expect(() => new SimulatedFootpod({ speedup: Number.NaN })).to.throw(RangeError);
    expect(() => new SimulatedFootpod({ startAtS: -1 })).to.throw(RangeError);
    expect(() => new SimulatedFootpod().emitSeconds(1.5)).to.throw(RangeError);
  });

  it('acts as a pod that counts strides when asked: half the cadence, a two-step stride, a name and id of its own', async () => {
    const steps = footpod({ seed: 6 });
    const strides = footpod({ seed: 6, cadenceUnit: 'strides' });
    await Promise.all([steps.pod.connect(), strides.pod.connect()]);
    expect(steps.pod.info).to.deep.include({ deviceId: 'simulated', deviceName: 'Simulated footpod' });
    expect(strides.pod.info).to.deep.include({ deviceId: 'simulated-strides', deviceName: 'Simulated stride pod' });
    steps.pod.emitSeconds(120);
    strides.pod.emitSeconds(120);
    // The timer may have added a first measurement to either; compare the emitSeconds ones from the end.
    const last = (r: Received[]) => r.slice(-120).map(({ m }) => m);
    last(strides.received).forEach((m, i) => {
      const s = last(steps.received)[i]!;
      expect(m.speedMps).to.equal(s.speedMps);
      expect(m.cadence).to.equal(Math.round(s.cadence / 2));
      expect(m.strideLengthM).to.be.closeTo(s.strideLengthM! * 2, 0.011);
      expect(classifyReading({ ...m, running: m.isRunning })).to.equal(m.speedMps >= 0.8 ? 'strides' : 'unknown');
    });
  });
});

describe('SimulatedFootpod: running power', () => {
  it('sends a Cycling Power Measurement beside each RSC one: ECOR × 70 kg × speed, on the same clock', () => {
    const { pod, received } = footpod({ seed: 3 });
    const power: { timeMs: number; powerW: number }[] = [];
    pod.addEventListener(POWER_EVENT, (event) => {
      const { view, timeMs } = event as MeasurementEvent;
      power.push({ timeMs, powerW: parseCyclingPowerMeasurement(view).powerW });
    });
    pod.emitSeconds(120);
    expect(power.map((p) => p.timeMs)).to.deep.equal(received.map((r) => r.timeMs));
    power.forEach((p, i) => {
      // 1.04 J/kg/m × 70 kg × v; the RSC speed is 1/256 m/s, so power may round a watt either way.
      expect(p.powerW).to.be.closeTo(1.04 * 70 * received[i]!.m.speedMps, 1);
    });
    expect(simulatedPowerW(12 / 3.6), '70 kg at 12 km/h').to.equal(243);
    expect(simulatedPowerW(-1), 'standing still').to.equal(0);
  });
});
