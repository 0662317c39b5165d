// gait.ts: "everything downstream (the stored running flag, the coach's active time, auto-start and
// auto-pause) reads the one answer" — for a pod whose RSC Feature says it fills in the walking/
// running bit, that answer is the pod's bit. The calibration ignores it and picks walking or running
// points by gaitOf (cadence < 140 and raw speed < 2.2 m/s). A slow jogger at 138 spm and 2.0 m/s
// raw on a pod that reports "running" is stored as running, but his walking point (110 % at
// 5.0 km/h, from a guided check walked) is applied instead of his running point (95 %): 30 min read
// 3960 m where the running point gives 3420 m (the run stored as running, scaled as a walk: 16 % long).
import { expect } from '@open-wc/testing';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { LiveSession } from '../../src/session/live-session.js';
import { Recorder } from '../../src/session/recorder.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

describe('repro: the pod’s reported bit and the calibration’s gait', () => {
  it('a row the pod reports as running (138 spm, 2.0 m/s) is scaled by the running points', () => {
    const session = new LiveSession(defaultCadenceZones);
    session.useRunningStatus('reported');
    session.setCalibration([
      { podSpeedMps: 1.39, factor: 1.1, walking: true },
      { podSpeedMps: 2.0, factor: 0.95 },
      { podSpeedMps: 3.0, factor: 0.95 },
    ]);
    let nowMs = Date.UTC(2026, 11, 1, 7);
    const recorder = new Recorder({ zones: defaultCadenceZones, id: 'run', now: () => nowMs });
    recorder.start();
    for (let t = 0; t <= 1800; t++) {
      nowMs += 1000;
      const bytes = encodeRscMeasurement({ speedMps: 2.0, cadence: 138, strideLengthM: null, totalDistanceM: 2.0 * t, isRunning: true });
      session.ingest(new DataView(bytes.buffer), t * 1000);
      recorder.addReading(session.latest!);
    }
    recorder.stop();
    const meta = recorder.meta();
    expect(session.latest!.running, 'stored as running, as the pod reports').to.equal(true);
    expect(meta.distanceM).to.be.closeTo(1800 * 2.0 * 0.95, 5);
  });
});
