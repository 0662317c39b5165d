// Repro: the crash-recovery prompt states the saved distance in km whatever the runner's unit.
// A runner who set miles reads "1.61 km" in the prompt, while History, the live page and the run's
// page all say "1.00 mi" for the same run.
// Expected (independent): 1609.344 m is exactly 1 mile, so a miles runner must read "1.00 mi".
import { expect, fixture, html } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import '../../src/pages/stride-live-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import { SimulatedFootpod } from '../../src/sources/simulated-footpod.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
import { generatedSession } from '../support/generated-sessions.js';
import { finishRun } from '../support/finish-run.js';

useSeparateDatabase('stride-test-repro-recovery-miles');

let services: AppServices;

describe('repro: recovery prompt in the runner\'s unit', () => {
  beforeEach(() => clear(kvStore()));
  afterEach(async () => {
    await finishRun(services);
  });

  it('a miles runner reads the saved distance of an unfinished run in miles', async () => {
    const unfinished = generatedSession({ startedAt: Date.now() - 3_600_000, minutes: 10, cadenceBase: 172, speed: 3 });
    unfinished.meta.status = 'recording';
    await saveSession(unfinished);
    const pod = new SimulatedFootpod({ seed: 21 });
    services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 });
    await services.settings.load();
    await services.settings.update({ distanceUnit: 'mi' });
    const page = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
    await services.recording.checkUnfinished();
    await page.updateComplete;
    await customElements.whenDefined('stride-recovery-prompt');
    const prompt = page.shadowRoot!.querySelector('stride-recovery-prompt') as HTMLElement & { updateComplete: Promise<boolean> };
    await prompt.updateComplete;
    const text = prompt.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    const [offered] = services.recording.unfinished;
    const miles = (offered!.distanceM / 1609.344).toFixed(2);
    const km = (offered!.distanceM / 1000).toFixed(2);
    expect(services.settings.settings.distanceUnit).to.equal('mi');
    // Actual on current code: "… (10:00, 1.80 km) …"; expected "… 1.12 mi …".
    expect(text, `prompt: ${text}`).to.include(`${miles} mi`);
    expect(text).not.to.include(`${km} km`);
  });
});
