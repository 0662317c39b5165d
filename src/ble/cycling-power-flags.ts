// Flag bits of the Cycling Power Measurement (0x2A63) 16-bit flags field, shared by the parser and
// the encoder. Bits 1, 3 and 12 describe fields rather than announce them; 13-15 are reserved.
export const PEDAL_POWER_BALANCE_PRESENT = 0x0001;
/** Set: the balance is the left pedal's share; clear: whose share is unknown. */
export const PEDAL_POWER_BALANCE_LEFT = 0x0002;
export const ACCUMULATED_TORQUE_PRESENT = 0x0004;
/** Set: the torque is measured at the crank; clear: at the wheel. */
export const ACCUMULATED_TORQUE_CRANK = 0x0008;
export const WHEEL_REVOLUTIONS_PRESENT = 0x0010;
export const CRANK_REVOLUTIONS_PRESENT = 0x0020;
export const EXTREME_FORCES_PRESENT = 0x0040;
export const EXTREME_TORQUES_PRESENT = 0x0080;
export const EXTREME_ANGLES_PRESENT = 0x0100;
export const TOP_DEAD_SPOT_PRESENT = 0x0200;
export const BOTTOM_DEAD_SPOT_PRESENT = 0x0400;
export const ACCUMULATED_ENERGY_PRESENT = 0x0800;
export const OFFSET_COMPENSATION = 0x1000;

/** Pedal power balance travels in 1/2 %. */
export const BALANCE_STEPS_PER_PERCENT = 2;
/** Accumulated and extreme torques travel in 1/32 Nm. */
export const TORQUE_STEPS_PER_NM = 32;
export const WHEEL_EVENT_STEPS_PER_SECOND = 2048;
export const CRANK_EVENT_STEPS_PER_SECOND = 1024;
