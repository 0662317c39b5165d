// Treadmill runs at the notification rates real sensors have: a footpod that notifies once, twice
// or four times a second, and a treadmill whose Treadmill Data comes every 0.5 to 2.5 s (Bluetooth
// jitter, slow firmware), the pod reading the belt some per cent off. Speed and distance are the
// treadmill's, so the run's distance is the belt's count whatever the rates.

import fc from 'fast-check';
import { LiveSession } from '../../src/session/live-session.js';
import { Recorder } from '../../src/session/recorder.js';
import { ingestTreadmill } from '../../src/session/sensor-ingest.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { podBytes, treadmillBytes } from '../session/sensor-bytes.js';

export interface NotificationRatesRun {
  seconds: number;
  beltMps: number;
  /** The pod's raw speed over the belt's. */
  podError: number;
  podHz: 1 | 2 | 4;
  /** Seconds between the treadmill's notifications, used in turn. */
  beltGapsS: number[];
}

export const notificationRatesRun: fc.Arbitrary<NotificationRatesRun> = fc.record({
  seconds: fc.integer({ min: 300, max: 900 }),
  beltMps: fc.double({ min: 2, max: 5, noNaN: true }),
  podError: fc.oneof(fc.double({ min: 0.85, max: 0.95, noNaN: true }), fc.double({ min: 1.05, max: 1.15, noNaN: true })),
  podHz: fc.constantFrom(1 as const, 2 as const, 4 as const),
  beltGapsS: fc.array(fc.double({ min: 0.5, max: 2.5, noNaN: true }), { minLength: 1, maxLength: 8 }),
});

/** The run through a live session with speed from the treadmill, recorded: its distance, and the belt's last count. */
export function recordAtRates(run: NotificationRatesRun): { distanceM: number; beltCountM: number } {
  const live = new LiveSession(defaultCadenceZones);
  live.setSpeedFrom('treadmill');
  let nowMs = Date.UTC(2026, 11, 1, 7);
  const recorder = new Recorder({ zones: defaultCadenceZones, id: 'run', now: () => nowMs, speedFrom: 'treadmill' });
  recorder.start();
  const podMps = run.beltMps * run.podError;
  let nextBeltS = 0;
  let beltCountM = 0;
  let k = 0;
  for (let q = 0; q <= run.seconds * run.podHz; q++) {
    const s = q / run.podHz;
    while (nextBeltS <= s) {
      beltCountM = Math.round(run.beltMps * nextBeltS);
      ingestTreadmill(live, treadmillBytes({ speedMps: run.beltMps, totalDistanceM: beltCountM }), nextBeltS * 1000);
      nextBeltS += run.beltGapsS[k++ % run.beltGapsS.length]!;
    }
    nowMs += 1000 / run.podHz;
    live.ingest(podBytes(podMps, 172, null, podMps * s), s * 1000 + 10);
    recorder.addReading(live.latest!);
  }
  recorder.stop();
  return { distanceM: recorder.meta().distanceM, beltCountM };
}
