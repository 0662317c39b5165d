// Needs a page in front: the tables below the charts are rendered (content-visibility) only once
// scrolled to, which is decided when frames are drawn, and a background tab gets none.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear, set } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-weeks-page.js';
import type { StrideWeeksPage } from '../../src/pages/stride-weeks-page.js';
import type { CadenceBySpeedBand, SessionSummary } from '../../src/session/recorded-session.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { SESSIONS_KEY } from '../../src/store/session-store.js';
import { appTheme } from '../support/app-theme.js';

const now = new Date(2025, 2, 19, 12, 0).getTime();
const run = (id: string, startedAt: number, cadence: number): SessionSummary => {
  const cadenceBySpeedBand: CadenceBySpeedBand = { 6: { seconds: 1800, cadenceSeconds: 1800 * cadence } };
  return {
    id, startedAt, name: id, notes: '', deviceName: null, origin: 'bluetooth', status: 'complete',
    movingS: 1800, elapsedS: 1800, distanceM: 5400, avgSpeedMps: 3, avgCadence: cadence,
    zoneTimes: { low: 1800, building: 0, target: 0, high: 0 }, zones: { ...defaultCadenceZones }, cadenceBySpeedBand, sampleCount: 1800,
  };
};
const frames = (n: number) => new Promise<void>((resolve) => {
  const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
  step(n);
});

describe('stride-weeks-page in front', () => {
  before(async () => {
    useSeparateDatabase('stride-test-weeks-page-front');
    await appTheme;
  });
  beforeEach(() => clear(kvStore()));

  it('keeps wide tables inside the page on a narrow screen: they scroll, the page does not', async () => {
    await set(SESSIONS_KEY, [run('a', new Date(2025, 2, 11, 7).getTime(), 166), run('b', new Date(2025, 2, 18, 7).getTime(), 168)], kvStore());
    const services = createServices();
    const page = await fixture<StrideWeeksPage>(html`<stride-weeks-page style="width:600px;display:grid" .services=${services} .now=${now}></stride-weeks-page>`);
    await waitUntil(() => services.history.loaded, 'the index was read');
    await page.updateComplete;
    const region = page.shadowRoot!.querySelector<HTMLElement>('#totals')!.parentElement!;
    region.scrollIntoView();
    await frames(2);
    expect(region.scrollWidth, 'the table is wider than the screen').to.be.greaterThan(region.clientWidth);
    expect(region.getBoundingClientRect().width).to.be.at.most(600);
    // Only the tables' own scrolling regions hold anything wider than the page.
    const right = page.getBoundingClientRect().right;
    const outside = [...page.shadowRoot!.querySelectorAll('*')].filter((el) => !el.closest('.scroll') && el.getBoundingClientRect().right > right + 0.5);
    expect(outside.map((el) => el.tagName)).to.deep.equal([]);
  });
});
