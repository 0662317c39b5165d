// A live session before and after the treadmill's and strap's parts (SessionSensors) are attached:
// without them it is a footpod-only session, and what was set on it before applies once they are.

import { expect } from '@open-wc/testing';
import { parseHeartRateMeasurement } from '../../src/ble/heart-rate.js';
import { parseTreadmillData } from '../../src/ble/ftms-treadmill.js';
import { LiveSession } from '../../src/session/live-session.js';
import { ingestHeartRate, ingestTreadmill } from '../../src/session/sensor-ingest.js';
import { SessionSensors } from '../../src/session/session-sensors.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { heartRateBytes, podBytes, treadmillBytes } from './sensor-bytes.js';

const columns = ['t', 'speedMps', 'cadence', 'strideLengthM', 'distanceM', 'heartRate', 'treadmillSpeedMps', 'inclinePercent', 'rawSpeedMps', 'rawDistanceM'] as const;
const rows = (s: LiveSession) => Object.fromEntries(columns.map((name) => [name, Array.from(s.samples.column(name))]));

/** A pod run with calibration, 'treadmill' chosen and automatic calibration unlocked. */
function podRun(s: LiveSession, from: number, seconds: number): void {
  for (let i = from; i < from + seconds; i++) s.ingest(podBytes(3 + 0.1 * (i % 5), 170, null, 3 * i), i * 1000);
}

const treadmillRun = (s: LiveSession, from: number, seconds: number, belt: number, podReads: number) => {
  for (let i = from; i < from + seconds; i++) {
    ingestTreadmill(s, treadmillBytes({ speedMps: belt }), i * 1000);
    s.ingest(podBytes(belt * podReads, 170), i * 1000);
  }
};

describe('LiveSession without the sensor parts', () => {
  it('makes the same rows as a session with them attached that no treadmill or strap feeds, NaN where they would be', () => {
    const alone = new LiveSession(defaultCadenceZones);
    const attached = new LiveSession(defaultCadenceZones);
    attached.attachSensors(new SessionSensors());
    for (const s of [alone, attached]) {
      s.setCalibration([{ podSpeedMps: 3, factor: 0.95 }]);
      s.setAutoCalibration([], false);
      s.setSpeedFrom('treadmill');
      podRun(s, 0, 40);
    }
    expect(alone.sensors === null).to.equal(true);
    expect(rows(alone)).to.deep.equal(rows(attached));
    expect(rows(alone).heartRate!.every(Number.isNaN)).to.equal(true);
    expect(rows(alone).treadmillSpeedMps!.every(Number.isNaN)).to.equal(true);
    expect(rows(alone).inclinePercent!.every(Number.isNaN)).to.equal(true);
    expect(alone.latest).to.deep.include({ speedFrom: 'footpod', heartRate: null, treadmillSpeedMps: null, inclinePercent: null });
    expect(alone.speedFrom, 'the choice is kept; the pod stands in').to.equal('treadmill');
    expect(alone.latestChannels).to.deep.equal({ heartRate: null, treadmillSpeedMps: null, inclinePercent: null, powerW: null });
    expect(alone.autoCalibration).to.deep.equal({ curve: [], locked: false, lastPoint: null, lastChange: null });
    expect(alone.latest!.distanceM).to.be.closeTo(attached.latest!.distanceM, 1e-9);
  });

  it('reports the automatic calibration it was given, learning nothing', () => {
    const s = new LiveSession(defaultCadenceZones);
    const saved = [{ podSpeedMps: 4, factor: 0.97 }];
    s.setAutoCalibration(saved, true);
    podRun(s, 0, 5);
    expect(s.autoCalibration).to.deep.equal({ curve: saved, locked: true, lastPoint: null, lastChange: null });
  });

  it('refuses parsed treadmill or strap data until the parts are attached, and the ingest functions attach them', () => {
    const s = new LiveSession(defaultCadenceZones);
    expect(() => s.takeTreadmillData(parseTreadmillData(treadmillBytes({ speedMps: 3 })), 0)).to.throw(/attachSensors/);
    expect(() => s.takeHeartRate(parseHeartRateMeasurement(heartRateBytes(140)))).to.throw(/attachSensors/);
    ingestHeartRate(s, heartRateBytes(140));
    const attached = s.sensors;
    expect(attached !== null).to.equal(true);
    ingestTreadmill(s, treadmillBytes({ speedMps: 3 }), 0);
    expect(s.sensors === attached, 'attached once').to.equal(true);
    expect(s.latestChannels).to.deep.equal({ heartRate: 140, treadmillSpeedMps: 3, inclinePercent: null, powerW: null });
    expect(s.attachSensors(attached!) === attached).to.equal(true);
    expect(() => s.attachSensors(new SessionSensors())).to.throw();
  });
});

