// Some devices save a byte per sample by giving data messages a one-byte "compressed timestamp"
// header: the low 5 bits of the time, counted on from the last full timestamp in the file. The
// files are valid FIT, but Garmin's JS decoder stops at the first such header. So before decoding,
// the file is rewritten into the equivalent one any decoder reads: every such message becomes a
// normal data message carrying its full timestamp (field 253), behind a definition that has it.

import { CrcCalculator } from '@garmin/fitsdk';

const CRC_BYTES = 2;
const SMALLEST_HEADER = 12;
const HEADER_CRC_AT = 12;
const DATA_SIZE_AT = 4;

const COMPRESSED_HEADER = 0x80;
const DEFINITION_HEADER = 0x40;
const DEVELOPER_FIELDS = 0x20;
const LOCAL_TYPE = 0x0f;
const COMPRESSED_LOCAL_SHIFT = 5;
const COMPRESSED_LOCAL_TYPE = 0x03;
const TIME_OFFSET = 0x1f;

const TIMESTAMP_FIELD = 253;
const TIMESTAMP_SIZE = 4;
const UINT32 = 0x86;
const INVALID_UINT32 = 0xffff_ffff;
const MAX_FIELDS = 255;
/** FIT's global message number for "record", one sample of the activity. */
const RECORD_MESSAGE = 20;

/** Where the bytes stop making sense as FIT records. */
export type FitStructureProblem =
  | 'runs-past-end'
  | 'undefined-local-type'
  | 'no-reference-time'
  | 'too-many-fields'
  /** More record messages than the caller's limit: counted here because this walk is cheap and decoding is not. */
  | 'too-many-records';

export class FitStructureError extends Error {
  override name = 'FitStructureError';

  constructor(
    readonly problem: FitStructureProblem,
    /** Byte offset, from the start of the file, of the record that could not be walked. */
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

interface Definition {
  /** The definition record as the file has it, header byte included. */
  readonly bytes: Uint8Array;
  readonly littleEndian: boolean;
  /** Bytes of a data message after its header: fields, then developer fields. */
  readonly payloadSize: number;
  /** Where a 4-byte field 253 sits in the payload, or -1 when the message has none. */
  readonly timestampAt: number;
  /** Whether its messages are records (samples), the ones the record limit counts. */
  readonly isRecord: boolean;
}

/** A byte buffer that grows as records are appended. */
class ByteSink {
  bytes: Uint8Array;
  private view: DataView;
  length = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
    this.view = new DataView(this.bytes.buffer);
  }

  private room(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + more));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  append(source: Uint8Array, from = 0, to = source.length): void {
    this.room(to - from);
    this.bytes.set(source.subarray(from, to), this.length);
    this.length += to - from;
  }

  byte(value: number): void {
    this.room(1);
    this.bytes[this.length++] = value;
  }

  uint32(value: number, littleEndian: boolean): void {
    this.room(TIMESTAMP_SIZE);
    this.view.setUint32(this.length, value, littleEndian);
    this.length += TIMESTAMP_SIZE;
  }

  /** Overwrites 4 bytes already appended. */
  uint32At(position: number, value: number, littleEndian: boolean): void {
    this.view.setUint32(position, value, littleEndian);
  }
}

