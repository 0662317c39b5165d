// A treadmill that reads heart rate from its grips sends 0 once the hands leave them: "no heart
// rate" (issue 16). The parser reads 0 as null, and SessionSensors then keeps the last grip value
// (it only holds non-null values), so the next three pod rows record and show the old 150 bpm
// after the treadmill said it has none. A strap off the skin is dropped at once; the treadmill's
// "no reading" should be too.
import { expect } from '@open-wc/testing';
import { LiveSession } from '../../src/session/live-session.js';
import { ingestTreadmill } from '../../src/session/sensor-ingest.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { podBytes } from '../session/sensor-bytes.js';

/** Treadmill Data: Instantaneous Speed (3.0 m/s = 1080 × 0.01 km/h) and Heart Rate. */
const treadmillWithHeartRate = (bpm: number) => new DataView(new Uint8Array([0x00, 0x01, 1080 & 0xff, 1080 >> 8, bpm]).buffer);

describe('the treadmill says no heart rate', () => {
  it('records no heart rate in the rows after the treadmill sends 0, not the last grip reading', () => {
    const s = new LiveSession(defaultCadenceZones);
    for (let i = 0; i < 10; i++) {
      ingestTreadmill(s, treadmillWithHeartRate(150), i * 1000);
      s.ingest(podBytes(3, 170), i * 1000 + 500);
    }
    for (let i = 10; i < 14; i++) {
      ingestTreadmill(s, treadmillWithHeartRate(0), i * 1000);
      s.ingest(podBytes(3, 170), i * 1000 + 500);
    }
    const heartRate = Array.from(s.samples.column('heartRate')).slice(10);
    expect(heartRate.map((bpm) => (Number.isNaN(bpm) ? null : bpm)), 'rows after the hands left the grips').to.deep.equal([null, null, null, null]);
    expect(s.latest!.heartRate).to.equal(null);
  });
});
