// Heart Rate Measurement (0x2A37) of the Heart Rate Service (0x180D). A strap we do not control
// sends these, so every field is length-checked before it is read and a malformed packet fails
// with HeartRateParseError: callers can drop it and keep the session.
import {
  CONTACT_DETECTED,
  CONTACT_SUPPORTED,
  ENERGY_EXPENDED_PRESENT,
  RR_INTERVALS_PRESENT,
  RR_STEPS_PER_SECOND,
  VALUE_UINT16,
} from './heart-rate-flags.js';

export class HeartRateParseError extends Error {
  override readonly name = 'HeartRateParseError';
}

/** Bits 1-2 of the flags: a strap that cannot tell sends "not supported" whatever bit 1 says. */
export type SensorContact = 'not-supported' | 'not-detected' | 'detected';

export interface HeartRateMeasurement {
  heartRateBpm: number;
  sensorContact: SensorContact;
  /** Since the strap last reset it, 1 kJ steps; 65535 means that much or more. */
  energyExpendedKj: number | null;
  /**
   * Beat-to-beat intervals, oldest first (sent in 1/1024 s). Null when the flags leave them out;
   * empty when the flags announce them but this packet has none.
   */
  rrIntervalsS: number[] | null;
}

const WHAT = 'Heart rate measurement';

function requireBytes(view: DataView, needed: number, field: string): void {
  if (view.byteLength < needed) {
    throw new HeartRateParseError(`${WHAT} too short: ${view.byteLength} bytes, ${field} needs ${needed}`);
  }
}

/**
 * Parses one notification. Reserved flag bits (5-7) are ignored; without RR intervals, bytes after
 * the last field are ignored too, as for RSC. With RR intervals the rest of the packet is theirs;
 * an odd byte left over is half an interval (some straps cut the last one at the packet's end):
 * it is no interval, and the heart rate before it stands, rather than the whole packet being lost.
 */
export function parseHeartRateMeasurement(view: DataView): HeartRateMeasurement {
  requireBytes(view, 1, 'the flags byte');
  const flags = view.getUint8(0);
  const wide = (flags & VALUE_UINT16) !== 0;
  const hasEnergy = (flags & ENERGY_EXPENDED_PRESENT) !== 0;
  const hasRr = (flags & RR_INTERVALS_PRESENT) !== 0;

  const energyAt = wide ? 3 : 2;
  const rrAt = energyAt + (hasEnergy ? 2 : 0);
  // Checked in field order so the message names the first field that is missing.
  requireBytes(view, energyAt, 'heart rate');
  if (hasEnergy) requireBytes(view, rrAt, 'energy expended');

  let rrIntervalsS: number[] | null = null;
  if (hasRr) {
    rrIntervalsS = [];
    for (let at = rrAt; at + 2 <= view.byteLength; at += 2) rrIntervalsS.push(view.getUint16(at, true) / RR_STEPS_PER_SECOND);
  }

  return {
    heartRateBpm: wide ? view.getUint16(1, true) : view.getUint8(1),
    sensorContact: flags & CONTACT_SUPPORTED ? (flags & CONTACT_DETECTED ? 'detected' : 'not-detected') : 'not-supported',
    energyExpendedKj: hasEnergy ? view.getUint16(energyAt, true) : null,
    rrIntervalsS,
  };
}
