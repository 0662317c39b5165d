import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-import-progress.js';
import type { StrideImportProgress } from '../../src/components/stride-import-progress.js';
import { appTheme } from '../support/app-theme.js';

describe('stride-import-progress', () => {
  before(() => appTheme);

  it('says which file and how far in words, on a progress bar named by them; a file name is text, never markup', async () => {
    const name = '<img src=x onerror="window.hacked = 1">.tcx';
    const el = await fixture<StrideImportProgress>(html`<stride-import-progress .fileName=${name} .percent=${42}></stride-import-progress>`);
    const bar = el.shadowRoot!.querySelector('progress')!;
    expect(el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Importing ${name}… 42 %`);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect([bar.value, bar.max]).to.deep.equal([42, 100]);
    expect(bar.labels[0]?.textContent).to.contain(name);
    await expect(el).to.be.accessible();
    el.percent = 43;
    await el.updateComplete;
    expect([bar.value, el.shadowRoot!.querySelector('label')!.textContent!.includes('43 %')]).to.deep.equal([43, true]);
  });
});
