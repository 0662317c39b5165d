import { expect } from '@open-wc/testing';
import { decodeFit, encodeFit } from '../../src/export/fit.js';
import { decodeTcx, encodeTcx } from '../../src/export/tcx.js';
import { SAMPLE_RUNNING, SAMPLE_SPEED_FROM_TREADMILL } from '../../src/session/recorded-session.js';
import { tinySession } from './session-fixture.js';

/** A run whose speed and distance came from the belt at 3 m/s, beside a pod reading 10 % high. */
function beltRun() {
  const specs = Array.from({ length: 20 }, (_, t) => ({ t, speedMps: 3, cadence: 172, strideLengthM: null, running: true }));
  const session = tinySession(specs, { speedFrom: 'treadmill', calibration: [{ podSpeedMps: 3.3, factor: 0.95 }] });
  const { samples } = session;
  samples.flags.fill(SAMPLE_RUNNING | SAMPLE_SPEED_FROM_TREADMILL);
  samples.treadmillSpeedMps.fill(3);
  samples.rawSpeedMps.fill(3.3);
  samples.rawDistanceM.set(specs.map((s) => s.t * 3.3));
  return session;
}

describe('exporting a run whose speed came from the treadmill', () => {
  it('writes the belt speed and distance to FIT, never the raw pod values', () => {
    const run = beltRun();
    const back = decodeFit(encodeFit(run)).samples;
    expect(Array.from(back.speedMps).every((v) => Math.abs(v - 3) < 0.001)).to.equal(true);
    expect(back.distanceM[19]).to.be.closeTo(run.samples.distanceM[19]!, 0.01);
    expect(back.distanceM[19]).to.be.closeTo(57, 0.01);
    expect(back.rawSpeedMps.every((v) => Number.isNaN(v)), 'raw values stay in Stridewise').to.equal(true);
  });

  it('writes the belt speed and distance to TCX, never the raw pod values', () => {
    const run = beltRun();
    const text = encodeTcx(run);
    expect(text).to.not.match(/3\.3\d*</);
    expect(text).to.not.contain('62.7'); // the raw distance at the end
    const back = decodeTcx(text).samples;
    expect(back.distanceM[19]).to.be.closeTo(57, 0.01);
    expect(back.rawDistanceM.every((v) => Number.isNaN(v))).to.equal(true);
  });
});

describe('exporting a treadmill run with its incline', () => {
  it('keeps the incline it was run at, as the records\' grade, through FIT and back', () => {
    const specs = Array.from({ length: 301 }, (_, t) => ({ t, speedMps: 3, cadence: 172, strideLengthM: null, running: true }));
    const run = tinySession(specs, { treadmill: true });
    run.samples.inclinePercent.set(specs.map(({ t }) => (t < 100 ? Number.NaN : t < 200 ? 1.5 : -0.5)));
    const back = decodeFit(encodeFit(run)).samples.inclinePercent;
    expect(Array.from(back.subarray(0, 100)).every(Number.isNaN), 'no incline where the belt sent none').to.equal(true);
    expect(Array.from(back.subarray(100)), 'the belt\'s incline').to.deep.equal(Array.from(run.samples.inclinePercent.subarray(100)));
  });
});
