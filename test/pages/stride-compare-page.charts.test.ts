import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { clear } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-compare-page.js';
import type { StrideComparePage } from '../../src/pages/stride-compare-page.js';
import type { StrideSessionChart } from '../../src/components/stride-session-chart.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
import { appTheme, themes, useTheme } from '../support/app-theme.js';
import { generatedSession } from '../support/generated-sessions.js';

const start = new Date(2025, 5, 2, 6, 45).getTime();
/** An imported easy run at 150 steps/min, with a watch file's bad records: 0 and 250 steps/min, a 12 m stride, a GPS jump. */
const easy = generatedSession({ id: 'easy', startedAt: start, minutes: 20, cadenceBase: 150, speed: 2.6, name: 'Easy run' });
easy.samples.cadence[100] = 0;
easy.samples.cadence[200] = 250;
easy.samples.strideLengthM[300] = 12;
easy.samples.speedMps[400] = 60;
const fast = generatedSession({ id: 'fast', startedAt: start + 7 * 86_400_000, minutes: 10, cadenceBase: 186, speed: 4, name: 'Faster run' });

async function comparePage() {
  const services = createServices();
  const page = await fixture<StrideComparePage>(html`<stride-compare-page .services=${services} sessionA="easy" sessionB="fast"></stride-compare-page>`);
  await waitUntil(() => page.openedA !== null && page.openedB !== null && services.history.loaded, 'both sessions opened');
  await page.updateComplete;
  await Promise.all(page.charts.map((chart) => chart.updateComplete));
  await new Promise((resolve) => setTimeout(resolve));
  return page;
}

const chart = (page: StrideComparePage, kind: string) => page.shadowRoot!.querySelector<StrideSessionChart>(`#${kind}-chart`)!;
const yOf = (c: StrideSessionChart) => [c.plot!.scales.y!.min!, c.plot!.scales.y!.max!];

describe('stride-compare-page charts', () => {
  before(async () => {
    useSeparateDatabase('stride-test-compare-page-charts');
    await appTheme;
  });
  beforeEach(async () => {
    await clear(kvStore());
    for (const session of [easy, fast]) await saveSession(session);
  });
  after(() => Promise.all([setViewport({ width: 800, height: 600 }), useTheme('dark')]));

  it('puts both runs on one scale that fits them both, not the easy run\'s bad records', async () => {
    const page = await comparePage();
    // Cadence 148-152 and 184-188; the target zone 170-180 between them.
    expect(yOf(chart(page, 'cadence'))).to.deep.equal([145, 195]);
    // Strides 1.03-1.05 m and 1.28-1.31 m, not 12 m.
    expect(yOf(chart(page, 'stride'))).to.deep.equal([0.9, 1.4]);
    // 6:24 /km and 4:10 /km (6:24.9, cut to the second as times are), not the jump's 0:17.
    expect(yOf(chart(page, 'pace'))).to.deep.equal([240, 420]);
  });

  for (const width of [1280, 390]) {
    for (const theme of themes) {
      it(`reads both runs at the cursor, above the plot (${width} px, ${theme})`, async () => {
        await setViewport({ width, height: 800 });
        await useTheme(theme);
        const page = await comparePage();
        const cadence = chart(page, 'cadence');
        const over = cadence.plot!.over;
        const rect = over.getBoundingClientRect();
        const tops = page.charts.map((c) => c.plot!.over.getBoundingClientRect().top);
        over.dispatchEvent(new MouseEvent('mousemove', { clientX: rect.left + cadence.plot!.valToPos(240, 'x'), clientY: rect.top + 10, bubbles: true }));
        await Promise.all(page.charts.map((c) => c.updateComplete));
        for (const c of page.charts) {
          const readout = c.shadowRoot!.querySelector('.readout')!;
          const lines = [...readout.querySelectorAll('p')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim());
          expect(lines, c.kind).to.have.length(2);
          expect(lines[0]).to.match(/^Solid Time 4:0\d Distance 0\.6\d km /);
          expect(lines[1]).to.match(/^Dashed Time 4:0\d Distance 0\.9\d km /);
          expect(readout.getBoundingClientRect().bottom, `${c.kind}: readout above the plot`).to.be.at.most(c.plot!.over.getBoundingClientRect().top);
          expect(readout.getBoundingClientRect().right).to.be.at.most(document.documentElement.clientWidth);
        }
        expect(page.charts.map((c) => c.plot!.over.getBoundingClientRect().top), 'the plots stay put').to.deep.equal(tops);
        const pace = chart(page, 'pace').shadowRoot!.querySelector('.readout')!.textContent!.replace(/\s+/g, ' ');
        expect(pace).to.contain('Pace 6:24 /km').and.to.contain('Pace 4:10 /km');
        expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
      });
    }
  }
});
