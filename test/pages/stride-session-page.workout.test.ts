// A run with a treadmill workout in it: the session page's pace chart carries the planned pace of
// each step (from the recording's workout mark) beside the footpod's and the belt's, over time and
// over distance, with a legend that names the workout as text; a run without one shows none.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-session-page.js';
import type { StrideSessionPage } from '../../src/pages/stride-session-page.js';
import type { StrideSessionChart } from '../../src/components/stride-session-chart.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
import { paceSeconds } from '../../src/session/units.js';
import { appTheme } from '../support/app-theme.js';
import { generatedSession } from '../support/generated-sessions.js';

useSeparateDatabase('stride-test-session-workout');

const startedAt = new Date(2025, 4, 6, 18, 0).getTime();

async function sessionPage(id: string) {
  const page = await fixture<StrideSessionPage>(html`<stride-session-page style="width:900px" .services=${createServices()} .sessionId=${id}></stride-session-page>`);
  await waitUntil(() => page.opened !== null, 'the session was opened');
  await page.updateComplete;
  await Promise.all(page.charts.map((chart) => chart.updateComplete));
  return page;
}
const paceChart = (page: StrideSessionPage) => page.shadowRoot!.querySelector<StrideSessionChart>('#pace-chart')!;

describe('the session page with a workout', () => {
  before(() => appTheme);
  beforeEach(() => clear(kvStore()));

  it('draws each step’s planned pace on the pace chart, over time and distance, and names the workout in the legend', async () => {
    const session = generatedSession({ id: 'workout', startedAt, minutes: 10, cadenceBase: 172, speed: 3 });
    session.samples.treadmillSpeedMps.fill(3);
    session.meta.workout = {
      workoutId: 'library-intervals', name: 'Intervals <b>6 × 3</b>',
      steps: [
        { fromT: 0, name: 'Warm up', speedKmh: 9, inclinePercent: null, cadence: null },
        { fromT: 180, name: 'Hard', speedKmh: 12.5, inclinePercent: 1, cadence: null },
        { fromT: 360, name: 'Easy', speedKmh: null, inclinePercent: null, cadence: null },
      ],
    };
    await saveSession(session);
    const page = await sessionPage('workout');
    const chart = paceChart(page);
    expect(chart.planned.map((s) => [s.from, s.to])).to.deep.equal([[0, 180], [180, 360]]);
    expect(chart.planned[1]!.paceS).to.be.closeTo(paceSeconds(12.5 / 3.6, 'km')!, 1e-9);
    const legend = page.shadowRoot!.querySelector('#planned-legend')!;
    expect(legend.textContent!.trim()).to.equal('Wide, pale: planned by “Intervals <b>6 × 3</b>”');
    expect(legend.querySelector('b')).to.equal(null);
    expect(page.shadowRoot!.querySelector('#pace-legend')!.textContent).to.contain('Dashed: treadmill belt');

    page.x = 'distance';
    await page.updateComplete;
    await paceChart(page).updateComplete;
    const overDistance = paceChart(page).planned;
    // 3 m/s: the second step starts at about 540 m.
    expect(Math.round(overDistance[1]!.from / 10) * 10).to.equal(540);
  });

  it('shows no planned pace for a run without a workout', async () => {
    await saveSession(generatedSession({ id: 'plain', startedAt, minutes: 10, cadenceBase: 172, speed: 3 }));
    const page = await sessionPage('plain');
    expect(paceChart(page).planned).to.deep.equal([]);
    expect(page.shadowRoot!.querySelector('#planned-legend')).to.equal(null);
  });
});