/** Field definitions are 3 bytes each: number, size, base type (or developer data index). */
function readDefinition(bytes: Uint8Array, at: number, dataEnd: number): Definition {
  const fieldsAt = at + 6;
  const pastEnd = (): never => {
    throw new FitStructureError('runs-past-end', at, `a definition at byte ${at} runs past the end of the data`);
  };
  if (fieldsAt > dataEnd) pastEnd();
  const fieldCount = bytes[at + 5]!;
  let end = fieldsAt + 3 * fieldCount;
  if (end > dataEnd) pastEnd();
  let payloadSize = 0;
  let timestampAt = -1;
  for (let field = fieldsAt; field < end; field += 3) {
    const size = bytes[field + 1]!;
    if (bytes[field] === TIMESTAMP_FIELD && size === TIMESTAMP_SIZE) timestampAt = payloadSize;
    payloadSize += size;
  }
  if (bytes[at]! & DEVELOPER_FIELDS) {
    if (end >= dataEnd) pastEnd();
    const developerFieldsAt = end + 1;
    end = developerFieldsAt + 3 * bytes[end]!;
    if (end > dataEnd) pastEnd();
    for (let field = developerFieldsAt; field < end; field += 3) payloadSize += bytes[field + 1]!;
  }
  const littleEndian = bytes[at + 2] === 0;
  const global = littleEndian ? bytes[at + 3]! | (bytes[at + 4]! << 8) : (bytes[at + 3]! << 8) | bytes[at + 4]!;
  return { bytes: bytes.subarray(at, end), littleEndian, payloadSize, timestampAt, isRecord: global === RECORD_MESSAGE };
}

/** The same definition with field 253 (uint32) put first, so the timestamp leads each payload. */
function withTimestampField(definition: Definition, at: number): Uint8Array {
  const original = definition.bytes;
  const fieldCount = original[5]!;
  if (fieldCount === MAX_FIELDS) {
    throw new FitStructureError(
      'too-many-fields',
      at,
      `a message at byte ${at} already has ${MAX_FIELDS} fields, so it has no room for its timestamp`,
    );
  }
  const stamped = new Uint8Array(original.length + 3);
  stamped.set(original.subarray(0, 5));
  stamped.set([fieldCount + 1, TIMESTAMP_FIELD, TIMESTAMP_SIZE, UINT32], 5);
  stamped.set(original.subarray(6), 9);
  return stamped;
}

/**
 * The FIT file in `bytes` with every compressed-timestamp data message rewritten as a normal one
 * with an explicit timestamp (seconds since the FIT epoch), and the data size and both CRCs made
 * to match. A file without such messages comes back as the very same array. Bytes after the
 * file's CRC (a chained file, padding) are kept as they are.
 * @throws FitStructureError where the records cannot be walked, or hold more than `recordLimit` records.
 */
