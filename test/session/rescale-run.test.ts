import { expect } from '@open-wc/testing';
import type { CalibrationCurve } from '../../src/session/calibration.js';
import { LiveSession } from '../../src/session/live-session.js';
import { columnsFrom } from '../../src/session/recorded-columns.js';
import { type RecordedSession, SAMPLE_RUNNING, SAMPLE_SPEED_FROM_TREADMILL } from '../../src/session/recorded-session.js';
import { Recorder } from '../../src/session/recorder.js';
import { rescaleRun } from '../../src/session/rescale-run.js';
import { summarizeSamples } from '../../src/session/session-summary.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { podBytes, treadmillBytes } from './sensor-bytes.js';
import { type Span, recordTreadmillRun } from '../support/generated-treadmill-runs.js';
import { ingestTreadmill } from '../../src/session/sensor-ingest.js';

/**
 * Ten minutes on a belt at 3 m/s with a pod reading 6 % high (some seconds with a stride length,
 * a 20 s pause, a 6 s link loss the pod's counter covers), recorded live with `curve` applied.
 */
function recorded(curve: CalibrationCurve, speedFrom: 'footpod' | 'treadmill' = 'footpod'): RecordedSession {
  const live = new LiveSession(defaultCadenceZones);
  live.setCalibration(curve);
  live.setSpeedFrom(speedFrom);
  live.setAutoCalibration([], true);
  const recorder = new Recorder({ zones: defaultCadenceZones, id: 'rescale', now: () => 0, calibration: curve, speedFrom });
  recorder.start();
  let podM = 0;
  for (let s = 0; s < 600; s++) {
    const podMps = 3.18 + (s % 5) * 0.02;
    podM += podMps;
    ingestTreadmill(live, treadmillBytes({ speedMps: 3, totalDistanceM: 3 * s }), s * 1000);
    if (s >= 300 && s < 306) continue; // the link is down; the counter goes on
    live.ingest(podBytes(podMps, 172, s % 3 === 0 ? 1.1 : null, podM), s * 1000);
    if (s === 200) recorder.pause();
    if (s === 220) recorder.resume();
    recorder.addReading(live.latest!);
  }
  recorder.stop();
  return { meta: recorder.meta(), samples: recorder.samples };
}

const calibrated = [{ podSpeedMps: 3.2, factor: 3 / 3.2 }];

describe('rescaleRun', () => {
  it('re-scales a run recorded uncalibrated into the run it would have been with the curve', () => {
    const raw = recorded([]);
    const live = recorded(calibrated);
    const rescaled = rescaleRun(raw, calibrated)!;
    const { samples } = rescaled;
    for (let i = 0; i < samples.t.length; i++) {
      expect(samples.speedMps[i], `speed ${i}`).to.be.closeTo(live.samples.speedMps[i]!, 1e-6);
      expect(samples.strideLengthM[i], `stride ${i}`).to.be.closeTo(live.samples.strideLengthM[i]!, 1e-5);
      expect(samples.distanceM[i], `distance ${i}`).to.be.closeTo(live.samples.distanceM[i]!, 1e-6);
    }
    expect(rescaled.meta.distanceM).to.be.closeTo(live.meta.distanceM, 1e-6);
    expect(rescaled.meta.avgSpeedMps).to.be.closeTo(live.meta.avgSpeedMps, 1e-9);
    expect(rescaled.meta.gaps).to.have.length(2);
    const covered = rescaled.meta.gaps.find((g) => g.reason === 'link-lost')!.coveredM!;
    expect(covered).to.be.closeTo(live.meta.gaps.find((g) => g.reason === 'link-lost')!.coveredM!, 1e-6);
    expect(covered).to.be.below(raw.meta.gaps.find((g) => g.reason === 'link-lost')!.coveredM!);
    expect(rescaled.meta).to.deep.include({ calibration: calibrated, movingS: raw.meta.movingS });
    expect(rescaled.meta).to.deep.include(summarizeSamples(samples, raw.meta.zones, rescaled.meta.gaps));
    expect(Array.from(samples.rawDistanceM), 'raw values stay as recorded').to.deep.equal(Array.from(raw.samples.rawDistanceM));
    expect(raw.samples.speedMps[5], 'the original is left alone').to.be.above(3.1);
  });

  it('re-scales a calibrated run with another curve, stride lengths the pod sent included', () => {
    const first = recorded([{ podSpeedMps: 3.2, factor: 0.9 }]);
    const again = rescaleRun(first, calibrated)!;
    const live = recorded(calibrated);
    expect(again.samples.strideLengthM[3]).to.be.closeTo(live.samples.strideLengthM[3]!, 1e-5);
    expect(again.meta.distanceM).to.be.closeTo(live.meta.distanceM, 1e-6);
  });

  it('keeps rows the treadmill gave speed for, and refuses a run with nothing to re-scale', () => {
    const mixed = recorded([], 'treadmill');
    expect(mixed.samples.flags.every((f) => (f & SAMPLE_SPEED_FROM_TREADMILL) !== 0), 'the belt gave every speed').to.equal(true);
    // As if the treadmill had been silent for the first ten rows, so the pod stood in.
    for (let i = 0; i < 10; i++) mixed.samples.flags[i] = SAMPLE_RUNNING;
    const rescaled = rescaleRun(mixed, calibrated)!;
    expect(rescaled.samples.speedMps[5]).to.be.closeTo(mixed.samples.rawSpeedMps[5]! * (3 / 3.2), 1e-6);
    expect(Array.from(rescaled.samples.speedMps.subarray(20, 30))).to.deep.equal(Array.from(mixed.samples.speedMps.subarray(20, 30)));

    const allBelt = recorded([], 'treadmill');
    for (let i = 0; i < allBelt.samples.flags.length; i++) allBelt.samples.flags[i]! |= SAMPLE_SPEED_FROM_TREADMILL;
    expect(rescaleRun(allBelt, calibrated)).to.equal(null);
    const imported: RecordedSession = {
      meta: recorded([]).meta,
      samples: columnsFrom([0, 1, 2].map((t) => ({ t, speedMps: 3, cadence: 170, strideLengthM: 1, distanceM: 3 * t, flags: SAMPLE_RUNNING }))),
    };
    expect(rescaleRun(imported, calibrated)).to.equal(null);
  });
});

