import { expect } from '@open-wc/testing';
import { LiveSession } from '../../src/session/live-session.js';
import { FRESH_POD_ROWS } from '../../src/session/sensor-channels.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { heartRateBytes, podBytes, treadmillBytes } from './sensor-bytes.js';
import { ingestHeartRate, ingestTreadmill } from '../../src/session/sensor-ingest.js';
import { SessionSensors } from '../../src/session/session-sensors.js';
import { Recorder } from '../../src/session/recorder.js';

/** A session fed treadmill and strap bytes: their parts attached, as SensorLinks' first bytes do. */
const session = () => {
  const s = new LiveSession(defaultCadenceZones);
  s.attachSensors(new SessionSensors());
  return s;
};
const column = (s: LiveSession, name: Parameters<LiveSession['samples']['column']>[0]) => Array.from(s.samples.column(name));
const events = (s: LiveSession, type: string) => {
  const seen = { count: 0 };
  s.addEventListener(type, () => seen.count++);
  return seen;
};

describe('LiveSession: channels from the treadmill and the strap', () => {
  it('puts the latest heart rate, belt speed and incline in each pod row, and leaves a channel no sensor gave empty', () => {
    const s = session();
    s.ingest(podBytes(3, 170), 0);
    ingestHeartRate(s, heartRateBytes(142));
    ingestTreadmill(s, treadmillBytes({ speedMps: 3.1, inclinationPercent: 1.5 }), 700);
    s.ingest(podBytes(3, 170), 1000);
    expect(s.samples.length, 'the other sensors add no rows').to.equal(2);
    expect(column(s, 'heartRate')).to.deep.equal([Number.NaN, 142]);
    expect(column(s, 'treadmillSpeedMps')).to.deep.equal([Number.NaN, 3.1]);
    expect(column(s, 'inclinePercent')).to.deep.equal([Number.NaN, 1.5]);
    expect(s.latest).to.deep.include({ heartRate: 142, treadmillSpeedMps: 3.1, inclinePercent: 1.5, speedFrom: 'footpod' });
  });

  it('shows the strap and the treadmill before any pod row, and says when they change', () => {
    const s = session();
    const changes = events(s, 'channels');
    ingestHeartRate(s, heartRateBytes(120));
    ingestHeartRate(s, heartRateBytes(120));
    ingestTreadmill(s, treadmillBytes({ speedMps: 2.5, inclinationPercent: 0 }), 50_000);
    expect(s.latestChannels).to.deep.equal({ heartRate: 120, treadmillSpeedMps: 2.5, inclinePercent: 0, powerW: null });
    expect(changes.count, 'a repeated value is no change').to.equal(2);
    expect(s.samples.length).to.equal(0);
  });

  it(`keeps a value for ${FRESH_POD_ROWS} pod rows after the one it first joins, counting rows whatever the clocks say`, () => {
    const s = session();
    const changes = events(s, 'channels');
    // The strap's clock is hours away from the pod's: only the rows count.
    ingestHeartRate(s, heartRateBytes(150));
    for (let i = 0; i < FRESH_POD_ROWS + 3; i++) s.ingest(podBytes(3, 170), i * 1000);
    expect(column(s, 'heartRate')).to.deep.equal([150, 150, 150, 150, Number.NaN, Number.NaN]);
    expect(s.latest!.heartRate).to.equal(null);
    expect(s.latestChannels.heartRate, 'gone from the page too').to.equal(null);
    expect(changes.count).to.equal(2);
  });

  it("takes the strap's heart rate first and the treadmill's when no strap gives one", () => {
    const s = session();
    ingestTreadmill(s, treadmillBytes({ speedMps: 3, heartRateBpm: 131 }), 0);
    s.ingest(podBytes(3, 170), 0);
    ingestHeartRate(s, heartRateBytes(148));
    s.ingest(podBytes(3, 170), 1000);
    ingestHeartRate(s, heartRateBytes(0, 'not-detected')); // strap off the skin
    s.ingest(podBytes(3, 170), 2000);
    expect(column(s, 'heartRate')).to.deep.equal([131, 148, 131]);
  });

  it("keeps a field a split treadmill notification left out, and counts the treadmill's total distance", () => {
    const s = session();
    s.setSpeedFrom('treadmill');
    ingestTreadmill(s, treadmillBytes({ speedMps: 3, inclinationPercent: 2, totalDistanceM: 1000 }), 0);
    s.ingest(podBytes(2.75, 170), 0);
    for (let i = 1; i <= 5; i++) {
      ingestTreadmill(s, treadmillBytes({ speedMps: 3, totalDistanceM: 1000 + 3 * i }), i * 1000);
      ingestTreadmill(s, treadmillBytes({ moreData: true, speedMps: null, inclinationPercent: 2 }), i * 1000 + 10);
      s.ingest(podBytes(2.75, 170), i * 1000);
    }
    expect(column(s, 'treadmillSpeedMps')).to.deep.equal([3, 3, 3, 3, 3, 3]);
    expect(column(s, 'speedMps')).to.deep.equal([3, 3, 3, 3, 3, 3]);
    expect(column(s, 'distanceM')).to.deep.equal([0, 3, 6, 9, 12, 15]);
    expect(column(s, 'rawSpeedMps')).to.deep.equal([2.75, 2.75, 2.75, 2.75, 2.75, 2.75]);
    expect(s.latest!.speedFrom).to.equal('treadmill');
  });

  it('reports an unreadable treadmill or strap packet by sensor, counts it, and keeps going', () => {
    const s = session();
    const problems = events(s, 'problem');
    s.ingest(podBytes(3, 170), 0);
    expect(() => ingestTreadmill(s, new DataView(new Uint8Array([0x04]).buffer), 100)).not.to.throw();
    expect(s.problem).to.match(/^Skipped a measurement the treadmill sent that could not be read \(.+\)\.$/);
    ingestHeartRate(s, new DataView(new Uint8Array([0x01, 0x50]).buffer));
    expect(s.problem).to.match(/^Skipped a measurement the heart-rate strap sent that could not be read/);
    s.ingest(new DataView(new Uint8Array([0x03]).buffer), 300);
    expect(s.problem).to.match(/the footpod sent/);
    expect(problems.count).to.equal(3);
    expect(s.malformedCount).to.equal(3);
    expect(s.samples.length).to.equal(1);
    ingestHeartRate(s, heartRateBytes(140));
    expect(s.problem, 'cleared by the next good one').to.equal(null);
  });

  it("goes on with the strap's heart rate in the pod's first row after its link dropped for a minute", () => {
    const s = session();
    for (let i = 0; i < 5; i++) {
      ingestHeartRate(s, heartRateBytes(150));
      s.ingest(podBytes(3, 176), i * 1000);
    }
    for (let i = 5; i < 64; i++) ingestHeartRate(s, heartRateBytes(150)); // the pod is silent, the strap is not
    ingestHeartRate(s, heartRateBytes(151));
    s.ingest(podBytes(3, 176), 64_000);
    expect(s.latestChannels.heartRate, 'the tile').to.equal(151);
    expect(column(s, 'heartRate').at(-1), 'the row recorded').to.equal(151);
  });

  it('forgets a disconnected sensor at once', () => {
    const s = session();
    ingestTreadmill(s, treadmillBytes({ speedMps: 3, inclinationPercent: 1 }), 0);
    ingestHeartRate(s, heartRateBytes(140));
    const changes = events(s, 'channels');
    s.forgetSensor('treadmill');
    expect(s.latestChannels).to.deep.equal({ heartRate: 140, treadmillSpeedMps: null, inclinePercent: null, powerW: null });
    s.forgetSensor('heartRate');
    s.ingest(podBytes(3, 170), 0);
    expect(s.latest).to.deep.include({ heartRate: null, treadmillSpeedMps: null, inclinePercent: null });
    expect(changes.count).to.equal(2);
  });
});

