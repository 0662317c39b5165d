// Issue 20 moved watch-file import into a worker whose XML parser (xml-tree.ts) must read every TCX
// into the tree Chromium's DOMParser builds and refuse exactly what it refuses. DOMParser takes a
// comment or a CDATA section written inside an attribute's value (keeping it as text), so the page
// read such a file; the worker refuses it as damaged, so a run that imported before issue 20 is
// now turned away with "This file is damaged".

import { expect } from '@open-wc/testing';
import { gist, inWorker, namedRunTcx, onPage } from './read-alike.js';

describe('a TCX with markup inside an attribute value', () => {
  for (const inside of ['<!-- lap button -->', '<![CDATA[x]]>']) {
    it(`is imported by the worker as the page reads it (${inside} in an attribute)`, async () => {
      const tcx = namedRunTcx();
      const changed = tcx.replace('<Activity Sport="Running"', `<Activity Sport="Running" Source="watch${inside}"`);
      expect(changed).to.not.equal(tcx);
      const file = new File([changed], 'run.tcx');
      const page = await onPage(file);
      expect('read' in page, `the page reads it: ${gist(page)}`).to.equal(true);
      const worker = await inWorker(file);
      expect(gist(worker)).to.equal(gist(page));
      expect(worker).to.deep.equal(page);
    });
  }
});
