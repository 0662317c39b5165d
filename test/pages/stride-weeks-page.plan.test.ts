import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clear, set } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import { SettingsService } from '../../src/services/settings-service.js';
import type { StrideCadencePlan } from '../../src/components/stride-cadence-plan.js';
import type { StrideTapCadence } from '../../src/components/stride-tap-cadence.js';
import type { StrideWeeksChart } from '../../src/components/stride-weeks-chart.js';
import { planLabel } from '../../src/charts/weeks-chart-options.js';
import '../../src/pages/stride-weeks-page.js';
import type { StrideWeeksPage } from '../../src/pages/stride-weeks-page.js';
import type { SessionSummary } from '../../src/session/recorded-session.js';
import { type CadenceZones, defaultCadenceZones } from '../../src/session/zones.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { SESSIONS_KEY } from '../../src/store/session-store.js';
import { appTheme } from '../support/app-theme.js';

const DAY = 24 * 3600 * 1000;
const now = new Date(2025, 2, 19, 12, 0).getTime();
const building: CadenceZones = { buildingFrom: 150, targetFrom: 160, targetTo: 170 };

/** A run of 30 minutes at 3.0-3.5 m/s (band 6), `inTarget` of it in its zones' target. */
function run(daysAgo: number, cadence: number, inTarget: number, zones: CadenceZones = defaultCadenceZones): SessionSummary {
  const seconds = 1800;
  const target = Math.round(seconds * inTarget);
  return {
    id: `run-${daysAgo}-${cadence}`,
    startedAt: now - daysAgo * DAY,
    name: '',
    notes: '',
    deviceName: null,
    origin: 'bluetooth',
    status: 'complete',
    movingS: seconds,
    elapsedS: seconds,
    distanceM: seconds * 3.2,
    avgSpeedMps: 3.2,
    avgCadence: cadence,
    zoneTimes: { low: 0, building: seconds - target, target, high: 0 },
    zones: { ...zones },
    cadenceBySpeedBand: { 6: { seconds, cadenceSeconds: seconds * cadence } },
    // Running seconds in its zones' target, and just below it.
    runningCadence: { [Math.min(Math.max(cadence, zones.targetFrom), zones.targetTo)]: target, [zones.targetFrom - 1]: seconds - target },
    sampleCount: seconds,
  };
}
const three = (cadence: number, inTarget: number, zones?: CadenceZones) => [7, 4, 1].map((d) => run(d, cadence, inTarget, zones));

async function weeksPage(stored: SessionSummary[], zones: CadenceZones = defaultCadenceZones) {
  await set(SESSIONS_KEY, stored, kvStore());
  const services = createServices();
  await services.settings.load();
  await services.settings.update({ zones });
  const page = await fixture<StrideWeeksPage>(html`<stride-weeks-page .services=${services} .now=${now}></stride-weeks-page>`);
  await waitUntil(() => services.history.loaded, 'the index was read');
  await page.updateComplete;
  const plan = page.shadowRoot!.querySelector<StrideCadencePlan>('stride-cadence-plan')!;
  await plan.updateComplete;
  return { page, plan, services };
}
const text = (root: StrideCadencePlan, selector: string) => root.shadowRoot!.querySelector(selector)?.textContent!.trim().replace(/\s+/g, ' ') ?? null;

