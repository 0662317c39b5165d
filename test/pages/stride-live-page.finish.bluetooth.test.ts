// The end of a run as a runner lives it, through Chromium's own Web Bluetooth stack: pair the pod,
// start recording, start the metronome, run, press Stop and save. The finish card shows the run,
// and the metronome (the real look-ahead scheduler on an audio clock the test moves) hands the
// audio thread no click after the press, while the pod goes on sending.
import { expect, waitUntil } from '@open-wc/testing';
import type { StrideFinishCard } from '../../src/components/stride-finish-card.js';
import { AppAudio } from '../../src/outputs/app-audio.js';
import { WebAudioMetronome } from '../../src/outputs/web-audio-metronome.js';
import type { AppServices } from '../../src/services/services.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { FakeTimeContext, ManualTimer } from '../outputs/audio-test-support.js';
import { appTheme } from '../support/app-theme.js';
import { clickAsRunner, teardownEmulatedFootpod } from '../support/emulated-footpod.js';
import { finishRun } from '../support/finish-run.js';
import { coachedServices, pairOnLivePage, podRun } from '../support/paired-live-page.js';

const LIVE = 'stride-live-page';
const START = `${LIVE} >>> stride-recording-controls >>> #start`;
const STOP = `${LIVE} >>> stride-recording-controls >>> #stop`;
const METRONOME = `${LIVE} >>> stride-metronome-button >>> #metronome`;

useSeparateDatabase('stride-test-live-page-finish-bluetooth');

describe('finishing a run from a footpod on the emulated Web Bluetooth stack', () => {
  let services: AppServices;
  before(() => appTheme);
  afterEach(async () => {
    await finishRun(services);
    await teardownEmulatedFootpod();
  });

  it('pairs, records, stops: the finish card shows the run and no metronome click is scheduled after Stop', async () => {
    const clock = { ms: 0 };
    const context = new FakeTimeContext(new OfflineAudioContext(1, 4410, 44100));
    const timer = new ManualTimer();
    const metronome = new WebAudioMetronome({ audio: new AppAudio(() => context), timer, pageHidden: () => false });
    ({ services } = await coachedServices(clock, metronome));
    const page = await pairOnLivePage(services);
    await services.coach.engine();

    /** Seconds of running at 158 steps/min: a notification each, and the scheduler's timer every 25 ms. */
    const runFor = podRun(clock, 158, 1.06, () => {
      for (let tick = 0; tick < 40; tick++) {
        context.currentTime += 0.025;
        timer.fire();
      }
    });
    await runFor(12);
    await page.updateComplete;
    await clickAsRunner(START);
    await waitUntil(() => services.recording.state === 'recording', 'recording', { timeout: 5000 });
    await clickAsRunner(METRONOME);
    await waitUntil(() => services.coach.metronomeOn, 'metronome on');
    expect(metronome.options.rateSpm, 'the runner’s own 158, not the zone’s 175').to.equal(158);
    await runFor(70);
    expect(metronome.scheduledBeats.length, 'clicking through the run').to.be.above(150);

    await page.updateComplete;
    const stoppedAtS = context.currentTime;
    const beatsAtStop = metronome.scheduledBeats.length;
    await clickAsRunner(STOP);
    await runFor(6);
    expect(metronome.scheduledBeats.filter((beat) => beat > stoppedAtS), 'clicks after Stop').to.deep.equal([]);
    expect(metronome.scheduledBeats.length).to.be.at.most(beatsAtStop);
    expect(services.coach.metronomeOn).to.equal(false);

    await waitUntil(() => page.shadowRoot!.querySelector('stride-finish-card') !== null && customElements.get('stride-finish-card'), 'the finish card', { timeout: 5000 });
    const card = page.shadowRoot!.querySelector<StrideFinishCard>('stride-finish-card')!;
    await card.updateComplete;
    const id = services.recording.recorder!.meta().id;
    expect(card.shadowRoot!.querySelector('#open-run')!.getAttribute('href')).to.equal(`/history/${id}`);
    expect(card.shadowRoot!.querySelector<HTMLElement>('#cadence')!.innerText.replace(/\s+/g, ' ')).to.equal('Average cadence 158 steps/min');
    await page.updateComplete;
    const button = page.shadowRoot!.querySelector('stride-metronome-button')!.shadowRoot!.querySelector<HTMLElement>('#metronome')!;
    expect(button.innerText.replace(/\s+/g, ' ').trim()).to.match(/^Metronome off · \d+ M$/);
    await expect(page).to.be.accessible();
  });
});
