// A pod whose curve holds only a walking point (the guided check done at a walk: 108 % at 5.0 km/h)
// and a 30 min steady footpod run at 3.0 m/s raw: every metre of it is the pod's. Correcting it from
// the treadmill's 5130 m (the pod read 5% long: raw 5400 m) must scale the pod's metres and show
// 5130 m. Instead run-correction prices the running rows with scaledCurve(curve, 0), whose walking
// point a running row never takes (factorAt gives 1 with no running point), so all 5400 m count as
// "the belt's" and the runner is told "The treadmill gave this run its distance itself".
import { expect } from '@open-wc/testing';
import { correctionFrom } from '../../src/session/run-correction.js';
import { type TreadmillRunScript, recordTreadmillRun } from '../support/generated-treadmill-runs.js';

const script: TreadmillRunScript = {
  spells: [{ seconds: 1801, beltMps: 2.85, cadence: 172 }],
  podErrorRunning: 3 / 2.85,
  podErrorWalking: 1,
  sendsStride: false,
  sendsTreadmillTotal: true,
  pauses: [],
  podLinkLosses: [],
  treadmillDropouts: [],
  speedFromSwitches: [],
  firstSpeedFrom: 'footpod',
};
const walkingOnlyCurve = [{ podSpeedMps: 1.39, factor: 1.08, walking: true as const }];

describe('repro: correcting a run on a pod with only a walking point', () => {
  it('shows the typed distance and learns the running point', () => {
    const run = recordTreadmillRun(script, walkingOnlyCurve);
    // Running rows take no walking point: recorded at the raw 5400 m.
    expect(run.meta.distanceM).to.be.closeTo(5400, 1);
    const found = correctionFrom(run, walkingOnlyCurve, 5130);
    expect(found.ok, found.ok ? '' : found.problem).to.equal(true);
    if (!found.ok || found.matches) throw new Error('a correction');
    expect(found.run.meta.distanceM).to.be.closeTo(5130, 1);
    // A steady run at one gait, all the pod's metres: the curve learns 95 % at 3.0 m/s.
    expect(found.point?.factor).to.be.closeTo(0.95, 0.001);
  });
});
