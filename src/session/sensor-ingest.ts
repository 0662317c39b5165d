// Bytes from the treadmill and the heart-rate strap into a live session. Apart from the session so
// their parsers load with those sensors, not with every footpod-only run; a malformed packet is
// counted and said by the session, never thrown. The session's sensor parts (SessionSensors) load
// with this file and are attached to a session before its first treadmill or strap bytes.

import { FtmsParseError, parseTreadmillData } from '../ble/ftms-treadmill.js';
import { HeartRateParseError, parseHeartRateMeasurement } from '../ble/heart-rate.js';
import type { LiveSession } from './live-session.js';
import { sensorsOf } from './sensors-of.js';

export { sensorsOf } from './sensors-of.js';

/** One FTMS Treadmill Data notification. */
export function ingestTreadmill(session: LiveSession, view: DataView, timeMs: number): void {
  sensorsOf(session);
  let data;
  try {
    data = parseTreadmillData(view);
  } catch (error) {
    if (!(error instanceof FtmsParseError)) throw error;
    session.skipped('treadmill', error.message);
    return;
  }
  session.takeTreadmillData(data, timeMs);
}

/** One Heart Rate Measurement notification. */
export function ingestHeartRate(session: LiveSession, view: DataView): void {
  sensorsOf(session);
  let measurement;
  try {
    measurement = parseHeartRateMeasurement(view);
  } catch (error) {
    if (!(error instanceof HeartRateParseError)) throw error;
    session.skipped('heart-rate strap', error.message);
    return;
  }
  session.takeHeartRate(measurement);
}
