import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-compare-page.js';
import type { StrideComparePage } from '../../src/pages/stride-compare-page.js';
import type { StrideSessionChart } from '../../src/components/stride-session-chart.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
import { appTheme } from '../support/app-theme.js';
import { generatedSession } from '../support/generated-sessions.js';

const DAY = 24 * 3600 * 1000;
const start = new Date(2025, 5, 2, 6, 45).getTime();
const easy = generatedSession({ id: 'easy', startedAt: start, minutes: 10, cadenceBase: 166, speed: 3, name: 'Easy run' });
const fast = generatedSession({
  id: 'fast',
  startedAt: start + 7 * DAY,
  minutes: 8,
  cadenceBase: 178,
  speed: 3.5,
  name: 'Faster run',
  gaps: [{ fromT: 100, toT: 130, reason: 'paused' }],
});
const other = generatedSession({ id: 'other', startedAt: start + 9 * DAY, minutes: 3, cadenceBase: 174, speed: 3.2, name: 'Short <i>one</i>' });

async function comparePage(a: string, b: string) {
  const services = createServices();
  const page = await fixture<StrideComparePage>(
    html`<stride-compare-page style="width:900px" .services=${services} .sessionA=${a} .sessionB=${b}></stride-compare-page>`,
  );
  await waitUntil(() => page.openedA !== null && page.openedB !== null && services.history.loaded, 'both sessions opened');
  await page.updateComplete;
  await Promise.all(page.charts.map((chart) => chart.updateComplete));
  return { page, services };
}

const chart = (page: StrideComparePage, kind: string) => page.shadowRoot!.querySelector<StrideSessionChart>(`#${kind}-chart`)!;
const tick = () => new Promise((resolve) => setTimeout(resolve));

