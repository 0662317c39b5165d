// Outside review of issue 16's calibration: numbers a runner reads that are wrong. Each test fails today.
import { expect } from '@open-wc/testing';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { GuidedRun } from '../../src/app/guided-run.js';
import type { CalibrationCurve } from '../../src/session/calibration.js';
import { LiveSession } from '../../src/session/live-session.js';
import type { RecordedSession } from '../../src/session/recorded-session.js';
import { Recorder } from '../../src/session/recorder.js';
import { correctionFrom } from '../../src/session/run-correction.js';
import { ingestTreadmill } from '../../src/session/sensor-ingest.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { treadmillBytes } from '../session/sensor-bytes.js';

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

interface Spell {
  seconds: number;
  /** Belt (true) speed. */
  beltMps: number;
  /** Pod raw speed over belt speed. */
  podError: number;
  cadence: number;
  inclinePercent?: number;
  /** The pod's walking/running status bit. */
  running?: boolean;
}

/** Spells played second by second as real bytes (pod + treadmill) through a LiveSession, recorded (Start pressed). */
function play(spells: Spell[], curve: CalibrationCurve, live = new LiveSession(defaultCadenceZones)): { live: LiveSession; run: RecordedSession } {
  live.setCalibration(curve);
  live.setAutoCalibration(curve, true);
  live.setSpeedFrom('footpod');
  const recorder = new Recorder({ zones: defaultCadenceZones, id: 'repro', now: () => 0, calibration: curve, speedFrom: 'footpod' });
  recorder.start();
  let podM = 0;
  let beltM = 0;
  let s = 0;
  for (const sp of spells) {
    for (let k = 0; k < sp.seconds; k++, s++) {
      beltM += sp.beltMps;
      const podMps = sp.beltMps * sp.podError;
      podM += podMps;
      ingestTreadmill(
        live,
        treadmillBytes({ speedMps: sp.beltMps, totalDistanceM: Math.round(beltM), ...(sp.inclinePercent !== undefined ? { inclinationPercent: sp.inclinePercent } : {}) }),
        s * 1000 + 400,
      );
      live.ingest(
        viewOf(encodeRscMeasurement({ speedMps: podMps, cadence: sp.cadence, strideLengthM: null, totalDistanceM: podM, isRunning: sp.running ?? true })),
        s * 1000 + 700,
      );
      recorder.addReading(live.latest!);
    }
  }
  recorder.stop();
  return { live, run: { meta: recorder.meta(), samples: recorder.samples } };
}

describe('calibration review (issue 16)', () => {
  it('a steady run up a 6 % incline, corrected from the treadmill distance, teaches the flat curve nothing (as automatic learning refuses above 2 %)', () => {
    // 30 min at 3.0 m/s on a 6 % hill; the pod reads 8 % low uphill (foot strike differs), the
    // runner's flat curve is right at 100 %. Auto-calibration would learn nothing here
    // (MOST_LEARNING_INCLINE_PERCENT = 2): the same must hold for the typed distance, else every
    // later flat run at 3 m/s reads 8.7 % long.
    const curve = [{ podSpeedMps: 2.76, factor: 1 }];
    const { run } = play([{ seconds: 1801, beltMps: 3, podError: 0.92, cadence: 172, inclinePercent: 6 }], curve);
    const found = correctionFrom(run, curve, 5400);
    if (!found.ok || found.matches) throw new Error(`a correction expected, got ${JSON.stringify(found)}`);
    expect(found.run.meta.distanceM).to.be.closeTo(5400, 1);
    expect(found.point, `point learned up a 6 % incline: ${JSON.stringify(found.point)}`).to.equal(null);
  });

  it('a guided check run on an 8 % incline is not filed as a flat point without a word', () => {
    const live = new LiveSession(defaultCadenceZones);
    const guided = new GuidedRun(live, () => {});
    // 60 s at 3.0 m/s belt on 8 % incline, pod reads 90 % uphill.
    play([{ seconds: 60, beltMps: 3, podError: 0.9, cadence: 172, inclinePercent: 8 }], [], live);
    const { outcome } = guided.finish(3, [], 'km');
    // Expected: refused (or at least said) as automatic learning refuses above 2 %; today it is "calibrated" to 111 %.
    expect(outcome.ok, JSON.stringify(outcome)).to.equal(false);
  });

  it('a treadmill walk (pod reporting walking) can still be corrected from the treadmill distance', () => {
    // 40 min brisk walk at 1.6 m/s (3840 m on the belt), pod reads 110 % and says "walking" as RSC pods do.
    const { run } = play([{ seconds: 2401, beltMps: 1.6, podError: 1.1, cadence: 120, running: false }], []);
    expect(run.meta.distanceM).to.be.closeTo(4224, 2);
    const found = correctionFrom(run, [], 3840);
    // Today: "The footpod counted no running in this run, so there is nothing to calibrate it with."
    expect(found.ok, JSON.stringify(found)).to.equal(true);
    if (found.ok && !found.matches) {
      expect(found.run.meta.distanceM).to.be.closeTo(3840, 1);
      expect(found.point?.walking).to.equal(true);
    }
  });

  it('a slow jog at 138 steps/min takes the running curve, not a walking point measured at 1.5 m/s', () => {
    // Curve: walking 90 % at 1.5 m/s; running 105 % at 2.5 and 4.0 m/s (pod reads 1/1.05 of the belt when running).
    const curve = [
      { podSpeedMps: 1.5, factor: 0.9, walking: true as const },
      { podSpeedMps: 2.5, factor: 1.05 },
      { podSpeedMps: 4, factor: 1.05 },
    ];
    // 35 min slow jog at 2.4 m/s belt (8.6 km/h): 5040 m. Cadence 138: a short-striding jogger, not a walker
    // (nobody walks 8.6 km/h at 138 steps/min: that is a 1.04 m step).
    const { run } = play([{ seconds: 2101, beltMps: 2.4, podError: 1 / 1.05, cadence: 138 }], curve);
    expect(run.meta.distanceM, 'walking point extrapolated flat to a jog').to.be.closeTo(5040, 25);
  });
});

