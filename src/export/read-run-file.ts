// A file the runner picked, read as FIT or TCX by what it contains. Names lie (a renamed GPX,
// a ".fit" that is a screenshot), so the extension is only used to say what the file claimed.
// FIT's decoder is large, so it is loaded only when a FIT file turns up.

import { hasFitHeader } from './fit-header.js';
import { ImportError } from './import-error.js';
import type { ImportedRun } from './imported-run.js';
import { type XmlParser, decodeTcx } from './tcx-decode.js';

/** Watches write well under 10 MB for a day-long activity; anything this big is not a run. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The text of an XML file (UTF-8 or UTF-16 with a byte order mark), or null if it is not XML. */
function xmlText(bytes: Uint8Array): string | null {
  let encoding = 'utf-8';
  let at = 0;
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) at = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  if (encoding === 'utf-8') {
    while (at < bytes.length && (bytes[at] === 0x20 || bytes[at] === 0x09 || bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
    if (bytes[at] !== 0x3c) return null; // "<"
  }
  const text = new TextDecoder(encoding).decode(bytes);
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('<') ? text : null;
}

function claimed(name: string | undefined): string {
  const ext = /\.([a-z0-9]{1,8})$/i.exec(name ?? '')?.[1]?.toLowerCase();
  return ext ? ` (even though its name ends in .${ext})` : '';
}

/** `xmlParser`: the browser's own by default; the import worker, which has none, passes xml-tree.ts's. */
export async function readRunFile(file: Blob & { name?: string }, xmlParser?: XmlParser): Promise<ImportedRun> {
  if (file.size === 0) {
    throw new ImportError('empty', 'The file is empty: it holds no data at all. Pick the activity file again.');
  }
  if (file.size > MAX_IMPORT_BYTES) {
    const mb = Math.round(file.size / (1024 * 1024));
    throw new ImportError(
      'too-big',
      `This file is ${mb} MB, too big to be one run (the limit is ${MAX_IMPORT_BYTES / (1024 * 1024)} MB). ` +
        "Pick a single activity's FIT or TCX file.",
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (hasFitHeader(bytes)) {
    const { decodeFit } = await import('./fit-decode.js');
    return decodeFit(bytes);
  }
  const text = xmlText(bytes);
  if (text !== null) return decodeTcx(text, xmlParser);
  throw new ImportError(
    'not-a-run-file',
    `This file is neither FIT nor TCX${claimed(file.name)}. ` +
      'Stridewise imports .fit and .tcx activity files from watches and apps.',
  );
}
