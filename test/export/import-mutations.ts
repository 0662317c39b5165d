// Damaged FIT and TCX files for the import fuzz (test/export/import-fuzz.test.ts runs a few
// hundred, `npm run bench -- import-fuzz` ten thousand). Seeds are valid files from the app's own
// writers and from the test watch; each case is one seed put through one mutation, drawn from a
// seeded generator, so case n is the same bytes on every run and a failure names its case.
//
//   const cases = importMutations(seedFiles(), 0x5eed);
//   const { name, bytes } = cases.next().value;  // "fit/watch-smart · flip-fixed-crc(3 bits)"

import { CrcCalculator } from '@garmin/fitsdk';
import { encodeFit } from '../../src/export/fit.js';
import { encodeTcx } from '../../src/export/tcx.js';
import { watchActivity } from '../support/watch-files.js';
import { fixtureSession, tinySession } from './session-fixture.js';
import { mulberry32 } from '../../src/sources/run-profile.js';

export interface SeedFile {
  name: string;
  kind: 'fit' | 'tcx';
  bytes: Uint8Array;
}

export interface MutatedFile {
  /** Which case, seed and mutation: enough to make the same bytes again. */
  name: string;
  bytes: Uint8Array;
}

const encoder = new TextEncoder();

/** Valid files: what Stridewise exports, and what a watch and Garmin Connect write. */
export function seedFiles(): SeedFile[] {
  const tiny = tinySession(
    [0, 1, 2, 3, 4, 5].map((t) => ({ t, speedMps: 3, cadence: 170, strideLengthM: 1.05, running: true })),
    { name: 'Tempo', deviceName: 'Stryd' },
  );
  const fixture = fixtureSession();
  const watch = watchActivity({ durationS: 240, sampling: 'smart', pauses: [{ atS: 120, lengthS: 20 }], seed: 7 });
  const watchEverySecond = watchActivity({ durationS: 90, sampling: 'every-second', seed: 11 });
  return [
    { name: 'fit/stridewise-tiny', kind: 'fit', bytes: encodeFit(tiny) },
    { name: 'fit/stridewise-laps-gaps', kind: 'fit', bytes: encodeFit(fixture) },
    { name: 'fit/watch-smart', kind: 'fit', bytes: watch.fit },
    { name: 'fit/watch-every-second', kind: 'fit', bytes: watchEverySecond.fit },
    { name: 'tcx/stridewise-tiny', kind: 'tcx', bytes: encoder.encode(encodeTcx(tiny)) },
    { name: 'tcx/stridewise-laps-gaps', kind: 'tcx', bytes: encoder.encode(encodeTcx(fixture)) },
    { name: 'tcx/watch-smart', kind: 'tcx', bytes: encoder.encode(watch.tcx) },
  ];
}

/** Mulberry32 (the simulator's): small, fast, and the same sequence everywhere. */
const prng = mulberry32;

type Random = () => number;
const below = (random: Random, n: number): number => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[below(random, items.length)]!;

/** The FIT file's header and file checksums written again, so a change inside gets past them to the decoder. */
export function withFitChecksums(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const headerSize = out[0]!;
  if (out.length < headerSize + 2 || (headerSize !== 12 && headerSize !== 14)) return out;
  const view = new DataView(out.buffer);
  view.setUint32(4, out.length - headerSize - 2, true);
  if (headerSize === 14) view.setUint16(12, CrcCalculator.calculateCRC(out, 0, 12), true);
  view.setUint16(out.length - 2, CrcCalculator.calculateCRC(out, 0, out.length - 2), true);
  return out;
}

function flipBits(random: Random, bytes: Uint8Array, from = 0): { bytes: Uint8Array; detail: string } {
  const out = bytes.slice();
  const bits = 1 + below(random, 8);
  for (let i = 0; i < bits; i++) {
    const at = from + below(random, Math.max(1, out.length - from));
    out[at] = out[at]! ^ (1 << below(random, 8));
  }
  return { bytes: out, detail: `${bits} bits` };
}

