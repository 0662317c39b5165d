import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear, set } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-weeks-page.js';
import type { StrideWeeksChart } from '../../src/components/stride-weeks-chart.js';
import type { StrideWeeksCharts } from '../../src/components/stride-weeks-charts.js';
import type { StrideWeeksPage } from '../../src/pages/stride-weeks-page.js';
import type { CadenceBySpeedBand, SessionSummary } from '../../src/session/recorded-session.js';
import { speedBandLabel } from '../../src/session/weekly-trends.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { SESSIONS_KEY } from '../../src/store/session-store.js';
import { appTheme } from '../support/app-theme.js';
import { cutToHundredths } from '../support/shown-distance.js';

const DAY = 24 * 3600 * 1000;
/** Wednesday 19 March 2025, noon: "this week" starts on Monday 17 March. */
const now = new Date(2025, 2, 19, 12, 0).getTime();
const on = (month: number, day: number, hour = 7) => new Date(2025, month, day, hour, 0).getTime();

function summary(
  id: string,
  startedAt: number,
  totals: { distanceM: number; movingS: number; avgCadence: number; target: number; other: number; bands: Record<number, [seconds: number, cadence: number]> },
): SessionSummary {
  const cadenceBySpeedBand: CadenceBySpeedBand = {};
  for (const [band, [seconds, cadence]] of Object.entries(totals.bands)) {
    cadenceBySpeedBand[Number(band)] = { seconds, cadenceSeconds: seconds * cadence };
  }
  return {
    id,
    startedAt,
    name: id,
    notes: '',
    deviceName: null,
    origin: 'bluetooth',
    status: 'complete',
    movingS: totals.movingS,
    elapsedS: totals.movingS,
    distanceM: totals.distanceM,
    avgSpeedMps: totals.distanceM / totals.movingS,
    avgCadence: totals.avgCadence,
    zoneTimes: { low: totals.other, building: 0, target: totals.target, high: 0 },
    zones: { ...defaultCadenceZones },
    cadenceBySpeedBand,
    // Running seconds in and out of the 170–180 target.
    runningCadence: { 174: totals.target, 160: totals.other },
    sampleCount: totals.movingS,
  };
}

// Target zone 170–180. Band 6 is 3.0–3.5 m/s, band 7 3.5–4.0 m/s.
const summaries = [
  summary('in april', on(2, 18) - 350 * DAY, { distanceM: 9000, movingS: 3000, avgCadence: 150, target: 0, other: 3000, bands: { 6: [3000, 150] } }),
  summary('feb 25', on(1, 25), { distanceM: 6000, movingS: 2000, avgCadence: 166, target: 300, other: 1700, bands: { 6: [600, 164], 7: [300, 170] } }),
  // Week of 10 March: cadence at 3.0–3.5 m/s went 164 → 168 (distance to target 6 → 2), at 3.5–4.0 m/s stayed in the zone.
  summary('mar 11', on(2, 11), { distanceM: 5000, movingS: 1800, avgCadence: 168, target: 600, other: 1200, bands: { 6: [1200, 168], 8: [120, 180] } }),
  summary('mar 13', on(2, 13), { distanceM: 3000, movingS: 1200, avgCadence: 172, target: 300, other: 900, bands: { 7: [600, 172] } }),
  // This week: 165 at 3.0–3.5 m/s, further from the target again. Band 8 appears in one week only.
  summary('mar 18', on(2, 18), { distanceM: 4000, movingS: 1500, avgCadence: 165, target: 0, other: 1500, bands: { 6: [900, 165] } }),
];

async function weeksPage(options: { unit?: 'km' | 'mi'; stored?: SessionSummary[] } = {}) {
  await set(SESSIONS_KEY, options.stored ?? summaries, kvStore());
  const services = createServices();
  if (options.unit) await services.settings.update({ distanceUnit: options.unit });
  const page = await fixture<StrideWeeksPage>(html`<stride-weeks-page .services=${services} .now=${now}></stride-weeks-page>`);
  await waitUntil(() => services.history.loaded, 'the index was read');
  await page.updateComplete;
  return page;
}

const tableCells = (page: StrideWeeksPage, id: string) =>
  [...page.shadowRoot!.querySelectorAll(`#${id} tbody tr`)].map((tr) => [...tr.children].map((c) => c.textContent!.trim().replace(/\s+/g, ' ')));
const headers = (page: StrideWeeksPage, id: string) =>
  [...page.shadowRoot!.querySelectorAll(`#${id} thead th`)].map((th) => th.textContent!.trim());
const short = (epochMs: number) => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(epochMs);

