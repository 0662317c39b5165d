// An independent reading of the Cycling Power Measurement (0x2A63) layout, written from the spec's
// field table (flag bit, field, size in bytes, in transmission order) rather than from the parser:
// the tests use it to say how long a packet must be and which field a short one cuts.
export const CYCLING_POWER_FIELDS: readonly { bit: number | null; field: string; bytes: number }[] = [
  { bit: null, field: 'the flags', bytes: 2 },
  { bit: null, field: 'instantaneous power', bytes: 2 },
  { bit: 0, field: 'pedal power balance', bytes: 1 },
  { bit: 2, field: 'accumulated torque', bytes: 2 },
  { bit: 4, field: 'cumulative wheel revolutions', bytes: 4 },
  { bit: 4, field: 'last wheel event time', bytes: 2 },
  { bit: 5, field: 'cumulative crank revolutions', bytes: 2 },
  { bit: 5, field: 'last crank event time', bytes: 2 },
  { bit: 6, field: 'maximum force magnitude', bytes: 2 },
  { bit: 6, field: 'minimum force magnitude', bytes: 2 },
  { bit: 7, field: 'maximum torque magnitude', bytes: 2 },
  { bit: 7, field: 'minimum torque magnitude', bytes: 2 },
  { bit: 8, field: 'extreme angles', bytes: 3 },
  { bit: 9, field: 'top dead spot angle', bytes: 2 },
  { bit: 10, field: 'bottom dead spot angle', bytes: 2 },
  { bit: 11, field: 'accumulated energy', bytes: 2 },
];

/** The fields a flags value announces, each with the packet length it needs. */
export function announcedFields(flags: number): { field: string; end: number }[] {
  let end = 0;
  return CYCLING_POWER_FIELDS.filter(({ bit }) => bit === null || (flags & (1 << bit)) !== 0).map(({ field, bytes }) => ({ field, end: (end += bytes) }));
}

/** Null when `length` bytes hold every field `flags` announces, else the message the parser must give. */
export function expectedShortMessage(flags: number, length: number): string | null {
  const missing = announcedFields(flags).find(({ end }) => end > length);
  return missing ? `Cycling power measurement too short: ${length} bytes, ${missing.field} needs ${missing.end}` : null;
}
