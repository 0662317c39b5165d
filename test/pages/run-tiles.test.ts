// The live page's and the treadmill screen's numbers while a run is recorded: the run's (moving
// time, distance, time in target, the lap's), never the connection's, which they may show before
// Start only under their own name. Both screens on one set of services, a pod the test scripts.
import { expect, fixture, html } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import type { StrideMetricTile } from '../../src/components/stride-metric-tile.js';
import '../../src/pages/stride-live-page.js';
import '../../src/pages/stride-treadmill-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import type { StrideTreadmillPage } from '../../src/pages/stride-treadmill-page.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { appTheme } from '../support/app-theme.js';
import { fakeCoachEngine } from '../support/fake-coach-engine.js';
import { finishRun } from '../support/finish-run.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';

useSeparateDatabase('stride-test-run-tiles');

let services: AppServices;
let pod: ScriptedFootpod;
let live: StrideLivePage;
let treadmill: StrideTreadmillPage;

const tile = (id: string) => live.shadowRoot!.querySelector<StrideMetricTile>(`#${id}`)!;
const tileText = (id: string) => ({ label: tile(id).label, value: tile(id).value, detail: tile(id).detail });
const screen = (selector: string) => treadmill.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

async function openBoth(): Promise<void> {
  pod = new ScriptedFootpod('Test pod');
  services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => fakeCoachEngine());
  await services.settings.update({ smoothingS: 0, autoStart: false, autoPauseAfterS: 0 });
  live = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
  treadmill = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
  await services.footpod.simulate();
}

async function settled(): Promise<void> {
  for (const page of [live, treadmill]) {
    await page.updateComplete;
    for (const child of page.shadowRoot!.querySelectorAll('*')) await (child as Partial<StrideLivePage>).updateComplete;
  }
}

/** Seconds `from`…`to` at 175 steps/min (in the default target zone), 3.125 m/s. */
function run(from: number, to: number): void {
  for (let t = from; t <= to; t++) pod.send(t, { cadence: 175, speedMps: 3.125 });
}

async function stopAndSave(): Promise<void> {
  const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
  services.recording.stop();
  await saved;
}

describe('the run on both screens, not the connection', () => {
  before(() => appTheme);
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('connected 8 s before Start, recorded 10 s, paused 8 s: both screens show the 10 s run', async () => {
    await openBoth();
    run(0, 7);
    await settled();
    expect(tileText('elapsed'), 'before Start: the connection, named so').to.deep.equal({ label: 'Connected', value: '0:07', detail: 'not recording' });
    expect(screen('#elapsed-label')).to.equal('Connected');

    await services.recording.start();
    run(8, 18);
    services.recording.pause();
    run(19, 26);
    await settled();
    expect(services.recording.recorder!.movingS).to.equal(10);
    expect(tileText('elapsed')).to.deep.equal({ label: 'Moving time', value: '0:10', detail: 'this run' });
    expect(tileText('distance')).to.deep.equal({ label: 'Distance', value: '0.03', detail: 'this run' });
    expect(tile('in-target').value).to.equal('0:10');
    expect(screen('#elapsed-label')).to.equal('Moving time');
    expect(screen('#elapsed')).to.equal('0:10');
    expect(screen('#in-target')).to.equal('0:10');
    const bar = live.shadowRoot!.querySelector('stride-zone-bar')!;
    expect(bar.zoneTimes.target, 'the zone bar counts the run too').to.equal(10);
  });

  it('shows the lap beside the run, and a second run in the same page starts everything at zero', async () => {
    await openBoth();
    run(0, 5);
    await services.recording.start();
    run(6, 26);
    services.recording.lap();
    run(27, 34);
    await settled();
    expect(tileText('elapsed')).to.deep.equal({ label: 'Moving time', value: '0:28', detail: 'lap 2 · 0:08' });
    expect(tileText('distance'), '87.5 m and 25 m, cut').to.deep.equal({ label: 'Distance', value: '0.08', detail: 'lap 2 · 0.02' });
    expect(tileText('in-target')).to.deep.equal({ label: 'In target', value: '0:28', detail: 'lap 2 · 0:08' });
    expect(screen('#lap-label')).to.equal('Lap 2');
    expect(screen('#lap')).to.equal('0:08');

    await stopAndSave();
    run(35, 40);
    await settled();
    expect(tileText('elapsed'), 'the saved run stays, named so').to.deep.equal({ label: 'Moving time', value: '0:28', detail: 'saved run' });

    await services.recording.start();
    run(41, 45);
    await settled();
    expect(tileText('elapsed')).to.deep.equal({ label: 'Moving time', value: '0:04', detail: 'this run' });
    expect(tileText('distance')).to.deep.equal({ label: 'Distance', value: '0.01', detail: 'this run' });
    expect(tile('in-target').value).to.equal('0:04');
    expect(live.shadowRoot!.querySelector('stride-zone-bar')!.zoneTimes).to.deep.equal({ low: 0, building: 0, target: 4, high: 0 });
    expect(screen('#elapsed')).to.equal('0:04');
    expect(screen('#in-target')).to.equal('0:04');
    expect(screen('#lap-label')).to.equal('Lap 1');
    expect(screen('#lap')).to.equal('0:04');
  });
});
