import { expect } from '@open-wc/testing';
import { encodeFit } from '../../src/export/fit.js';
import { ImportError, type ImportProblem } from '../../src/export/import-error.js';
import { MAX_IMPORT_BYTES, readRunFile } from '../../src/export/read-run-file.js';
import { encodeTcx } from '../../src/export/tcx.js';
import { tinySession } from './session-fixture.js';

const session = tinySession(
  [0, 1, 2, 3].map((t) => ({ t, speedMps: 3, cadence: 172, strideLengthM: 1.05, running: true })),
  { name: 'Easy run' },
);

async function refusal(file: Blob & { name?: string }): Promise<ImportError> {
  try {
    await readRunFile(file);
  } catch (error) {
    expect(error).to.be.instanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('readRunFile accepted the file');
}

async function expectRefused(file: Blob & { name?: string }, problem: ImportProblem, message: RegExp): Promise<void> {
  const error = await refusal(file);
  expect(error.problem).to.equal(problem);
  expect(error.message).to.match(message);
}

describe('readRunFile', () => {
  it('reads FIT and TCX by their content, whatever the name says', async () => {
    const fit = await readRunFile(new File([encodeFit(session)], 'run.tcx'));
    expect(fit.name).to.equal(null);
    expect(Array.from(fit.samples.cadence)).to.deep.equal([172, 172, 172, 172]);
    const tcx = await readRunFile(new File([encodeTcx(session)], 'run.fit'));
    expect(tcx.name).to.equal('Easy run');
    expect(Array.from(tcx.samples.t)).to.deep.equal([0, 1, 2, 3]);
    const blob = await readRunFile(new Blob([encodeFit(session)]));
    expect(blob.samples.t.length).to.equal(4);
  });

  it('reads TCX saved as UTF-8 with a byte order mark, or as UTF-16', async () => {
    const text = encodeTcx(session);
    const bom = await readRunFile(new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), `\n  ${text}`]));
    expect(bom.samples.t.length).to.equal(4);
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + 2 * i] = text.charCodeAt(i); // ASCII text
    expect((await readRunFile(new Blob([utf16]))).name).to.equal('Easy run');
  });

  it('refuses an empty file', async () => {
    await expectRefused(new File([], 'run.fit'), 'empty', /^The file is empty/);
  });

  it('refuses a file over 50 MB without reading it', async () => {
    const big = new Blob([new Uint8Array(MAX_IMPORT_BYTES + 1)]);
    await expectRefused(big, 'too-big', /too big to be one run/);
  });

  it('refuses a picture named .fit, saying the name does not make it FIT', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await expectRefused(
      new File([png], 'morning.FIT'),
      'not-a-run-file',
      /neither FIT nor TCX \(even though its name ends in \.fit\)/,
    );
    await expectRefused(new File(['time,speed\r\n0,3\r\n'], 'export.csv'), 'not-a-run-file', /neither FIT nor TCX/);
  });

  it('passes on what the readers found: a truncated FIT, a GPX, broken XML', async () => {
    const fit = encodeFit(session);
    await expectRefused(new Blob([fit.slice(0, fit.length - 3)]), 'truncated', /truncated/);
    const gpx = '<?xml version="1.0"?><gpx xmlns="http://www.topografix.com/GPX/1/1"/>';
    await expectRefused(new File([gpx], 'run.tcx'), 'not-a-run-file', /GPX/);
    await expectRefused(new Blob(['<TrainingCenterDatabase><Act']), 'damaged', /XML cannot be read/);
  });
});