describe('LiveSession: what was set before the sensor parts were attached', () => {
  it('applies the automatic calibration and the speed source once attached', () => {
    const saved = [{ podSpeedMps: 5, factor: 0.97 }];
    const locked = new LiveSession(defaultCadenceZones);
    locked.setAutoCalibration(saved, true);
    locked.setSpeedFrom('treadmill');
    podRun(locked, 0, 3);
    locked.attachSensors(new SessionSensors());
    treadmillRun(locked, 3, 40, 3, 1.06);
    expect(locked.autoCalibration).to.deep.equal({ curve: saved, locked: true, lastPoint: null, lastChange: null });
    expect(locked.latest).to.deep.include({ speedFrom: 'treadmill', speedMps: 3 });

    const learning = new LiveSession(defaultCadenceZones);
    learning.setAutoCalibration(saved, false);
    podRun(learning, 0, 3);
    learning.attachSensors(new SessionSensors());
    treadmillRun(learning, 3, 40, 3, 1.06);
    const { curve, lastPoint } = learning.autoCalibration;
    expect(lastPoint!.factor).to.be.closeTo(1 / 1.06, 0.002);
    expect(curve.map((p) => p.podSpeedMps), 'learned on top of the saved curve').to.deep.equal([lastPoint!.podSpeedMps, 5]);
    expect(learning.calibration).to.deep.equal(curve);
  });

  it('forgets a sensor and starts the treadmill count afresh once attached, as if called after', () => {
    /** Parts that already hold a strap's and a treadmill's values and count (as parts made elsewhere could). */
    const heldParts = () => {
      const parts = new SessionSensors();
      parts.takeHeartRate(parseHeartRateMeasurement(heartRateBytes(150)));
      parts.takeTreadmillData(parseTreadmillData(treadmillBytes({ speedMps: 3, totalDistanceM: 30, inclinationPercent: 2 })), 0);
      return parts;
    };
    const run = (before: (s: LiveSession) => void, after: (parts: SessionSensors) => void) => {
      const s = new LiveSession(defaultCadenceZones);
      s.setSpeedFrom('treadmill');
      before(s);
      const parts = s.attachSensors(heldParts());
      after(parts);
      for (let i = 1; i <= 4; i++) {
        ingestTreadmill(s, treadmillBytes({ speedMps: 3, totalDistanceM: 40 + 3 * i }), i * 1000);
        s.ingest(podBytes(3, 170), i * 1000);
      }
      return s;
    };
    const early = run(
      (s) => {
        s.forgetSensor('heartRate');
        s.newTreadmillSource();
      },
      () => {},
    );
    const late = run(
      () => {},
      (parts) => {
        parts.forget('heartRate');
        parts.newTreadmill();
      },
    );
    const never = run(
      () => {},
      () => {},
    );
    expect(rows(early)).to.deep.equal(rows(late));
    expect(rows(early).heartRate!.every(Number.isNaN), 'the strap was forgotten').to.equal(true);
    expect(rows(never).heartRate![0], 'held otherwise').to.equal(150);
    expect(early.latest!.distanceM).to.be.closeTo(9, 1e-9);
  });

  it('passes a treadmill (re)connected before the parts came on to them, once', () => {
    class CountingParts extends SessionSensors {
      newTreadmills = 0;
      override newTreadmill(): void {
        this.newTreadmills++;
        super.newTreadmill();
      }
    }
    const told = new LiveSession(defaultCadenceZones);
    told.newTreadmillSource();
    const toldParts = new CountingParts();
    told.attachSensors(toldParts);
    expect(toldParts.newTreadmills).to.equal(1);
    told.newTreadmillSource();
    expect(toldParts.newTreadmills, 'and directly after').to.equal(2);

    const untold = new LiveSession(defaultCadenceZones);
    const untoldParts = new CountingParts();
    untold.attachSensors(untoldParts);
    expect(untoldParts.newTreadmills).to.equal(0);
  });
});