/** Header and message-header positions of a FIT file, walked as far as its definitions make sense. */
function fitRecordStarts(bytes: Uint8Array): number[] {
  const starts: number[] = [];
  const sizes = new Map<number, number>();
  let at = bytes[0]!;
  const end = bytes.length - 2;
  while (at < end) {
    const header = bytes[at]!;
    starts.push(at);
    if (header & 0x80) {
      const size = sizes.get((header >> 5) & 0x03);
      if (size === undefined) break;
      at += 1 + size;
    } else if (header & 0x40) {
      const fields = bytes[at + 5] ?? 0;
      let size = 0;
      for (let f = 0; f < fields; f++) size += bytes[at + 6 + f * 3 + 1] ?? 0;
      let next = at + 6 + fields * 3;
      if (header & 0x20) {
        const developer = bytes[next] ?? 0;
        for (let f = 0; f < developer; f++) size += bytes[next + 1 + f * 3 + 1] ?? 0;
        next += 1 + developer * 3;
      }
      sizes.set(header & 0x0f, size);
      at = next;
    } else {
      const size = sizes.get(header & 0x0f);
      if (size === undefined) break;
      at += 1 + size;
    }
  }
  return starts;
}

const fitMutations: Record<string, (random: Random, bytes: Uint8Array) => { bytes: Uint8Array; detail: string }> = {
  truncate(random, bytes) {
    const keep = below(random, bytes.length);
    return { bytes: bytes.subarray(0, keep), detail: `${keep} of ${bytes.length} bytes` };
  },
  'truncate-fixed-crc'(random, bytes) {
    const keep = bytes[0]! + below(random, bytes.length - bytes[0]!);
    return { bytes: withFitChecksums(Uint8Array.from([...bytes.subarray(0, keep), 0, 0])), detail: `${keep} bytes` };
  },
  'flip-wrong-crc': (random, bytes) => flipBits(random, bytes),
  'flip-fixed-crc'(random, bytes) {
    const flipped = flipBits(random, bytes.subarray(0, bytes.length - 2), bytes[0]);
    return { bytes: withFitChecksums(Uint8Array.from([...flipped.bytes, 0, 0])), detail: flipped.detail };
  },
  'wrong-crc'(random, bytes) {
    const out = bytes.slice();
    out[out.length - 1 - below(random, 2)]! ^= 1 + below(random, 255);
    return { bytes: out, detail: 'file checksum' };
  },
  'huge-data-size'(random, bytes) {
    const out = bytes.slice();
    const size = pick(random, [0xffff_ffff, 0x7fff_ffff, 0x1000_0000, out.length * 2]);
    new DataView(out.buffer).setUint32(4, size, true);
    return { bytes: out, detail: `data size ${size}` };
  },
  'huge-field-count'(random, bytes) {
    // A definition claiming 255 fields or 255-byte fields: the reader must not run past the end.
    const out = bytes.slice(0, bytes.length - 2);
    const definitions = fitRecordStarts(out).filter((at) => (out[at]! & 0xc0) === 0x40);
    if (definitions.length === 0) return { bytes, detail: 'no definition' };
    const at = pick(random, definitions);
    const fields = out[at + 5]!;
    if (random() < 0.5 || fields === 0) out[at + 5] = 255;
    else out[at + 6 + below(random, fields) * 3 + 1] = 255;
    return { bytes: withFitChecksums(Uint8Array.from([...out, 0, 0])), detail: `definition at ${at}` };
  },
  'repeat-records'(random, bytes) {
    // The same stretch of messages many times over: a huge record count within the size limit.
    const body = bytes.subarray(0, bytes.length - 2);
    const starts = fitRecordStarts(body);
    const from = pick(random, starts.slice(Math.floor(starts.length / 2)));
    const copies = pick(random, [10, 100, 400]);
    const tail = body.subarray(from);
    const out = new Uint8Array(body.length + tail.length * (copies - 1) + 2);
    out.set(body);
    for (let i = 1; i < copies; i++) out.set(tail, body.length + tail.length * (i - 1));
    return { bytes: withFitChecksums(out), detail: `${copies} copies of ${tail.length} bytes` };
  },
  'drop-or-insert-bytes'(random, bytes) {
    const body = Array.from(bytes.subarray(0, bytes.length - 2));
    const at = bytes[0]! + below(random, body.length - bytes[0]!);
    const count = 1 + below(random, 16);
    if (random() < 0.5) body.splice(at, count);
    else body.splice(at, 0, ...Array.from({ length: count }, () => below(random, 256)));
    return { bytes: withFitChecksums(Uint8Array.from([...body, 0, 0])), detail: `${count} bytes at ${at}` };
  },
};