describe('stride-compare-page', () => {
  before(async () => {
    useSeparateDatabase('stride-test-compare-page');
    await appTheme;
  });
  beforeEach(async () => {
    await clear(kvStore());
    for (const session of [easy, fast, other]) await saveSession(session);
  });

  it('overlays the cadence of both sessions by elapsed time, with a legend naming both', async () => {
    const { page } = await comparePage('easy', 'fast');
    const legend = page.shadowRoot!.querySelector('.legend')!;
    expect(legend.querySelector('.name-a')!.textContent).to.equal('Easy run');
    expect(legend.querySelector('.name-b')!.textContent).to.equal('Faster run');
    expect(legend.textContent).to.contain('Solid').and.to.contain('Dashed');

    const plot = chart(page, 'cadence').plot!;
    expect(plot.series.slice(1).map((s) => s.label)).to.deep.equal(['Easy run', 'Faster run']);
    const [x, a, b] = plot.data;
    // Every second of the longer run; the pause's null row falls on a second the easy run has.
    expect(x!.length).to.equal(601);
    expect(x![115]).to.equal(115);
    expect(a![115]).to.equal(166 - 2 + (115 % 5));
    expect(b![115], 'the faster run was paused here').to.equal(null);
    expect(b![120], 'no sample, and not a gap: joined across').to.equal(undefined);
    expect(b![99]).to.equal(178 - 2 + (99 % 5));
    expect(b![500], 'after the faster run ended').to.equal(undefined);
    expect(a![600]).to.equal(166 - 2 + (600 % 5));
    expect(chart(page, 'stride').plot!.data).to.have.length(3);
    expect(chart(page, 'pace').plot!.data[2]![0]).to.be.closeTo(1000 / 3.5, 1e-3);
    await expect(page).to.be.accessible();
  });

  it('lines the sessions up by distance when asked', async () => {
    const { page } = await comparePage('easy', 'fast');
    page.shadowRoot!.querySelector<HTMLButtonElement>('#align-distance')!.click();
    await page.updateComplete;
    await chart(page, 'cadence').updateComplete;
    const [x, a, b] = chart(page, 'cadence').plot!.data;
    const at = (metres: number) => Array.from(x!).findIndex((v) => Math.abs(v - metres) < 1e-6);
    // 21 m: 7 s of the easy run, 6 s of the faster one.
    expect(a![at(21)]).to.equal(166 - 2 + (7 % 5));
    expect(b![at(21)]).to.equal(178 - 2 + (6 % 5));
    // 10.5 m is only on the faster run (3 s); 9 m only on the easy one (3 s).
    expect(b![at(10.5)]).to.equal(178 - 2 + 3);
    expect(a![at(10.5)]).to.equal(undefined);
    expect(a![at(9)]).to.equal(166 - 2 + 3);
    expect(x![x!.length - 1]).to.be.closeTo(600 * 3, 1e-6);
    expect(page.shadowRoot!.querySelector('#align-distance')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('swaps either session from its picker', async () => {
    const { page } = await comparePage('easy', 'fast');
    const pick = page.shadowRoot!.querySelector<HTMLSelectElement>('#pick-b')!;
    expect([...pick.options].map((o) => o.value)).to.deep.equal(['other', 'fast', 'easy']);
    expect(pick.value).to.equal('fast');
    pick.value = 'other';
    pick.dispatchEvent(new Event('change'));
    await waitUntil(() => page.openedB?.session?.meta.id === 'other', 'the new session opened');
    await page.updateComplete;
    await chart(page, 'cadence').updateComplete;
    expect(page.sessionB).to.equal('other');
    expect(page.shadowRoot!.querySelector('.name-b')!.textContent).to.equal('Short <i>one</i>');
    expect(page.shadowRoot!.querySelector('i')).to.equal(null);
    expect(chart(page, 'cadence').plot!.series[2]!.label).to.equal('Short <i>one</i>');
    expect(chart(page, 'cadence').plot!.data[2]![0]).to.equal(172);
  });

  it('zooms the three charts together and resets them', async () => {
    const { page } = await comparePage('easy', 'fast');
    chart(page, 'stride').plot!.setScale('x', { min: 60, max: 240 });
    await tick();
    await tick();
    for (const kind of ['cadence', 'pace']) {
      const { min, max } = chart(page, kind).plot!.scales.x!;
      expect([min, max], kind).to.deep.equal([60, 240]);
    }
    page.shadowRoot!.querySelector<HTMLButtonElement>('#reset-zoom')!.click();
    await tick();
    await tick();
    const { min, max } = chart(page, 'cadence').plot!.scales.x!;
    expect([min, max]).to.deep.equal([0, 600]);
  });

  it('says which session cannot be opened, and shows no charts', async () => {
    const { page } = await comparePage('easy', 'gone');
    const alerts = [...page.shadowRoot!.querySelectorAll('[role=alert]')];
    expect(alerts).to.have.length(1);
    expect(alerts[0]!.closest('.picker')!.querySelector('select')!.id).to.equal('pick-b');
    expect(alerts[0]!.textContent).to.match(/no session with this address/i);
    expect(page.shadowRoot!.querySelector('stride-session-chart')).to.equal(null);
    await expect(page).to.be.accessible();
  });

  describe('heart rate', () => {
    /** A copy of a session with a strap: `bpm` in every sample. */
    function withStrap(run: typeof easy, id: string, bpm: number) {
      const copy = generatedSession({ id, startedAt: run.meta.startedAt, minutes: run.meta.elapsedS / 60, cadenceBase: 170, speed: 3, name: `${run.meta.name} with a strap`, gaps: run.meta.gaps });
      copy.samples.heartRate.fill(bpm);
      return copy;
    }
    const stat = (page: StrideComparePage, side: 'a' | 'b', name: string) =>
      page.shadowRoot!.querySelector(`#summary-${side}`)!.shadowRoot!.querySelector(`[data-stat=${name}]`)?.textContent ?? null;

    it('overlays both heart rates and shows each average in its tiles', async () => {
      await saveSession(withStrap(easy, 'easy-hr', 141));
      await saveSession(withStrap(fast, 'fast-hr', 163));
      const { page } = await comparePage('easy-hr', 'fast-hr');
      const [x, a, b] = chart(page, 'heart-rate').plot!.data;
      expect([a![0], b![0]]).to.deep.equal([141, 163]);
      expect(b![x!.indexOf(115)], 'the faster run was paused here').to.equal(null);
      expect(stat(page, 'a', 'heart-rate')).to.equal('141bpm');
      expect(stat(page, 'b', 'heart-rate')).to.equal('163bpm');
      expect(page.shadowRoot!.querySelector('#heart-rate-note') === null).to.equal(true);
      await expect(page).to.be.accessible();
    });

    it('draws the heart rate of the one run that had a strap, and says the other had none', async () => {
      await saveSession(withStrap(fast, 'fast-hr', 163));
      const { page } = await comparePage('easy', 'fast-hr');
      const [, a, b] = chart(page, 'heart-rate').plot!.data;
      expect(Array.from(a!).every((v) => v == null)).to.equal(true);
      expect(b![0]).to.equal(163);
      expect(page.shadowRoot!.querySelector('#heart-rate-note')!.textContent).to.contain('Only Faster run with a strap has a heart rate');
      expect(stat(page, 'a', 'heart-rate')).to.equal(null);
      expect(stat(page, 'b', 'heart-rate')).to.equal('163bpm');
      await expect(page).to.be.accessible();
    });

    it('shows no heart rate when neither run had a strap', async () => {
      const { page } = await comparePage('easy', 'fast');
      expect(page.charts.map((c) => c.id)).to.deep.equal(['cadence-chart', 'stride-chart', 'pace-chart']);
      expect(stat(page, 'a', 'heart-rate')).to.equal(null);
      expect(stat(page, 'b', 'heart-rate')).to.equal(null);
    });
  });

  it('shows the average power beside the heart rate of a run with power, none for a run without', async () => {
    const withPower = generatedSession({ id: 'easy-w', startedAt: start, minutes: 10, cadenceBase: 166, speed: 3, name: 'Easy run with power' });
    withPower.samples.heartRate.fill(141);
    withPower.samples.powerW.fill(236);
    await saveSession(withPower);
    const { page } = await comparePage('easy-w', 'fast');
    const stat = (side: 'a' | 'b', name: string) =>
      page.shadowRoot!.querySelector(`#summary-${side}`)!.shadowRoot!.querySelector(`[data-stat=${name}]`)?.textContent ?? null;
    expect(stat('a', 'heart-rate')).to.equal('141bpm');
    expect(stat('a', 'power')).to.equal('236W');
    expect(stat('b', 'power')).to.equal(null);
  });
});
