// History and Weeks say which runs were the retraining program's: a session "Program 5/8", a test
// "Baseline test" or "Retention test, 1 week", from SessionSummary.program alone; the Weeks cadence
// chart marks the weeks that hold a test and names them in its readout and key.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear, set } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-history-page.js';
import '../../src/pages/stride-weeks-page.js';
import type { StrideHistoryPage } from '../../src/pages/stride-history-page.js';
import type { StrideWeeksPage } from '../../src/pages/stride-weeks-page.js';
import type { StrideWeeksCharts } from '../../src/components/stride-weeks-charts.js';
import type { StrideWeeksChart } from '../../src/components/stride-weeks-chart.js';
import type { ProgramMark, SessionSummary } from '../../src/session/recorded-session.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { SESSIONS_KEY } from '../../src/store/session-store.js';
import { weekTestMarks } from '../../src/charts/weeks-chart-tests.js';
import { weeksChartKey, weeksChartOptions } from '../../src/charts/weeks-chart-options.js';
import { weeksChartColumns } from '../../src/charts/weeks-chart-data.js';
import { fallbackWeeksChartColors } from '../../src/charts/weeks-chart-colors.js';
import { defaultPlanSettings } from '../../src/session/plan-settings.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { appTheme } from '../support/app-theme.js';
import { summary } from '../support/session-summaries.js';

/** Wednesday 19 March 2025, noon. */
const now = new Date(2025, 2, 19, 12, 0).getTime();
const at = (month: number, day: number) => new Date(2025, month, day, 7).getTime();
const test = (kind: ProgramMark['test'], block = 1): ProgramMark => ({ kind: 'test', test: kind, n: null, block, mainFromT: 300_000, mainToT: 600_000 });
const session = (n: number): ProgramMark => ({ kind: 'session', test: null, n, block: 1, mainFromT: 300_000, mainToT: 1_200_000 });

const runs: SessionSummary[] = [
  summary(at(1, 24), { id: 'plain', name: 'Easy', bands: [[6, 1200, 160]] }),
  summary(at(2, 3), { id: 'baseline', name: 'Baseline', program: test('baseline', 0), bands: [[6, 600, 162]] }),
  summary(at(2, 5), { id: 'p1', name: 'One', program: session(1), bands: [[6, 1200, 168]] }),
  summary(at(2, 7), { id: 'p2', name: 'Two', program: session(2), bands: [[6, 1200, 169]] }),
  summary(at(2, 18), { id: 'retest', name: 'Retest', program: test('one-week'), bands: [[6, 600, 170]] }),
  // A mark damaged in storage (a test kind no program has): shown nowhere, the run stays an ordinary run.
  summary(at(2, 19), { id: 'damaged', name: 'Damaged', program: { ...test('one-week'), test: 'retention' as ProgramMark['test'] }, bands: [[6, 600, 171]] }),
];

