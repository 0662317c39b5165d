// The treadmill screen as a runner uses it: the cadence large with its zone in colour, word and
// shape; the numbers under it; recording and coach controls from the keyboard; a check-in beside
// the cadence; Esc to leave. Real key presses (sendKeys), real IndexedDB, a pod the test scripts.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import '../../src/pages/stride-live-page.js';
import '../../src/pages/stride-treadmill-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import type { StrideTreadmillPage } from '../../src/pages/stride-treadmill-page.js';
import type { StrideMetricTile } from '../../src/components/stride-metric-tile.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { appTheme } from '../support/app-theme.js';
import { type FakeCoachEngine, fakeCoachEngine, quickStepsPrompt } from '../support/fake-coach-engine.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { ScriptedHeartRate } from '../support/scripted-sensor.js';
import { finishRun } from '../support/finish-run.js';
import { lapSplits } from '../../src/session/splits.js';
import { formatDuration } from '../../src/session/units.js';

useSeparateDatabase('stride-test-treadmill-page');

let services: AppServices;
let pod: ScriptedFootpod;
let engine: FakeCoachEngine;
let page: StrideTreadmillPage;
let strap: ScriptedHeartRate;

const $ = <T extends Element = HTMLElement>(selector: string) => page.shadowRoot!.querySelector<T>(selector);
const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const inner = (host: string, selector: string) => $(host)!.shadowRoot!.querySelector<HTMLElement>(selector);
const checkIn = () => $('stride-check-in')!.shadowRoot!.querySelector('.card');
const press = (key: string) => sendKeys({ press: key });

/** The text of every text node under `root`, through shadow roots, in order; `shown` filters by element. */
function deepTexts(root: Node, shown: (el: Element) => boolean = () => true): string[] {
  const texts: string[] = [];
  for (const child of root.childNodes) {
    if (child.nodeType === Node.TEXT_NODE && child.parentElement && shown(child.parentElement)) texts.push(child.textContent ?? '');
    if (child instanceof Element && child.shadowRoot) texts.push(...deepTexts(child.shadowRoot, shown));
    texts.push(...deepTexts(child, shown));
  }
  return texts;
}

/** Elements a screen reader reads out when their text changes, through shadow roots. */
function liveRegions(root: ShadowRoot | Element): Element[] {
  const found = [...root.querySelectorAll('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]')];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...liveRegions(el.shadowRoot));
  return found;
}

/** Where the page asked the router to go next (Router.go fires this on window). */
const nextNavigation = () =>
  new Promise<string>((resolve, reject) => {
    window.addEventListener('vaadin-router-go', (event) => resolve((event as CustomEvent<{ pathname: string }>).detail.pathname), { once: true });
    setTimeout(() => reject(new Error('the page did not navigate')), 3000);
  });

async function makeServices(connect: boolean): Promise<void> {
  pod = new ScriptedFootpod('Test pod');
  engine = fakeCoachEngine();
  services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => engine, {
    'heart-rate': (o) => (strap = new ScriptedHeartRate('strap-1', 'Chest strap', o.rememberedId)),
  });
  await services.settings.update({ smoothingS: 0 });
  if (connect) await services.footpod.simulate();
  await services.coach.engine();
}

async function openTreadmill(connect = true): Promise<void> {
  await makeServices(connect);
  page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
}

async function settled(): Promise<void> {
  await page.updateComplete;
  for (const child of page.shadowRoot!.querySelectorAll('*')) await (child as Partial<StrideTreadmillPage>).updateComplete;
}

/** Seconds `from`…`to` of steady running at `cadence`, 3.125 m/s (5:20 per km). */
function run(from: number, to: number, cadence = 175): void {
  for (let t = from; t <= to; t++) pod.send(t, { cadence, speedMps: 3.125 });
}

