// Settings lets the runner hear the metronome before a run: "Play a few beats" plays four clicks
// at the rate, step and volume set. The metronome is the real one on an offline audio context, so
// the test listens to the rendered sound rather than to a record of calls.
import { expect, fixture, html } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { CoachRules } from '../../src/coach/coach-rules.js';
import { metronomeRate } from '../../src/coach/metronome-timing.js';
import { AppAudio } from '../../src/outputs/app-audio.js';
import { WebAudioMetronome } from '../../src/outputs/web-audio-metronome.js';
import '../../src/pages/stride-settings-page.js';
import type { StrideSettingsPage } from '../../src/pages/stride-settings-page.js';
import type { CoachEngine } from '../../src/services/coach-service.js';
import { createServices } from '../../src/services/services.js';
import { defaultCoachSettings } from '../../src/session/coach-settings.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { FakeTimeContext, onsets } from '../outputs/audio-test-support.js';
import { appTheme } from '../support/app-theme.js';
import { RecordingOutput, RecordingWakeLock } from '../support/recording-outputs.js';

useSeparateDatabase('stride-test-settings-page-preview');
const SAMPLE_RATE = 44100;

describe('stride-settings-page metronome preview', () => {
  before(() => appTheme);
  beforeEach(() => clear(kvStore()));

  it('plays four clicks at the rate and volume set, from the button', async () => {
    const offline = new OfflineAudioContext(1, 2 * SAMPLE_RATE, SAMPLE_RATE);
    const metronome = new WebAudioMetronome({ audio: new AppAudio(() => new FakeTimeContext(offline)), timer: { every: () => () => {} } });
    const engine: CoachEngine = {
      rules: new CoachRules(defaultCoachSettings, defaultCadenceZones),
      output: new RecordingOutput(),
      metronome,
      wakeLock: new RecordingWakeLock(),
      metronomeRate,
    };
    const services = createServices({}, {}, async () => engine);
    await services.settings.load();
    await services.settings.update({ coach: { ...defaultCoachSettings, metronome: { ...defaultCoachSettings.metronome, rateSpm: 160, volume: 0.3 } } });
    const page = await fixture<StrideSettingsPage>(html`<stride-settings-page .services=${services}></stride-settings-page>`);
    const coach = page.shadowRoot!.querySelector('stride-coach-settings')!;
    await coach.updateComplete;
    const button = coach.shadowRoot!.querySelector<HTMLButtonElement>('#metronome-preview')!;
    expect(button.textContent!.trim()).to.equal('Play a few beats');
    button.click();
    await services.coach.engine();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(metronome.running, 'a preview, not the metronome left on').to.equal(false);

    const samples = (await offline.startRendering()).getChannelData(0);
    const heard = onsets(samples, SAMPLE_RATE);
    expect(heard).to.have.length(4);
    for (const [k, at] of heard.entries()) expect(at, `click ${k}`).to.be.closeTo(0.1 + (k * 60) / 160, 0.001);
    const peak = Math.max(...samples.map(Math.abs));
    expect(peak, 'at the volume set').to.be.within(0.2, 0.31);
    await expect(coach).to.be.accessible();
  });
});
