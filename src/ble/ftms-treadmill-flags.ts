// Flag bits of the Treadmill Data (0x2ACD) uint16 flags, shared by the parser and the encoder.
// Bit 0 is inverted: set means "more packets follow", and Instantaneous Speed is then absent.
export const MORE_DATA = 1 << 0;
export const AVERAGE_SPEED_PRESENT = 1 << 1;
export const TOTAL_DISTANCE_PRESENT = 1 << 2;
export const INCLINATION_PRESENT = 1 << 3;
export const ELEVATION_GAIN_PRESENT = 1 << 4;
export const INSTANTANEOUS_PACE_PRESENT = 1 << 5;
export const AVERAGE_PACE_PRESENT = 1 << 6;
export const EXPENDED_ENERGY_PRESENT = 1 << 7;
export const HEART_RATE_PRESENT = 1 << 8;
export const METABOLIC_EQUIVALENT_PRESENT = 1 << 9;
export const ELAPSED_TIME_PRESENT = 1 << 10;
export const REMAINING_TIME_PRESENT = 1 << 11;
export const FORCE_AND_POWER_PRESENT = 1 << 12;

// "Data Not Available" codes the spec reserves inside some fields.
export const NOT_AVAILABLE_SINT16 = 0x7fff;
export const NOT_AVAILABLE_UINT16 = 0xffff;
export const NOT_AVAILABLE_UINT8 = 0xff;

/** 0.01 km/h steps per m/s: speeds travel as hundredths of km/h, the app works in m/s. */
export const SPEED_STEPS_PER_MPS = 360;
