// A guided check as the runner goes through it, on a live session fed real pod and treadmill bytes:
// what it files, and what it says it filed.
import { expect } from '@open-wc/testing';
import { GuidedRun } from '../../src/services/guided-run.js';
import { LiveSession } from '../../src/session/live-session.js';
import { ingestTreadmill } from '../../src/session/sensor-ingest.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { podBytes, treadmillBytes } from '../session/sensor-bytes.js';

/** A minute at a 3.0 m/s belt, the pod reading 90 % of it at 172 steps a minute. */
function minuteOnTheBelt(live: LiveSession, inclinationPercent: number | null): void {
  for (let s = 0; s < 60; s++) {
    ingestTreadmill(live, treadmillBytes({ speedMps: 3, inclinationPercent }), s * 1000 + 400);
    live.ingest(podBytes(2.7, 172), s * 1000 + 700);
  }
}

describe('GuidedRun', () => {
  it('names the speed its point is filed at (the pod’s, as Settings lists it) and the belt’s apart', () => {
    const live = new LiveSession(defaultCadenceZones);
    const guided = new GuidedRun(live, () => {});
    minuteOnTheBelt(live, 0);
    const { outcome, curve } = guided.finish(3, [], 'km');
    if (!outcome.ok || !curve) throw new Error(JSON.stringify(outcome));
    expect(curve).to.have.length(1);
    expect(outcome.atSpeedMps).to.equal(curve[0]!.podSpeedMps);
    expect(outcome.atSpeedMps).to.be.closeTo(2.7, 1 / 256);
    expect(outcome.beltSpeedMps).to.equal(3);
    expect(outcome.percent).to.be.closeTo((3 / curve[0]!.podSpeedMps) * 100, 1e-9);
  });

  it('files nothing from a check up an 8 % incline, and says why', () => {
    const live = new LiveSession(defaultCadenceZones);
    const guided = new GuidedRun(live, () => {});
    minuteOnTheBelt(live, 8);
    const { outcome, curve } = guided.finish(3, [], 'km');
    expect(curve).to.equal(null);
    expect(outcome.ok ? null : outcome.problem).to.match(/^The treadmill was at 8 % incline: a footpod reads differently on a slope/);
    expect(guided.state.result).to.deep.equal(outcome);
  });
});
