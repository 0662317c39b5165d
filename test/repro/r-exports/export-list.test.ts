// Findings on "Export all" / a selection as one zip (issue 21: "all runs leave as one zip").
// Each test drives DataService.exportRuns against the browser's real IndexedDB, the way the
// Settings and History buttons do.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices } from '../../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../../src/store/kv.js';
import { saveSession } from '../../../src/store/session-store.js';
import { recordingLockName } from '../../../src/store/session-keys.js';
import { generatedSession } from '../../support/generated-sessions.js';

const start = new Date(2025, 4, 6, 7, 30).getTime();
const DAY = 24 * 3600 * 1000;
const run = (id: string, days: number) =>
  generatedSession({ id, startedAt: start + days * DAY, minutes: 3, cadenceBase: 170, speed: 3, name: `Run ${id}` });

/** Names in a zip, read by the zip's central directory (end record found from the back). */
async function namesIn(blob: Blob): Promise<string[]> {
  const b = new Uint8Array(await blob.arrayBuffer());
  const v = new DataView(b.buffer);
  let eocd = b.length - 22;
  while (eocd >= 0 && v.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = v.getUint16(eocd + 10, true);
  let at = v.getUint32(eocd + 16, true);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = v.getUint16(at + 28, true);
    names.push(new TextDecoder().decode(b.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
  }
  return names;
}

describe('repro r-exports: which runs an export takes', () => {
  before(() => useSeparateDatabase('stride-test-repro-r-exports'));
  beforeEach(async () => {
    await clear(kvStore());
    await saveSession(run('a', 0));
    await saveSession(run('b', 1));
  });

  // A double click on "Export all … as FIT zip" (or FIT then TCX in a row) before the button has
  // drawn itself disabled: DataService.exportRuns guards on `runsExport.progress`, but that is set
  // only after the lazy `import('./export-runs.js')` resolved, so both calls pass the guard. The
  // runner gets two zips downloaded and one status line overwritten by the other's progress.
  it('two exports asked for at once write one zip, not two', async () => {
    const services = createServices();
    await services.history.load();
    const files = await Promise.all([services.data.exportRuns(null, 'fit'), services.data.exportRuns(null, 'tcx')]);
    expect(files.filter((f) => f !== null).length, 'zips handed to the download').to.equal(1);
  });

  // "Export all" takes the History list as it was last read (when Settings or History opened) and
  // never reads the store again. A run saved since by another tab (a run finished there, or files
  // imported there) is silently missing from "all runs", and the message says "Exported 2 runs"
  // as though that were everything. Issue 21: "all runs leave as one zip".
  it('Export all holds a run stored (by another tab) after the list was read', async () => {
    const services = createServices();
    await services.history.load();
    await saveSession(run('c', 2)); // what another tab's save or import does
    const file = await services.data.exportRuns(null, 'fit');
    expect(file).to.not.equal(null);
    expect((await namesIn(file!.blob)).length, 'runs in the zip').to.equal(3);
    expect(services.data.runsExport?.message).to.match(/^Exported 3 runs/);
  });

  // Which runs are "being recorded" is also as last read: a run another tab was recording when the
  // list was read, and has saved since, is left out of the zip as "it is being recorded" although it
  // is finished and stored. The runner gets a zip without their latest run and a false reason.
  it('a run another tab has finished since the list was read goes in the zip', async () => {
    const services = createServices();
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      void navigator.locks.request(recordingLockName('b'), () => new Promise<void>((done) => {
        release = done;
        resolve();
      }));
    });
    await held;
    await services.history.load();
    release(); // the other tab stopped and saved run b
    await new Promise((r) => setTimeout(r, 50));
    const file = await services.data.exportRuns(null, 'fit');
    expect(file).to.not.equal(null);
    expect((await namesIn(file!.blob)).length, 'runs in the zip').to.equal(2);
    expect(services.data.runsExport?.message ?? '').to.not.contain('being recorded');
  });

  // While another tab records run b, "Export all" leaves b out, but the progress it shows counts b
  // in its first line ("0 of 2 runs…") and not in the next ("0 of 1 runs…", then "1 of 1"): the
  // number of runs the runner is told the zip will hold jumps during one export.
  it('the progress of one export counts the same total of runs throughout', async () => {
    const services = createServices();
    let release!: () => void;
    await new Promise<void>((resolve) => {
      void navigator.locks.request(recordingLockName('b'), () => new Promise<void>((done) => {
        release = done;
        resolve();
      }));
    });
    try {
      await services.history.load();
      const totals: number[] = [];
      services.data.addEventListener('change', () => {
        const progress = services.data.runsExport?.progress;
        if (progress) totals.push(progress.total);
      });
      await services.data.exportRuns(null, 'fit');
      expect(new Set(totals).size, `totals shown: ${totals.join(', ')}`).to.equal(1);
    } finally {
      release();
    }
  });
});