describe('LiveSession: speed and distance from the treadmill', () => {
  it('takes belt speed and the treadmill distance while it is fresh, the calibrated pod when it falls silent', () => {
    const s = session();
    s.setSpeedFrom('treadmill');
    s.setCalibration([{ podSpeedMps: 3, factor: 0.9 }]);
    // 2.5 m/s on the belt, a pod that reads 3.0 (so calibrated to 2.7) without a stride length.
    for (let i = 0; i < 4; i++) {
      ingestTreadmill(s, treadmillBytes({ speedMps: 2.5, totalDistanceM: 500 + Math.round(2.5 * i) }), 77_000 + i * 1000);
      s.ingest(podBytes(3, 180), i * 1000);
    }
    for (let i = 4; i < 10; i++) s.ingest(podBytes(3, 180), i * 1000); // the treadmill went quiet
    const speeds = column(s, 'speedMps');
    expect(speeds.slice(0, 4)).to.deep.equal([2.5, 2.5, 2.5, 2.5]);
    expect(speeds.slice(4, 7), 'still fresh for 3 rows').to.deep.equal([2.5, 2.5, 2.5]);
    expect(speeds[7]).to.be.closeTo(2.7, 1e-9);
    expect(s.latest!.speedFrom).to.equal('footpod');
    expect(column(s, 'cadence').every((c) => c === 180), 'cadence always from the pod').to.equal(true);
    expect(column(s, 'strideLengthM')[1], 'stride from the speed used').to.be.closeTo((2.5 * 60) / 180, 1e-9);
    // Rows 0-3 follow the counter (500, 503, 505, 508 → 0, 3, 5, 8); 4-6 wait for a count that
    // never comes, so from row 7 the pod's metres stand in for them too.
    const distances = column(s, 'distanceM');
    expect(distances.slice(0, 4)).to.deep.equal([0, 3, 5, 8]);
    expect(distances[6]).to.equal(8);
    expect(distances[7]).to.be.closeTo(8 + 4 * 2.7, 1e-9);
    expect(distances[9]).to.be.closeTo(8 + 6 * 2.7, 1e-9);
  });

  it("integrates the belt speed when the treadmill sends no total, and does not count a silence's metres twice", () => {
    const s = session();
    s.setSpeedFrom('treadmill');
    for (let i = 0; i < 5; i++) {
      ingestTreadmill(s, treadmillBytes({ speedMps: 3 }), i * 1000);
      s.ingest(podBytes(3, 180), i * 1000);
    }
    expect(column(s, 'distanceM')).to.deep.equal([0, 3, 6, 9, 12]);

    // 10 s without the treadmill; its counter jumped 30 m meanwhile, which the pod already covered.
    const counted = session();
    counted.setSpeedFrom('treadmill');
    ingestTreadmill(counted, treadmillBytes({ speedMps: 3, totalDistanceM: 0 }), 0);
    counted.ingest(podBytes(3, 180), 0);
    for (let i = 1; i <= 10; i++) counted.ingest(podBytes(3, 180), i * 1000);
    ingestTreadmill(counted, treadmillBytes({ speedMps: 3, totalDistanceM: 33 }), 11_000);
    counted.ingest(podBytes(3, 180), 11_000);
    ingestTreadmill(counted, treadmillBytes({ speedMps: 3, totalDistanceM: 36 }), 12_000);
    counted.ingest(podBytes(3, 180), 12_000);
    expect(counted.latest!.distanceM).to.be.closeTo(36, 1e-9);
  });

  it("takes the belt's metres of a pod silence (its link dropped for a minute) when the belt's speed and count went on", () => {
    const s = session();
    s.setSpeedFrom('treadmill');
    const belt = (t: number) => ingestTreadmill(s, treadmillBytes({ speedMps: 3, totalDistanceM: 3 * t }), t * 1000);
    for (let t = 0; t <= 4; t++) {
      belt(t);
      s.ingest(podBytes(3, 176), t * 1000);
    }
    for (let t = 5; t <= 64; t++) belt(t); // the belt notifies just before the pod's first row back, at 64 s
    for (let t = 64; t <= 66; t++) {
      if (t > 64) belt(t);
      s.ingest(podBytes(3, 176), t * 1000);
    }
    expect(s.latest!.distanceM, 'the treadmill counted 198 m').to.be.closeTo(198, 0.5);
    expect(column(s, 'treadmillSpeedMps').slice(5), "the belt's speed in the rows back").to.deep.equal([3, 3, 3]);
  });

  // When the phone's Bluetooth stalls every sensor falls silent at once; the runner stepped off the
  // stopped belt meanwhile. The belt's and the strap's last values came a few ms after the pod's
  // last row: only the clock of arrival tells they are a minute old when the pod is back.
  it('carries neither the belt speed nor the heart rate that came just after the last pod row before a minute-long silence into the row back', () => {
    let now = 0;
    const s = new LiveSession(defaultCadenceZones, () => now);
    s.attachSensors(new SessionSensors());
    s.setSpeedFrom('treadmill');
    for (let t = 0; t <= 4; t++) {
      now = t * 1000;
      s.ingest(podBytes(3, 176, null, 3 * t), now);
      now += 5;
      ingestTreadmill(s, treadmillBytes({ speedMps: 3 }), now);
      ingestHeartRate(s, heartRateBytes(160));
    }
    now = 64_000;
    s.ingest(podBytes(0, 0, null, 12, false), now);
    expect(column(s, 'treadmillSpeedMps')[4], 'a live row: the belt of its second').to.equal(3);
    expect(column(s, 'treadmillSpeedMps')[5], "the belt's speed of a minute ago").to.be.NaN;
    expect(column(s, 'heartRate')[5], 'the heart rate of a minute ago').to.be.NaN;
  });

  it("takes the belt's speed that came just before the pod's row back after a minute's silence, on the clock of arrival too", () => {
    let now = 0;
    const s = new LiveSession(defaultCadenceZones, () => now);
    s.attachSensors(new SessionSensors());
    for (let t = 0; t <= 4; t++) {
      now = t * 1000;
      s.ingest(podBytes(3, 176), now);
    }
    now = 63_995;
    ingestTreadmill(s, treadmillBytes({ speedMps: 3 }), now);
    ingestHeartRate(s, heartRateBytes(160));
    now = 64_000;
    s.ingest(podBytes(3, 176), now);
    expect(column(s, 'treadmillSpeedMps')[5]).to.equal(3);
    expect(column(s, 'heartRate')[5]).to.equal(160);
  });

  it('keeps the pod as the source when the setting says footpod, treadmill or not', () => {
    const s = session();
    ingestTreadmill(s, treadmillBytes({ speedMps: 2.5, totalDistanceM: 0 }), 0);
    s.ingest(podBytes(3, 180), 0);
    ingestTreadmill(s, treadmillBytes({ speedMps: 2.5, totalDistanceM: 100 }), 1000);
    s.ingest(podBytes(3, 180), 1000);
    expect(column(s, 'speedMps')).to.deep.equal([3, 3]);
    expect(column(s, 'distanceM')).to.deep.equal([0, 3]);
    expect(s.latest!.speedFrom).to.equal('footpod');
  });
});

