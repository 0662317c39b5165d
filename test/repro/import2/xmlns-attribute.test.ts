// A TCX with an attribute put in the xmlns namespace (another prefix bound to
// http://www.w3.org/2000/xmlns/). Chromium's DOMParser reports no parser error for it but leaves the
// element out of the tree: on the root there is no document element at all, and the page's reader
// (tcx-decode.ts domXml) then reads null's localName and answers with a TypeError's words; on the
// Activity the page finds no activity. The worker (xml-tree.ts) says "damaged" for both. Issue 20's
// import fuzz holds both readers to one refusal in the same words, and a bad file must get a clear
// message (an ImportError), never "Cannot read properties of null".

import { expect } from '@open-wc/testing';
import { gist, inWorker, namedRunTcx, onPage } from './read-alike.js';

const ATTRIBUTE = 'xmlns:q="http://www.w3.org/2000/xmlns/" q:x="1"';

describe('a TCX with an attribute in the xmlns namespace', () => {
  it('on the root element: refused by the page\'s reader with an ImportError, in the worker\'s words', async () => {
    const tcx = namedRunTcx();
    const changed = tcx.replace('<TrainingCenterDatabase', `<TrainingCenterDatabase ${ATTRIBUTE}`);
    expect(changed).to.not.equal(tcx);
    const file = new File([changed], 'run.tcx');
    const [page, worker] = [await onPage(file), await inWorker(file)];
    expect(gist(page)).to.match(/^ImportError /);
    expect(gist(worker)).to.equal(gist(page));
  });

  it('on the Activity: refused by the worker in the page\'s words', async () => {
    const tcx = namedRunTcx();
    const changed = tcx.replace('<Activity Sport="Running"', `<Activity Sport="Running" ${ATTRIBUTE}`);
    expect(changed).to.not.equal(tcx);
    const file = new File([changed], 'run.tcx');
    const [page, worker] = [await onPage(file), await inWorker(file)];
    expect(gist(page)).to.match(/^ImportError /);
    expect(gist(worker)).to.equal(gist(page));
  });
});
