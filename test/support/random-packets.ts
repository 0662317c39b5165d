// Random bytes for the footpod's measurement characteristic, from a seeded generator so a packet
// that breaks something can be found again. Used by the random-bytes test and its bench.
import { DISTANCE_PRESENT, STRIDE_PRESENT } from '../../src/ble/rsc-flags.js';
import { mulberry32 } from '../../src/sources/run-profile.js';

/** mulberry32 (the simulator's): small, fast and good enough to pick bytes. */
export const seededRandom = mulberry32;

/** Any length from 0 to 24 bytes, any values: some read as a measurement, most lengths do not. */
export function randomPacket(random: () => number): Uint8Array {
  const bytes = new Uint8Array(Math.floor(random() * 25));
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

/**
 * Random bytes that can never be a measurement: shorter than the fields their own flags announce
 * (RSC: flags, speed, cadence, then stride and distance when flagged).
 */
export function truncatedPacket(random: () => number): Uint8Array {
  const flags = Math.floor(random() * 256);
  const needed = 4 + (flags & STRIDE_PRESENT ? 2 : 0) + (flags & DISTANCE_PRESENT ? 4 : 0);
  const bytes = new Uint8Array(Math.floor(random() * needed));
  for (let i = 0; i < bytes.length; i++) bytes[i] = i === 0 ? flags : Math.floor(random() * 256);
  return bytes;
}