describe('LiveSession: calibration', () => {
  it('scales pod speed, distance and a sent stride from the next row, and keeps the raw values', () => {
    const s = session();
    s.ingest(podBytes(3, 170, 1.06, 100), 0);
    s.ingest(podBytes(3, 170, 1.06, 103), 1000);
    s.setCalibration([
      { podSpeedMps: 2.5, factor: 0.9 },
      { podSpeedMps: 4, factor: 0.96 },
    ]);
    expect(s.calibration).to.have.length(2);
    s.ingest(podBytes(3, 170, 1.06, 106), 2000);
    s.ingest(podBytes(4, 170, 1.4, 110), 3000);
    const factorAt3 = 0.9 + (0.06 * 0.5) / 1.5;
    expect(column(s, 'speedMps').slice(0, 2)).to.deep.equal([3, 3]);
    expect(column(s, 'speedMps')[2]).to.be.closeTo(3 * factorAt3, 1e-9);
    expect(column(s, 'speedMps')[3]).to.be.closeTo(4 * 0.96, 1e-9);
    expect(column(s, 'strideLengthM')[2]).to.be.closeTo(1.06 * factorAt3, 1e-6);
    expect(column(s, 'rawSpeedMps')).to.deep.equal([3, 3, 3, 4]);
    const distances = column(s, 'distanceM');
    expect(distances[1]).to.be.closeTo(3, 1e-9);
    expect(distances[2] - distances[1]).to.be.closeTo(3 * factorAt3, 1e-9);
    expect(distances[3] - distances[2]).to.be.closeTo(4 * 0.96, 1e-9);
    expect(column(s, 'rawDistanceM').map((d) => Math.round(d * 10) / 10)).to.deep.equal([0, 3, 6, 10]);
    expect(s.latest).to.deep.include({ rawSpeedMps: 4 });
    expect(s.latest!.rawDistanceM).to.be.closeTo(10, 1e-9);
  });
});

