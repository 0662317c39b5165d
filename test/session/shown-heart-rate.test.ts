// The heart rate both live screens show is the sensors' value as it stands, not the last pod
// row's: a strap that went, or one that sent on while the pod fell silent, shows as it is now.
import { expect } from '@open-wc/testing';
import { LiveSession } from '../../src/session/live-session.js';
import { FRESH_POD_ROWS } from '../../src/session/sensor-channels.js';
import { ingestHeartRate } from '../../src/session/sensor-ingest.js';
import { SessionSensors } from '../../src/session/session-sensors.js';
import { shownHeartRate } from '../../src/session/shown-heart-rate.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { heartRateBytes, podBytes } from './sensor-bytes.js';

/** A session with the strap's parts attached from its first row, as once a strap is paired. */
const session = () => {
  const s = new LiveSession(defaultCadenceZones);
  s.attachSensors(new SessionSensors());
  return s;
};
const podRow = (s: LiveSession, t: number) => s.ingest(podBytes(3, 170), t * 1000);

describe('shownHeartRate', () => {
  it('is null with no session, and with no strap', () => {
    expect(shownHeartRate(null)).to.equal(null);
    const s = session();
    for (let t = 0; t < 5; t++) podRow(s, t);
    expect(shownHeartRate(s)).to.equal(null);
  });

  it('shows the strap’s beat in whole beats a minute', () => {
    const s = session();
    podRow(s, 0);
    ingestHeartRate(s, heartRateBytes(149));
    podRow(s, 1);
    expect(shownHeartRate(s)).to.equal(149);
  });

  it('shows nothing once the strap is gone, though the last pod row still holds its beat', () => {
    const s = session();
    for (let t = 0; t <= 5; t++) {
      ingestHeartRate(s, heartRateBytes(150));
      podRow(s, t);
    }
    s.forgetSensor('heartRate');
    expect(s.latest!.heartRate, 'the row as it was made').to.equal(150);
    expect(shownHeartRate(s)).to.equal(null);
  });

  it('shows nothing once the strap is off the skin, with no pod row after', () => {
    const s = session();
    ingestHeartRate(s, heartRateBytes(150));
    podRow(s, 0);
    ingestHeartRate(s, heartRateBytes(150, 'not-detected'));
    expect(shownHeartRate(s)).to.equal(null);
  });

  it('follows the strap while the pod is silent', () => {
    const s = session();
    ingestHeartRate(s, heartRateBytes(150));
    podRow(s, 0);
    ingestHeartRate(s, heartRateBytes(157));
    expect(s.latest!.heartRate).to.equal(150);
    expect(shownHeartRate(s)).to.equal(157);
  });

  it('ages a silent strap out as the channels do: after FRESH_POD_ROWS pod rows and FRESH_S seconds', () => {
    const s = session();
    podRow(s, 0);
    ingestHeartRate(s, heartRateBytes(150));
    for (let t = 1; t <= FRESH_POD_ROWS; t++) {
      podRow(s, t);
      expect(shownHeartRate(s), `row ${t}`).to.equal(150);
    }
    podRow(s, FRESH_POD_ROWS + 1);
    expect(shownHeartRate(s)).to.equal(null);
  });
});