describe('LiveSession: what the treadmill and the strap send for "none"', () => {
  const session = () => {
    const s = new LiveSession(defaultCadenceZones);
    s.attachSensors(new SessionSensors());
    return s;
  };

  it('a treadmill sending heart rate 0 (no strap worn) gives no heart rate, never 0 bpm', () => {
    const s = session();
    for (let i = 0; i < 6; i++) {
      // Exactly the bytes such a treadmill sends: speed, heart rate 0, elapsed time.
      ingestTreadmill(s, new DataView(Uint8Array.of(0x00, 0x05, 0x38, 0x04, 0x00, i, 0x00).buffer), i * 1000);
      s.ingest(podBytes(3, 170), i * 1000);
    }
    expect(rows(s).heartRate!.every(Number.isNaN), 'no heart rate in any row').to.equal(true);
    expect(s.latestChannels.heartRate).to.equal(null);
    expect(rows(s).treadmillSpeedMps, 'the rest of the packet stands').to.deep.equal([3, 3, 3, 3, 3, 3]);
  });

  it('a treadmill that sends heart rate 0 after grip readings has none from the next row, not the last grip value', () => {
    const s = new LiveSession(defaultCadenceZones);
    // Treadmill Data: Instantaneous Speed (3.0 m/s = 1080 × 0.01 km/h) and Heart Rate.
    const withHeartRate = (bpm: number) => new DataView(Uint8Array.of(0x00, 0x01, 1080 & 0xff, 1080 >> 8, bpm).buffer);
    for (let i = 0; i < 10; i++) {
      ingestTreadmill(s, withHeartRate(150), i * 1000);
      s.ingest(podBytes(3, 170), i * 1000 + 500);
    }
    for (let i = 10; i < 14; i++) {
      ingestTreadmill(s, withHeartRate(0), i * 1000);
      s.ingest(podBytes(3, 170), i * 1000 + 500);
    }
    const heartRate = rows(s).heartRate!.slice(10).map((bpm) => (Number.isNaN(bpm) ? null : bpm));
    expect(heartRate, 'rows after the hands left the grips').to.deep.equal([null, null, null, null]);
    expect(s.latest!.heartRate).to.equal(null);
  });

  it('a split record that leaves the heart-rate field out keeps the last heart rate', () => {
    const s = session();
    // Record part 1: more data, heart rate 150; part 2: speed 3.0 m/s and no heart-rate field.
    ingestTreadmill(s, new DataView(Uint8Array.of(0x01, 0x01, 150).buffer), 0);
    ingestTreadmill(s, new DataView(Uint8Array.of(0x00, 0x00, 1080 & 0xff, 1080 >> 8).buffer), 100);
    s.ingest(podBytes(3, 170), 500);
    expect(rows(s).heartRate).to.deep.equal([150]);
  });

  it("a strap packet with one odd byte after its RR intervals keeps its heart rate in the row", () => {
    const s = session();
    // Contact detected, 152 bpm, one interval of 1 s and half of another.
    ingestHeartRate(s, new DataView(Uint8Array.of(0x16, 152, 0x00, 0x04, 0x00).buffer));
    s.ingest(podBytes(3, 170), 0);
    expect(rows(s).heartRate).to.deep.equal([152]);
    expect(s.malformedCount).to.equal(0);
  });
});