describe('program runs in History and Weeks', () => {
  before(async () => {
    useSeparateDatabase('stride-test-program-marks');
    await appTheme;
  });
  beforeEach(async () => {
    await clear(kvStore());
    await set(SESSIONS_KEY, runs, kvStore());
  });

  it('History labels each program run beside its title, and no other run', async () => {
    const services = createServices();
    const page = await fixture<StrideHistoryPage>(html`<stride-history-page .services=${services}></stride-history-page>`);
    await waitUntil(() => services.history.loaded, 'the list was read', { timeout: 5000 });
    await page.updateComplete;
    const label = (id: string) => page.shadowRoot!.querySelector(`tr[data-id="${id}"] .tag.program`)?.textContent?.trim() ?? null;
    expect(label('baseline')).to.equal('Baseline test');
    expect(label('p1')).to.equal('Program 1/8');
    expect(label('p2')).to.equal('Program 2/8');
    expect(label('retest')).to.equal('Retention test, 1 week');
    expect(label('plain')).to.equal(null);
    expect(label('damaged'), 'a damaged mark shows no tag').to.equal(null);
    await expect(page).to.be.accessible();
  });

  it('Weeks names the program runs under their week, and marks the weeks with a test on the cadence chart', async () => {
    const services = createServices();
    const page = await fixture<StrideWeeksPage>(html`<stride-weeks-page .services=${services} .now=${now}></stride-weeks-page>`);
    await waitUntil(() => services.history.loaded, 'the index was read', { timeout: 5000 });
    await page.updateComplete;
    const week = (month: number, day: number) =>
      page.shadowRoot!.querySelector(`#totals tr[data-week="${new Date(2025, month, day).getTime()}"] th .program`)?.textContent?.trim() ?? null;
    expect(week(2, 3)).to.equal('Baseline test, Program 1/8, Program 2/8');
    expect(week(2, 17)).to.equal('Retention test, 1 week');
    expect(week(1, 24), 'a week of plain runs').to.equal(null);

    const charts = page.shadowRoot!.querySelector<StrideWeeksCharts>('stride-weeks-charts')!;
    const index = (month: number, day: number) => page.rows.findIndex((r) => r.weekStart === new Date(2025, month, day).getTime());
    expect(charts.tests.map((t) => [t.x, t.label])).to.deep.equal([[index(2, 3), 'Baseline'], [index(2, 17), 'Retest 1 wk']]);
    await charts.updateComplete;
    const cadence = charts.shadowRoot!.querySelector<StrideWeeksChart>('stride-weeks-chart[kind="cadence"]')!;
    await cadence.updateComplete;
    expect(cadence.tests).to.equal(charts.tests);
    expect(cadence.shadowRoot!.querySelector('.key')!.textContent).to.contain('Program test');
    for (const kind of ['volume', 'share']) {
      expect(charts.shadowRoot!.querySelector<StrideWeeksChart>(`stride-weeks-chart[kind="${kind}"]`)!.tests, kind).to.have.length(0);
    }
    // The latest week with runs is the one the readout names first.
    expect(charts.shadowRoot!.querySelector('#cadence-readout')!.textContent).to.contain('Retention test, 1 week this week');
    expect(charts.shadowRoot!.querySelector('#cadence-figure figcaption')!.textContent).to.contain('weeks with a program test marked');
    await expect(page).to.be.accessible();
  });

  it('the marks are the same array while nothing changed, so the charts are not built again', async () => {
    const services = createServices();
    const page = await fixture<StrideWeeksPage>(html`<stride-weeks-page .services=${services} .now=${now}></stride-weeks-page>`);
    await waitUntil(() => services.history.loaded, 'the index was read', { timeout: 5000 });
    expect(page.testWeeks).to.equal(page.testWeeks);
  });

  it('the cadence chart draws one plugin more, and its key one entry more, only with tests', () => {
    const rows = [0, 1, 2].map((i) => ({
      weekStart: new Date(2025, 2, 3 + 7 * i).getTime(), sessions: 1, distanceM: 5000, movingS: 1800, runningS: 1800, avgCadence: 168,
      targetZoneS: 0, targetShare: 0, estimatedRuns: 0, cadenceByBand: { 6: 168 }, towardTarget: null,
    }));
    const tests = weekTestMarks(rows, [summary(rows[1]!.weekStart + 3600_000, { program: test('end-of-block') })]);
    expect(tests).to.deep.equal([{ x: 1, label: 'Retest', tests: ['end-of-block'] }]);
    const columns = weeksChartColumns(rows, { bands: [6], unit: 'km', plan: defaultPlanSettings });
    const config = (withTests: boolean) => ({
      kind: 'cadence' as const, columns, width: 600, height: 180, unit: 'km' as const, colors: fallbackWeeksChartColors, bandLabels: ['x'],
      zones: () => defaultCadenceZones, proposal: null, syncKey: 'k', onWeek: () => undefined, ...(withTests ? { tests } : {}),
    });
    expect(weeksChartOptions(config(true)).plugins!.length).to.equal(weeksChartOptions(config(false)).plugins!.length + 1);
    expect(weeksChartKey(config(true), weeksChartOptions(config(true))).map((e) => e.label)).to.include('Program test (cue-free, at the test speed)');
    expect(weeksChartKey(config(false), weeksChartOptions(config(false))).map((e) => e.label)).to.not.include('Program test (cue-free, at the test speed)');
  });

  it('a test outside the weeks shown, or a run with no program, marks nothing', () => {
    const rows = [{ weekStart: new Date(2025, 2, 17).getTime() }] as unknown as Parameters<typeof weekTestMarks>[0];
    expect(weekTestMarks(rows, [summary(at(2, 3), { program: test('baseline') }), summary(at(2, 18))])).to.deep.equal([]);
    expect(weekTestMarks([], runs)).to.deep.equal([]);
  });
});
