// An independent reading of Heart Rate Measurement (0x2A37), written from the spec for the tests:
// it shares no code with src/ble/heart-rate*.ts, so a mistake there shows up as a disagreement.
import type { HeartRateMeasurement } from '../../src/ble/heart-rate.js';

const u16 = (bytes: ArrayLike<number>, at: number): number => bytes[at]! + bytes[at + 1]! * 256;

/** What parsing these bytes must give: the measurement, or the exact HeartRateParseError message. */
export function expectedHeartRate(bytes: ArrayLike<number>): HeartRateMeasurement | string {
  const short = (field: string, needs: number): string => `Heart rate measurement too short: ${bytes.length} bytes, ${field} needs ${needs}`;
  if (bytes.length < 1) return short('the flags byte', 1);
  const flags = bytes[0]!;
  const wide = (flags & 0b1) !== 0;
  const energy = (flags & 0b1000) !== 0;
  const rr = (flags & 0b10000) !== 0;
  const heartRateEnd = wide ? 3 : 2;
  if (bytes.length < heartRateEnd) return short('heart rate', heartRateEnd);
  const energyEnd = heartRateEnd + (energy ? 2 : 0);
  if (bytes.length < energyEnd) return short('energy expended', energyEnd);
  // A last odd byte is half an interval: no interval, and no reason to lose the heart rate.
  const intervals: number[] = [];
  for (let at = energyEnd; rr && at + 1 < bytes.length; at += 2) intervals.push(u16(bytes, at) / 1024);
  // Bit 2 says whether contact is reported at all; only then does bit 1 mean anything.
  const contact = (flags >> 1) & 0b11;
  return {
    heartRateBpm: wide ? u16(bytes, 1) : bytes[1]!,
    sensorContact: contact === 0b11 ? 'detected' : contact === 0b10 ? 'not-detected' : 'not-supported',
    energyExpendedKj: energy ? u16(bytes, heartRateEnd) : null,
    rrIntervalsS: rr ? intervals : null,
  };
}

/** A packet for these flags with `rrCount` intervals, its values varying with the flags and the count. */
export function heartRatePacket(flags: number, rrCount: number): number[] {
  const bytes = [flags, 60 + (flags % 120)];
  if (flags & 1) bytes.push(flags & 0x20 ? 0x01 : 0x00);
  if (flags & 0b1000) bytes.push(flags, 0x80 | rrCount);
  for (let i = 0; i < rrCount; i++) bytes.push((flags * 7 + i * 31) & 0xff, (0x03 + i + flags) & 0xff);
  return bytes;
}
