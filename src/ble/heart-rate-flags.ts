// Flag bits of the Heart Rate Measurement (0x2A37) first byte, shared by the parser and the encoder.
export const VALUE_UINT16 = 0x01;
export const CONTACT_DETECTED = 0x02;
export const CONTACT_SUPPORTED = 0x04;
export const ENERGY_EXPENDED_PRESENT = 0x08;
export const RR_INTERVALS_PRESENT = 0x10;

/** RR intervals travel in 1/1024 s. */
export const RR_STEPS_PER_SECOND = 1024;
