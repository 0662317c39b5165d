// The zip of runs read back by a second reader (test/support/zip-reader.ts, not fflate): every
// entry is exactly the run's single download, named as that download is, unique, dated by the
// run's start; FIT entries open in Garmin's decoder; a run that cannot be read or written is left
// out and named while the others still go.
import { expect } from '@open-wc/testing';
import { Decoder, Stream } from '@garmin/fitsdk';
import { type RunToZip, uniqueName, zipRuns } from '../../src/export/runs-zip.js';
import { exportFileName, runsZipName } from '../../src/export/download-name.js';
import { exportRunFile } from '../../src/services/export-run.js';
import type { RecordedSession } from '../../src/session/recorded-session.js';
import { noisyRun } from '../support/hour-runs.js';
import { type ZipEntry, readZip } from '../support/zip-reader.js';
import { setTimeZone } from '../support/time-zone.js';

const at = (y: number, mo: number, d: number, h: number, mi: number, s = 0) => new Date(y, mo - 1, d, h, mi, s).getTime();

// Two start in the same minute (the same single-download name), one at an odd second (zip keeps two).
const runs: RecordedSession[] = [
  noisyRun('a', at(2026, 11, 30, 7, 5, 0), 6, 1),
  noisyRun('b', at(2026, 12, 1, 18, 40, 17), 4, 2),
  noisyRun('c', at(2026, 12, 1, 18, 40, 45), 3, 3),
  noisyRun('d', at(2025, 3, 9, 23, 59, 58), 2, 4),
];

const toZip = (list: readonly RecordedSession[]): RunToZip[] => list.map((run) => ({ title: `Run ${run.meta.id}`, load: async () => run }));
const bytesOf = async (blob: Blob): Promise<Uint8Array> => new Uint8Array(await blob.arrayBuffer());
const noPause = async () => {};

async function zipped(list: readonly RecordedSession[], format: 'fit' | 'tcx'): Promise<ZipEntry[]> {
  const zip = await zipRuns(toZip(list), format, { between: noPause });
  expect(zip.count).to.equal(list.length);
  expect(zip.leftOut).to.deep.equal([]);
  expect(zip.blob.type).to.equal('application/zip');
  return readZip(await bytesOf(zip.blob));
}

async function expectEntriesAreSingleDownloads(entries: ZipEntry[], list: readonly RecordedSession[], format: 'fit' | 'tcx'): Promise<void> {
  expect(entries.length).to.equal(list.length);
  expect(new Set(entries.map((e) => e.name.toLowerCase())).size).to.equal(entries.length);
  for (const [i, run] of list.entries()) {
    const entry = entries[i]!;
    const single = await exportRunFile(run, format);
    // The first of a name is the download's name; a later one the same with " (2)" before the extension.
    const base = single.fileName.replace(/\.\w+$/, '');
    expect(entry.name === single.fileName || entry.name === `${base} (2).${format}`, entry.name).to.equal(true);
    expect(entry.bytes).to.deep.equal(await bytesOf(single.blob));
    const start = new Date(run.meta.startedAt);
    expect(entry.modified).to.deep.equal({
      year: start.getFullYear(),
      month: start.getMonth() + 1,
      day: start.getDate(),
      hours: start.getHours(),
      minutes: start.getMinutes(),
      seconds: start.getSeconds() - (start.getSeconds() % 2),
    });
  }
}