export function expandCompressedTimestamps(bytes: Uint8Array, recordLimit = Number.POSITIVE_INFINITY): Uint8Array {
  const headerSize = bytes[0] ?? 0;
  if (bytes.length < SMALLEST_HEADER || headerSize < SMALLEST_HEADER || bytes.length < headerSize) {
    throw new FitStructureError('runs-past-end', 0, 'the file ends inside its header');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataEnd = headerSize + view.getUint32(DATA_SIZE_AT, true);
  if (dataEnd + CRC_BYTES > bytes.length) {
    throw new FitStructureError('runs-past-end', 0, 'the file is shorter than its header says');
  }

  const definitions: Array<Definition | undefined> = [];
  const stampedIn: Array<Uint8Array | undefined> = [];
  // Which local types the output currently defines with the added timestamp field.
  const stampedNow: boolean[] = [];
  // Made at the first compressed header; until then the output would equal the input.
  let sink: ByteSink | null = null;
  let time: number | null = null;
  let records = 0;
  const countRecord = (definition: Definition, at: number): void => {
    if (!definition.isRecord || ++records <= recordLimit) return;
    throw new FitStructureError(
      'too-many-records',
      at,
      `the file holds more than ${recordLimit.toLocaleString('en')} records (the one past the limit is at byte ${at})`,
    );
  };

  const definitionOf = (local: number, at: number): Definition => {
    const definition = definitions[local];
    if (definition === undefined) {
      throw new FitStructureError(
        'undefined-local-type',
        at,
        `a data message at byte ${at} uses local message type ${local}, which no definition before it describes`,
      );
    }
    return definition;
  };
  const endOf = (definition: Definition, at: number): number => {
    const end = at + 1 + definition.payloadSize;
    if (end > dataEnd) {
      throw new FitStructureError('runs-past-end', at, `a data message at byte ${at} runs past the end of the data`);
    }
    return end;
  };
  const defineInSink = (out: ByteSink, local: number, stamped: boolean, at: number): void => {
    if ((stampedNow[local] ?? false) === stamped) return;
    const definition = definitions[local]!;
    if (stamped) {
      stampedIn[local] ??= withTimestampField(definition, at);
      out.append(stampedIn[local]!);
    } else {
      out.append(definition.bytes);
    }
    stampedNow[local] = stamped;
  };

  let at = headerSize;
  while (at < dataEnd) {
    const header = bytes[at]!;
    if (header & COMPRESSED_HEADER) {
      const local = (header >> COMPRESSED_LOCAL_SHIFT) & COMPRESSED_LOCAL_TYPE;
      const definition = definitionOf(local, at);
      const end = endOf(definition, at);
      countRecord(definition, at);
      if (time === null) {
        throw new FitStructureError(
          'no-reference-time',
          at,
          `a compressed timestamp at byte ${at} comes before any full timestamp to count from`,
        );
      }
      // The offset is the low 5 bits of the new time; it is at most 31 s on from the last one.
      time = (time + (((header & TIME_OFFSET) - time) & TIME_OFFSET)) >>> 0;
      sink ??= sinkWithRecordsBefore(bytes, at);
      if (definition.timestampAt < 0) {
        defineInSink(sink, local, true, at);
        sink.byte(local);
        sink.uint32(time, definition.littleEndian);
        sink.append(bytes, at + 1, end);
      } else {
        // A timestamp field as well: one that holds a time wins, an empty one gets the header's.
        defineInSink(sink, local, false, at);
        const fieldAt = sink.length + 1 + definition.timestampAt;
        sink.byte(local);
        sink.append(bytes, at + 1, end);
        const own = view.getUint32(at + 1 + definition.timestampAt, definition.littleEndian);
        if (own === INVALID_UINT32) sink.uint32At(fieldAt, time, definition.littleEndian);
        else time = own;
      }
      at = end;
    } else if (header & DEFINITION_HEADER) {
      const definition = readDefinition(bytes, at, dataEnd);
      const local = header & LOCAL_TYPE;
      definitions[local] = definition;
      stampedIn[local] = undefined;
      stampedNow[local] = false;
      sink?.append(definition.bytes);
      at += definition.bytes.length;
    } else {
      const local = header & LOCAL_TYPE;
      const definition = definitionOf(local, at);
      const end = endOf(definition, at);
      countRecord(definition, at);
      if (definition.timestampAt >= 0) {
        const own = view.getUint32(at + 1 + definition.timestampAt, definition.littleEndian);
        if (own !== INVALID_UINT32) time = own;
      }
      if (sink) {
        defineInSink(sink, local, false, at);
        sink.append(bytes, at, end);
      }
      at = end;
    }
  }
  if (sink === null) return bytes;
  return finishedFile(sink, headerSize, bytes.subarray(dataEnd + CRC_BYTES));
}

/** A sink holding the header and the records before `at`, with room for the rest to grow by half. */
function sinkWithRecordsBefore(bytes: Uint8Array, at: number): ByteSink {
  const sink = new ByteSink(Math.ceil(bytes.length * 1.5) + 64);
  sink.append(bytes, 0, at);
  return sink;
}

/** Data size and header CRC brought up to date, then the file CRC and whatever followed the file. */
function finishedFile(sink: ByteSink, headerSize: number, after: Uint8Array): Uint8Array {
  const view = new DataView(sink.bytes.buffer);
  view.setUint32(DATA_SIZE_AT, sink.length - headerSize, true);
  if (headerSize >= HEADER_CRC_AT + CRC_BYTES) {
    view.setUint16(HEADER_CRC_AT, CrcCalculator.calculateCRC(sink.bytes, 0, HEADER_CRC_AT), true);
  }
  const fileCrc = CrcCalculator.calculateCRC(sink.bytes, 0, sink.length);
  const file = new Uint8Array(sink.length + CRC_BYTES + after.length);
  file.set(sink.bytes.subarray(0, sink.length));
  new DataView(file.buffer).setUint16(sink.length, fileCrc, true);
  file.set(after, sink.length + CRC_BYTES);
  return file;
}
