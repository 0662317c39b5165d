// Turns a run into a downloadable file. Each writer (and Garmin's FIT SDK) loads only when a
// runner asks for that format, so none of it weighs on the first load.
import type { ExportFormat } from '../export/download-name.js';
import { exportFileName } from '../export/download-name.js';
import type { RecordedSession } from '../session/recorded-session.js';

const mimeTypes: Readonly<Record<ExportFormat, string>> = {
  fit: 'application/vnd.ant.fit',
  tcx: 'application/vnd.garmin.tcx+xml',
  csv: 'text/csv;charset=utf-8',
};

export async function exportRunFile(run: RecordedSession, format: ExportFormat): Promise<{ blob: Blob; fileName: string }> {
  let body: BlobPart;
  if (format === 'fit') body = (await import('../export/fit.js')).encodeFit(run);
  else if (format === 'tcx') body = (await import('../export/tcx.js')).encodeTcx(run);
  else body = (await import('../export/csv.js')).encodeCsv(run);
  return { blob: new Blob([body], { type: mimeTypes[format] }), fileName: exportFileName(run.meta, format) };
}