describe('stride-treadmill-page', () => {
  before(() => appTheme);
  beforeEach(() => clear(kvStore()));
  afterEach(async () => {
    await finishRun(services);
  });

  it('shows the cadence large, with the zone as colour, word and shape', async () => {
    await openTreadmill();
    const rows = [
      [150, 'low', 'Low', '▼'],
      [165, 'building', 'Building', '◆'],
      [175, 'target', 'Target', '●'],
      [185, 'high', 'High', '▲'],
    ] as const;
    for (const [i, [cadence, zone, word, shape]] of rows.entries()) {
      pod.send(i, { cadence });
      await settled();
      expect(text('#cadence')).to.equal(String(cadence));
      expect(text('#zone .word')).to.equal(word);
      expect(text('#zone .shape')).to.equal(shape);
      expect($('#zone .shape')!.getAttribute('aria-hidden')).to.equal('true');
      expect($('.main')!.classList.contains(`zone-${zone}`), zone).to.equal(true);
    }
    const number = $('#cadence')!;
    expect(parseFloat(getComputedStyle(number).fontSize), 'readable from the treadmill').to.be.at.least(window.innerHeight * 0.2);
    await expect(page).to.be.accessible();
  });

  it('shows pace, elapsed, distance, time in the target zone and the lap, and records with space and L', async () => {
    await openTreadmill();
    run(0, 30, 165);
    run(31, 90, 175);
    await settled();
    expect(text('#pace')).to.equal('5:20');
    expect(text('#elapsed-label'), 'before Start, the time since connecting, named so').to.equal('Connected');
    expect(text('#elapsed')).to.equal('1:30');
    expect(text('#in-target')).to.equal('1:00');
    expect(text('#distance'), '90 s at 3.125 m/s').to.equal('0.28');
    expect(text('#figures-of')).to.equal('Not recording: times since the footpod connected.');
    expect(text('#lap'), 'no lap before recording').to.equal('–');

    await press(' ');
    await waitUntil(() => services.recording.state === 'recording', 'space starts');
    run(91, 100);
    await settled();
    expect(text('#elapsed-label')).to.equal('Moving time');
    expect(text('#elapsed'), 'the run, from its first sample').to.equal('0:09');
    expect(text('#figures-of')).to.equal(null);
    expect(text('#lap-label')).to.equal('Lap 1');
    expect(text('#lap')).to.equal('0:09');
    await press('l');
    run(101, 103);
    await settled();
    expect(services.recording.laps).to.equal(1);
    expect(text('#lap-label')).to.equal('Lap 2');
    expect(text('#lap')).to.equal('0:03');
    expect(text('#distance'), 'the run: 12 s at 3.125 m/s, 37.5 m cut').to.equal('0.03');
    await press(' ');
    expect(services.recording.state).to.equal('paused');
    expect(inner('stride-recording-controls', '.state')!.textContent).to.match(/^Paused/);
  });

  it('shows heart rate only with a strap connected: a dash until its first beat, then the beat', async () => {
    await openTreadmill();
    run(0, 5);
    await settled();
    expect($('#heart-rate') === null, 'no strap: no heart rate').to.equal(true);
    await services.sensors.pair('heart-rate');
    run(6, 6);
    await settled();
    expect(text('#heart-rate'), 'connected, nothing heard yet').to.equal('–');
    strap.send(6.5, 148.6);
    run(7, 7);
    await settled();
    expect(text('#heart-rate')).to.equal('149');
    expect(text('#heart-rate')).to.equal(String(Math.round(services.footpod.session!.latestChannels.heartRate!)));
    services.sensors.disconnect('heart-rate');
  });

  it('shows the strap’s heart rate as it stands on both screens, not the last pod reading’s, with the pod silent', async () => {
    await openTreadmill();
    const live = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
    const shown = async () => {
      await settled();
      await live.updateComplete;
      const tile = live.shadowRoot!.querySelector<StrideMetricTile>('#heart-rate');
      return { live: tile?.value ?? null, treadmill: text('#heart-rate') };
    };
    await services.sensors.pair('heart-rate');
    await waitUntil(() => services.sensors.source('heart-rate')?.state === 'connected', 'strap connected');
    for (let t = 0; t <= 5; t++) {
      strap.send(t, 150);
      run(t, t);
    }
    expect(await shown(), 'with the strap on').to.deep.equal({ live: '150', treadmill: '150' });

    // The pod falls silent (the runner stands, or the pod is lost); the strap goes on.
    strap.send(6, 162);
    expect(services.footpod.session!.latest!.heartRate, 'the last pod reading').to.equal(150);
    expect(await shown(), 'the strap’s beat, no pod reading since').to.deep.equal({ live: '162', treadmill: '162' });

    // The strap is switched off. No pod reading follows.
    strap.disconnect();
    await waitUntil(() => services.sensors.source('heart-rate')?.state !== 'connected', 'strap gone');
    const status = live.shadowRoot!.querySelector('#sensors')!.shadowRoot!.querySelector('#status')!.textContent!;
    expect(status, 'the Sensors line').to.match(/no strap|strap not connected/);
    expect(await shown(), 'no heart rate beside "strap not connected"').to.deep.equal({ live: null, treadmill: null });
  });

  it('after Lap on the last reading and Stop, shows the saved run’s last lap, not an empty one', async () => {
    await openTreadmill();
    run(0, 5);
    await services.recording.start();
    run(6, 20);
    await press('l');
    run(21, 50);
    await press('l');
    await settled();
    expect(text('#lap-label'), 'while recording, Lap starts a lap').to.equal('Lap 3');
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
    await settled();
    const recorder = services.recording.recorder!;
    const laps = lapSplits(recorder.samples, recorder.meta().laps, recorder.meta().gaps);
    expect(laps.length, 'the run’s page and files: two laps').to.equal(2);
    expect({ label: text('#lap-label'), time: text('#lap') }).to.deep.equal({ label: 'Lap 2', time: formatDuration(laps[1]!.durationS) });
    expect(text('#lap')).to.equal('0:30');
  });

  it('says "Lap 2" once, on the screen and to a screen reader, not in the recording status as well', async () => {
    await openTreadmill();
    run(0, 5);
    await services.recording.start();
    run(6, 10);
    await press('l');
    run(11, 13);
    await settled();
    const lap2 = /\blap\s+2\b/gi;
    const shown = deepTexts(page.shadowRoot!, (el) => el.checkVisibility()).join(' ').match(lap2) ?? [];
    expect(shown, 'on the screen').to.have.length(1);
    const live = liveRegions(page.shadowRoot!).filter((region) => lap2.test(deepTexts(region).join(' ')));
    lap2.lastIndex = 0;
    expect(live.map((region) => region.id || region.className), 'live regions that read it out').to.have.length(1);
    expect(engine.played, 'the coach says nothing of laps').to.deep.equal([]);
  });

  it('keeps each number and its name on one line, before Start and while recording, on a tablet and a phone either way up', async () => {
    await openTreadmill();
    const problems: string[] = [];
    const look = async (when: string) => {
      for (const [width, height] of [[1280, 800], [800, 1280], [390, 844], [844, 390], [360, 640]] as const) {
        await setViewport({ width, height });
        await settled();
        for (const stat of page.shadowRoot!.querySelectorAll<HTMLElement>('.stat')) {
          const name = stat.querySelector('dt')!;
          const range = document.createRange();
          range.selectNodeContents(name);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
          const value = stat.querySelector('dd')!;
          if (lines !== 1 || value.getBoundingClientRect().right > stat.getBoundingClientRect().right + 0.5 || value.scrollWidth > value.clientWidth) {
            problems.push(`${when}, ${width}x${height}: ${name.textContent!.trim()}`);
          }
        }
      }
    };
    try {
      run(0, 5);
      await look('connected');
      await services.recording.start();
      run(6, 3700);
      for (let lap = 0; lap < 11; lap++) {
        services.recording.lap();
        run(3701 + lap, 3701 + lap);
      }
      await look('an hour in, lap 12');
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
    expect(problems).to.deep.equal([]);
    expect(text('#elapsed-label')).to.equal('Moving time');
    expect(text('#lap-label')).to.equal('Lap 12');
  });

  it('mutes the coach and runs the metronome from its buttons and M', async () => {
    await openTreadmill();
    await settled();
    const mute = () => inner('stride-mute-button', 'button')!;
    const metronome = () => inner('stride-metronome-button', '#metronome')!;
    expect(mute().getAttribute('aria-pressed')).to.equal('false');
    mute().click();
    await waitUntil(() => services.coach.muted, 'muted');
    await settled();
    expect(mute().getAttribute('aria-pressed')).to.equal('true');
    expect(services.settings.settings.coach.muted).to.equal(true);

    expect(metronome().textContent).to.match(/Metronome\s+off\s+·\s+175/);
    metronome().click();
    await waitUntil(() => engine.metronome.running, 'metronome on');
    expect(engine.metronome.starts[0]!.rateSpm).to.equal(175);
    await settled();
    expect(metronome().getAttribute('aria-pressed')).to.equal('true');
    await press('m');
    await waitUntil(() => !engine.metronome.running, 'M stops it');
  });

  it('shows a check-in as a strip under the cadence and dismisses it with Enter, C, Esc or its button', async () => {
    await openTreadmill();
    run(0, 5);
    await settled();
    await expect(page).to.be.accessible();
    for (const dismiss of ['Enter', 'c', 'Escape', 'button']) {
      engine.raiseCheckIn(quickStepsPrompt);
      run(6, 6);
      await settled();
      expect(checkIn() !== null, `a check-in to dismiss with ${dismiss}`).to.equal(true);
      expect(checkIn()!.querySelector('h2')!.textContent).to.equal('Quick, light steps');
      expect(checkIn()!.textContent).to.contain('Land under your hips');
      if (dismiss === 'Escape') await expect(page).to.be.accessible();
      let navigated = false;
      window.addEventListener('vaadin-router-go', () => (navigated = true), { once: true });
      if (dismiss === 'button') checkIn()!.querySelector('button')!.click();
      else await press(dismiss);
      await settled();
      expect(services.coach.checkIn, dismiss).to.equal(null);
      expect(checkIn() === null, `dismissed with ${dismiss}`).to.equal(true);
      expect(navigated, 'the first Esc only dismisses').to.equal(false);
    }
  });

  it('leaves for the live page with Esc, and tells the coach the screen is open only while it is', async () => {
    await openTreadmill();
    await waitUntil(() => engine.wakeLock.wants.at(-1) === true, 'kept awake');
    const left = nextNavigation();
    await press('Escape');
    expect(await left).to.equal('/');
    const wantsBefore = engine.wakeLock.wants.length;
    services.footpod.disconnect();
    page.remove();
    await waitUntil(() => engine.wakeLock.wants.length > wantsBefore && engine.wakeLock.wants.at(-1) === false, 'released');
  });

  it('says in words when no footpod is connected, with a way back', async () => {
    await openTreadmill(false);
    expect(text('#no-pod')).to.match(/^No footpod connected\. Back to the live page/);
    expect($<HTMLAnchorElement>('#no-pod a')!.getAttribute('href')).to.equal('/');
    expect($('#cadence') === null, 'no number without a pod').to.equal(true);
    await expect(page).to.be.accessible();
  });

  it('shows the wake-lock warning in one line', async () => {
    await openTreadmill();
    engine.wakeLock.message = 'This browser may let the screen go dark.';
    engine.wakeLock.dispatchEvent(new Event('change'));
    await settled();
    expect(text('#wake-lock')).to.equal('This browser may let the screen go dark.');
  });
});

describe('stride-treadmill-page: the cadence number and its zone', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(() => finishRun(services));

  it('puts a cadence shown as 170 in the target zone 170–180 (5 s smoothing, 169 and 170 alternating)', async () => {
    await openTreadmill();
    await services.settings.update({ smoothingS: 5 });
    for (let t = 0; t <= 20; t++) pod.send(t, { cadence: t % 2 === 0 ? 170 : 169, speedMps: 3.1 });
    await settled();
    expect(text('#cadence')).to.equal('170');
    expect(text('#zone'), 'the zone of the 170 shown').to.equal('● Target');
  });
});

