// A check-in on the treadmill screen, end to end: a footpod paired through Chromium's own Web
// Bluetooth stack runs in the target zone, its notifications go through the real parser, session,
// recorder and coaching rules; three minutes in a check-in arrives under the cadence, and six
// seconds later it is gone without a key or a tap. The pod's clock moves a second per
// notification (a fake clock), so the three minutes take a few seconds of test.
import { expect, fixture, html } from '@open-wc/testing';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import type { AppServices } from '../../src/services/services.js';
import '../../src/pages/stride-treadmill-page.js';
import type { StrideTreadmillPage } from '../../src/pages/stride-treadmill-page.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { appTheme } from '../support/app-theme.js';
import { sendMeasurement, sendMeasurements, teardownEmulatedFootpod } from '../support/emulated-footpod.js';
import { finishRun } from '../support/finish-run.js';
import { coachedServices, pairOnLivePage } from '../support/paired-live-page.js';

useSeparateDatabase('stride-test-treadmill-check-in');

describe('a check-in on the treadmill screen, from a footpod on the emulated Web Bluetooth stack', () => {
  let services: AppServices;
  const clock = { ms: 0 };

  before(() => appTheme);
  afterEach(async () => {
    await finishRun(services);
    await teardownEmulatedFootpod();
  });

  it('arrives mid-run under the cadence, leaves the number uncovered, and goes away by itself', async () => {
    const coached = await coachedServices(clock);
    services = coached.services;
    const { output } = coached;
    const { coach } = services.settings.settings;
    await services.settings.update({ coach: { ...coach, checkIns: { ...coach.checkIns, everyMin: 3, fadeAfterS: 6 } } });
    const live = await pairOnLivePage(services);
    live.remove();
    const page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
    await services.coach.engine();
    await services.recording.start();

    let distance = 0;
    const packet = () => {
      distance += 3;
      return encodeRscMeasurement({ speedMps: 3, cadence: 172, strideLengthM: 1.05, totalDistanceM: distance, isRunning: true });
    };
    const strip = () => page.shadowRoot!.querySelector('stride-check-in')!.shadowRoot!.querySelector<HTMLElement>('.card');
    const second = async (s: number) => {
      clock.ms = s * 1000;
      await sendMeasurement(packet());
      await page.updateComplete;
      await page.shadowRoot!.querySelector('stride-check-in')!.updateComplete;
    };

    // Session seconds 0 … 179: running, no check-in yet.
    await sendMeasurements(Array.from({ length: 180 }, packet), (i) => (clock.ms = i * 1000));
    await page.updateComplete;
    expect(strip() === null, 'none before three minutes').to.equal(true);

    await second(180);
    expect(strip() !== null, 'a check-in at three minutes').to.equal(true);
    expect(strip()!.querySelector('h2')!.textContent).to.equal(services.coach.checkIn!.title);
    const number = page.shadowRoot!.querySelector('#cadence')!;
    expect(number.textContent).to.equal('172');
    const numberBox = number.getBoundingClientRect();
    const stripBox = strip()!.getBoundingClientRect();
    expect(stripBox.top, 'under the number, not over it').to.be.at.least(numberBox.bottom);
    const middle = page.shadowRoot!.elementFromPoint((numberBox.left + numberBox.right) / 2, (numberBox.top + numberBox.bottom) / 2);
    expect(middle === number, 'the number is what shows at its middle').to.equal(true);
    await expect(page).to.be.accessible();

    for (let s = 181; s <= 185; s++) {
      await second(s);
      expect(strip() !== null, `still up at ${s} s`).to.equal(true);
    }
    await second(186);
    expect(strip() === null, 'gone six seconds after it came, with no key or tap').to.equal(true);
    expect(services.coach.checkIn === null).to.equal(true);
    expect(output.played.filter((e) => e.kind === 'check-in').map((e) => e.atS)).to.deep.equal([180]);
    expect(services.recording.recorder!.meta().checkIns!.map((c) => c.t)).to.deep.equal([180]);
  });
});
