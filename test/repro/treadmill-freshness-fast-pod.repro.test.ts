// Speed and distance from the treadmill, with a pod that notifies 4 times a second (the belt sends
// its Treadmill Data about once a second, with ordinary Bluetooth jitter: 0.9 s, 1.1 s, 1.3 s...).
// A belt value is fresh for FRESH_POD_ROWS = 3 pod rows after it came (sensor-channels.ts): counted
// in pod rows, not seconds, so with a 4 Hz pod a belt notification 1.3 s after the last one leaves
// a row "without a treadmill", where the pod (here 8 % long, uncalibrated) stands in, and the
// belt's count for the rows after it is thrown away. 30 min on the belt at 3.0 m/s is 5400 m; the
// run must show the belt's 5400 m (±0.2 %), as the runner chose the treadmill for speed and distance.
import { expect } from '@open-wc/testing';
import { LiveSession } from '../../src/session/live-session.js';
import { Recorder } from '../../src/session/recorder.js';
import { ingestTreadmill } from '../../src/session/sensor-ingest.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { podBytes, treadmillBytes } from '../session/sensor-bytes.js';

describe('repro: belt freshness counted in pod rows', () => {
  it('a 4 Hz pod and a 1 Hz belt with jitter: the run shows the belt’s 5400 m', () => {
    const live = new LiveSession(defaultCadenceZones);
    live.setSpeedFrom('treadmill');
    let nowMs = Date.UTC(2026, 11, 1, 7);
    const recorder = new Recorder({ zones: defaultCadenceZones, id: 'run', now: () => nowMs, speedFrom: 'treadmill' });
    const belt = 3.0;
    const pod = belt * 1.08;
    const jitter = [0.9, 1.1, 0.8, 1.3, 0.9, 1.0]; // seconds between belt notifications, mean 1.0
    let nextBeltS = 0;
    let k = 0;
    recorder.start();
    const endS = 1800;
    for (let q = 0; q <= endS * 4; q++) {
      const s = q / 4;
      while (nextBeltS <= s) {
        ingestTreadmill(live, treadmillBytes({ speedMps: belt, totalDistanceM: Math.round(belt * nextBeltS) }), nextBeltS * 1000);
        nextBeltS += jitter[k++ % jitter.length]!;
      }
      nowMs += 250;
      live.ingest(podBytes(pod, 172, null, pod * s), s * 1000 + 10);
      recorder.addReading(live.latest!);
    }
    recorder.stop();
    const meta = recorder.meta();
    expect(meta.distanceM).to.be.closeTo(belt * endS, belt * endS * 0.002);
  });
  it('a 2 Hz pod and a belt notifying every 2 s (2.5 s at times): the run shows the belt’s 5400 m', () => {
    const live = new LiveSession(defaultCadenceZones);
    live.setSpeedFrom('treadmill');
    let nowMs = Date.UTC(2026, 11, 1, 7);
    const recorder = new Recorder({ zones: defaultCadenceZones, id: 'run', now: () => nowMs, speedFrom: 'treadmill' });
    const belt = 3.0;
    const pod = belt * 1.08;
    const jitter = [2.0, 1.5, 2.5, 2.0]; // seconds between belt notifications, mean 1.0
    let nextBeltS = 0;
    let k = 0;
    recorder.start();
    const endS = 1800;
    for (let q = 0; q <= endS * 2; q++) {
      const s = q / 2;
      while (nextBeltS <= s) {
        ingestTreadmill(live, treadmillBytes({ speedMps: belt, totalDistanceM: Math.round(belt * nextBeltS) }), nextBeltS * 1000);
        nextBeltS += jitter[k++ % jitter.length]!;
      }
      nowMs += 500;
      live.ingest(podBytes(pod, 172, null, pod * s), s * 1000 + 10);
      recorder.addReading(live.latest!);
    }
    recorder.stop();
    const meta = recorder.meta();
    expect(meta.distanceM).to.be.closeTo(belt * endS, belt * endS * 0.002);
  });
});
