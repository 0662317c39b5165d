// Issue 20's worker parser must refuse exactly what the page's DOMParser refuses. Chromium refuses a
// default namespace declared as the bare names "xml" or "xmlns" ("Namespace 'xml' cannot be
// default"), so the page turns such a file away as damaged; the worker imports it, so the same
// file is refused or stored depending on which reader the browser used.

import { expect } from '@open-wc/testing';
import { gist, inWorker, namedRunTcx, onPage } from './read-alike.js';

describe('a TCX whose extension declares the default namespace "xml"', () => {
  for (const uri of ['xml', 'xmlns']) {
    it(`is refused by the worker with the page's words (xmlns="${uri}")`, async () => {
      const tcx = namedRunTcx();
      const changed = tcx.replace('</Activity>', `<Extensions><Note xmlns="${uri}"/></Extensions></Activity>`);
      expect(changed).to.not.equal(tcx);
      const file = new File([changed], 'run.tcx');
      const page = await onPage(file);
      expect('refused' in page, `the page refuses it: ${gist(page)}`).to.equal(true);
      expect(gist(await inWorker(file))).to.equal(gist(page));
    });
  }
});
