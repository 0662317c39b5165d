import { expect } from '@open-wc/testing';
import { escapeXml } from '../../src/export/xml-text.js';

describe('escapeXml', () => {
  const rows: Array<[string, string]> = [
    ['plain', 'plain'],
    ['<script>&</script>', '&lt;script&gt;&amp;&lt;/script&gt;'],
    [`"quoted" 'single'`, '&quot;quoted&quot; &apos;single&apos;'],
    ['&amp; stays text', '&amp;amp; stays text'],
    ['bell\u0007 nul\u0000 tab\t line\n', 'bell nul tab\t line\n'],
    ['lone \uD800 surrogate, pair 🏃', 'lone  surrogate, pair 🏃'],
  ];
  for (const [input, output] of rows) {
    it(JSON.stringify(input), () => expect(escapeXml(input)).to.equal(output));
  }

  it('gives text the XML parser reads back as the same text, never as markup', () => {
    const text = '<b onclick="x()">Tempo</b> & <![CDATA[ ]]> <!-- c -->';
    const doc = new DOMParser().parseFromString(`<n>${escapeXml(text)}</n>`, 'application/xml');
    expect(doc.documentElement.children.length).to.equal(0);
    expect(doc.documentElement.textContent).to.equal(text);
  });
});
