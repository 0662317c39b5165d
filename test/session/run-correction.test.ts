import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { factorAt } from '../../src/session/calibration.js';
import { columnsFrom } from '../../src/session/recorded-columns.js';
import { rescaleRun } from '../../src/session/rescale-run.js';
import { correctionFrom, typedPrecision } from '../../src/session/run-correction.js';
import { distanceIn, formatDistanceIn } from '../../src/session/units.js';
import { recordTreadmillRun, steadyTreadmillScript } from '../support/generated-treadmill-runs.js';
import { invariantRuns } from '../support/invariant-runs.js';

const script = steadyTreadmillScript;

/** The right curve of the issue: 90 % at 2.5 m/s, 95 % at 4.0 m/s. */
const rightCurve = [
  { podSpeedMps: 2.5, factor: 0.9 },
  { podSpeedMps: 4, factor: 0.95 },
];
/** 20 min easy (2.5 m/s raw), then 10 min tempo (4.0 m/s raw): 3000 m + 2400 m raw, 4980 m with the right curve. */
const easyThenTempo = [
  { seconds: 1201, beltMps: 2.5, cadence: 168 },
  { seconds: 600, beltMps: 4, cadence: 180 },
];

describe('correcting a run from the treadmill’s distance', () => {
  it('changes nothing, run or curve, when the run already shows the treadmill’s distance', () => {
    const run = recordTreadmillRun(script(easyThenTempo), rightCurve);
    expect(run.meta.distanceM).to.be.closeTo(4980, 0.01);
    expect(correctionFrom(run, rightCurve, 4980)).to.deep.equal({ ok: true, matches: true });
    expect(correctionFrom(run, rightCurve, 4984, typedPrecision(2, 'km')), 'shows 4.98 as typed').to.deep.equal({ ok: true, matches: true });
  });

  it('makes a run at two paces show the typed distance, and leaves the curve alone: one distance cannot say which pace is off', () => {
    const run = recordTreadmillRun(script(easyThenTempo), []);
    expect(run.meta.distanceM).to.be.closeTo(5400, 0.01);
    const found = correctionFrom(run, rightCurve, 4980);
    if (!found.ok || found.matches) throw new Error('a correction');
    expect(found.run.meta.distanceM).to.be.closeTo(4980, 1e-6);
    expect(found.ratio, 'the right curve makes it 4980 m by itself').to.be.closeTo(1, 1e-4);
    expect(found.point).to.equal(null);
    expect(found.why).to.match(/^This run changed pace, so one distance cannot say at which pace the footpod is off/);
    // Typed 2 % long: the run shows it, each pace keeping its share.
    const longer = correctionFrom(run, rightCurve, 5079.6);
    if (!longer.ok || longer.matches) throw new Error('a correction');
    expect(longer.run.meta.distanceM).to.be.closeTo(5079.6, 1e-6);
    expect(longer.point).to.equal(null);
    expect(factorAt(longer.run.meta.calibration!, 2.5)).to.be.closeTo(0.9 * 1.02, 1e-4);
  });

  it('files a point at a steady run’s pace, and the run shows the typed distance', () => {
    const run = recordTreadmillRun(script([{ seconds: 1201, beltMps: 3.2, cadence: 172 }]), [{ podSpeedMps: 3, factor: 1.02 }]);
    const rawM = run.samples.rawDistanceM.at(-1)!;
    const found = correctionFrom(run, [{ podSpeedMps: 3, factor: 1.02 }], rawM * 0.94);
    if (!found.ok || found.matches) throw new Error('a correction');
    expect(found.run.meta.distanceM).to.be.closeTo(rawM * 0.94, 1e-6);
    expect(found.point!.podSpeedMps).to.be.closeTo(3.2, 1 / 256);
    expect(found.point!.factor).to.be.closeTo(0.94, 1e-9);
    expect(found.point!.walking).to.equal(undefined);
    // Re-scaling with the pod's curve and its new point reproduces the typed distance.
    expect(rescaleRun(run, [found.point!])!.meta.distanceM).to.be.closeTo(rawM * 0.94, 1e-6);
  });

  it('keeps the belt’s own metres where the treadmill gave the speed, and scales the pod’s to make up the rest', () => {
    // 10 min on the belt's speed, then 10 min on the pod's; the pod reads 6 % high.
    const mixed = recordTreadmillRun(
      script([{ seconds: 1201, beltMps: 3, cadence: 172 }], { podErrorRunning: 1.06, firstSpeedFrom: 'treadmill', speedFromSwitches: [600] }),
      [],
    );
    expect(mixed.meta.distanceM).to.be.closeTo(1800 + 1800 * 1.06, 5);
    const found = correctionFrom(mixed, [], 3600);
    if (!found.ok || found.matches) throw new Error('a correction');
    expect(found.run.meta.distanceM).to.be.closeTo(3600, 1e-6);
    expect(found.ratio).to.be.closeTo(1 / 1.06, 0.002);
  });

  it('says in words why it cannot', () => {
    const run = recordTreadmillRun(script([{ seconds: 601, beltMps: 3, cadence: 172 }]), []);
    const problem = (r: ReturnType<typeof correctionFrom>) => (r.ok ? null : r.problem);
    expect(problem(correctionFrom(run, [], 0))).to.match(/^Type the distance the treadmill shows/);
    expect(problem(correctionFrom(run, [], 500))).to.match(/^The footpod measured 1\.80 km where the treadmill shows 0\.50 km: 360 %, beyond what a footpod is off by \(75-125 %\)\. Check/);
    const imported = { meta: run.meta, samples: columnsFrom([{ t: 0, speedMps: 3, cadence: 170, strideLengthM: 1, distanceM: 0, flags: 1 }]) };
    expect(problem(correctionFrom(imported, [], 5000))).to.match(/no raw footpod values \(it was imported/);
    const standing = recordTreadmillRun(script([{ seconds: 601, beltMps: 3, cadence: 172 }]), []);
    standing.samples.rawDistanceM.fill(standing.samples.rawDistanceM[0]!);
    expect(problem(correctionFrom(standing, [], 1700))).to.match(/^The footpod counted no distance in this run/);
    const allBelt = recordTreadmillRun(script([{ seconds: 601, beltMps: 3, cadence: 172 }], { firstSpeedFrom: 'treadmill' }), []);
    expect(problem(correctionFrom(allBelt, [], 1700))).to.match(/^The treadmill gave this run its distance itself/);
  });

  it('teaches the flat curve nothing from a steady run up a 6 % incline, and the run shows the typed distance', () => {
    // 30 min at 3.0 m/s on a 6 % hill; the pod reads 8 % low uphill, its flat curve is right at 100 %.
    // The treadmill's own learning refuses above 2 %; the typed distance must too, else every later
    // flat run at 3 m/s reads 8.7 % long.
    const curve = [{ podSpeedMps: 2.76, factor: 1 }];
    const run = recordTreadmillRun(script([{ seconds: 1801, beltMps: 3, cadence: 172, inclinePercent: 6 }], { podErrorRunning: 0.92 }), curve);
    expect(run.meta.distanceM).to.be.closeTo(4968, 2);
    const found = correctionFrom(run, curve, 5400);
    if (!found.ok || found.matches) throw new Error(`a correction, got ${JSON.stringify(found)}`);
    expect(found.run.meta.distanceM).to.be.closeTo(5400, 1e-6);
    expect(found.point).to.equal(null);
    expect(found.why).to.equal('This run was on an incline (up to 6 %), where a footpod reads differently than on the flat: its calibration stays as it was.');
    // The same run on the flat (or at 2 %) teaches its pace.
    const flat = recordTreadmillRun(script([{ seconds: 1801, beltMps: 3, cadence: 172, inclinePercent: 2 }], { podErrorRunning: 0.92 }), curve);
    const learned = correctionFrom(flat, curve, 5400);
    expect(learned.ok && !learned.matches && learned.point?.factor).to.be.closeTo(1 / 0.92, 1e-3);
  });

  it('corrects a treadmill walk (the pod saying "walking") and files a walking point', () => {
    // 40 min brisk walk at 1.6 m/s (3840 m on the belt), the pod reading 110 %, its status bit "walking".
    const run = recordTreadmillRun(script([{ seconds: 2401, beltMps: 1.6, cadence: 120 }], { podErrorWalking: 1.1, podRunningBit: 'by-gait' }), []);
    expect(run.meta.distanceM).to.be.closeTo(4224, 2);
    const found = correctionFrom(run, [], 3840);
    if (!found.ok || found.matches) throw new Error(`a correction, got ${JSON.stringify(found)}`);
    expect(found.run.meta.distanceM).to.be.closeTo(3840, 1e-6);
    expect(found.point!.walking).to.equal(true);
    expect(found.point!.factor).to.be.closeTo(1 / 1.1, 1e-3);
  });

  it('corrects a run from a pod without the running-status feature (it says "walking" in every packet) and files a running point', () => {
    // 30 min at 3.0 m/s, cadence 172, the pod 6 % high: the run shows 5724 m, the treadmill 5400 m.
    const run = recordTreadmillRun(script([{ seconds: 1801, beltMps: 3, cadence: 172 }], { podErrorRunning: 1.06, podRunningBit: 'never' }), []);
    expect(run.meta.distanceM).to.be.closeTo(5724, 2);
    const found = correctionFrom(run, [], 5400);
    if (!found.ok || found.matches) throw new Error(`a correction, got ${JSON.stringify(found)}`);
    expect(found.run.meta.distanceM).to.be.closeTo(5400, 1e-6);
    expect(found.point!.walking).to.equal(undefined);
    expect(found.point!.factor).to.be.closeTo(1 / 1.06, 1e-3);
  });

  it('files no point from a walk then a steady run: one distance cannot say which gait was off', () => {
    // The pod reads 110 % walking and is exact running. Belt: 10 min at 1.6 m/s (960 m) + 20 min at
    // 3.0 m/s (3600 m) = 4560 m; the run shows 1056 + 3600 = 4656 m.
    const run = recordTreadmillRun(
      script(
        [
          { seconds: 600, beltMps: 1.6, cadence: 120 },
          { seconds: 1201, beltMps: 3, cadence: 172 },
        ],
        { podErrorWalking: 1.1, podRunningBit: 'by-gait' },
      ),
      [],
    );
    expect(run.meta.distanceM).to.be.closeTo(4656, 3);
    const found = correctionFrom(run, [], 4560);
    if (!found.ok || found.matches) throw new Error(`a correction, got ${JSON.stringify(found)}`);
    expect(found.run.meta.distanceM).to.be.closeTo(4560, 1e-6);
    expect(found.point).to.equal(null);
    expect(found.why).to.match(/^This run mixed walking and running, and a footpod is off by another amount at each/);
  });

  it('files no point from a run mostly on the belt’s metres, where a small difference would become a large factor', () => {
    // 30 min at 3.0 m/s: the treadmill gave 27 min (4860 m), the exact pod the last 3 min (540 m);
    // the treadmill's display says 5.49 km (it ran 30 s before Start). Put on the pod's 540 m, those
    // 90 m make 116.6 %; a careful runner expects at most the run's 1.7 %, or nothing.
    const run = recordTreadmillRun(script([{ seconds: 1801, beltMps: 3, cadence: 172 }], { firstSpeedFrom: 'treadmill', speedFromSwitches: [1620] }), []);
    expect(run.meta.distanceM).to.be.closeTo(5400, 3);
    const found = correctionFrom(run, [], 5490);
    if (!found.ok || found.matches) throw new Error(`a correction, got ${JSON.stringify(found)}`);
    expect(found.run.meta.distanceM).to.be.closeTo(5490, 1e-6);
    expect(found.point).to.equal(null);
    expect(found.why).to.equal(
      "Only 10 % of this run's distance was the footpod's (the treadmill gave the rest), too little to say what the footpod is off by: its calibration stays as it was.",
    );
    // Where the pod's metres would have to change beyond what a pod is off by, it is refused in words
    // (distances cut, as everywhere: the belt's 4.85x km reads 4.85).
    const refused = correctionFrom(run, [], 5700);
    expect(refused.ok ? null : refused.problem).to.match(
      /^The treadmill gave 4\.85 km of this run itself; to show 5\.70 km, the footpod's 0\.54 km would have to become 155\.2 % of what they are/,
    );
  });

  it('changes nothing only when the run already shows the typed figure (4998 m shows 3.10 mi, not 3.11)', () => {
    // 4998 m is 3.1056 mi, shown cut as 3.10 mi; a treadmill rounding it shows 3.11, 7 m away.
    const run = recordTreadmillRun(script([{ seconds: 1667, beltMps: 3, cadence: 172 }]), []);
    expect(run.meta.distanceM).to.be.closeTo(4998, 0.5);
    const mi = (figure: number) => figure / distanceIn(1, 'mi');
    expect(correctionFrom(run, [], mi(3.1), typedPrecision(2, 'mi'))).to.deep.equal({ ok: true, matches: true });
    expect(correctionFrom(run, [], mi(3.1), typedPrecision(1, 'mi')), 'typed "3.1"').to.deep.equal({ ok: true, matches: true });
    const to311 = correctionFrom(run, [], mi(3.11), typedPrecision(2, 'mi'));
    expect(to311.ok && !to311.matches && formatDistanceIn(to311.run.meta.distanceM, 'mi'), 'shows 3.11 afterwards').to.equal('3.11');
    // A whole number counts as hundredths, as treadmills show; not told how it was typed: the same to the centimetre.
    expect(typedPrecision(0, 'km')).to.deep.equal({ unit: 'km', decimals: 2 });
    expect(correctionFrom(run, [], run.meta.distanceM + 0.004)).to.deep.equal({ ok: true, matches: true });
    expect(correctionFrom(run, [], run.meta.distanceM + 0.02).ok && !(correctionFrom(run, [], run.meta.distanceM + 0.02) as { matches: boolean }).matches).to.equal(true);
  });

  it('a run showing 4.99 km (4996 m) is corrected to the treadmill’s 5.00 km, and then shows 5.00', () => {
    // 1249 s at 4 m/s on the pod with a 1.0 curve: 4996 m; a treadmill rounding shows 5.00, ours cuts to 4.99.
    const run = recordTreadmillRun(script([{ seconds: 1250, beltMps: 4, cadence: 180 }]), []);
    expect(run.meta.distanceM).to.be.closeTo(4996, 0.5);
    expect(formatDistanceIn(run.meta.distanceM, 'km'), 'what the run reads').to.equal('4.99');
    const found = correctionFrom(run, [], 5000, typedPrecision(2, 'km'));
    if (!found.ok || found.matches) throw new Error(found.ok ? 'called a match' : found.problem);
    expect(formatDistanceIn(found.run.meta.distanceM, 'km')).to.equal('5.00');
  });

  it('whatever figure is typed, the run shows it afterwards: left as it is only when it showed it already', () => {
    const run = recordTreadmillRun(script([{ seconds: 1250, beltMps: 4, cadence: 180 }]), []);
    fc.assert(
      fc.property(fc.constantFrom<'km' | 'mi'>('km', 'mi'), fc.double({ min: 0.92, max: 1.08, noNaN: true }), fc.constantFrom(1, 2), (unit, off, decimals) => {
        // What a treadmill could show for this run, to its decimals.
        const figure = Math.round(distanceIn(run.meta.distanceM * off, unit) * 10 ** decimals) / 10 ** decimals;
        const typed = figure.toFixed(decimals);
        const found = correctionFrom(run, [], figure / distanceIn(1, unit), typedPrecision(decimals, unit));
        if (!found.ok) throw new Error(found.problem);
        const before = formatDistanceIn(run.meta.distanceM, unit);
        const after = formatDistanceIn(found.matches ? run.meta.distanceM : found.run.meta.distanceM, unit);
        // The screen shows hundredths; to the typed decimals it is the typed figure, and it was left only when it already was.
        const toTyped = (shown: string) => shown.slice(0, shown.length - (2 - decimals));
        expect(toTyped(after), `${typed} ${unit} typed on ${before}`).to.equal(typed);
        expect(found.matches, `${typed} ${unit} typed on ${before}`).to.equal(toTyped(before) === typed);
      }),
      { numRuns: invariantRuns(60) },
    );
  });

  it('corrects a run on a pod whose curve has only a walking point: shows the typed distance and learns the running point', () => {
    // 108 % walking at 5.0 km/h; 30 min steady at 3.0 m/s raw (the pod 5 % long: 5400 m for the belt's 5130 m).
    const walkingOnly = [{ podSpeedMps: 1.39, factor: 1.08, walking: true as const }];
    const run = recordTreadmillRun(script([{ seconds: 1801, beltMps: 2.85, cadence: 172 }], { podErrorRunning: 3 / 2.85 }), walkingOnly);
    expect(run.meta.distanceM, 'running rows take no walking point').to.be.closeTo(5400, 1);
    const found = correctionFrom(run, walkingOnly, 5130);
    if (!found.ok || found.matches) throw new Error(found.ok ? 'matched' : found.problem);
    expect(found.run.meta.distanceM).to.be.closeTo(5130, 1);
    expect(found.point?.factor).to.be.closeTo(0.95, 0.001);
    expect(found.point?.walking).to.equal(undefined);
    // The walking point is kept, times the ratio, for the walking rows it scaled.
    expect(found.run.meta.calibration?.find((p) => p.walking)?.factor).to.be.closeTo(1.08 * 0.95, 0.001);
  });
});
