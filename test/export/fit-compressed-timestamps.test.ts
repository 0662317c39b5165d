import { expect } from '@open-wc/testing';
import { CrcCalculator, Decoder, type FitMessages, Stream } from '@garmin/fitsdk';
import {
  FitStructureError,
  type FitStructureProblem,
  expandCompressedTimestamps,
} from '../../src/export/fit-compressed-timestamps.js';
import { encodeFit } from '../../src/export/fit.js';
import { BASE, FIT_EPOCH_MS, FitBytes, type FieldSpec, type MessageSpec, text } from '../support/fit-bytes.js';
import { fixtureSession } from './session-fixture.js';

// 1_000_000_000 is a multiple of 32, so T0's low 5 bits are 28 and T0 + 4 rolls them over.
const T0 = 1_000_000_028;
const dateOf = (fitSeconds: number): Date => new Date(FIT_EPOCH_MS + fitSeconds * 1000);

const fileIdSpec: MessageSpec = {
  local: 0,
  global: 0,
  fields: [
    { num: 0, size: 1, baseType: BASE.enum }, // type
    { num: 1, size: 2, baseType: BASE.uint16 }, // manufacturer
    { num: 4, size: 4, baseType: BASE.uint32 }, // time_created: a time, but not field 253
  ],
};
const TIMESTAMP: FieldSpec = { num: 253, size: 4, baseType: BASE.uint32 };
const HEART_RATE: FieldSpec = { num: 3, size: 1, baseType: BASE.uint8 };
const ACTIVITY = 4;
const DEVELOPMENT = 255;

function decoded(bytes: Uint8Array): { messages: FitMessages; errors: unknown[]; whole: boolean } {
  const decoder = new Decoder(Stream.fromByteArray(bytes));
  const whole = decoder.checkIntegrity();
  const { messages, errors } = decoder.read({ mergeHeartRates: false });
  return { messages, errors, whole };
}

function structureProblem(bytes: Uint8Array): FitStructureError {
  try {
    expandCompressedTimestamps(bytes);
  } catch (error) {
    expect(error).to.be.instanceOf(FitStructureError);
    return error as FitStructureError;
  }
  throw new Error('expandCompressedTimestamps walked the file');
}

function expectStructureProblem(bytes: Uint8Array, problem: FitStructureProblem, offset?: number): void {
  const error = structureProblem(bytes);
  expect(error.problem).to.equal(problem);
  if (offset !== undefined) expect(error.offset).to.equal(offset);
}

interface Sample {
  time: number | null; // FIT seconds; null for the one record written without any time
  distance: number; // cm
  speed: number; // mm/s
  cadence: number; // rpm
  ratio: number; // a developer field
}

/**
 * A run like one from a device that saves bytes: full timestamps now and then, compressed headers
 * in between (crossing 5-bit rollovers, steps of 1, 3 and 31 s), a stop event, a 100 s gap, one
 * normal message on the compressed local type, the compressed local type defined again,
 * developer fields on the compressed records.
 */
function compressedRun(options: { bigEndian?: boolean; headerSize?: 12 | 14 } = {}): { bytes: Uint8Array; samples: Sample[] } {
  const bigEndian = options.bigEndian ?? false;
  const full: MessageSpec = {
    local: 1,
    global: 20,
    bigEndian,
    fields: [
      TIMESTAMP,
      { num: 5, size: 4, baseType: BASE.uint32 }, // distance, cm
      { num: 6, size: 2, baseType: BASE.uint16 }, // speed, mm/s
      { num: 4, size: 1, baseType: BASE.uint8 }, // cadence, strides a minute
    ],
  };
  const compact: MessageSpec = {
    local: 2,
    global: 20,
    bigEndian,
    fields: full.fields.slice(1),
    developerFields: [{ num: 0, size: 1, developerDataIndex: 0 }],
  };
  const event: MessageSpec = {
    local: 3,
    global: 21,
    bigEndian,
    fields: [
      TIMESTAMP,
      { num: 0, size: 1, baseType: BASE.enum }, // event: timer
      { num: 1, size: 1, baseType: BASE.enum }, // event_type: stop_all
    ],
  };
  const developerId: MessageSpec = { local: 4, global: 207, fields: [{ num: 3, size: 1, baseType: BASE.uint8 }] };
  const fieldDescription: MessageSpec = {
    local: 5,
    global: 206,
    fields: [
      { num: 0, size: 1, baseType: BASE.uint8 },
      { num: 1, size: 1, baseType: BASE.uint8 },
      { num: 2, size: 1, baseType: BASE.uint8 },
      { num: 3, size: 6, baseType: BASE.string },
    ],
  };

  const fit = new FitBytes()
    .define(fileIdSpec)
    .data(fileIdSpec, [ACTIVITY, DEVELOPMENT, T0])
    .define(developerId)
    .data(developerId, [0])
    .define(fieldDescription)
    .data(fieldDescription, [0, 0, 2, text('ratio', 6)])
    .define(full)
    .define(compact)
    .define(event);
  const samples: Sample[] = [];
  let n = 0;
  const sampleAt = (time: number | null): Sample => {
    n += 1;
    const sample = { time, distance: 280 * n, speed: 2800 + n, cadence: 80 + (n % 7), ratio: 100 + n };
    samples.push(sample);
    return sample;
  };
  const fullRecord = (time: number) => {
    const s = sampleAt(time);
    fit.data(full, [time, s.distance, s.speed, s.cadence]);
  };
  const compressedRecord = (time: number) => {
    const s = sampleAt(time);
    fit.compressed(compact, time, [s.distance, s.speed, s.cadence], [s.ratio]);
  };

  fullRecord(T0);
  for (const step of [1, 2, 3, 4, 5, 8, 39]) compressedRecord(T0 + step);
  fit.data(event, [T0 + 40, 0, 4]);
  compressedRecord(T0 + 41); // counts on from the event's full timestamp
  fullRecord(T0 + 141); // 100 s later: too far for an offset, so a full timestamp
  for (const step of [1, 2, 3, 33]) compressedRecord(T0 + 141 + step);
  // The compressed records' local type in a normal message: it has no time of its own.
  const untimed = sampleAt(null);
  fit.data(compact, [untimed.distance, untimed.speed, untimed.cadence], [untimed.ratio]);
  compressedRecord(T0 + 200);
  // Defined again, as devices do now and then: the next compressed message needs its own timestamp field again.
  fit.define(compact);
  compressedRecord(T0 + 201);
  return { bytes: fit.file(options.headerSize ?? 14), samples };
}

