// A pod whose RSC Feature could not be read (discoverFootpod's readIfPresent gives null on any read
// error, and some pods do not expose it) leaves the session's running status null, and gait.ts then
// takes the pod's walking/running bit at its word. Pods without the feature send 0 ("walking") in
// every packet, so a 20 min run at 172 spm and 3.2 m/s is stored as a 20 min walk: no running time,
// auto-start never starts, the plan's share and averages see nothing. A bit that says "walking" at
// 172 spm and 11.5 km/h from a pod that never promised the bit is not evidence of walking; the app's
// own gait rule (gaitOf) calls every row running.
import { expect } from '@open-wc/testing';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { LiveSession } from '../../src/session/live-session.js';
import { Recorder } from '../../src/session/recorder.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

describe('repro: pod whose feature bits are unknown', () => {
  it('a 20 min run at 172 spm, 3.2 m/s, bit "walking", feature unreadable, is recorded as running', () => {
    const session = new LiveSession(defaultCadenceZones);
    session.useRunningStatus(null); // what FootpodService sets when info.feature is null
    let nowMs = Date.UTC(2026, 11, 1, 7);
    const recorder = new Recorder({ zones: defaultCadenceZones, autoStart: true, id: 'run', now: () => nowMs });
    for (let t = 0; t <= 1200; t++) {
      nowMs += 1000;
      const bytes = encodeRscMeasurement({ speedMps: 3.2, cadence: 172, strideLengthM: null, totalDistanceM: null, isRunning: false });
      session.ingest(new DataView(bytes.buffer), t * 1000);
      recorder.addReading(session.latest!);
    }
    recorder.stop();
    const meta = recorder.meta();
    // Auto-start on: the run starts at the first row and lasts ~1200 s at 172 spm.
    expect(meta.movingS).to.be.closeTo(1200, 2);
    expect(meta.avgCadence).to.be.closeTo(172, 0.5);
  });

  it('the same run started by hand averages 172 spm, not 0', () => {
    const session = new LiveSession(defaultCadenceZones);
    session.useRunningStatus(null);
    let nowMs = Date.UTC(2026, 11, 1, 7);
    const recorder = new Recorder({ zones: defaultCadenceZones, id: 'run', now: () => nowMs });
    recorder.start();
    for (let t = 0; t <= 1200; t++) {
      nowMs += 1000;
      const bytes = encodeRscMeasurement({ speedMps: 3.2, cadence: 172, strideLengthM: null, totalDistanceM: null, isRunning: false });
      session.ingest(new DataView(bytes.buffer), t * 1000);
      recorder.addReading(session.latest!);
    }
    recorder.stop();
    expect(recorder.meta().avgCadence).to.be.closeTo(172, 0.5);
  });
});