describe('stride-weeks-page', () => {
  before(async () => {
    useSeparateDatabase('stride-test-weeks-page');
    await appTheme;
  });
  beforeEach(() => clear(kvStore()));

  it('shows the last 12 weeks by default with totals and averages per week, each stretch without runs as one row', async () => {
    const page = await weeksPage();
    expect(page.shadowRoot!.querySelector<HTMLSelectElement>('#weeks')!.value).to.equal('12');
    const rows = tableCells(page, 'totals');
    expect(rows).to.have.length(5);
    expect(rows[0], 'eight weeks without runs').to.deep.equal([`No runs, weeks of ${short(new Date(2024, 11, 30).getTime())} – ${short(on(1, 17, 0))}`]);
    expect(rows[1]!.slice(0, 7), 'week of 24 Feb').to.deep.equal([short(on(1, 24, 0)), '1', '6.00', '33:20', '166', '5:00', '15%']);
    expect(rows[2], 'an empty week').to.deep.equal([`No runs, week of ${short(on(2, 3, 0))}`]);
    // (168 × 1800 + 172 × 1200) / 3000 = 169.6; 900 s of 3000 s in the target zone.
    expect(rows[3]!.slice(0, 7), 'week of 10 Mar').to.deep.equal([short(on(2, 10, 0)), '2', '8.00', '50:00', '170', '15:00', '30%']);
    expect(rows[4]!.slice(0, 7), 'this week').to.deep.equal([short(on(2, 17, 0)), '1', '4.00', '25:00', '165', '0:00', '0%']);
    // Still 12 weeks in the charts, and a zero-run week is not a row of zeros anywhere.
    expect(page.rows).to.have.length(12);
    expect(rows.some((r) => r[1] === '0')).to.equal(false);
    await expect(page).to.be.accessible();
  });

  it('shows a new runner the weeks since their first run only', async () => {
    const page = await weeksPage({ stored: summaries.slice(2) });
    // First run on 11 March: the weeks of 10 and 17 March.
    expect(page.rows.map((r) => r.weekStart)).to.deep.equal([on(2, 10, 0), on(2, 17, 0)]);
    expect(tableCells(page, 'totals').map((r) => r[0])).to.deep.equal([short(on(2, 10, 0)), short(on(2, 17, 0))]);
    expect(page.shadowRoot!.querySelector('#since-first')!.textContent).to.equal('(2 since your first run)');
    const charts = page.shadowRoot!.querySelector<StrideWeeksCharts>('stride-weeks-charts')!;
    expect(charts.rows).to.have.length(2);
    expect((await weeksPage()).shadowRoot!.querySelector('#since-first'), 'not for a runner with a year of runs').to.equal(null);
  });

  it('names the toward-target column in the hint as the column does', async () => {
    const page = await weeksPage();
    const header = headers(page, 'totals').at(-1)!;
    expect(header).to.equal('Toward target (matched pace)');
    const hint = page.shadowRoot!.querySelector('#totals-hint')!.textContent!.replace(/\s+/g, ' ');
    expect(hint).to.contain('“Toward target” compares cadence at matched pace');
    expect(hint).to.not.match(/closer to target/i);
  });

  it('says in words which weeks rest on runs whose time in target is estimated', async () => {
    expect((await weeksPage()).shadowRoot!.querySelector('#estimated'), 'none while every run keeps its cadences').to.equal(null);
    // Stored before running seconds by cadence were kept: 13 March is judged from its 600 s at 172 at 3.5–4.0 m/s.
    const stored = summaries.map((s) => (s.id === 'mar 13' ? { ...s, runningCadence: undefined } : s));
    const page = await weeksPage({ stored: stored.map(({ runningCadence, ...rest }) => (runningCadence ? { ...rest, runningCadence } : rest)) });
    expect(page.shadowRoot!.querySelector('#estimated')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      '1 run was recorded before the app kept cadence second by second: time in target for it is estimated from the average cadence at each pace.',
    );
    // 600 s in target on 11 March, 600 s of 600 s on 13 March: 1200 of 2400 running seconds.
    expect(tableCells(page, 'totals')[3]!.slice(5, 7)).to.deep.equal(['20:00', '50%']);
  });

  it('draws the weeks as charts above the tables, which stay for the exact numbers', async () => {
    const page = await weeksPage();
    const charts = page.shadowRoot!.querySelector<StrideWeeksCharts>('stride-weeks-charts')!;
    await charts.updateComplete;
    const kinds = [...charts.shadowRoot!.querySelectorAll<StrideWeeksChart>('stride-weeks-chart')].map((c) => c.kind);
    expect(kinds).to.deep.equal(['volume', 'share', 'cadence']);
    for (const chart of charts.shadowRoot!.querySelectorAll<StrideWeeksChart>('stride-weeks-chart')) {
      expect(chart.shadowRoot!.querySelector('canvas') !== null, chart.kind).to.equal(true);
    }
    const totals = page.shadowRoot!.querySelector('#totals')!;
    const matched = page.shadowRoot!.querySelector('#matched')!;
    const follows = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    expect(follows(charts, totals) && follows(charts, matched), 'charts come before both tables').to.equal(true);
    expect(tableCells(page, 'totals')).to.have.length(5);
    // The charts get the same weeks and bands as the tables.
    expect(charts.rows).to.have.length(12);
    expect([...charts.bands]).to.deep.equal([6, 7]);
    expect(charts.shadowRoot!.querySelector('#volume-readout')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      `Latest week with runs, week of ${short(on(2, 17, 0))}: 1 run, 25:00 running, 4.00 km`,
    );
    await expect(page).to.be.accessible();
  });

  it('redraws the charts for the weeks chosen', async () => {
    const page = await weeksPage();
    const select = page.shadowRoot!.querySelector<HTMLSelectElement>('#weeks')!;
    select.value = '26';
    select.dispatchEvent(new Event('change'));
    await page.updateComplete;
    const charts = page.shadowRoot!.querySelector<StrideWeeksCharts>('stride-weeks-charts')!;
    await charts.updateComplete;
    const volume = charts.shadowRoot!.querySelector<StrideWeeksChart>('stride-weeks-chart[kind=volume]')!;
    await volume.updateComplete;
    expect(volume.plot!.data[0]).to.have.length(26);
  });

  it('tables cadence at matched pace: weeks as rows, bands seen in two weeks as columns, a dash where there is none', async () => {
    const page = await weeksPage();
    const head = headers(page, 'matched');
    expect(head).to.deep.equal(['Week of', speedBandLabel(6, 'km'), speedBandLabel(7, 'km'), 'Toward target (matched pace)']);
    expect(head[1]).to.equal('3.0–3.5 m/s · 5:33–4:45 /km');
    const rows = tableCells(page, 'matched');
    expect(rows.map((r) => r.slice(0, 3))).to.deep.equal([
      [`No runs, weeks of ${short(new Date(2024, 11, 30).getTime())} – ${short(on(1, 17, 0))}`],
      [short(on(1, 24, 0)), '164', '170'],
      [`No runs, week of ${short(on(2, 3, 0))}`],
      [short(on(2, 10, 0)), '168', '172'],
      [short(on(2, 17, 0)), '165', '–'],
    ]);
    expect(page.shadowRoot!.querySelector('#why-matched')!.textContent).to.match(/cadence rises with speed/i);
  });

  it('marks the weeks that moved toward the target zone in words, not only colour', async () => {
    const page = await weeksPage();
    const toward = tableCells(page, 'matched').filter((r) => r.length > 1).map((r) => r.at(-1));
    // The week of 24 Feb is the oldest of the 12 shown; it is judged against the run of last April (150 → 164).
    expect(toward).to.deep.equal(['↑closer to target', '↑closer to target', '↓further from target']);
    const totals = tableCells(page, 'totals');
    expect(totals[1]![7]).to.equal('↑closer to target');
    expect(totals[3]![7]).to.equal('↑closer to target');
    expect(totals[4]![7]).to.equal('↓further from target');
    const marked = page.shadowRoot!.querySelector('#totals tbody tr:nth-child(4) .closer')!;
    expect(marked.textContent).to.contain('closer to target');
    expect(marked.querySelector('.arrow')!.getAttribute('aria-hidden')).to.equal('true');
    // Without last April's run nothing comes before the week of 24 Feb at its paces.
    const first = await weeksPage({ stored: summaries.slice(1) });
    expect(tableCells(first, 'totals')[0]![7]).to.equal('no earlier week at these paces');
  });

  it('changes how many weeks it shows', async () => {
    const page = await weeksPage();
    const select = page.shadowRoot!.querySelector<HTMLSelectElement>('#weeks')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['4', '8', '12', '26', '52']);
    select.value = '4';
    select.dispatchEvent(new Event('change'));
    await page.updateComplete;
    expect(page.rows).to.have.length(4);
    expect(tableCells(page, 'totals').map((r) => r[0])).to.deep.equal([short(on(1, 24, 0)), `No runs, week of ${short(on(2, 3, 0))}`, short(on(2, 10, 0)), short(on(2, 17, 0))]);
    expect(tableCells(page, 'matched').filter((r) => r.length > 1).map((r) => r[1])).to.deep.equal(['164', '168', '165']);

    select.value = '52';
    select.dispatchEvent(new Event('change'));
    await page.updateComplete;
    // A year back reaches the April session, the first run: the 51 weeks since it.
    expect(page.rows).to.have.length(51);
    expect(page.rows[0]!.sessions).to.equal(1);
    expect(tableCells(page, 'totals').filter((r) => r.length > 1).length).to.equal(4);
    await expect(page).to.be.accessible();
  });

  it('labels pace bands and distances in miles for a runner who uses miles', async () => {
    const page = await weeksPage({ unit: 'mi' });
    expect(headers(page, 'matched')[1]).to.equal(speedBandLabel(6, 'mi'));
    expect(headers(page, 'matched')[1]).to.contain('/mi');
    expect(tableCells(page, 'totals')[3]![2]).to.equal(cutToHundredths(8000 / 1609.344));
  });

  it('explains when no pace band can be compared yet', async () => {
    const page = await weeksPage({ stored: summaries.slice(4) });
    expect(page.shadowRoot!.querySelector('#matched')).to.equal(null);
    expect(page.shadowRoot!.querySelector('#no-bands')!.textContent).to.contain('two of these weeks');
  });

  it('points to the live page when nothing is recorded', async () => {
    const page = await weeksPage({ stored: [] });
    expect(page.shadowRoot!.querySelector('a[href="/"]')).to.not.equal(null);
    expect(page.shadowRoot!.querySelector('#totals')).to.equal(null);
    await expect(page).to.be.accessible();
  });
});