describe('stride-weeks-page: cadence plan', () => {
  before(async () => {
    useSeparateDatabase('stride-test-weeks-page-plan');
    await appTheme;
  });
  beforeEach(() => clear(kvStore()));

  it('with no runs asks for runs and opens the tap-along check, above everything else', async () => {
    const { page, plan } = await weeksPage([]);
    expect(text(plan, '#headline')).to.equal('Not enough runs yet');
    expect(text(plan, '#reason')).to.equal('Run 3 times at your usual pace to get a plan, or tap along to your steps below to start one now.');
    expect(page.shadowRoot!.querySelector<HTMLDetailsElement>('#tap-check')!.open).to.equal(true);
    expect(page.shadowRoot!.querySelector('#tap-check stride-tap-cadence') !== null).to.equal(true);
    await expect(page).to.be.accessible();
  });

  it('says how many more runs it needs at the usual pace, with tables below the plan', async () => {
    const { page, plan } = await weeksPage(three(172, 0.7).slice(1));
    expect(text(plan, '#reason')).to.equal('Run 1 more time at your usual pace (5:33–4:45/km) to get a plan.');
    const sections = [...page.shadowRoot!.querySelectorAll('section')].map((s) => s.getAttribute('aria-labelledby'));
    expect(sections).to.deep.equal(['plan-heading', 'charts-heading', 'totals-heading', 'matched-heading']);
    expect(page.shadowRoot!.querySelector<HTMLDetailsElement>('#tap-check')!.open, 'closed once there are runs').to.equal(false);
  });

  it('holds, and says when the next step comes', async () => {
    const { plan } = await weeksPage(three(169, 0.55));
    expect(text(plan, '#headline')).to.equal('Hold this target');
    expect(text(plan, '#reason')).to.equal('55% of your 90 min of running at 5:33–4:45/km in the last three runs was in 170–180; the next step comes at 60%.');
    expect(plan.shadowRoot!.querySelector('#accept') === null).to.equal(true);
  });

  it('says kindly when cadence at matched pace fell', async () => {
    const { plan } = await weeksPage([...[20, 17, 14].map((d) => run(d, 174, 0.8)), ...three(168, 0.8)]);
    expect(text(plan, '#headline')).to.equal('Hold this target for now');
    expect(text(plan, '#reason')).to.match(/was 168 steps\/min over your last three runs, down from 174 the three before\. That happens/);
  });

  it('says when the runner is at the goal', async () => {
    const { plan } = await weeksPage(three(175, 0.8));
    expect(text(plan, '#headline')).to.equal('At the goal');
    expect(text(plan, '#reason')).to.match(/80% of your 90 min of running at .* in the last three runs was in 170–180, at 175 steps\/min: that is the goal/);
  });

  it('proposes a step; Accept changes the zones in the settings and records the step', async () => {
    const { page, plan, services } = await weeksPage(three(166, 0.7, building), building);
    expect(text(plan, '#headline')).to.equal('Next step');
    expect(text(plan, '#change')).to.equal('Target 160–170 → to 166–176 steps/min');
    expect(text(plan, '#reason')).to.match(/^70% of your 90 min of running at 5:33–4:45\/km in the last three runs was in 160–170/);
    await expect(page).to.be.accessible();

    plan.shadowRoot!.querySelector<HTMLButtonElement>('#accept')!.click();
    expect(services.settings.settings.zones).to.deep.equal({ buildingFrom: 156, targetFrom: 166, targetTo: 176 });
    expect(services.settings.settings.plan.accepted).to.deep.equal([{ targetFrom: 166, targetTo: 176, atMs: now }]);
    await page.updateComplete;
    await plan.updateComplete;
    expect(text(plan, '#headline'), 'judged against the new target').to.equal('Hold this target');
    expect(text(plan, '#steps')).to.contain('Steps taken: 166–176 on');
    const reloaded = new SettingsService();
    await waitUntil(async () => {
      await reloaded.load();
      return reloaded.settings.zones.targetFrom === 166;
    }, 'the new zones were saved');
  });

  it('marks the proposed step on the cadence chart, and the accepted one as the plan line once taken', async () => {
    const { page, plan } = await weeksPage(three(166, 0.7, building), building);
    const cadenceChart = () =>
      page.shadowRoot!.querySelector('stride-weeks-charts')!.shadowRoot!.querySelector<StrideWeeksChart>('stride-weeks-chart[kind=cadence]')!;
    await cadenceChart().updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
    const keyText = () => [...cadenceChart().shadowRoot!.querySelectorAll('.key li')].map((li) => li.textContent!.trim());
    expect(keyText()).to.include('Next step 166–176');
    expect(keyText()).to.include('Target zone 160–170');
    // The dashed line is drawn at 166 across the chart, in the plan's amber.
    const amberAt = (value: number) => {
      const p = cadenceChart().plot!;
      const y = Math.round(p.valToPos(value, 'y', true));
      const row = Array.from(p.ctx.getImageData(Math.round(p.bbox.left), y - 1, Math.round(p.bbox.width), 3).data);
      let amber = 0;
      for (let i = 0; i < row.length; i += 4) if (row[i]! > 200 && row[i + 1]! > 150 && row[i + 2]! < 100) amber++;
      return amber;
    };
    expect(amberAt(166), 'a dashed amber line at 166').to.be.greaterThan(50);
    expect(amberAt(163)).to.equal(0);

    plan.shadowRoot!.querySelector<HTMLButtonElement>('#accept')!.click();
    await waitUntil(() => keyText().includes('Target zone 166–176'), 'the chart shows the new target zone');
    expect(keyText()).to.not.include('Next step 166–176');
    expect(cadenceChart().plot!.series.map((s) => s.label)).to.include(planLabel);
  });

  it('Not now hides the proposal, also after a reload, until a new run', async () => {
    const runs = three(166, 0.7, building);
    const first = await weeksPage(runs, building);
    first.plan.shadowRoot!.querySelector<HTMLButtonElement>('#decline')!.click();
    await first.page.updateComplete;
    await first.plan.updateComplete;
    expect(first.plan.shadowRoot!.querySelector('#accept') === null).to.equal(true);
    expect(text(first.plan, '#declined')).to.match(/You said not now/);
    expect(first.services.settings.settings.zones).to.deep.equal(building);
    first.page.remove();
    await waitUntil(async () => {
      const s = new SettingsService();
      await s.load();
      return s.settings.plan.declined !== null;
    }, 'saved');

    const again = await weeksPage(runs, building);
    expect(again.plan.shadowRoot!.querySelector('#accept') === null).to.equal(true);
    again.page.remove();
    const afterRun = await weeksPage([...runs, run(-0.5, 166, 0.7, building)], building);
    expect(afterRun.plan.shadowRoot!.querySelector('#accept') !== null, 'a new run asks again').to.equal(true);
  });

  it('counts T presses only while the tap-along check is open', async () => {
    const { page } = await weeksPage(three(172, 0.7).slice(1));
    const tapper = page.shadowRoot!.querySelector<StrideTapCadence>('stride-tap-cadence')!;
    await sendKeys({ press: 't' });
    expect(tapper.taps).to.have.length(0);
    page.shadowRoot!.querySelector<HTMLElement>('#tap-check summary')!.click();
    await sendKeys({ press: 't' });
    expect(tapper.taps).to.have.length(1);
  });

  it('starts a plan from a tapped cadence with no runs at all', async () => {
    const { page, plan, services } = await weeksPage([]);
    page.shadowRoot!.querySelector<StrideTapCadence>('stride-tap-cadence')!.dispatchEvent(
      new CustomEvent('tap-baseline', { detail: { spm: 150 }, bubbles: true, composed: true }),
    );
    expect(services.settings.settings.plan.tapped).to.deep.equal({ spm: 150, atMs: now });
    await page.updateComplete;
    await plan.updateComplete;
    expect(text(plan, '#reason')).to.equal('You tapped 150 steps/min, far below 170–180. Start with 150–160, a few percent above it: small steps, big change.');
    plan.shadowRoot!.querySelector<HTMLButtonElement>('#accept')!.click();
    expect(services.settings.settings.zones).to.deep.equal({ buildingFrom: 140, targetFrom: 150, targetTo: 160 });
  });

  it('"Use as my baseline" after a tap-along count sets the plan\'s baseline, and the page says so', async () => {
    const { page, plan, services } = await weeksPage(three(166, 0.7, building), building);
    expect(text(plan, '#baseline')).to.equal('Your baseline: 166 steps/min, your last three runs at your usual pace');
    const before = text(plan, '#change');
    page.shadowRoot!.querySelector<HTMLElement>('#tap-check summary')!.click();
    const tapper = page.shadowRoot!.querySelector<StrideTapCadence>('stride-tap-cadence')!;
    // Every 400 ms for 30 s: 150 steps/min.
    const clock = { now: 1_000 };
    tapper.clock = () => clock.now;
    for (let i = 0; i < 76; i++, clock.now += 400) tapper.tap();
    tapper.tap();
    await tapper.updateComplete;
    expect(tapper.shadowRoot!.querySelector('#result')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('150 steps/min');
    tapper.shadowRoot!.querySelector<HTMLButtonElement>('#use')!.click();

    expect(services.settings.settings.plan.tapped, 'stored in the plan').to.deep.equal({ spm: 150, atMs: now });
    await page.updateComplete;
    await plan.updateComplete;
    await tapper.updateComplete;
    expect(text(plan, '#baseline')).to.equal(`Your baseline: 150 steps/min, tapped along on ${new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(now)}`);
    expect(text(plan, '#reason')).to.match(/^You tapped 150 steps\/min, far below 160–170\. Start with/);
    expect(text(plan, '#change')).to.not.equal(before);
    expect(tapper.shadowRoot!.querySelector('#saved')!.textContent).to.equal('Saved: your cadence plan starts from 150 steps/min now (see the plan above).');
    expect(tapper.shadowRoot!.querySelector('#use'), 'nothing left to press').to.equal(null);
    await expect(page).to.be.accessible();
    const reloaded = new SettingsService();
    await waitUntil(async () => {
      await reloaded.load();
      return reloaded.settings.plan.tapped?.spm === 150;
    }, 'the baseline was saved');
  });
});
