// One walking/running answer per row (gait.ts), through the live path: the calibration's walking or
// running points, the stored running flag, auto-start and auto-pause all read it, judged on the
// pod's raw speed (the shown one is the calibrated speed, or the belt's).
import { expect } from '@open-wc/testing';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { gaitOf } from '../../src/session/calibration.js';
import type { RunningStatus } from '../../src/session/gait.js';
import { LiveSession } from '../../src/session/live-session.js';
import { Recorder } from '../../src/session/recorder.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

interface Row {
  speedMps: number;
  cadence: number;
  sentRunning: boolean;
  totalDistanceM?: number;
}

/** `seconds` rows through a live session with that status and curve, each handed to the recorder. */
function record(status: RunningStatus, curve: Parameters<LiveSession['setCalibration']>[0], seconds: number, row: (t: number) => Row, recorder: Recorder, clock: { nowMs: number }) {
  const session = new LiveSession(defaultCadenceZones);
  session.useRunningStatus(status);
  session.setCalibration(curve);
  const running: boolean[] = [];
  for (let t = 0; t < seconds; t++) {
    const { speedMps, cadence, sentRunning, totalDistanceM = null } = row(t);
    clock.nowMs += 1000;
    const bytes = encodeRscMeasurement({ speedMps, cadence, strideLengthM: null, totalDistanceM, isRunning: sentRunning });
    session.ingest(new DataView(bytes.buffer), t * 1000);
    running.push(session.latest!.running);
    recorder.addReading(session.latest!);
  }
  return { session, running };
}

const recorderOn = (clock: { nowMs: number }, options: { autoStart?: boolean; autoPauseAfterS?: number } = {}) =>
  new Recorder({ zones: defaultCadenceZones, id: 'run', now: () => clock.nowMs, ...options });

describe('LiveSession: one walking/running answer per row', () => {
  it('a jog the calibration scales as running (138 spm, raw 2.30 m/s, shown 2.14) is stored as running, auto-starts and is not auto-paused', () => {
    const clock = { nowMs: Date.UTC(2026, 11, 1, 7) };
    const recorder = recorderOn(clock, { autoStart: true, autoPauseAfterS: 10 });
    const { session, running } = record('not-reported', [{ podSpeedMps: 2.3, factor: 0.93 }], 60, () => ({ speedMps: 2.3, cadence: 138, sentRunning: false }), recorder, clock);
    const latest = session.latest!;
    expect(gaitOf(latest.cadence, latest.rawSpeedMps), "the calibration's gait").to.equal('run');
    expect(latest.speedMps).to.be.closeTo(latest.rawSpeedMps * 0.93, 1e-9);
    expect(running.every((r) => r)).to.equal(true);
    expect(recorder.state).to.equal('recording');
    expect(recorder.movingS).to.be.greaterThan(50);
  });

  it("a pod that reports 'running' at 138 spm and 2.0 m/s raw is scaled by the running points, not the walking one", () => {
    const clock = { nowMs: Date.UTC(2026, 11, 1, 7) };
    const recorder = recorderOn(clock);
    recorder.start();
    const curve = [
      { podSpeedMps: 1.39, factor: 1.1, walking: true as const },
      { podSpeedMps: 2.0, factor: 0.95 },
      { podSpeedMps: 3.0, factor: 0.95 },
    ];
    const { session } = record('reported', curve, 1801, (t) => ({ speedMps: 2.0, cadence: 138, sentRunning: true, totalDistanceM: 2.0 * t }), recorder, clock);
    recorder.stop();
    expect(session.latest!.running).to.equal(true);
    // 30 min at 2.0 m/s raw with the running 95 %: 3420 m (the walking 110 % read 3960 m).
    expect(recorder.meta().distanceM).to.be.closeTo(1800 * 2.0 * 0.95, 5);
  });

  it("a pod whose feature is unreadable and sends 'walking' at 172 spm and 3.2 m/s records a run: auto-started, 172 spm", () => {
    const clock = { nowMs: Date.UTC(2026, 11, 1, 7) };
    const recorder = recorderOn(clock, { autoStart: true });
    record(null, [], 1201, () => ({ speedMps: 3.2, cadence: 172, sentRunning: false }), recorder, clock);
    recorder.stop();
    expect(recorder.meta().movingS).to.be.closeTo(1200, 2);
    expect(recorder.meta().avgCadence).to.be.closeTo(172, 0.5);

    const byHand = recorderOn(clock);
    byHand.start();
    record(null, [], 1201, () => ({ speedMps: 3.2, cadence: 172, sentRunning: false }), byHand, clock);
    byHand.stop();
    expect(byHand.meta().avgCadence).to.be.closeTo(172, 0.5);
  });

  it("a pod whose feature is unreadable is believed once it has sent 'running': its 'walking' is then a walk", () => {
    const clock = { nowMs: Date.UTC(2026, 11, 1, 7) };
    const recorder = recorderOn(clock);
    recorder.start();
    // Runs 10 s saying so, then walks briskly at 142 spm (cadence alone would call it running).
    const { running } = record(null, [], 20, (t) => (t < 10 ? { speedMps: 3, cadence: 170, sentRunning: true } : { speedMps: 1.7, cadence: 142, sentRunning: false }), recorder, clock);
    expect(running).to.deep.equal([...Array<boolean>(10).fill(true), ...Array<boolean>(10).fill(false)]);
  });

  it('a re-paired pod is judged afresh: its first "walking" rows at a run go by cadence and speed', () => {
    const session = new LiveSession(defaultCadenceZones);
    const send = (t: number, sentRunning: boolean) => {
      const bytes = encodeRscMeasurement({ speedMps: 3.2, cadence: 172, strideLengthM: null, totalDistanceM: null, isRunning: sentRunning });
      session.ingest(new DataView(bytes.buffer), t * 1000);
      return session.latest!.running;
    };
    expect(send(0, true)).to.equal(true);
    expect(send(1, false), 'the same pod, believed').to.equal(false);
    session.newSource();
    expect(send(2, false), 'another pod that never said running').to.equal(true);
  });
});
