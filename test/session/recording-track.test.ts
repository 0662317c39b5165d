import { expect } from '@open-wc/testing';
import type { LiveReading } from '../../src/session/live-session.js';
import { sampleAt } from '../../src/session/recorded-columns.js';
import { SAMPLE_RUNNING, SAMPLE_SPEED_FROM_TREADMILL, SAMPLE_STRIDE_DERIVED } from '../../src/session/recorded-session.js';
import { RecordingTrack } from '../../src/session/recording-track.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { runnerReading } from '../support/live-readings.js';

const reading = (timeS: number, over: Partial<LiveReading> = {}): LiveReading => runnerReading(timeS, { strideLengthM: 1, ...over });
const track = () => new RecordingTrack(defaultCadenceZones, () => 1_000);
const times = (tr: RecordingTrack) => Array.from(tr.columns().t);
const distances = (tr: RecordingTrack) => Array.from(tr.columns().distanceM);

describe('RecordingTrack', () => {
  it('starts session time and distance at the first reading, and notes its wall time', () => {
    const tr = track();
    [40, 41, 42].forEach((s) => tr.record(reading(s)));
    expect(times(tr)).to.deep.equal([0, 1, 2]);
    expect(distances(tr)).to.deep.equal([0, 3, 6]);
    expect(tr.startedAt).to.equal(1_000);
  });

  it('treats a jump of more than 2.5 s in the live clock as a lost link, but not one of exactly 2.5 s', () => {
    const tr = track();
    [0, 1, 3.5, 10, 11].forEach((s) => tr.record(reading(s)));
    expect(tr.gaps()).to.deep.equal([{ fromT: 3.5, toT: 10, reason: 'link-lost', coveredM: 19.5 }]);
    // the pod counted the metres run during the outage, as the live view does, so the outage's
    // time counts too: pace stays true
    expect(tr.distanceM).to.equal(33);
    expect(tr.totals.movingS).to.equal(1 + 2.5 + 6.5 + 1);
  });

  it('puts the first reason given on the next gap, and none before the first sample', () => {
    const tr = track();
    tr.expectGap('link-lost');
    tr.record(reading(0));
    expect(tr.gaps()).to.deep.equal([]);
    tr.expectGap('paused');
    tr.expectGap('link-lost');
    tr.record(reading(1));
    expect(tr.gaps()).to.deep.equal([{ fromT: 0, toT: 1, reason: 'paused' }]);
    expect(tr.totals.movingS).to.equal(0);
  });

  it('never lets distance go backwards when the live distance does, and skips what breakDistance cut', () => {
    const tr = track();
    tr.record(reading(0, { distanceM: 50 }));
    tr.record(reading(1, { distanceM: 53 }));
    tr.record(reading(2, { distanceM: 0 }));
    tr.record(reading(3, { distanceM: 3 }));
    tr.breakDistance();
    tr.record(reading(4, { distanceM: 900 }));
    tr.record(reading(5, { distanceM: 903 }));
    expect(distances(tr)).to.deep.equal([0, 3, 3, 6, 6, 9]);
  });

  it('drops a reading that would send time backwards, leaving distance alone', () => {
    const tr = track();
    expect(tr.record(reading(0))).to.not.equal(null);
    tr.record(reading(1));
    expect(tr.record(reading(1, { distanceM: 500 }))).to.equal(null);
    expect(tr.record(reading(0.5))).to.equal(null);
    tr.record(reading(2));
    expect(times(tr)).to.deep.equal([0, 1, 2]);
    expect(distances(tr)).to.deep.equal([0, 3, 6]);
  });

  it('keeps stride as read, flags derived stride and running, and returns the sample as stored', () => {
    const tr = track();
    const first = tr.record(reading(0, { strideLengthM: 1.25, strideDerived: true }))!;
    const second = tr.record(reading(1, { running: false, strideLengthM: 1.07, speedMps: 3.1 }))!;
    expect(Array.from(tr.columns().flags)).to.deep.equal([SAMPLE_RUNNING | SAMPLE_STRIDE_DERIVED, 0]);
    expect(tr.columns().strideLengthM[0]).to.equal(1.25);
    expect([first.index, second.index]).to.deep.equal([0, 1]);
    // float32 columns round 3.1 and 1.07: the returned sample is what a reload would read back
    expect(second.sample).to.deep.equal(sampleAt(tr.columns(), 1));
    expect(second.sample.speedMps).to.not.equal(3.1);
  });

  it('starts a lap at the last sample, never at 0 and never twice at one time', () => {
    const tr = track();
    expect(tr.lap()).to.equal(false);
    tr.record(reading(0));
    expect(tr.lap()).to.equal(false);
    tr.record(reading(1));
    expect([tr.lap(), tr.lap()]).to.deep.equal([true, false]);
    expect(tr.laps()).to.deep.equal([1]);
  });

  it('drops, at the finish, a lap pressed at the last sample, and counts the last lap again', () => {
    const tr = track();
    for (let t = 0; t <= 10; t++) tr.record(reading(t));
    tr.lap();
    for (let t = 11; t <= 20; t++) tr.record(reading(t));
    tr.lap();
    expect(tr.figures().lap).to.deep.include({ number: 3, movingS: 0, distanceM: 0 });
    tr.finish();
    expect(tr.laps()).to.deep.equal([10]);
    expect(tr.figures().lap).to.deep.include({ number: 2, movingS: 10, distanceM: 30 });
    tr.finish();
    expect(tr.laps(), 'a lap with time in it stays').to.deep.equal([10]);
  });

  it('carries heart rate, belt speed and incline into samples, empty where a reading had none', () => {
    const tr = track();
    tr.record(reading(0, { heartRate: 141, treadmillSpeedMps: 3.1, inclinePercent: 1.5 }));
    tr.record(reading(1));
    const c = tr.columns();
    expect(Array.from(c.heartRate)).to.deep.equal([141, Number.NaN]);
    expect(Array.from(c.treadmillSpeedMps)).to.deep.equal([Math.fround(3.1), Number.NaN]);
    expect(Array.from(c.inclinePercent)).to.deep.equal([1.5, Number.NaN]);
    expect(sampleAt(c, 1)).to.not.have.property('heartRate');
  });

  it('keeps the raw pod distance with pauses left out, as the distance, and flags rows the belt gave speed for', () => {
    const tr = track();
    const raw = (s: number) => ({ rawSpeedMps: 3.2, rawDistanceM: s * 3.2 });
    [0, 1, 2].forEach((s) => tr.record(reading(s, raw(s))));
    tr.breakDistance(); // a pause: what it covered is not the run's
    tr.expectGap('paused');
    tr.record(reading(10, { ...raw(10), speedFrom: 'treadmill' }));
    tr.record(reading(11, { ...raw(11), speedFrom: 'treadmill' }));
    const c = tr.columns();
    expect(Array.from(c.rawDistanceM).map((d) => Math.round(d * 10) / 10)).to.deep.equal([0, 3.2, 6.4, 6.4, 9.6]);
    expect(Array.from(c.distanceM)).to.deep.equal([0, 3, 6, 6, 9]);
    expect(Array.from(c.rawSpeedMps)).to.deep.equal([3.2, 3.2, 3.2, 3.2, 3.2].map(Math.fround));
    expect(Array.from(c.flags).map((f) => (f & SAMPLE_SPEED_FROM_TREADMILL) !== 0)).to.deep.equal([false, false, false, true, true]);
  });

  it("keeps the raw distance a link-lost gap's covered metres stand for, and restores it on resume", () => {
    const tr = track();
    tr.record(reading(0, { rawSpeedMps: 3.3, rawDistanceM: 0 }));
    tr.record(reading(30, { distanceM: 90, rawSpeedMps: 3.3, rawDistanceM: 99 }));
    expect(tr.gaps()[0]).to.deep.include({ reason: 'link-lost', coveredM: 90 });
    expect(tr.columns().rawDistanceM[1]).to.equal(99);
    const resumed = track();
    resumed.restore({ laps: [], gaps: tr.gaps(), startedAt: 1_000 } as never, tr.columns(), defaultCadenceZones);
    resumed.see(reading(500));
    resumed.record(reading(500, { rawSpeedMps: 3.3, rawDistanceM: 2000 }));
    resumed.record(reading(501, { rawSpeedMps: 3.3, rawDistanceM: 2003.3 }));
    expect(resumed.columns().rawDistanceM[3]).to.be.closeTo(102.3, 1e-9);
  });
});
