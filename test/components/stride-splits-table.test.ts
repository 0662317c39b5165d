// The splits and laps of a run on a phone and on a desktop, in both themes: a card per split with
// every value labelled below 37.5rem, nothing scrolled sideways; the table above it.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/components/stride-splits-table.js';
import type { StrideSplitsTable } from '../../src/components/stride-splits-table.js';
import { type Split, distanceSplits } from '../../src/session/splits.js';
import { columnsOf } from '../export/session-fixture.js';
import { themes, useTheme } from '../support/app-theme.js';
import { insideWindow, isShown, sidewaysOverflow, wideTableFaults } from '../support/table-cards.js';

const splits: Split[] = [0, 1, 2].map((index) => ({
  index, label: index < 2 ? `${index + 1} km` : '2.37 km', startT: index * 330, endT: index * 330 + 330,
  distanceM: index < 2 ? 1000 : 370, durationS: index < 2 ? 330 : 121, avgSpeedMps: 3.03, avgCadence: 171.4 + index, avgStrideM: 1.06, avgPowerW: null,
}));

async function splitsTable(unit: 'km' | 'mi' = 'km'): Promise<StrideSplitsTable> {
  // As on the run's page: inside 1 rem of padding, here a margin on the table itself. A plain <div>
  // around it would make fixture() wait for an animation frame, which a tab in the background
  // (another test file in front) never draws.
  const table = await fixture<StrideSplitsTable>(html`<stride-splits-table style="margin: 1rem" .splits=${splits} unit=${unit}
    caption="Splits per kilometre"></stride-splits-table>`);
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

/** Each body row's cells as text, without the card labels. */
const rowTexts = (table: StrideSplitsTable): string[][] =>
  [...table.shadowRoot!.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('th, td')].map((c) => [...c.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim()),
  );

describe('stride-splits-table: distance, time and pace agree', () => {
  it('a stretch of 996 m in 4:59 reads 0.99 km (cut, as times are), never 1.00 km at 5:00/km', async () => {
    const speed = 996 / 299;
    const samples = columnsOf(Array.from({ length: 300 }, (_, t) => ({ t, speedMps: speed, cadence: 172, strideLengthM: null, running: true })));
    expect(samples.distanceM[299]).to.be.closeTo(996, 1e-9);
    const table = await fixture<StrideSplitsTable>(html`<stride-splits-table .splits=${distanceSplits(samples, 'km')} unit="km"></stride-splits-table>`);
    const [label, time, distance, pace] = rowTexts(table)[0]!;
    expect({ label, time, distance, pace }).to.deep.equal({ label: '0.99 km', time: '4:59', distance: '0.99', pace: '5:00' });
  });

  it('a 1 km split of 35:00 (30 min standing in it, auto-pause off) reads 35:00/km', async () => {
    const run = 10 / 3;
    const samples = columnsOf(Array.from({ length: 2131 }, (_, t) => {
      const standing = t >= 150 && t < 1950;
      return { t, speedMps: standing ? 0 : run, cadence: standing ? 0 : 172, strideLengthM: null, running: !standing };
    }));
    const table = await fixture<StrideSplitsTable>(html`<stride-splits-table .splits=${distanceSplits(samples, 'km')} unit="km"></stride-splits-table>`);
    const [label, time, distance, pace] = rowTexts(table)[0]!;
    expect({ label, time, distance, pace }).to.deep.equal({ label: '1 km', time: '35:00', distance: '1.00', pace: '35:00' });
  });
});
