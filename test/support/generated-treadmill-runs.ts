// Treadmill runs made up for property tests of calibration: spells of running, walking and
// standing, pauses, pod link losses, treadmill dropouts and the speed source switched between
// treadmill and footpod, played as real bytes (pod, treadmill) through LiveSession and recorded by
// the Recorder with a calibration curve applied live. The same script can be recorded with any
// curve, so a re-scaled run can be compared with the run recorded with that curve.

import fc from 'fast-check';
import type { CalibrationCurve, CalibrationPoint } from '../../src/session/calibration.js';
import { LiveSession } from '../../src/session/live-session.js';
import type { RecordedSession } from '../../src/session/recorded-session.js';
import { Recorder } from '../../src/session/recorder.js';
import { ingestTreadmill } from '../../src/session/sensor-ingest.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { podBytes, treadmillBytes } from '../session/sensor-bytes.js';

export interface Spell {
  seconds: number;
  /** The belt's (true) speed, m/s; 0 standing. */
  beltMps: number;
  cadence: number;
  /** The belt's incline; absent: the treadmill sends none. */
  inclinePercent?: number;
}

/** [from, to) in seconds of the run. */
export type Span = [number, number];

export interface TreadmillRunScript {
  spells: Spell[];
  /** The pod's raw speed over the belt's, running and walking (pods are off by another amount walking). */
  podErrorRunning: number;
  podErrorWalking: number;
  /** The pod sends a stride length (else the app derives it from speed and cadence). */
  sendsStride: boolean;
  /** The treadmill sends its total distance (else its speed is integrated). */
  sendsTreadmillTotal: boolean;
  pauses: Span[];
  podLinkLosses: Span[];
  treadmillDropouts: Span[];
  /** Seconds at which the speed source switches, starting from `firstSpeedFrom`. */
  speedFromSwitches: number[];
  firstSpeedFrom: 'footpod' | 'treadmill';
  /**
   * The pod's walking/running status bit: set while running (cadence 140 or more), never (pods
   * without the feature send "walking" in every packet), or always (a pod that says "running" even
   * walking, and is believed: its walks are scaled and stored as running). Absent: always.
   */
  podRunningBit?: 'by-gait' | 'never' | 'always';
}

const spell = fc.oneof(
  fc.record({ seconds: fc.integer({ min: 20, max: 240 }), beltMps: fc.double({ min: 2.2, max: 5.2, noNaN: true }), cadence: fc.integer({ min: 150, max: 190 }) }),
  fc.record({ seconds: fc.integer({ min: 20, max: 180 }), beltMps: fc.double({ min: 1, max: 1.9, noNaN: true }), cadence: fc.integer({ min: 100, max: 135 }) }),
  // A slow jog at walking speeds (a run-walk on a belt left at one speed).
  fc.record({ seconds: fc.integer({ min: 20, max: 180 }), beltMps: fc.double({ min: 1.6, max: 1.9, noNaN: true }), cadence: fc.integer({ min: 150, max: 165 }) }),
  fc.record({ seconds: fc.integer({ min: 5, max: 40 }), beltMps: fc.constant(0), cadence: fc.constant(0) }),
);

const spans = (most: number, longest: number) =>
  fc.array(fc.tuple(fc.integer({ min: 1, max: 1500 }), fc.integer({ min: 1, max: longest })).map(([from, n]): Span => [from, from + n]), {
    maxLength: most,
  });

/** Spells as `spell`, some of them up (or down) an incline the belt reports. */
/** A footpod run of these spells, the pod reading the belt's speed raw, nothing lost; `change` overrides. */
export const steadyTreadmillScript = (spells: Spell[], change: Partial<TreadmillRunScript> = {}): TreadmillRunScript => ({
  spells,
  podErrorRunning: 1,
  podErrorWalking: 1,
  sendsStride: false,
  sendsTreadmillTotal: true,
  pauses: [],
  podLinkLosses: [],
  treadmillDropouts: [],
  speedFromSwitches: [],
  firstSpeedFrom: 'footpod',
  ...change,
});

export const inclinedSpell: fc.Arbitrary<Spell> = fc
  .tuple(spell, fc.option(fc.constantFrom(-4, 0, 1, 2, 3, 6, 10), { nil: undefined }))
  .map(([s, inclinePercent]) => (inclinePercent === undefined ? s : { ...s, inclinePercent }));

