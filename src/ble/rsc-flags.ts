// Flag bits of the RSC Measurement (0x2A53) first byte, shared by the parser and the encoder.
export const STRIDE_PRESENT = 0x01;
export const DISTANCE_PRESENT = 0x02;
export const RUNNING = 0x04;