describe('LiveSession: automatic calibration against the treadmill', () => {
  /** `seconds` rows of a belt at `belt` m/s and a pod reading `podReads` × the belt. */
  const run = (s: LiveSession, from: number, seconds: number, belt: number, podReads: number) => {
    for (let i = from; i < from + seconds; i++) {
      ingestTreadmill(s, treadmillBytes({ speedMps: belt }), i * 1000);
      s.ingest(podBytes(belt * podReads, 170), i * 1000);
    }
  };

  it('learns a factor over a steady half minute and applies it from the next row, saying so', () => {
    const s = session();
    const learned = events(s, 'autocalibration');
    run(s, 0, 30, 3, 1.06);
    expect(learned.count).to.equal(0);
    run(s, 30, 1, 3, 1.06);
    expect(learned.count).to.equal(1);
    const { curve, locked, lastPoint } = s.autoCalibration;
    expect(locked).to.equal(false);
    expect(lastPoint!.factor).to.be.closeTo(1 / 1.06, 0.002);
    expect(curve).to.deep.equal([lastPoint]);
    expect(s.calibration).to.deep.equal([lastPoint]);
    expect(s.latest!.speedMps, 'the row that taught it is as it was').to.be.closeTo(3.18, 0.01);
    run(s, 31, 1, 3, 1.06);
    expect(s.latest!.speedMps).to.be.closeTo(3, 0.01);
  });

  it('learns nothing while locked, and starts from the curve it is given', () => {
    const s = session();
    const saved = [{ podSpeedMps: 5, factor: 0.97 }];
    s.setAutoCalibration(saved, true);
    const learned = events(s, 'autocalibration');
    run(s, 0, 40, 3, 1.06);
    expect(learned.count).to.equal(0);
    expect(s.autoCalibration).to.deep.equal({ curve: saved, locked: true, lastPoint: null, lastChange: null });
    s.setAutoCalibration(saved, false);
    run(s, 40, 40, 3, 1.06);
    expect(learned.count).to.equal(1);
    expect(s.calibration.map((p) => p.podSpeedMps)).to.deep.equal([s.autoCalibration.lastPoint!.podSpeedMps, 5]);
  });

  it('learns while the treadmill gives the speed too', () => {
    const s = session();
    s.setSpeedFrom('treadmill');
    run(s, 0, 40, 3, 0.95);
    expect(s.autoCalibration.lastPoint!.factor).to.be.closeTo(1 / 0.95, 0.002);
  });
});