describe('expandCompressedTimestamps writes compressed timestamps out in full', () => {
  for (const options of [{}, { bigEndian: true }, { headerSize: 12 as const }]) {
    it(`every record keeps its fields and gets its exact time (${JSON.stringify(options)})`, () => {
      const { bytes, samples } = compressedRun(options);
      expect(decoded(bytes).errors, 'the SDK refuses the original').to.have.length(1);

      const expanded = expandCompressedTimestamps(bytes);
      const { messages, errors, whole } = decoded(expanded);
      expect(errors).to.deep.equal([]);
      expect(whole).to.equal(true);
      expect(expanded.length).to.equal(bytes[0]! + new DataView(expanded.buffer).getUint32(4, true) + 2);

      const records = messages.recordMesgs ?? [];
      expect(records.map((r) => r.timestamp ?? null)).to.deep.equal(samples.map((s) => (s.time === null ? null : dateOf(s.time))));
      expect(records.map((r) => r.distance)).to.deep.equal(samples.map((s) => s.distance / 100));
      expect(records.map((r) => r.speed)).to.deep.equal(samples.map((s) => s.speed / 1000));
      expect(records.map((r) => r.cadence)).to.deep.equal(samples.map((s) => s.cadence));
      const compressedOnes = samples.map((s, i) => ({ s, r: records[i]! })).filter(({ r }) => r.developerFields);
      expect(compressedOnes.map(({ r }) => r.developerFields)).to.deep.equal(compressedOnes.map(({ s }) => ({ 0: s.ratio })));
      expect(compressedOnes).to.have.length(samples.length - 2);

      expect(messages.fileIdMesgs?.[0]?.timeCreated).to.deep.equal(dateOf(T0));
      expect(messages.eventMesgs?.map((e) => [e.timestamp, e.event, e.eventType])).to.deep.equal([
        [dateOf(T0 + 40), 'timer', 'stopAll'],
      ]);
      expect(messages.fieldDescriptionMesgs?.[0]?.fieldName).to.equal('ratio');
    });
  }

  it('a tiny file comes out byte for byte as expected', () => {
    const hr = (local: number): MessageSpec => ({ local, global: 20, fields: [HEART_RATE] });
    const stamped: MessageSpec = { local: 0, global: 20, fields: [TIMESTAMP, HEART_RATE] };
    const input = new FitBytes()
      .define(stamped)
      .data(stamped, [T0, 140])
      .define(hr(1))
      .compressed(hr(1), T0 + 3, [141])
      .file(12);

    const records = [
      [0x40, 0, 0, 20, 0, 2, 253, 4, 0x86, 3, 1, 2], // definition 0: timestamp, heart rate
      [0x00, 0x1c, 0xca, 0x9a, 0x3b, 140], // T0 = 0x3b9aca1c
      [0x41, 0, 0, 20, 0, 1, 3, 1, 2], // definition 1 as it was: heart rate only
      [0x41, 0, 0, 20, 0, 2, 253, 4, 0x86, 3, 1, 2], // and again, with the timestamp put first
      [0x01, 0x1f, 0xca, 0x9a, 0x3b, 141], // T0 + 3, with a normal header
    ].flat();
    const header = [12, 0x20, 0xe1, 0x52, records.length, 0, 0, 0, 0x2e, 0x46, 0x49, 0x54];
    const body = new Uint8Array([...header, ...records]);
    const crc = CrcCalculator.calculateCRC(body, 0, body.length);
    const expected = new Uint8Array([...body, crc & 0xff, crc >> 8]);

    // The input as written: 29 bytes of records, ending in the compressed header (local 1, offset 31).
    expect(Array.from(input.subarray(0, 12))).to.deep.equal([12, 0x20, 0xe1, 0x52, 29, 0, 0, 0, 0x2e, 0x46, 0x49, 0x54]);
    expect(Array.from(input.subarray(12 + 27, 12 + 29))).to.deep.equal([0xbf, 141]);
    expect(Array.from(expandCompressedTimestamps(input))).to.deep.equal(Array.from(expected));
  });

  it('a file without compressed headers comes back as the same array', () => {
    const ours = encodeFit(fixtureSession());
    expect(expandCompressedTimestamps(ours)).to.equal(ours);
    const bigEndian: MessageSpec = { local: 9, global: 20, bigEndian: true, fields: [TIMESTAMP] };
    const handMade = new FitBytes().define(bigEndian).data(bigEndian, [T0]).data(bigEndian, [T0 + 1]).file();
    const copy = handMade.slice();
    expect(expandCompressedTimestamps(handMade)).to.equal(handMade);
    expect(handMade).to.deep.equal(copy);
  });

  it('keeps what follows the file (a chained file) as it was', () => {
    const { bytes } = compressedRun();
    const chained = new FitBytes().define(fileIdSpec).data(fileIdSpec, [ACTIVITY, DEVELOPMENT, T0]).file();
    const both = new Uint8Array([...bytes, ...chained]);
    const expanded = expandCompressedTimestamps(both);
    expect(Array.from(expanded.subarray(expanded.length - chained.length))).to.deep.equal(Array.from(chained));
    expect(decoded(expanded).errors).to.deep.equal([]);
    expect(decoded(expanded).messages.fileIdMesgs).to.have.length(2);
  });

  it('a compressed message that has a timestamp field too: a time in it wins, an empty one gets the header time', () => {
    const both: MessageSpec = { local: 0, global: 20, fields: [HEART_RATE, TIMESTAMP] };
    const bytes = new FitBytes()
      .define(both)
      .data(both, [140, T0])
      .compressed(both, T0 + 2, [141, 0xffff_ffff])
      .compressed(both, T0 + 3, [142, T0 + 50]) // its own time, then counted on from it
      .compressed(both, T0 + 52, [143, 0xffff_ffff])
      .file();
    const { messages, errors } = decoded(expandCompressedTimestamps(bytes));
    expect(errors).to.deep.equal([]);
    expect(messages.recordMesgs?.map((r) => [r.heartRate, r.timestamp])).to.deep.equal([
      [140, dateOf(T0)],
      [141, dateOf(T0 + 2)],
      [142, dateOf(T0 + 50)],
      [143, dateOf(T0 + 52)],
    ]);
  });

  it('matches a straightforward count of the times over a long random run', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) / 65536;
    const timed: MessageSpec = { local: 1, global: 20, fields: [TIMESTAMP, HEART_RATE] };
    const compact: MessageSpec = { local: 3, global: 20, fields: [HEART_RATE] };
    const fit = new FitBytes().define(timed).define(compact);
    const times: number[] = [];
    let time = T0;
    fit.data(timed, [time, 0]);
    times.push(time);
    for (let i = 1; i < 3000; i++) {
      const full = random() < 0.02;
      time += full ? 32 + Math.floor(random() * 600) : Math.floor(random() * 32);
      if (full) fit.data(timed, [time, i % 200]);
      else fit.compressed(compact, time, [i % 200]);
      times.push(time);
    }
    const { messages, errors } = decoded(expandCompressedTimestamps(fit.file()));
    expect(errors).to.deep.equal([]);
    expect(messages.recordMesgs?.map((r) => r.timestamp)).to.deep.equal(times.map(dateOf));
    expect(messages.recordMesgs?.map((r) => r.heartRate)).to.deep.equal(times.map((_, i) => i % 200));
  });

  it('expands a 3-hour 1 Hz run in well under 50 ms', () => {
    const { bytes } = longRun(3 * 3600);
    let best = Infinity;
    let expanded = bytes;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      expanded = expandCompressedTimestamps(bytes);
      best = Math.min(best, performance.now() - start);
    }
    expect(best).to.be.below(50);
    expect(decoded(expanded).messages.recordMesgs).to.have.length(3 * 3600 + 1);
  });
});

