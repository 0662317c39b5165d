// How a FIT file announces itself, kept apart from the decoder so sniffing a file does not load
// Garmin's SDK (most of which is its profile tables).

const FIT_SIGNATURE = [0x2e, 0x46, 0x49, 0x54]; // ".FIT"

/** Header size 12 or 14 in byte 0 and ".FIT" at bytes 8-11. */
export function hasFitHeader(bytes: Uint8Array): boolean {
  if (bytes[0] !== 12 && bytes[0] !== 14) return false;
  // A file cut short inside its header still counts, so the reader can say it is truncated.
  return bytes.subarray(8, 12).every((byte, i) => byte === FIT_SIGNATURE[i]);
}