describe("LiveSession: a belt value's freshness on the pod's clock", () => {
  /**
   * 30 min on the belt at 3.0 m/s, speed and distance from the treadmill, the pod 8 % long and
   * notifying `podHz` times a second, the belt every `beltGapsS` in turn (Bluetooth jitter).
   */
  function beltSourcedRun(podHz: number, beltGapsS: number[]): number {
    const live = session();
    live.setSpeedFrom('treadmill');
    let nowMs = Date.UTC(2026, 11, 1, 7);
    const recorder = new Recorder({ zones: defaultCadenceZones, id: 'run', now: () => nowMs, speedFrom: 'treadmill' });
    const belt = 3.0;
    let nextBeltS = 0;
    let k = 0;
    recorder.start();
    for (let q = 0; q <= 1800 * podHz; q++) {
      const s = q / podHz;
      while (nextBeltS <= s) {
        ingestTreadmill(live, treadmillBytes({ speedMps: belt, totalDistanceM: Math.round(belt * nextBeltS) }), nextBeltS * 1000);
        nextBeltS += beltGapsS[k++ % beltGapsS.length]!;
      }
      nowMs += 1000 / podHz;
      live.ingest(podBytes(belt * 1.08, 172, null, belt * 1.08 * s), s * 1000 + 10);
      recorder.addReading(live.latest!);
    }
    recorder.stop();
    return recorder.meta().distanceM;
  }

  it("shows the belt's distance with a pod notifying 4 times a second and a belt 0.8-1.3 s apart (it read 5490 m for 5400 m)", () => {
    expect(beltSourcedRun(4, [0.9, 1.1, 0.8, 1.3, 0.9, 1.0])).to.be.closeTo(5400, 5400 * 0.002);
  });

  it("shows the belt's distance with a pod notifying twice a second and a belt 1.5-2.5 s apart (it read 5648 m for 5400 m)", () => {
    expect(beltSourcedRun(2, [2.0, 1.5, 2.5, 2.0])).to.be.closeTo(5400, 5400 * 0.002);
  });
});
