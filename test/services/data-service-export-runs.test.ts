// DataService.exportRuns ("Export all" and History's selection as one zip) against the browser's
// real IndexedDB, the way the Settings and History buttons drive it: one export at a time, the list
// and the runs being recorded read at export time (another tab may have changed them), one total
// of runs throughout, and a message when the export code does not load.
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { DataService } from '../../src/services/data-service.js';
import { exportMessage, notWritten } from '../../src/services/export-runs.js';
import { createServices } from '../../src/services/services.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
import { recordingLockName } from '../../src/store/session-keys.js';
import { generatedSession } from '../support/generated-sessions.js';

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

describe('DataService: runs as one zip', () => {
  before(() => useSeparateDatabase('stride-test-data-service-export-runs'));
  beforeEach(async () => {
    await clear(kvStore());
    await saveSession(run('a', 0));
    await saveSession(run('b', 1));
  });

  // A double click, or FIT then TCX in a row, before the buttons have drawn themselves busy.
  it('a second export asked for at once is refused: one zip, one status', async () => {
    const services = createServices();
    await services.history.load();
    const files = await Promise.all([services.data.exportRuns(null, 'fit'), services.data.exportRuns(null, 'tcx')]);
    expect(files.filter((f) => f !== null).length, 'zips handed to the download').to.equal(1);
    expect(services.data.runsExport?.format, 'the status is the first one\'s').to.equal('fit');
  });

  // Another tab saved or imported a run since this page read the list: "all runs" holds it too.
  it('Export all holds a run stored (by another tab) after the list was read', async () => {
    const services = createServices();
    await services.history.load();
    await saveSession(run('c', 2)); // what another tab's save or import does
    const file = await services.data.exportRuns(null, 'fit');
    expect(file).to.not.equal(null);
    expect((await namesIn(file!.blob)).length, 'runs in the zip').to.equal(3);
    expect(services.data.runsExport?.message).to.match(/^Exported 3 runs/);
  });

  // A run another tab was recording when the list was read, and has saved since, is finished: it goes in.
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

  // While another tab records run b, the count the runner reads is of the runs going in, from first to last.
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

  it('a run being recorded is not counted, and is said as information, not as a problem', async () => {
    const services = createServices();
    let release!: () => void;
    await new Promise<void>((resolve) => {
      void navigator.locks.request(recordingLockName('b'), () => new Promise<void>((done) => {
        release = done;
        resolve();
      }));
    });
    try {
      const file = await services.data.exportRuns(null, 'fit');
      expect((await namesIn(file!.blob)).length, 'runs in the zip').to.equal(1);
      expect(services.data.runsExport?.message).to.match(/^Exported 1 run as .*\.zip\. The run being recorded is not in it; export it once saved\.$/);
      expect(services.data.runsExport?.ok).to.equal(true);
    } finally {
      release();
    }
  });

  it('export code that does not load says so, with no unhandled rejection, and leaves nothing busy', async () => {
    class Offline extends DataService {
      protected override loadRunsExporter(): never {
        throw new TypeError('Failed to fetch dynamically imported module: /chunks/export-runs.js');
      }
    }
    const services = createServices();
    const data = new Offline(services.settings, services.history);
    let rejected = false;
    const onRejection = () => (rejected = true);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      expect(await data.exportRuns(null, 'tcx')).to.equal(null);
      await new Promise((r) => setTimeout(r, 0));
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
    }
    expect(rejected, 'no unhandled rejection').to.equal(false);
    expect(data.runsExport?.message).to.equal(
      "The zip could not be written: the app's export code did not load (Failed to fetch dynamically imported module: /chunks/export-runs.js). Check the connection and try again.",
    );
    expect(data.runsExport?.writing).to.equal(false);
    expect(data.runsExport?.ok).to.equal(false);
  });
});

describe('what an export says', () => {
  it('a reason that is a sentence of its own gets one full stop, not two', () => {
    const said = exportMessage(1, 'x.zip', [{ title: 'Tempo', why: 'The session “Tempo” is damaged: a part is missing.' }]);
    expect(said).to.equal('Exported 1 run as x.zip. Left out 1 run: “Tempo” (The session “Tempo” is damaged: a part is missing).');
    expect(notWritten('The list of sessions is damaged.')).to.equal('The zip could not be written: The list of sessions is damaged.');
    expect(notWritten('quota exceeded')).to.equal('The zip could not be written: quota exceeded.');
  });

  it('runs being recorded, alone or with others, in the singular and the plural', () => {
    expect(exportMessage(2, 'x.zip', [], 2)).to.equal('Exported 2 runs as x.zip. The 2 runs being recorded are not in it; export them once saved.');
    expect(exportMessage(0, 'x.zip', [], 1)).to.equal('Nothing was exported. The run being recorded can be exported once saved.');
    expect(exportMessage(0, 'x.zip', [])).to.equal('Nothing was exported: there is no run to put in it.');
  });

});
