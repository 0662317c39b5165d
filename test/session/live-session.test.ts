import { expect } from '@open-wc/testing';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { CadenceUnitDecision } from '../../src/session/cadence-unit-decision.js';
import { LiveSession } from '../../src/session/live-session.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

const bytes = (speedMps: number, cadence: number, strideLengthM: number | null = null, totalDistanceM: number | null = null) =>
  new DataView(encodeRscMeasurement({ speedMps, cadence, strideLengthM, totalDistanceM, isRunning: true }).buffer);
const stridesPodBytes = [
  // Polar Stride style: 85 strides/min of 2.12 m (two steps) at 3 m/s, then a little faster.
  ...[85, 86, 85, 87, 86, 88].map((c) => bytes(3, c, 2.12)),
];

describe('LiveSession', () => {
  it('turns measurement bytes into samples on the source clock', () => {
    const session = new LiveSession(defaultCadenceZones);
    session.ingest(bytes(3, 170, 1.06, 100), 5000);
    session.ingest(bytes(3.25, 172, 1.13, 103.2), 6000);
    expect(session.samples.length).to.equal(2);
    expect(Array.from(session.samples.column('t'))).to.deep.equal([0, 1]);
    expect(session.latest).to.deep.include({ speedMps: 3.25, cadence: 172, strideLengthM: 1.13, strideDerived: false });
    expect(session.latest!.distanceM).to.be.closeTo(3.2, 1e-9);
    expect(session.elapsedS).to.equal(1);
  });

  it('derives stride from speed and cadence when the pod does not send it, and says so', () => {
    const session = new LiveSession(defaultCadenceZones);
    session.ingest(bytes(3, 180), 0);
    expect(session.latest!.strideDerived).to.equal(true);
    expect(session.latest!.strideLengthM).to.be.closeTo(1, 1e-9);
  });

  it('counts time in zone and recomputes it when zones change', () => {
    const session = new LiveSession(defaultCadenceZones);
    const cadences = [150, 165, 175, 175, 185];
    cadences.forEach((c, i) => session.ingest(bytes(3, c), i * 1000));
    expect(session.zoneTimes).to.deep.equal({ low: 0, building: 1, target: 2, high: 1 });
    const events: string[] = [];
    for (const name of ['sample', 'zones']) session.addEventListener(name, () => events.push(name));
    session.setZones({ buildingFrom: 140, targetFrom: 160, targetTo: 190 });
    expect(session.zoneTimes).to.deep.equal({ low: 0, building: 0, target: 4, high: 0 });
    expect(events, "new zones are no new row: no 'sample'").to.deep.equal(['zones']);
  });

  it('smooths displayed cadence over the chosen window but keeps raw samples', () => {
    const session = new LiveSession(defaultCadenceZones);
    [160, 170, 180, 190].forEach((c, i) => session.ingest(bytes(3, c), i * 1000));
    expect(session.displayed(0).cadence).to.equal(190);
    expect(session.displayed(5).cadence).to.equal(175);
    expect(Array.from(session.samples.column('cadence'))).to.deep.equal([160, 170, 180, 190]);
  });

  it('reports a malformed measurement without throwing and keeps what it had', () => {
    const session = new LiveSession(defaultCadenceZones);
    session.ingest(bytes(3, 170), 0);
    let problems = 0;
    session.addEventListener('problem', () => problems++);
    session.ingest(new DataView(new Uint8Array([0x03, 0x00]).buffer), 1000);
    expect(problems).to.equal(1);
    expect(session.malformedCount).to.equal(1);
    expect(session.problem).to.match(/could not be read/);
    expect(session.samples.length).to.equal(1);
    session.ingest(bytes(3, 171), 2000);
    expect(session.problem).to.equal(null);
    expect(session.samples.length).to.equal(2);
  });

  it('keeps its clock moving forward when a new source restarts its own clock at zero', () => {
    const session = new LiveSession(defaultCadenceZones);
    session.ingest(bytes(3, 170), 50_000);
    session.ingest(bytes(3, 170), 51_000);
    session.ingest(bytes(3, 171), 0);
    session.ingest(bytes(3, 172), 1000);
    expect(Array.from(session.samples.column('t'))).to.deep.equal([0, 1, 2, 3]);
  });

  it('turns the bytes of a pod that sends strides into steps/min before samples, zones and readings see them', () => {
    const session = new LiveSession(defaultCadenceZones);
    stridesPodBytes.forEach((view, i) => session.ingest(view, i * 1000));
    expect(Array.from(session.samples.column('cadence'))).to.deep.equal([170, 172, 170, 174, 172, 176]);
    expect(session.samples.column('strideLengthM')[0]).to.be.closeTo(1.06, 1e-9);
    expect(session.zoneTimes).to.deep.equal({ low: 0, building: 0, target: 5, high: 0 });
    expect(session.latest).to.deep.include({ cadence: 176, strideDerived: false, sent: { cadence: 88, strideLengthM: 2.12 } });
    expect(session.latest!.strideLengthM).to.be.closeTo(1.06, 1e-9);
    expect(session.cadenceUnit.detected).to.equal('strides');
    expect(session.displayed(0).cadence).to.equal(176);
  });

  it('leaves the bytes of a steps pod as they are', () => {
    const session = new LiveSession(defaultCadenceZones);
    [170, 172, 171, 173, 174].forEach((c, i) => session.ingest(bytes(3, c, 1.06), i * 1000));
    expect(Array.from(session.samples.column('cadence'))).to.deep.equal([170, 172, 171, 173, 174]);
    expect(session.cadenceUnit.detected).to.equal('steps');
    expect(session.latest!.sent).to.deep.equal({ cadence: 174, strideLengthM: 1.06 });
  });

  it('decides the unit on the walking/running bit only where the gait rule believes it', () => {
    const brisk = (isRunning: boolean, cadence = 112) =>
      new DataView(encodeRscMeasurement({ speedMps: 2.05, cadence, strideLengthM: null, totalDistanceM: null, isRunning }).buffer);
    // A pod whose Feature says it leaves the bit empty sends "running" on a brisk walk at 112 steps/min:
    // taken at its word that is a stride rate, and the walker would see 224.
    const junk = new LiveSession(defaultCadenceZones);
    junk.useRunningStatus('not-reported');
    for (let t = 0; t < 8; t++) junk.ingest(brisk(true), t * 1000);
    expect(Array.from(junk.samples.column('cadence'))).to.deep.equal(new Array(8).fill(112));
    expect(junk.cadenceUnit.detected).to.equal('steps');
    // One that promises the bit and says "running" at 2.05 m/s is jogging: 78/min is then strides.
    const promised = new LiveSession(defaultCadenceZones);
    promised.useRunningStatus('reported');
    for (let t = 0; t < 5; t++) promised.ingest(brisk(true, 78), t * 1000);
    expect(promised.cadenceUnit.detected).to.equal('strides');
  });

  it('takes the unit of the pod it is told about from the next reading, and follows an override', () => {
    const session = new LiveSession(defaultCadenceZones);
    // 120/min at 2.8 m/s could be a slow running step rate or a fast stride rate.
    const unclear = new DataView(encodeRscMeasurement({ speedMps: 2.8, cadence: 120, strideLengthM: null, totalDistanceM: null, isRunning: false }).buffer);
    session.ingest(unclear, 0);
    session.useCadenceUnit(new CadenceUnitDecision({ remembered: 'strides' }));
    session.ingest(unclear, 1000);
    session.cadenceUnit.override = 'steps';
    session.ingest(unclear, 2000);
    expect(Array.from(session.samples.column('cadence'))).to.deep.equal([120, 240, 120]);
  });
});
