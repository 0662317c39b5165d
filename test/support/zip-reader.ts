// A second zip reader, written from PKWARE's APPNOTE and sharing no code with fflate: the zip the
// app writes is read back here, so a mistake in how the app drives fflate (or in fflate) shows up
// as a file another program could not open. It reads the end record, walks the central directory,
// checks each local header against it, inflates with the browser's own DecompressionStream and
// checks each entry's CRC-32 and size.

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  bytes: Uint8Array;
  compressedSize: number;
  /** The entry's date and time as stored (local time, to two seconds). */
  modified: { year: number; month: number; day: number; hours: number; minutes: number; seconds: number };
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

async function inflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function fail(why: string): never {
  throw new Error(`Not a valid zip: ${why}`);
}

/** Every entry of the zip, in central-directory order; throws on anything a strict reader would refuse. */
export async function readZip(zip: Uint8Array): Promise<ZipEntry[]> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  // The end record is the last 22 bytes when there is no comment (we write none; a reader allows 64 KB).
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 65535); at--) {
    if (u32(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) fail('no end of central directory record');
  const count = u16(end + 10);
  if (u16(end + 8) !== count) fail('entries on this disk differ from the total');
  const dirSize = u32(end + 12);
  const dirStart = u32(end + 16);
  if (dirStart + dirSize !== end) fail('the central directory does not end where the end record begins');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: ZipEntry[] = [];
  let at = dirStart;
  for (let i = 0; i < count; i++) {
    if (u32(at) !== 0x02014b50) fail(`central header ${i + 1} has no signature`);
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const time = u16(at + 12);
    const date = u16(at + 14);
    const crc = u32(at + 16);
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const local = u32(at + 42);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;

    if (u32(local) !== 0x04034b50) fail(`${name}: no local header where the directory says`);
    if (u16(local + 8) !== method) fail(`${name}: local header's method differs`);
    const localNameLength = u16(local + 26);
    const localName = decoder.decode(zip.subarray(local + 30, local + 30 + localNameLength));
    if (localName !== name) fail(`${name}: local header names ${localName}`);
    // Sizes and CRC are in the local header unless bit 3 says a data descriptor follows the data.
    if ((flags & 8) === 0 && (u32(local + 14) !== crc || u32(local + 18) !== compressedSize || u32(local + 22) !== size)) {
      fail(`${name}: local header's sizes or CRC differ from the directory's`);
    }
    const dataStart = local + 30 + localNameLength + u16(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (dataStart + compressedSize > dirStart) fail(`${name}: data runs into the central directory`);
    if ((flags & 8) !== 0) {
      const d = dataStart + compressedSize;
      const sig = u32(d) === 0x08074b50 ? 4 : 0;
      if (u32(d + sig) !== crc || u32(d + sig + 4) !== compressedSize || u32(d + sig + 8) !== size) fail(`${name}: data descriptor differs from the directory`);
    }
    let bytes: Uint8Array;
    if (method === 0) bytes = data.slice();
    else if (method === 8) bytes = await inflateRaw(data);
    else fail(`${name}: method ${method}`);
    if (bytes.length !== size) fail(`${name}: ${bytes.length} bytes, the directory says ${size}`);
    if (crc32(bytes) !== crc) fail(`${name}: CRC-32 differs`);
    entries.push({
      name,
      method,
      bytes,
      compressedSize,
      modified: {
        year: 1980 + (date >> 9),
        month: (date >> 5) & 15,
        day: date & 31,
        hours: time >> 11,
        minutes: (time >> 5) & 63,
        seconds: (time & 31) * 2,
      },
    });
  }
  return entries;
}