describe('rescaleRun over treadmill dropouts', () => {
  it('keeps the metres held over each dropout: 30 min at 3 m/s, the belt silent 4 s in every 30 s, the pod for the last 5 min', () => {
    const curve = [{ podSpeedMps: 3.18, factor: 3 / 3.18 }];
    const dropouts = Array.from({ length: 50 }, (_, k): Span => [30 * k + 20, 30 * k + 24]);
    const run = recordTreadmillRun(
      {
        spells: [{ seconds: 1801, beltMps: 3, cadence: 170 }],
        podErrorRunning: 1.06,
        podErrorWalking: 1.06,
        sendsStride: false,
        sendsTreadmillTotal: true,
        pauses: [],
        podLinkLosses: [],
        treadmillDropouts: dropouts,
        speedFromSwitches: [1500],
        firstSpeedFrom: 'treadmill',
      },
      curve,
    );
    expect(run.meta.distanceM).to.be.closeTo(5400, 5);
    const again = rescaleRun(run, curve)!;
    expect(again.meta.distanceM, 'the recorded curve changes nothing').to.be.closeTo(run.meta.distanceM, 1e-6);
    for (let i = 0; i < run.samples.t.length; i++) expect(again.samples.distanceM[i], `row ${i}`).to.be.closeTo(run.samples.distanceM[i]!, 1e-6);
  });

  it('keeps the metres held over a dropout when the runner stops on the belt before its count comes back', () => {
    // Found by the invariant below once: the belt silent from 18 s, the runner standing from 20 s;
    // the standing row added no pod metres and the re-scale dropped what the two before it held.
    const script = {
      spells: [
        { seconds: 20, beltMps: 2.2, cadence: 150 },
        { seconds: 5, beltMps: 0, cadence: 0 },
      ],
      podErrorRunning: 0.85,
      podErrorWalking: 0.85,
      sendsStride: false,
      sendsTreadmillTotal: false,
      pauses: [],
      podLinkLosses: [],
      treadmillDropouts: [[18, 22] as Span],
      speedFromSwitches: [1],
      firstSpeedFrom: 'footpod' as const,
    };
    const recorded = recordTreadmillRun(script, [{ podSpeedMps: 0.8, factor: 0.8 }]);
    const live = recordTreadmillRun(script, []);
    const rescaled = rescaleRun(recorded, [])!;
    expect(rescaled.meta.distanceM, 'as recorded live uncalibrated').to.be.closeTo(live.meta.distanceM, 1e-6);
  });
});

describe('rescaleRun: walking or running', () => {
  it("reads each row's gait from its stored running flag, and keeps a gait an older run's speed shows", () => {
    // 10 min at 138 spm, raw 2.0 m/s, on a pod that reports "running": stored running, scaled by the
    // running 95 % (the cadence alone would say walking, 110 %).
    const curve = [
      { podSpeedMps: 1.39, factor: 1.1, walking: true as const },
      { podSpeedMps: 2.0, factor: 0.95 },
    ];
    const live = new LiveSession(defaultCadenceZones);
    live.useRunningStatus('reported');
    live.setCalibration(curve);
    const recorder = new Recorder({ zones: defaultCadenceZones, id: 'gait', now: () => 0, calibration: curve });
    recorder.start();
    for (let s = 0; s <= 600; s++) {
      live.ingest(podBytes(2.0, 138, null, 2.0 * s, true), s * 1000);
      recorder.addReading(live.latest!);
    }
    recorder.stop();
    const run: RecordedSession = { meta: recorder.meta(), samples: recorder.samples };
    expect(run.meta.distanceM).to.be.closeTo(600 * 2.0 * 0.95, 0.5);
    expect(rescaleRun(run, curve)!.meta.distanceM, 'with its own curve').to.equal(run.meta.distanceM);
    // Without the walking point the rows keep their running factor: a walking row would now take 95 % too.
    const runningOnly = [curve[1]!, { podSpeedMps: 3, factor: 0.9 }];
    expect(rescaleRun(run, runningOnly)!.meta.distanceM).to.be.closeTo(run.meta.distanceM, 1e-6);
    // An older run stored these rows walking (its flag judged the shown speed) while its speed shows
    // the running 95 %: re-scaled with its own curve it keeps that, and changes nothing.
    const older: RecordedSession = { meta: run.meta, samples: { ...run.samples, flags: run.samples.flags.map((f) => f & ~SAMPLE_RUNNING) } };
    expect(rescaleRun(older, curve)!.meta.distanceM).to.be.closeTo(run.meta.distanceM, 1e-6);
  });
});