export const treadmillRunScript: fc.Arbitrary<TreadmillRunScript> = fc.record({
  spells: fc.array(inclinedSpell, { minLength: 1, maxLength: 6 }),
  podErrorRunning: fc.double({ min: 0.85, max: 1.15, noNaN: true }),
  podErrorWalking: fc.double({ min: 0.85, max: 1.15, noNaN: true }),
  sendsStride: fc.boolean(),
  sendsTreadmillTotal: fc.boolean(),
  pauses: spans(2, 40),
  podLinkLosses: spans(3, 12),
  treadmillDropouts: spans(8, 8),
  speedFromSwitches: fc.uniqueArray(fc.integer({ min: 1, max: 1500 }), { maxLength: 4 }).map((a) => a.sort((x, y) => x - y)),
  firstSpeedFrom: fc.constantFrom('footpod' as const, 'treadmill' as const),
  podRunningBit: fc.constantFrom('by-gait' as const, 'never' as const, 'always' as const),
});

const point: fc.Arbitrary<CalibrationPoint> = fc.record(
  { podSpeedMps: fc.double({ min: 0.8, max: 5.5, noNaN: true }), factor: fc.double({ min: 0.8, max: 1.2, noNaN: true }), walking: fc.constant(true as const) },
  { requiredKeys: ['podSpeedMps', 'factor'] },
);

/** A curve of 0 to 8 points at distinct speeds of each gait, running and walking, sorted by speed. */
export const calibrationCurve: fc.Arbitrary<CalibrationPoint[]> = fc
  .uniqueArray(point, { maxLength: 8, selector: (p) => `${p.walking ?? false} ${p.podSpeedMps}` })
  .map((points) => points.sort((a, b) => a.podSpeedMps - b.podSpeedMps));

const within = (spans: readonly Span[], s: number) => spans.some(([from, to]) => s >= from && s < to);

/** The script played second by second through a live session with `curve`, and recorded. */
export function recordTreadmillRun(script: TreadmillRunScript, curve: CalibrationCurve): RecordedSession {
  const live = new LiveSession(defaultCadenceZones);
  live.setCalibration(curve);
  live.setAutoCalibration(curve, true);
  let speedFrom = script.firstSpeedFrom;
  live.setSpeedFrom(speedFrom);
  const recorder = new Recorder({ zones: defaultCadenceZones, id: 'generated-treadmill-run', now: () => 0, calibration: curve, speedFrom });
  recorder.start();
  let podM = 0;
  let beltM = 0;
  let s = 0;
  for (const { seconds, beltMps, cadence, inclinePercent } of script.spells) {
    const walking = cadence > 0 && cadence < 140;
    const podMps = beltMps * (walking ? script.podErrorWalking : script.podErrorRunning);
    for (let k = 0; k < seconds; k++, s++) {
      beltM += beltMps;
      podM += podMps;
      if (script.speedFromSwitches.includes(s)) {
        speedFrom = speedFrom === 'footpod' ? 'treadmill' : 'footpod';
        live.setSpeedFrom(speedFrom);
        recorder.setSpeedFrom(speedFrom);
      }
      if (!within(script.treadmillDropouts, s)) {
        const total = script.sendsTreadmillTotal ? { totalDistanceM: Math.round(beltM) } : {};
        const incline = inclinePercent !== undefined ? { inclinationPercent: inclinePercent } : {};
        ingestTreadmill(live, treadmillBytes({ speedMps: beltMps, ...total, ...incline }), s * 1000 + 400);
      }
      if (within(script.podLinkLosses, s)) continue; // the pod's counter goes on
      const stride = script.sendsStride && cadence > 0 ? (podMps * 60) / cadence : null;
      const runningBit = script.podRunningBit === 'never' ? false : script.podRunningBit === 'by-gait' ? !walking : true;
      live.ingest(podBytes(podMps, cadence, stride, podM, runningBit), s * 1000 + 700);
      const paused = within(script.pauses, s);
      if (paused && recorder.state === 'recording') recorder.pause();
      if (!paused && recorder.state === 'paused') recorder.resume();
      recorder.addReading(live.latest!);
    }
  }
  recorder.stop();
  return { meta: recorder.meta(), samples: recorder.samples };
}
