// rv-power2: the freshness rule changed in round 1 for every channel ("rows count only while they
// span no more than 10 s") measures a value's age from the last pod row BEFORE it came. After a
// silence of the pod (its link dropped, the runner's pod asleep while the belt and the strap go on),
// a value that came a fraction of a second before the pod's first row back is taken as one from
// before the silence, so the first row back loses the strap's heart rate and the belt's speed, and
// with the belt's speed the treadmill's metres of the whole silence.
import { expect } from '@open-wc/testing';
import { LiveSession } from '../../../src/session/live-session.js';
import { SensorChannels } from '../../../src/session/sensor-channels.js';
import { SessionSensors } from '../../../src/session/session-sensors.js';
import { ingestHeartRate, ingestTreadmill } from '../../../src/session/sensor-ingest.js';
import { defaultCadenceZones } from '../../../src/session/zones.js';
import { ingestPower } from '../../../src/session/power-ingest.js';
import { heartRateBytes, podBytes, powerBytes, treadmillBytes } from '../../session/sensor-bytes.js';

const session = () => {
  const s = new LiveSession(defaultCadenceZones);
  s.attachSensors(new SessionSensors());
  return s;
};
const column = (s: LiveSession, name: Parameters<LiveSession['samples']['column']>[0]) => Array.from(s.samples.column(name));

describe('rv-power2: a value that came during a silence of the pod', () => {
  it('a strap reading 0.5 s before the first pod row after a 30 s pod silence is that row\'s heart rate', () => {
    const channels = new SensorChannels();
    for (const t of [0, 1, 2]) channels.podRow(t);
    // The pod is silent from 2 s to 32 s; the strap goes on at 1 Hz.
    channels.hold('strapHeartRate', 150);
    channels.hold('strapHeartRate', 152);
    // …its last reading comes at 31.5 s, half a second before the pod's row at 32 s.
    channels.hold('strapHeartRate', 155);
    expect(channels.heartRate(32)).to.equal(155);
  });

  it("LiveSession: the strap's heart rate goes on into the pod's first row after the pod's link dropped for a minute", () => {
    const s = session();
    for (let i = 0; i < 5; i++) {
      ingestHeartRate(s, heartRateBytes(150));
      s.ingest(podBytes(3, 176), i * 1000);
    }
    // The pod's link is gone from 4 s to 64 s; the strap keeps sending every second.
    for (let i = 5; i < 64; i++) ingestHeartRate(s, heartRateBytes(150));
    ingestHeartRate(s, heartRateBytes(151)); // 63.5 s
    s.ingest(podBytes(3, 176), 64_000);
    expect(s.latestChannels.heartRate, 'the tile shows it').to.equal(151);
    expect(column(s, 'heartRate').at(-1), 'the recorded row after the silence').to.equal(151);
  });

  it("LiveSession: with the treadmill's speed and distance chosen, the belt's metres of a pod silence are the run's", () => {
    // Runner on a treadmill at 3 m/s, speed and distance from the treadmill; the pod's link drops for 60 s.
    const s = session();
    s.setSpeedFrom('treadmill');
    const belt = (t: number) => ingestTreadmill(s, treadmillBytes({ speedMps: 3, totalDistanceM: 3 * t }), t * 1000);
    for (let t = 0; t <= 4; t++) {
      belt(t);
      s.ingest(podBytes(3, 176), t * 1000);
    }
    for (let t = 5; t <= 64; t++) belt(t); // the belt and its count go on; the pod is silent
    for (let t = 64; t <= 66; t++) {
      if (t > 64) belt(t);
      s.ingest(podBytes(3, 176), t * 1000);
    }
    expect(s.latest!.distanceM, 'the treadmill counted 198 m').to.be.closeTo(198, 0.5);
    expect(column(s, 'treadmillSpeedMps').at(-3), "the belt's speed in the first row back").to.equal(3);
  });
  it("LiveSession: a pod back after a dropped link, sending its power just before its first RSC, has that power in its first row", () => {
    // The simulated pod sends power before each RSC measurement "so the row made of that RSC one carries it";
    // a real pod back from a dropped link may do the same. The reading is new, not from before the silence.
    const s = new LiveSession(defaultCadenceZones);
    for (let i = 0; i < 5; i++) {
      ingestPower(s, powerBytes(250));
      s.ingest(podBytes(3, 176), i * 1000);
    }
    s.forgetSensor('power'); // the link dropped (footpod-service forgets the pod's power)
    for (let i = 0; i < 3; i++) {
      ingestPower(s, powerBytes(300 + i));
      s.ingest(podBytes(3, 176), 64_000 + i * 1000);
    }
    expect(column(s, 'powerW').slice(5)).to.deep.equal([300, 301, 302]);
  });
});
