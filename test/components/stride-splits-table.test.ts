// The splits and laps of a run on a phone and on a desktop, in both themes: a card per split with
// every value labelled below 37.5rem, nothing scrolled sideways; the table above it.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/components/stride-splits-table.js';
import type { StrideSplitsTable } from '../../src/components/stride-splits-table.js';
import type { Split } from '../../src/session/splits.js';
import { themes, useTheme } from '../support/app-theme.js';
import { insideWindow, isShown, sidewaysOverflow, wideTableFaults } from '../support/table-cards.js';

const splits: Split[] = [0, 1, 2].map((index) => ({
  index, label: index < 2 ? `${index + 1} km` : '2.37 km', startT: index * 330, endT: index * 330 + 330,
  distanceM: index < 2 ? 1000 : 370, durationS: index < 2 ? 330 : 121, avgSpeedMps: 3.03, avgCadence: 171.4 + index, avgStrideM: 1.06,
}));

async function splitsTable(unit: 'km' | 'mi' = 'km'): Promise<StrideSplitsTable> {
  // As on the run's page: inside 1 rem of padding.
  const wrap = await fixture<HTMLElement>(html`<div style="padding: 1rem"><stride-splits-table .splits=${splits} unit=${unit}
    caption="Splits per kilometre"></stride-splits-table></div>`);
  const table = wrap.querySelector('stride-splits-table')!;
  await table.updateComplete;
  return table;
}

const headers = (table: StrideSplitsTable) => [...table.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent!.trim());

describe('stride-splits-table', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const theme of themes) {
    it(`shows each split as a card on a 390 px phone, cadence and stride labelled and on screen (${theme})`, async () => {
      await useTheme(theme);
      await setViewport({ width: 390, height: 844 });
      const table = await splitsTable('mi');
      expect(sidewaysOverflow(table.shadowRoot!), 'wider than their box').to.deep.equal([]);
      expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
      const columns = headers(table);
      expect(columns).to.deep.equal(['Split', 'Time', 'Distance (mi)', 'Pace (min/mi)', 'Cadence (steps/min)', 'Stride (m)']);
      for (const row of table.shadowRoot!.querySelectorAll('tbody tr')) {
        const name = row.querySelector('th')!;
        expect(isShown(name) && insideWindow(name)).to.equal(true);
        for (const [i, cell] of [...row.querySelectorAll('td')].entries()) {
          const label = cell.querySelector('.card-label')!;
          expect(isShown(cell) && insideWindow(cell), `${columns[i + 1]} of ${name.textContent}`).to.equal(true);
          expect(isShown(label) && insideWindow(label), `the label of ${columns[i + 1]}`).to.equal(true);
          expect(label.textContent).to.equal(columns[i + 1]);
          expect(label.getAttribute('aria-hidden'), 'heard once, as the column header').to.equal('true');
        }
      }
      const cadence = table.shadowRoot!.querySelector('tbody tr td:nth-of-type(4)')!;
      expect(cadence.textContent).to.equal('Cadence (steps/min)171');
      await expect(table).to.be.accessible();
    });

    it(`keeps the table on a 1280 px screen, one line per split and no card labels (${theme})`, async () => {
      await useTheme(theme);
      await setViewport({ width: 1280, height: 800 });
      const table = await splitsTable();
      expect(wideTableFaults(table.shadowRoot!, 'tr', ':scope > *')).to.deep.equal([]);
      expect(isShown(table.shadowRoot!.querySelector('thead')!)).to.equal(true);
      await expect(table).to.be.accessible();
    });
  }
});
