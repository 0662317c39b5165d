// Cycling Power Measurement (0x2A63) of the Cycling Power Service (0x1818). Running power pods (a
// Stryd) send it beside RSC; a device we do not control sends it, so every field is length-checked
// before it is read and a malformed packet fails with CyclingPowerParseError: callers can drop it
// and keep the session.
import {
  ACCUMULATED_ENERGY_PRESENT,
  ACCUMULATED_TORQUE_CRANK,
  ACCUMULATED_TORQUE_PRESENT,
  BALANCE_STEPS_PER_PERCENT,
  BOTTOM_DEAD_SPOT_PRESENT,
  CRANK_EVENT_STEPS_PER_SECOND,
  CRANK_REVOLUTIONS_PRESENT,
  EXTREME_ANGLES_PRESENT,
  EXTREME_FORCES_PRESENT,
  EXTREME_TORQUES_PRESENT,
  OFFSET_COMPENSATION,
  PEDAL_POWER_BALANCE_LEFT,
  PEDAL_POWER_BALANCE_PRESENT,
  TOP_DEAD_SPOT_PRESENT,
  TORQUE_STEPS_PER_NM,
  WHEEL_EVENT_STEPS_PER_SECOND,
  WHEEL_REVOLUTIONS_PRESENT,
} from './cycling-power-flags.js';

export class CyclingPowerParseError extends Error {
  override readonly name = 'CyclingPowerParseError';
}

export interface RevolutionData {
  /** Cumulative count; it wraps, so only differences between packets mean anything. */
  revolutions: number;
  /** Time of the last revolution, on the device's own clock that wraps every 32 s (wheel) or 64 s (crank). */
  lastEventTimeS: number;
}

export interface Extremes {
  max: number;
  min: number;
}

export interface CyclingPowerMeasurement {
  /** The raw 16-bit flags, reserved bits included, for whoever wants to log what the device said. */
  flags: number;
  /** Signed: a device may report negative power. */
  powerW: number;
  pedalPowerBalancePercent: number | null;
  /** Whose share the balance is (flag bit 1); meaningful only with a balance. */
  pedalPowerBalanceReference: 'unknown' | 'left';
  accumulatedTorqueNm: number | null;
  /** Where the torque is measured (flag bit 3); meaningful only with a torque. */
  accumulatedTorqueSource: 'wheel' | 'crank';
  wheelRevolutions: RevolutionData | null;
  crankRevolutions: RevolutionData | null;
  extremeForcesN: Extremes | null;
  extremeTorquesNm: Extremes | null;
  extremeAnglesDeg: Extremes | null;
  topDeadSpotAngleDeg: number | null;
  bottomDeadSpotAngleDeg: number | null;
  /** Since the device last reset it, 1 kJ steps. */
  accumulatedEnergyKj: number | null;
  offsetCompensation: boolean;
}

const WHAT = 'Cycling power measurement';

/**
 * Parses one notification. The optional fields follow in the spec's order, each present only when
 * its flag says so. Reserved flag bits (13-15) are ignored, and so are bytes after the last field,
 * as for RSC and heart rate without RR intervals: a later revision may append fields.
 */
export function parseCyclingPowerMeasurement(view: DataView): CyclingPowerMeasurement {
  let at = 0;
  // Checked in field order so the message names the first field that is missing.
  const take = (size: number, field: string): number => {
    const start = at;
    at += size;
    if (view.byteLength < at) {
      throw new CyclingPowerParseError(`${WHAT} too short: ${view.byteLength} bytes, ${field} needs ${at}`);
    }
    return start;
  };
  const flags = view.getUint16(take(2, 'the flags'), true);
  const has = (bit: number): boolean => (flags & bit) !== 0;
  const powerW = view.getInt16(take(2, 'instantaneous power'), true);

  const u16 = (field: string): number => view.getUint16(take(2, field), true);
  const s16 = (field: string): number => view.getInt16(take(2, field), true);

  const pedalPowerBalancePercent = has(PEDAL_POWER_BALANCE_PRESENT)
    ? view.getUint8(take(1, 'pedal power balance')) / BALANCE_STEPS_PER_PERCENT
    : null;
  const accumulatedTorqueNm = has(ACCUMULATED_TORQUE_PRESENT) ? u16('accumulated torque') / TORQUE_STEPS_PER_NM : null;
  let wheelRevolutions: RevolutionData | null = null;
  if (has(WHEEL_REVOLUTIONS_PRESENT)) {
    const revolutions = view.getUint32(take(4, 'cumulative wheel revolutions'), true);
    wheelRevolutions = { revolutions, lastEventTimeS: u16('last wheel event time') / WHEEL_EVENT_STEPS_PER_SECOND };
  }
  let crankRevolutions: RevolutionData | null = null;
  if (has(CRANK_REVOLUTIONS_PRESENT)) {
    const revolutions = u16('cumulative crank revolutions');
    crankRevolutions = { revolutions, lastEventTimeS: u16('last crank event time') / CRANK_EVENT_STEPS_PER_SECOND };
  }
  let extremeForcesN: Extremes | null = null;
  if (has(EXTREME_FORCES_PRESENT)) {
    const max = s16('maximum force magnitude');
    extremeForcesN = { max, min: s16('minimum force magnitude') };
  }
  let extremeTorquesNm: Extremes | null = null;
  if (has(EXTREME_TORQUES_PRESENT)) {
    const max = s16('maximum torque magnitude') / TORQUE_STEPS_PER_NM;
    extremeTorquesNm = { max, min: s16('minimum torque magnitude') / TORQUE_STEPS_PER_NM };
  }
  let extremeAnglesDeg: Extremes | null = null;
  if (has(EXTREME_ANGLES_PRESENT)) {
    // Two 12-bit angles in one little-endian uint24: the maximum in the low 12 bits.
    const start = take(3, 'extreme angles');
    const packed = view.getUint8(start) | (view.getUint8(start + 1) << 8) | (view.getUint8(start + 2) << 16);
    extremeAnglesDeg = { max: packed & 0xfff, min: packed >>> 12 };
  }
  const topDeadSpotAngleDeg = has(TOP_DEAD_SPOT_PRESENT) ? u16('top dead spot angle') : null;
  const bottomDeadSpotAngleDeg = has(BOTTOM_DEAD_SPOT_PRESENT) ? u16('bottom dead spot angle') : null;
  const accumulatedEnergyKj = has(ACCUMULATED_ENERGY_PRESENT) ? u16('accumulated energy') : null;

  return {
    flags,
    powerW,
    pedalPowerBalancePercent,
    pedalPowerBalanceReference: has(PEDAL_POWER_BALANCE_LEFT) ? 'left' : 'unknown',
    accumulatedTorqueNm,
    accumulatedTorqueSource: has(ACCUMULATED_TORQUE_CRANK) ? 'crank' : 'wheel',
    wheelRevolutions,
    crankRevolutions,
    extremeForcesN,
    extremeTorquesNm,
    extremeAnglesDeg,
    topDeadSpotAngleDeg,
    bottomDeadSpotAngleDeg,
    accumulatedEnergyKj,
    offsetCompensation: has(OFFSET_COMPENSATION),
  };
}
