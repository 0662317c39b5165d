import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { set } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import '../../src/app/stride-app.js';
import type { StrideApp } from '../../src/app/stride-app.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { appTheme } from '../support/app-theme.js';

useSeparateDatabase('stride-test-app-shell');

describe('stride-app', () => {
  before(() => appTheme);

  it('draws the shell first and the page once the services arrive (as main.ts hands them over)', async () => {
    const app = await fixture<StrideApp>(html`<stride-app></stride-app>`);
    expect(app.shadowRoot!.querySelector('nav')).to.not.equal(null);
    expect(app.shadowRoot!.querySelector('#outlet')!.children.length).to.equal(0);
    app.services = createServices();
    await waitUntil(() => app.shadowRoot!.querySelector('#outlet')!.children.length > 0, 'a page in the outlet');
    expect(app.shadowRoot!.querySelector('#outlet')!.firstElementChild!.localName).to.equal('stride-live-page');
  });

  it('says so, and leaves the data alone, when stored data comes from a newer Stridewise', async () => {
    await set('schema', 99, kvStore());
    const services = createServices();
    const app = await fixture<StrideApp>(html`<stride-app .services=${services}></stride-app>`);
    expect(await services.data.migrate()).to.equal(false);
    await waitUntil(() => app.shadowRoot!.querySelector('.problem') !== null, 'problem shown');
    expect(app.shadowRoot!.querySelector('.problem')!.textContent).to.match(/newer/i);
    await expect(app).to.be.accessible();
  });
});
