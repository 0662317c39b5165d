// Stop and save ends in a finish card on the live page: the run's figures, its cadence against the
// last runs at the same pace, a link to the run; closed by the runner or by the next run.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import type { StrideFinishCard } from '../../src/components/stride-finish-card.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { appTheme, themes, useTheme } from '../support/app-theme.js';
import { finishRun } from '../support/finish-run.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-test-live-page-finish');

let services: AppServices;
let pod: ScriptedFootpod;
let page: StrideLivePage;
let clockS = 0;

const card = () => page.shadowRoot!.querySelector<StrideFinishCard>('stride-finish-card');
const words = (selector: string) => card()!.shadowRoot!.querySelector<HTMLElement>(selector)!.innerText.replace(/\s+/g, ' ').trim();

/** A live page `widthPx` wide on fresh services, the scripted pod simulated as the runner's pod. */
async function simulatingLivePage(widthPx: number): Promise<void> {
  pod = new ScriptedFootpod('Pod');
  services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 });
  await services.settings.load();
  page = await fixture<StrideLivePage>(html`<stride-live-page style="width:${widthPx}px" .services=${services}></stride-live-page>`);
  await services.footpod.simulate();
}

/** Records `seconds` of running at 2.8 m/s (6:00/km) and `cadence`, then stops and waits for the card. */
async function recordRun(seconds: number, cadence: number): Promise<StrideFinishCard> {
  await services.recording.start();
  await waitUntil(() => services.recording.state === 'recording', 'recording');
  const from = clockS;
  for (; clockS <= from + seconds; clockS++) pod.send(clockS, { cadence, speedMps: 2.8, totalDistanceM: clockS * 2.8 });
  clockS += 5;
  services.recording.stop();
  await waitUntil(() => card() !== null && customElements.get('stride-finish-card') !== undefined, 'the finish card', { timeout: 5000 });
  await card()!.updateComplete;
  return card()!;
}

describe('stride-live-page finish card', () => {
  before(() => appTheme);
  beforeEach(() => clear(kvStore()));
  afterEach(async () => {
    await useTheme('dark');
    await finishRun(services);
  });

  it('shows the run’s figures and its cadence at matched pace after Stop and save, until closed or the next run', async () => {
    await simulatingLivePage(1000);

    const first = await recordRun(120, 160);
    const id = services.recording.recorder!.meta().id;
    expect(words('#moving')).to.equal('Moving time 2:00');
    expect(words('#distance'), 'cut, as times are').to.equal('Distance 0.33 km');
    expect(words('#pace')).to.equal('Pace 5:57 min/km');
    expect(words('#cadence')).to.equal('Average cadence 160 steps/min');
    expect(words('#in-target')).to.equal('In target 0:00 170–180');
    expect(words('#matched')).to.equal('160 steps/min at 6:40–5:33/km. No earlier runs at this pace yet: the next one will be compared with this.');
    expect(first.shadowRoot!.querySelector('#open-run')!.getAttribute('href')).to.equal(`/history/${id}`);
    await expect(first).to.be.accessible();
    first.shadowRoot!.querySelector<HTMLButtonElement>('#dismiss')!.click();
    await page.updateComplete;
    expect(card(), 'closed by the runner').to.equal(null);

    // A second run: the card of the first goes when it starts, and its own compares with the first.
    await recordRun(120, 166);
    await services.recording.start();
    await page.updateComplete;
    expect(card(), 'gone once the next run starts').to.equal(null);
    pod.send(clockS++, { cadence: 166, speedMps: 2.8 });
    services.recording.stop();
    await waitUntil(() => card() !== null, 'the third run’s card', { timeout: 5000 });
    await card()!.updateComplete;
    expect(words('#matched')).to.equal('Under a minute at any one pace: too short to compare your cadence at matched pace.');
  });

  it('compares with the runs before at the same pace, and fits a phone in both themes', async () => {
    await simulatingLivePage(390);
    await recordRun(90, 160);
    const second = await recordRun(90, 164);
    expect(words('#matched')).to.equal('164 steps/min at 6:40–5:33/km: 4 steps/min quicker than your last run at this pace (160).');
    for (const width of [390, 1280]) {
      page.style.width = `${width}px`;
      for (const theme of themes) {
        await useTheme(theme);
        await second.updateComplete;
        const box = second.getBoundingClientRect();
        expect(second.scrollWidth, `nothing sideways at ${width} px, ${theme}`).to.be.at.most(second.clientWidth);
        expect(box.right, `inside the page at ${width} px`).to.be.at.most(page.getBoundingClientRect().right + 0.5);
        const link = second.shadowRoot!.querySelector('#open-run')!.getBoundingClientRect();
        expect(link.height, 'a 44 px target').to.be.at.least(44);
        // The runner who pressed Stop sees the card without scrolling: above the figures, and on a
        // phone its link within 700 px of the page's top (844 less the app's header and some).
        const cadence = page.shadowRoot!.querySelector('#cadence')!.getBoundingClientRect();
        expect(box.top, `the card above the cadence at ${width} px`).to.be.below(cadence.top);
        if (width === 390) expect(link.bottom - page.getBoundingClientRect().top, 'the card on the first screen').to.be.at.most(700);
        await expect(second).to.be.accessible();
      }
    }
  });
});