describe('calibration review: a pod without the walking/running status feature (always sends "walking")', () => {
  it('a steady treadmill run can be corrected from the treadmill distance and teaches its pace', () => {
    // RSC pods that do not support the status bit send 0 ("walking") in every packet (the code's
    // own comment in calibration.ts says so). 30 min at 3.0 m/s, cadence 172, pod reads 6 % high:
    // the run shows 5724 m, the treadmill 5400 m.
    const { run } = play([{ seconds: 1801, beltMps: 3, podError: 1.06, cadence: 172, running: false }], []);
    expect(run.meta.distanceM).to.be.closeTo(5724, 2);
    const found = correctionFrom(run, [], 5400);
    expect(found.ok, JSON.stringify(found)).to.equal(true);
    if (found.ok && !found.matches) {
      expect(found.run.meta.distanceM).to.be.closeTo(5400, 1);
      expect(found.point?.factor).to.be.closeTo(1 / 1.06, 1e-3);
    }
  });
});

describe('calibration review: the guided check says the speed its point is filed at', () => {
  it('"Footpod calibrated: 111.1 % at X" names the speed Settings then lists the point at', () => {
    // 60 s at a 3.0 m/s belt (10.8 km/h), flat, pod reading 90 % (2.7 m/s raw). The message says
    // "at 10.8 km/h" (the belt), while the point is filed, and listed in Settings and by
    // describeChange / the live learning line, "at 9.7 km/h" (the pod's raw speed): one point, two
    // speeds. They must agree.
    const live = new LiveSession(defaultCadenceZones);
    const guided = new GuidedRun(live, () => {});
    play([{ seconds: 60, beltMps: 3, podError: 0.9, cadence: 172 }], [], live);
    const { outcome, curve } = guided.finish(3, [], 'km');
    if (!outcome.ok || !curve) throw new Error(JSON.stringify(outcome));
    expect(outcome.atSpeedMps, `message speed vs stored point ${JSON.stringify(curve)}`).to.be.closeTo(curve[0]!.podSpeedMps, 0.05);
  });
});

describe('calibration review: a run with a walk in it is not one steady pace', () => {
  it('10 min walking (pod says walking) then 20 min steady running: one typed distance files no running point', () => {
    // Pods are off by another amount walking (calibration.ts). Here the pod reads 110 % walking and
    // is exact running. Belt: 10 min at 1.6 m/s (960 m) + 20 min at 3.0 m/s (3600 m) = 4560 m; the
    // run shows 1056 + 3600 = 4656 m. Typing 4560 must make the run show 4560 m, but one distance
    // for a run at two paces (and two gaits) cannot say which was off, exactly as for easy + tempo:
    // today the steadiness test looks at the rows the pod flagged running only, finds them steady, and
    // files 97.9 % at 3.0 m/s, so every later run at that pace reads 2.1 % short.
    const { run } = play(
      [
        { seconds: 600, beltMps: 1.6, podError: 1.1, cadence: 120, running: false },
        { seconds: 1201, beltMps: 3, podError: 1, cadence: 172 },
      ],
      [],
    );
    expect(run.meta.distanceM).to.be.closeTo(4656, 3);
    const found = correctionFrom(run, [], 4560);
    if (!found.ok || found.matches) throw new Error(JSON.stringify(found));
    expect(found.run.meta.distanceM).to.be.closeTo(4560, 1);
    expect(found.point, `filed ${JSON.stringify(found.point)}`).to.equal(null);
  });
});

describe('calibration review: a run mostly on the belt’s metres', () => {
  it('a 1.7 % difference in the typed distance does not become a 16.7 % pod factor', async () => {
    const { recordTreadmillRun } = await import('../support/generated-treadmill-runs.js');
    // 30 min steady at 3.0 m/s; the treadmill gave speed and distance for 27 min (4860 m), the pod
    // (exact) for the last 3 min (540 m): the run shows 5400 m. The treadmill's display reads
    // 5.49 km because the belt ran 30 s before Start was pressed (90 m the app never saw). The
    // correction panel itself says "That is 101.7 % of what the footpod measured". Today all 90 m
    // are put on the pod's 540 m: the pod's rows are scaled by 116.7 % and the pod "now reads
    // 116.7 % at 10.8 km/h", so every later run at that pace reads 16.7 % long. A careful runner
    // expects at most the whole-run 1.7 % (or no point at all from so few pod metres).
    const run = recordTreadmillRun(
      {
        spells: [{ seconds: 1801, beltMps: 3, cadence: 172 }],
        podErrorRunning: 1,
        podErrorWalking: 1,
        sendsStride: false,
        sendsTreadmillTotal: true,
        pauses: [],
        podLinkLosses: [],
        treadmillDropouts: [],
        speedFromSwitches: [1620],
        firstSpeedFrom: 'treadmill',
      },
      [],
    );
    expect(run.meta.distanceM).to.be.closeTo(5400, 3);
    const found = correctionFrom(run, [], 5490);
    if (!found.ok || found.matches) throw new Error(JSON.stringify(found));
    const factor = found.point?.factor ?? 1;
    expect(factor, `pod point filed: ${JSON.stringify(found.point)}, ratio on pod rows ${found.ratio}`).to.be.closeTo(1, 0.02);
  });
});
