// Attaching a live session's sensor parts on their first reading, shared by the treadmill's and
// strap's ingest and the pod's power: a file of its own so neither LiveSession nor SessionSensors
// needs to know the other.

import type { LiveSession } from './live-session.js';
import { SessionSensors } from './session-sensors.js';

/** The session's sensor parts, attached now if they were not yet. */
export function sensorsOf(session: LiveSession): SessionSensors {
  return session.sensors ?? session.attachSensors(new SessionSensors());
}
