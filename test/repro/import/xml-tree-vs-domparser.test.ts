// Review of issue 20's import worker: TCX files the page's own reader (readRunFile with DOMParser)
// and the worker (readRunFile with xml-tree.ts) treat differently. The commit says xml-tree.ts
// "refuses what DOMParser refuses" and the worker gives "the same session, meta and every column" as
// the page: a runner whose file imported before issue 20 must still import it, with the same numbers,
// and a file the page refused must still be refused.

import { expect } from '@open-wc/testing';
import { ImportError } from '../../../src/export/import-error.js';
import { readInWorker } from '../../../src/export/import-worker-client.js';
import { importedSession } from '../../../src/export/imported-session.js';
import { readRunFile } from '../../../src/export/read-run-file.js';
import { encodeTcx } from '../../../src/export/tcx.js';
import type { RecordedSession } from '../../../src/session/recorded-session.js';
import type { CadenceZones } from '../../../src/session/zones.js';
import { fixtureSession } from '../../export/session-fixture.js';

const zones: CadenceZones = { buildingFrom: 150, targetFrom: 166, targetTo: 181 };
const ID = 'same-id';

type Outcome = { read: string } | { refused: string };

/** The outcome in a line a runner would read: how much run, or the words of the refusal. */
async function settle(reading: Promise<RecordedSession>): Promise<Outcome> {
  try {
    const { samples } = await reading;
    return { read: `${samples.t.length} samples, ${samples.distanceM.at(-1)} m in ${samples.t.at(-1)} s` };
  } catch (error) {
    return { refused: error instanceof ImportError ? `${error.problem}: ${error.message}` : String(error) };
  }
}

/** What the page's reader (DOMParser, as before issue 20) makes of the file. */
const onPage = (file: File): Promise<Outcome> =>
  settle(readRunFile(file).then((run) => importedSession(run, zones, { id: ID, fileName: file.name })));
/** What the import worker (xml-tree.ts) makes of it. */
const inWorker = (file: File): Promise<Outcome> => settle(readInWorker(file, zones, ID).then(({ session }) => session));

const tcx = encodeTcx(fixtureSession());
const ROOT = '<TrainingCenterDatabase ';

async function expectSameOutcome(text: string, name: string): Promise<Outcome> {
  const file = new File([text], name);
  const [page, worker] = [await onPage(file), await inWorker(file)];
  expect(worker, `${name}: worker against page`).to.deep.equal(page);
  return page;
}

describe('the import worker reads a TCX as the page\'s DOMParser reader does', () => {
  it('reads a TCX whose XML declaration names an encoding in an odd spelling, as the page does', async function () {
    this.timeout(30_000);
    // An exporter writing encoding="" or "UTF-8 " (trailing space): DOMParser reads the run (the
    // text is already decoded), xml-tree.ts refuses the whole file as "damaged".
    for (const encoding of ['', 'UTF-8 ', 'windows 1252', '8859-1']) {
      const text = tcx.replace('encoding="UTF-8"', `encoding="${encoding}"`);
      expect(text).to.not.equal(tcx);
      const page = await expectSameOutcome(text, `encoding-${encoding}.tcx`);
      expect(page, 'the page reads it').to.have.property('read');
    }
  });

  it('reads a TCX that declares the same namespace prefix twice on one element, as the page does', async function () {
    this.timeout(30_000);
    // A string-built export repeating xmlns:ns3 on the root: DOMParser reads the run, the worker
    // refuses it ("The attribute xmlns:ns3 given twice").
    const text = tcx.replace(ROOT, `${ROOT}xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2" `);
    expect(text).to.not.equal(tcx);
    const page = await expectSameOutcome(text, 'twice-declared.tcx');
    expect(page, 'the page reads it').to.have.property('read');
  });

  it('reads a TCX that binds a second prefix to the XML namespace, as the page does', async function () {
    this.timeout(30_000);
    // xmlns:x="http://www.w3.org/XML/1998/namespace" on the root: DOMParser reads the run, the
    // worker refuses it ("The xml prefix or namespace rebound").
    const text = tcx.replace(ROOT, `${ROOT}xmlns:x="http://www.w3.org/XML/1998/namespace" `);
    const page = await expectSameOutcome(text, 'xml-namespace.tcx');
    expect(page, 'the page reads it').to.have.property('read');
  });

  it('refuses a TCX with an element in the xml: prefix, as the page does', async function () {
    this.timeout(30_000);
    // <xml:Note/> inside the activity: DOMParser reports a parser error (the page refuses the file as
    // damaged), the worker imports it.
    const text = tcx.replace('<Lap ', '<xml:Note/><Lap ');
    expect(text).to.not.equal(tcx);
    const page = await expectSameOutcome(text, 'xml-element.tcx');
    expect(page, 'the page refuses it').to.have.property('refused');
  });

  it('refuses an XML 1.1 TCX with a C1 control character written as it is, as the page does', async function () {
    this.timeout(30_000);
    // XML 1.1 forbids U+007F-U+009F written literally (mojibake of "’" read twice gives U+0080,
    // U+0099): DOMParser refuses the file, the worker imports it.
    const text = tcx.replace('version="1.0"', 'version="1.1"').replace('<Lap ', '<Notes>Easy \u00E2\u0080\u0099n</Notes><Lap ');
    expect(text).to.not.equal(tcx);
    const page = await expectSameOutcome(text, 'xml11-c1.tcx');
    expect(page, 'the page refuses it').to.have.property('refused');
  });

  it('reads an XML 1.1 TCX with a control character written as a reference, as the page does', async function () {
    this.timeout(30_000);
    // XML 1.1 allows &#1; (1.0 does not): DOMParser reads the run, the worker refuses the file.
    const text = tcx.replace('version="1.0"', 'version="1.1"').replace('<Lap ', '<Notes>Easy&#1;</Notes><Lap ');
    const page = await expectSameOutcome(text, 'xml11-reference.tcx');
    expect(page, 'the page reads it').to.have.property('read');
  });
});
