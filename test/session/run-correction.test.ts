import { expect } from '@open-wc/testing';
import { factorAt } from '../../src/session/calibration.js';
import { columnsFrom } from '../../src/session/recorded-columns.js';
import { rescaleRun } from '../../src/session/rescale-run.js';
import { correctionFrom } from '../../src/session/run-correction.js';
import { type Spell, type TreadmillRunScript, recordTreadmillRun } from '../support/generated-treadmill-runs.js';

/** A footpod run of these spells, the pod reading the belt's speed raw, nothing lost. */
const script = (spells: Spell[], change: Partial<TreadmillRunScript> = {}): TreadmillRunScript => ({
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
    expect(correctionFrom(run, rightCurve, 4984)).to.deep.equal({ ok: true, matches: true });
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
    standing.samples.flags.fill(0);
    expect(problem(correctionFrom(standing, [], 1700))).to.match(/counted no running/);
    const allBelt = recordTreadmillRun(script([{ seconds: 601, beltMps: 3, cadence: 172 }], { firstSpeedFrom: 'treadmill' }), []);
    expect(problem(correctionFrom(allBelt, [], 1700))).to.match(/^The treadmill gave this run its distance itself/);
  });
});