describe('stride-live-page: the way to the treadmill screen and the coach controls', () => {
  let live: StrideLivePage;
  const liveInner = (host: string, selector: string) => live.shadowRoot!.querySelector(host)!.shadowRoot!.querySelector<HTMLElement>(selector);

  before(() => appTheme);
  beforeEach(async () => {
    await clear(kvStore());
    await makeServices(true);
    live = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
  });
  afterEach(async () => {
    services.footpod.disconnect();
    if (document.fullscreenElement) await document.exitFullscreen();
  });

  it('enters with F and with the "Treadmill screen" button', async () => {
    let entered = nextNavigation();
    await press('f');
    expect(await entered).to.equal('/treadmill');
    entered = nextNavigation();
    live.shadowRoot!.querySelector<HTMLButtonElement>('#treadmill-screen')!.click();
    expect(await entered).to.equal('/treadmill');
  });

  it('shows a check-in as a banner, dismissed with C or Enter, and mutes and plays the metronome', async () => {
    for (const [i, key] of ['c', 'Enter'].entries()) {
      engine.raiseCheckIn(quickStepsPrompt);
      pod.send(i, { cadence: 175 });
      await customElements.whenDefined('stride-check-in');
      await live.updateComplete;
      const banner = live.shadowRoot!.querySelector('stride-check-in')!;
      await banner.updateComplete;
      expect(banner.shadowRoot!.querySelector('h2')!.textContent).to.equal('Quick, light steps');
      await expect(live).to.be.accessible();
      await press(key);
      await live.updateComplete;
      expect(live.shadowRoot!.querySelector('stride-check-in') === null, `dismissed with ${key}`).to.equal(true);
    }
    liveInner('stride-mute-button', 'button')!.click();
    await waitUntil(() => services.coach.muted, 'muted');
    await press('m');
    await waitUntil(() => engine.metronome.running, 'M starts the metronome');
  });
});