/** One full record, then compressed ones a second apart, like a device recording every second. */
function longRun(seconds: number): { bytes: Uint8Array } {
  const full: MessageSpec = { local: 0, global: 20, fields: [TIMESTAMP, { num: 5, size: 4, baseType: BASE.uint32 }] };
  const compact: MessageSpec = {
    local: 1,
    global: 20,
    fields: [
      { num: 5, size: 4, baseType: BASE.uint32 },
      { num: 6, size: 2, baseType: BASE.uint16 },
      { num: 4, size: 1, baseType: BASE.uint8 },
    ],
  };
  const fit = new FitBytes().define(fileIdSpec).data(fileIdSpec, [ACTIVITY, DEVELOPMENT, T0]).define(full).define(compact);
  fit.data(full, [T0, 0]);
  for (let t = 1; t <= seconds; t++) fit.compressed(compact, T0 + t, [280 * t, 2800, 85]);
  return { bytes: fit.file() };
}

describe('expandCompressedTimestamps refuses what it cannot walk, with a typed error', () => {
  const hr: MessageSpec = { local: 0, global: 20, fields: [TIMESTAMP, HEART_RATE] };
  const compact: MessageSpec = { local: 1, global: 20, fields: [HEART_RATE] };
  const started = () => new FitBytes().define(hr).data(hr, [T0, 140]).define(compact);
  const firstRecordAt = 14 + 12 + 6 + 9;

  it('a compressed header for a local type no definition describes', () => {
    const bytes = started().compressed({ ...compact, local: 3 }, T0 + 1, [141]).file();
    expectStructureProblem(bytes, 'undefined-local-type', firstRecordAt);
  });

  it('a normal data message for a local type no definition describes', () => {
    expectStructureProblem(started().data({ ...compact, local: 7 }, [141]).file(), 'undefined-local-type', firstRecordAt);
  });

  it('a compressed header before any full timestamp', () => {
    expectStructureProblem(new FitBytes().define(compact).compressed(compact, 3, [141]).file(), 'no-reference-time', 14 + 9);
  });

  it('data that ends inside a record or a definition', () => {
    expectStructureProblem(started().raw([0x80 | (1 << 5) | 1]).file(), 'runs-past-end', firstRecordAt);
    expectStructureProblem(started().raw([0x42, 0, 0, 20, 0, 2, 253, 4]).file(), 'runs-past-end', firstRecordAt);
    expectStructureProblem(started().raw([0x62, 0, 0, 20, 0, 0]).file(), 'runs-past-end', firstRecordAt);
  });

  it('more records than the limit, full or compressed, counting records only', () => {
    const other: MessageSpec = { local: 2, global: 78, fields: [TIMESTAMP, HEART_RATE] }; // hrv, not a record
    const three = started().compressed(compact, T0 + 1, [141]).data(hr, [T0 + 2, 142]).define(other);
    for (let i = 0; i < 5; i++) three.data(other, [T0 + 3, 60]);
    const bytes = three.file();
    expect(() => expandCompressedTimestamps(bytes, 3)).not.to.throw();
    const error = (() => {
      try {
        expandCompressedTimestamps(bytes, 2);
      } catch (thrown) {
        return thrown as FitStructureError;
      }
      throw new Error('walked a file over its record limit');
    })();
    expect(error.problem).to.equal('too-many-records');
    expect(error.offset).to.equal(firstRecordAt + 2); // the full record after the compressed one
    expect(error.message).to.match(/more than 2 records/);
  });

  it('a file shorter than its header says', () => {
    const { bytes } = compressedRun();
    for (const keep of [0, 5, 13, bytes.length >> 1, bytes.length - 1]) {
      expectStructureProblem(bytes.slice(0, keep), 'runs-past-end', 0);
    }
  });

  it('cut anywhere or filled with noise, it either walks or throws its own error, never reading past the end', () => {
    const { bytes } = compressedRun();
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    const headerSize = bytes[0]!;
    const dataSize = new DataView(bytes.buffer).getUint32(4, true);
    const variants: Uint8Array[] = [];
    for (let size = 0; size < dataSize; size++) variants.push(withData(bytes.subarray(headerSize, headerSize + size)));
    for (let i = 0; i < 200; i++) variants.push(withData(new Uint8Array(64).map(random)));
    let walked = 0;
    for (const variant of variants) {
      try {
        expandCompressedTimestamps(variant);
        walked += 1;
      } catch (error) {
        if (!(error instanceof FitStructureError)) throw error;
      }
    }
    expect(walked).to.be.above(0);
    expect(walked).to.be.below(variants.length);
  });
});

/** A whole, checksum-correct FIT file (14-byte header) around any record bytes. */
function withData(records: Uint8Array): Uint8Array {
  return new FitBytes().raw(Array.from(records)).file();
}
