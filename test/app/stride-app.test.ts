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

  it('shows each notice, newest last, each dismissed by its own button; a long file name wraps on a phone', async () => {
    const services = createServices();
    const app = await fixture<StrideApp>(html`<stride-app .services=${services} style="width: 390px"></stride-app>`);
    services.data.announce('Stored data was checked: “Tempo Thursday” was taken off the list.', false);
    services.data.announce(`${'Forerunner_965_2026-12-06_07-31-44_Long_Sunday_run_with_the_club'.repeat(2)}.fit: Imported “Long Sunday run”.`, true);
    await app.updateComplete;
    const shown = () => [...app.shadowRoot!.querySelectorAll<HTMLElement>('.notice')];
    expect(shown().map((p) => [p.textContent!.trim().slice(0, 24), p.classList.contains('news')])).to.deep.equal([
      ['Stored data was checked:', false],
      ['Forerunner_965_2026-12-0', true],
    ]);
    for (const notice of shown()) expect(notice.scrollWidth, 'wraps within 390 px').to.be.at.most(notice.clientWidth);
    expect(app.scrollWidth).to.be.at.most(390);
    await expect(app).to.be.accessible();
    shown()[0]!.querySelector('button')!.click();
    await app.updateComplete;
    expect(shown().map((p) => p.classList.contains('news'))).to.deep.equal([true]);
  });
});