const latin = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

const tcxMutations: Record<string, (random: Random, bytes: Uint8Array) => { bytes: Uint8Array; detail: string }> = {
  truncate: fitMutations.truncate!,
  flip: (random, bytes) => flipBits(random, bytes),
  'drop-or-insert-bytes'(random, bytes) {
    const out = Array.from(bytes);
    const at = below(random, out.length);
    const count = 1 + below(random, 16);
    if (random() < 0.5) out.splice(at, count);
    else out.splice(at, 0, ...Array.from({ length: count }, () => pick(random, [0x3c, 0x3e, 0x26, 0x2f, 0x00, 0x22, below(random, 256)])));
    return { bytes: Uint8Array.from(out), detail: `${count} bytes at ${at}` };
  },
  'deep-xml'(random, bytes) {
    const depth = pick(random, [300, 5_000, 100_000]);
    const text = latin(bytes).replace('<Track>', `<Track>${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}`);
    return { bytes: encoder.encode(text), detail: `${depth} levels` };
  },
  'entity-expansion'(random, bytes) {
    // "Billion laughs", and an external entity: a DOCTYPE has no place in a TCX file.
    const levels = 3 + below(random, 8);
    const entities = ['<!ENTITY l0 "lol">'];
    for (let i = 1; i <= levels; i++) entities.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
    const external = random() < 0.3 ? '<!ENTITY ext SYSTEM "file:///etc/passwd">' : '';
    const text = latin(bytes).replace(
      /<TrainingCenterDatabase/,
      `<!DOCTYPE TrainingCenterDatabase [${entities.join('')}${external}]><TrainingCenterDatabase`,
    );
    const used = text.replace('<Notes>', `<Notes>&l${levels};${external ? '&ext;' : ''}`);
    return { bytes: encoder.encode(used), detail: `${levels} levels${external ? ' and an external entity' : ''}` };
  },
  'many-trackpoints'(random, bytes) {
    const text = latin(bytes);
    const point = /<Trackpoint>[\s\S]*?<\/Trackpoint>/.exec(text)?.[0] ?? '';
    // Up to about 1.6 MB; a real 7 MB file (5 h at 1 Hz) is timed in the bench on its own.
    const copies = pick(random, [500, 5_000]);
    return { bytes: encoder.encode(text.replace('<Track>', `<Track>${point.repeat(copies)}`)), detail: `${copies} copies` };
  },
  'wild-values'(random, bytes) {
    const value = pick(random, ['-1e308', 'NaN', '1e400', '-0', '99999999999999999999', '', '0x10', '৪২']);
    const tag = pick(random, ['Time', 'DistanceMeters', 'Value', 'ns3:Speed', 'ns3:RunCadence']);
    let text = latin(bytes);
    let n = 0;
    text = text.replace(new RegExp(`<${tag}>[^<]*</${tag}>`, 'g'), (all) => (n++ % 3 === 0 ? `<${tag}>${value}</${tag}>` : all));
    return { bytes: encoder.encode(text), detail: `${tag} = ${JSON.stringify(value)}` };
  },
};

/** Cases from `seeds`, forever; the same sequence for the same seed. */
export function* importMutations(seeds: readonly SeedFile[], seed: number): Generator<MutatedFile> {
  const random = prng(seed);
  for (let n = 0; ; n++) {
    const file = pick(random, seeds);
    const mutations = file.kind === 'fit' ? fitMutations : tcxMutations;
    const kind = pick(random, Object.keys(mutations));
    const { bytes, detail } = mutations[kind]!(random, file.bytes);
    yield { name: `#${n} ${file.name} · ${kind}(${detail})`, bytes };
  }
}
