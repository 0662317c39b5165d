// The freshness rule (sensor-channels.ts): "a value from before [a silence of the pod] is no reading
// for" the rows after it. Whether a sensor's last notification before a silence came just before
// or just after the pod's last RSC in that second must not decide whether it is carried a minute
// later: the project's notification-order property allows either order within a second. When the
// phone's Bluetooth stalls for a minute, every sensor falls silent at once; the runner stepped off
// the stopped belt meanwhile (the pod's own counter did not move). With the belt's last speed sent
// a few ms after the pod's RSC, that minute-old 3 m/s (and the 160 bpm) are the first row back's,
// recorded and shown as if measured now (the belt speed stands in for the pod's 0 m/s).

import { expect } from '@open-wc/testing';
import { LiveSession } from '../../../src/session/live-session.js';
import { SessionSensors } from '../../../src/session/session-sensors.js';
import { ingestHeartRate, ingestTreadmill } from '../../../src/session/sensor-ingest.js';
import { defaultCadenceZones } from '../../../src/session/zones.js';
import { heartRateBytes, podBytes, treadmillBytes } from '../../session/sensor-bytes.js';

function run(sensorsAfterPod: boolean): LiveSession {
  const s = new LiveSession(defaultCadenceZones);
  s.attachSensors(new SessionSensors());
  s.setSpeedFrom('treadmill');
  const sensors = (t: number, speed: number) => {
    ingestTreadmill(s, treadmillBytes({ speedMps: speed }), t * 1000 + (sensorsAfterPod ? 5 : -5));
    ingestHeartRate(s, heartRateBytes(speed > 0 ? 160 : 100));
  };
  for (let t = 0; t <= 4; t++) {
    if (!sensorsAfterPod) sensors(t, 3);
    s.ingest(podBytes(3, 176, null, 3 * t), t * 1000);
    if (sensorsAfterPod) sensors(t, 3);
  }
  // Everything silent from 4 s to 64 s; the runner stood beside the stopped belt. The pod is back first.
  s.ingest(podBytes(0, 0, null, 12, false), 64_000);
  return s;
}

const column = (s: LiveSession, name: 'treadmillSpeedMps' | 'heartRate' | 'distanceM') => Array.from(s.samples.column(name));

describe('rv-power3: sensor values from before a silence of the pod, whichever order they came in', () => {
  it('carries neither the belt speed nor the heart rate from before a minute-long silence into the first row back when they came just after the pod in their second', () => {
    const podFirst = run(true);
    const sensorsFirst = run(false);
    expect(column(sensorsFirst, 'treadmillSpeedMps')[5], 'sensors just before the pod: dropped').to.be.NaN;
    expect(column(sensorsFirst, 'heartRate')[5], 'sensors just before the pod: dropped').to.be.NaN;
    expect(column(podFirst, 'treadmillSpeedMps')[5], "the belt's speed of a minute ago").to.be.NaN;
    expect(column(podFirst, 'heartRate')[5], 'the heart rate of a minute ago').to.be.NaN;
  });
});
