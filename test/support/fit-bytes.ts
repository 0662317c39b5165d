// FIT files written byte by byte, for the records Garmin's encoder never writes (compressed
// timestamp headers, big-endian messages, odd local types). A value is an unsigned integer of the
// field's size, in the definition's byte order, or the field's bytes as they are (strings); the
// CRCs are Garmin's.

import { CrcCalculator } from '@garmin/fitsdk';

export interface FieldSpec {
  num: number;
  size: number;
  baseType: number;
}

export interface DeveloperFieldSpec {
  num: number;
  size: number;
  developerDataIndex: number;
}

export interface MessageSpec {
  local: number;
  global: number;
  fields: FieldSpec[];
  developerFields?: DeveloperFieldSpec[];
  bigEndian?: boolean;
}

/** Base types with the endian bit where it applies, as a definition writes them. */
export const BASE = { enum: 0x00, uint8: 0x02, uint16: 0x84, uint32: 0x86, string: 0x07 } as const;

/** FIT's epoch, 1989-12-31T00:00:00Z, in Unix ms. */
export const FIT_EPOCH_MS = 631_065_600_000;

/** An unsigned integer, or a field's raw bytes. */
export type FieldValue = number | readonly number[];

/** A string field of `size` bytes: the text, then zeros. */
export const text = (value: string, size: number): number[] =>
  Array.from({ length: size }, (_, i) => (i < value.length ? value.charCodeAt(i) : 0));

export class FitBytes {
  private readonly records: number[] = [];

  /** A definition message (header bit 6; bit 5 when it lists developer fields). */
  define(spec: MessageSpec): this {
    const developer = spec.developerFields;
    this.records.push(0x40 | (developer ? 0x20 : 0) | spec.local, 0, spec.bigEndian ? 1 : 0);
    this.records.push(...this.uint(spec.global, 2, spec.bigEndian));
    this.records.push(spec.fields.length, ...spec.fields.flatMap((f) => [f.num, f.size, f.baseType]));
    if (developer) {
      this.records.push(developer.length, ...developer.flatMap((f) => [f.num, f.size, f.developerDataIndex]));
    }
    return this;
  }

  /** A data message with a normal header. */
  data(spec: MessageSpec, values: readonly FieldValue[], developerBytes: readonly number[] = []): this {
    this.records.push(spec.local, ...this.payload(spec, values, developerBytes));
    return this;
  }

  /** A data message with a compressed timestamp header: local type 0-3, time offset 0-31. */
  compressed(spec: MessageSpec, offset: number, values: readonly FieldValue[], developerBytes: readonly number[] = []): this {
    this.records.push(0x80 | (spec.local << 5) | (offset & 0x1f), ...this.payload(spec, values, developerBytes));
    return this;
  }

  /** Raw record bytes, for records that are wrong on purpose. */
  raw(bytes: readonly number[]): this {
    this.records.push(...bytes);
    return this;
  }

  /** Header (12 or 14 bytes, with its CRC), records, file CRC. */
  file(headerSize: 12 | 14 = 14): Uint8Array {
    const bytes = new Uint8Array(headerSize + this.records.length + 2);
    const view = new DataView(bytes.buffer);
    bytes.set([headerSize, 0x20], 0);
    view.setUint16(2, 21_217, true);
    view.setUint32(4, this.records.length, true);
    bytes.set([0x2e, 0x46, 0x49, 0x54], 8);
    if (headerSize === 14) view.setUint16(12, CrcCalculator.calculateCRC(bytes, 0, 12), true);
    bytes.set(this.records, headerSize);
    view.setUint16(headerSize + this.records.length, CrcCalculator.calculateCRC(bytes, 0, headerSize + this.records.length), true);
    return bytes;
  }

  private payload(spec: MessageSpec, values: readonly FieldValue[], developerBytes: readonly number[]): number[] {
    if (values.length !== spec.fields.length) throw new Error(`${values.length} values for ${spec.fields.length} fields`);
    const developerSize = (spec.developerFields ?? []).reduce((sum, f) => sum + f.size, 0);
    if (developerBytes.length !== developerSize) throw new Error(`${developerBytes.length} developer bytes for ${developerSize}`);
    const fieldBytes = spec.fields.flatMap((f, i) => {
      const value = values[i]!;
      if (typeof value === 'number') return this.uint(value, f.size, spec.bigEndian);
      if (value.length !== f.size) throw new Error(`${value.length} bytes for field ${f.num} of ${f.size}`);
      return [...value];
    });
    return [...fieldBytes, ...developerBytes];
  }

  private uint(value: number, size: number, bigEndian = false): number[] {
    const bytes = Array.from({ length: size }, (_, i) => Math.floor(value / 2 ** (8 * i)) % 256);
    return bigEndian ? bytes.reverse() : bytes;
  }
}

/** Seconds since FIT's epoch of a Unix ms time. */
export const fitSeconds = (ms: number): number => Math.round((ms - FIT_EPOCH_MS) / 1000);