describe('zip of runs', () => {
  it('holds each run as its single FIT download, deflated, uniquely named and dated by its start', async () => {
    const entries = await zipped(runs, 'fit');
    await expectEntriesAreSingleDownloads(entries, runs, 'fit');
    expect(entries.map((e) => e.name)).to.deep.equal([
      'stridewise-2026-11-30-0705.fit',
      'stridewise-2026-12-01-1840.fit',
      'stridewise-2026-12-01-1840 (2).fit',
      'stridewise-2025-03-09-2359.fit',
    ]);
    // Level 1 pays for FIT: every entry is deflated and smaller than the file.
    for (const e of entries) {
      expect(e.method).to.equal(8);
      expect(e.compressedSize).to.be.below(e.bytes.length * 0.8);
    }
  });

  it("each FIT entry opens in Garmin's decoder as one run of the right length", async () => {
    const entries = await zipped(runs, 'fit');
    for (const [i, entry] of entries.entries()) {
      const decoder = new Decoder(Stream.fromByteArray(entry.bytes));
      expect(decoder.isFIT()).to.equal(true);
      expect(decoder.checkIntegrity()).to.equal(true);
      const { messages, errors } = decoder.read();
      expect(errors).to.deep.equal([]);
      expect(messages.sessionMesgs?.length).to.equal(1);
      expect(new Date(messages.sessionMesgs![0]!.startTime as Date).getTime()).to.equal(Math.floor(runs[i]!.meta.startedAt / 1000) * 1000);
    }
  });

  it('holds each run as its single TCX download, deflated', async () => {
    const entries = await zipped(runs, 'tcx');
    await expectEntriesAreSingleDownloads(entries, runs, 'tcx');
    for (const e of entries) {
      expect(e.method).to.equal(8);
      expect(e.compressedSize).to.be.below(e.bytes.length / 5);
    }
  });

  it('leaves out a run that cannot be read or written, names it, and zips the others', async () => {
    // A run whose sample columns are gone: the writer throws on it.
    const broken = { meta: noisyRun('broken', at(2026, 12, 2, 6, 0), 2, 5).meta, samples: {} } as RecordedSession;
    const list: RunToZip[] = [
      ...toZip([runs[0]!]),
      { title: 'Damaged Tuesday', load: async () => Promise.reject(new Error('The session is damaged: part 1 of 1 is missing.')) },
      { title: 'Gone run', load: async () => null },
      { title: 'Unwritable run', load: async () => broken },
      ...toZip([runs[1]!]),
    ];
    const zip = await zipRuns(list, 'fit', { between: noPause });
    expect(zip.count).to.equal(2);
    expect(zip.leftOut.map((l) => l.title)).to.deep.equal(['Damaged Tuesday', 'Gone run', 'Unwritable run']);
    expect(zip.leftOut[0]!.why).to.equal('The session is damaged: part 1 of 1 is missing.');
    expect(zip.leftOut[1]!.why).to.equal('it was deleted meanwhile');
    expect(zip.leftOut[2]!.why).to.be.a('string').and.not.equal('');
    const entries = await readZip(await bytesOf(zip.blob));
    await expectEntriesAreSingleDownloads(entries, [runs[0]!, runs[1]!], 'fit');
  });

  it('says how far it is before each run and at the end, and lets the page in between runs', async () => {
    const seen: string[] = [];
    await zipRuns(toZip(runs.slice(0, 3)), 'tcx', {
      onProgress: ({ done, total }) => seen.push(`${done} of ${total}`),
      between: async () => void seen.push('pause'),
    });
    expect(seen).to.deep.equal(['0 of 3', 'pause', '1 of 3', 'pause', '2 of 3', 'pause', '3 of 3']);
  });

  it("dates entries in the runner's local time, as zip stores it (here in New York)", async () => {
    await setTimeZone('America/New_York');
    try {
      const entries = await zipped(runs, 'tcx');
      await expectEntriesAreSingleDownloads(entries, runs, 'tcx');
      expect(entries[0]!.modified.hours, '07:05 in the machine zone is another hour in New York').to.equal(new Date(runs[0]!.meta.startedAt).getHours());
    } finally {
      await setTimeZone(null);
    }
  });

  it('the test reader refuses a zip with a byte of an entry changed, or its CRC-32 (it checks what it reads)', async () => {
    const zip = await zipRuns(toZip(runs.slice(0, 2)), 'fit', { between: noPause });
    const bytes = await bytesOf(zip.blob);
    const refusal = (b: Uint8Array) => readZip(b).then(() => null, (error: Error) => error.message);
    expect(await refusal(bytes)).to.equal(null);
    const dataChanged = bytes.slice();
    // A byte in the middle of the first entry's data (after its 30-byte header and name).
    dataChanged[30 + 'stridewise-2026-11-30-0705.fit'.length + 200]! ^= 0x55;
    expect(await refusal(dataChanged)).to.be.a('string');
    // The first entry's CRC-32 changed everywhere it is written (directory, local header or data descriptor): only the check of the bytes sees it.
    const crcChanged = bytes.slice();
    const view = new DataView(crcChanged.buffer);
    const end = crcChanged.length - 22;
    const central = view.getUint32(end + 16, true);
    const crc = view.getUint32(central + 16, true);
    const local = view.getUint32(central + 42, true);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const descriptor = dataStart + view.getUint32(central + 20, true);
    const places = [central + 16, local + 14, descriptor, descriptor + 4].filter((at) => view.getUint32(at, true) === crc);
    for (const at of places) view.setUint32(at, crc ^ 1, true);
    expect(await refusal(crcChanged)).to.equal('Not a valid zip: stridewise-2026-11-30-0705.fit: CRC-32 differs');
  });

  it('an empty list is an empty zip a reader opens', async () => {
    const zip = await zipRuns([], 'fit', { between: noPause });
    expect(zip.count).to.equal(0);
    expect(await readZip(await bytesOf(zip.blob))).to.deep.equal([]);
  });

  it('a start a zip date cannot hold (before 1980) is kept at the earliest it can', async () => {
    const old = noisyRun('old', at(1975, 6, 1, 12, 0), 1, 6);
    const [entry] = await zipped([old], 'tcx');
    expect(entry!.modified).to.deep.equal({ year: 1980, month: 1, day: 1, hours: 0, minutes: 0, seconds: 0 });
    expect(entry!.name).to.equal(exportFileName(old.meta, 'tcx'));
  });
});

describe('zip names', () => {
  it('is named by the day of the export and the format', () => {
    expect(runsZipName('fit', at(2026, 12, 7, 23, 59))).to.equal('stridewise-runs-2026-12-07-fit.zip');
    expect(runsZipName('tcx', at(2027, 1, 2, 0, 1))).to.equal('stridewise-runs-2027-01-02-tcx.zip');
  });

  const cases: [string[], string[]][] = [
    [['a.fit', 'a.fit', 'a.fit'], ['a.fit', 'a (2).fit', 'a (3).fit']],
    [['a.fit', 'a (2).fit', 'a.fit'], ['a.fit', 'a (2).fit', 'a (3).fit']],
    [['A.fit', 'a.fit'], ['A.fit', 'a (2).fit']],
    [['a.fit', 'a.tcx'], ['a.fit', 'a.tcx']],
    [['noext', 'noext'], ['noext', 'noext (2)']],
  ];
  for (const [names, expected] of cases) {
    it(`${names.join(', ')} → ${expected.join(', ')}`, () => {
      const taken = new Set<string>();
      expect(names.map((n) => uniqueName(n, taken))).to.deep.equal(expected);
    });
  }
});
