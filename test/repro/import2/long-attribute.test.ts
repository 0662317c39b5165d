// Issue 20: "a 5.5-hour watch run imports off the main thread" with a parser that reads what the
// page's DOMParser reads. An attribute value of 8.4 million characters or more (9.5 million here) (a file well under the
// 50 MB import limit) makes xml-tree's attribute regular expression overflow its backtracking stack:
// the worker answers "Maximum call stack size exceeded", which Settings shows the runner as why the
// run was not imported, while the page reads the file.

import { expect } from '@open-wc/testing';
import { gist, inWorker, namedRunTcx, onPage } from './read-alike.js';

describe('a TCX with one very long attribute value', () => {
  it('is imported by the worker as the page reads it, not failed with a stack overflow', async function () {
    this.timeout(60_000);
    const tcx = namedRunTcx();
    const changed = tcx.replace('</Activity>', `<Extensions><Note Text="${'x'.repeat(9_500_000)}"/></Extensions></Activity>`);
    expect(changed).to.not.equal(tcx);
    const file = new File([changed], 'run.tcx');
    const page = await onPage(file);
    expect('read' in page, `the page reads it: ${gist(page)}`).to.equal(true);
    expect(gist(await inWorker(file))).to.equal(gist(page));
  });
});
