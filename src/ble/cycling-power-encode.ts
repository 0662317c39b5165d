// Builds Cycling Power Measurement (0x2A63) bytes, for the tests and a simulated power pod: both
// then speak to the app in bytes, exactly as a real pod does, and exercise the same parser.
import type { CyclingPowerMeasurement, Extremes } from './cycling-power.js';
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

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, Math.round(value)));

/**
 * Encodes one measurement; the flags come from which fields are there (the `flags` member a parse
 * returns is not consulted). Values round to the resolution the characteristic carries and clamp at
 * its ends; revolution counts and event times wrap, as a device's do.
 */
export function encodeCyclingPowerMeasurement(fields: Omit<CyclingPowerMeasurement, 'flags'>): Uint8Array {
  const bytes: number[] = [0, 0];
  const u8 = (value: number): void => {
    bytes.push(value & 0xff);
  };
  const u16 = (value: number): void => {
    bytes.push(value & 0xff, (value >>> 8) & 0xff);
  };
  const s16 = (value: number): void => u16(clamp(value, -0x8000, 0x7fff) & 0xffff);
  const wrap16 = (value: number): number => Math.round(value) & 0xffff;
  const pair = (extremes: Extremes, scale: number): void => {
    s16(extremes.max * scale);
    s16(extremes.min * scale);
  };

  let flags = 0;
  s16(fields.powerW);
  if (fields.pedalPowerBalancePercent !== null) {
    flags |= PEDAL_POWER_BALANCE_PRESENT;
    u8(clamp(fields.pedalPowerBalancePercent * BALANCE_STEPS_PER_PERCENT, 0, 0xff));
  }
  if (fields.pedalPowerBalanceReference === 'left') flags |= PEDAL_POWER_BALANCE_LEFT;
  if (fields.accumulatedTorqueNm !== null) {
    flags |= ACCUMULATED_TORQUE_PRESENT;
    u16(wrap16(fields.accumulatedTorqueNm * TORQUE_STEPS_PER_NM));
  }
  if (fields.accumulatedTorqueSource === 'crank') flags |= ACCUMULATED_TORQUE_CRANK;
  if (fields.wheelRevolutions !== null) {
    flags |= WHEEL_REVOLUTIONS_PRESENT;
    const revolutions = Math.round(fields.wheelRevolutions.revolutions) >>> 0;
    u16(revolutions & 0xffff);
    u16(revolutions >>> 16);
    u16(wrap16(fields.wheelRevolutions.lastEventTimeS * WHEEL_EVENT_STEPS_PER_SECOND));
  }
  if (fields.crankRevolutions !== null) {
    flags |= CRANK_REVOLUTIONS_PRESENT;
    u16(wrap16(fields.crankRevolutions.revolutions));
    u16(wrap16(fields.crankRevolutions.lastEventTimeS * CRANK_EVENT_STEPS_PER_SECOND));
  }
  if (fields.extremeForcesN !== null) {
    flags |= EXTREME_FORCES_PRESENT;
    pair(fields.extremeForcesN, 1);
  }
  if (fields.extremeTorquesNm !== null) {
    flags |= EXTREME_TORQUES_PRESENT;
    pair(fields.extremeTorquesNm, TORQUE_STEPS_PER_NM);
  }
  if (fields.extremeAnglesDeg !== null) {
    flags |= EXTREME_ANGLES_PRESENT;
    // The maximum in the low 12 bits of a little-endian uint24 (spec: max 0xABC, min 0x123 → 0x123ABC).
    const packed = clamp(fields.extremeAnglesDeg.max, 0, 0xfff) | (clamp(fields.extremeAnglesDeg.min, 0, 0xfff) << 12);
    bytes.push(packed & 0xff, (packed >>> 8) & 0xff, packed >>> 16);
  }
  if (fields.topDeadSpotAngleDeg !== null) {
    flags |= TOP_DEAD_SPOT_PRESENT;
    u16(clamp(fields.topDeadSpotAngleDeg, 0, 0xffff));
  }
  if (fields.bottomDeadSpotAngleDeg !== null) {
    flags |= BOTTOM_DEAD_SPOT_PRESENT;
    u16(clamp(fields.bottomDeadSpotAngleDeg, 0, 0xffff));
  }
  if (fields.accumulatedEnergyKj !== null) {
    flags |= ACCUMULATED_ENERGY_PRESENT;
    u16(clamp(fields.accumulatedEnergyKj, 0, 0xffff));
  }
  if (fields.offsetCompensation) flags |= OFFSET_COMPENSATION;
  bytes[0] = flags & 0xff;
  bytes[1] = flags >>> 8;
  return Uint8Array.from(bytes);
}

/** A measurement with instantaneous power alone, as a running pod sends it; any field may be added. */
export const powerOnly = (powerW: number, fields: Partial<Omit<CyclingPowerMeasurement, 'flags' | 'powerW'>> = {}): Omit<CyclingPowerMeasurement, 'flags'> => ({
  powerW,
  pedalPowerBalancePercent: null,
  pedalPowerBalanceReference: 'unknown',
  accumulatedTorqueNm: null,
  accumulatedTorqueSource: 'wheel',
  wheelRevolutions: null,
  crankRevolutions: null,
  extremeForcesN: null,
  extremeTorquesNm: null,
  extremeAnglesDeg: null,
  topDeadSpotAngleDeg: null,
  bottomDeadSpotAngleDeg: null,
  accumulatedEnergyKj: null,
  offsetCompensation: false,
  ...fields,
});
