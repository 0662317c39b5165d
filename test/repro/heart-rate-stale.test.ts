// The live page's and the treadmill screen's heart rate is the last pod row's (session.latest),
// not the strap's value as it stands (session.latestChannels, which the Sensors panel shows). When
// the strap goes (disconnected, or off the skin) and no pod row follows (the pod lost, or a pod
// that stops notifying when the runner stands still), both screens keep showing the old number
// as a live heart rate, beside a Sensors line that says the strap is not connected.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { createServices, type AppServices } from '../../src/services/services.js';
import '../../src/pages/stride-live-page.js';
import '../../src/pages/stride-treadmill-page.js';
import type { StrideLivePage } from '../../src/pages/stride-live-page.js';
import type { StrideTreadmillPage } from '../../src/pages/stride-treadmill-page.js';
import type { StrideMetricTile } from '../../src/components/stride-metric-tile.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { ScriptedFootpod } from '../support/scripted-footpod.js';
import { ScriptedHeartRate } from '../support/scripted-sensor.js';

useSeparateDatabase('stride-repro-heart-rate-stale');

describe('repro: heart rate held after the strap is gone', () => {
  let services: AppServices;
  afterEach(() => {
    services.sensors.disconnect('heart-rate');
    services.footpod.disconnect();
  });

  it('shows no heart rate once the strap is disconnected', async () => {
    await clear(kvStore());
    const pod = new ScriptedFootpod('Scripted pod');
    let strap!: ScriptedHeartRate;
    services = createServices({ simulator: () => pod }, {}, null, {
      'heart-rate': (o) => (strap = new ScriptedHeartRate('strap-1', 'Chest strap', o.rememberedId)),
    });
    await services.settings.load();
    const live = await fixture<StrideLivePage>(html`<stride-live-page style="width:1000px" .services=${services}></stride-live-page>`);
    const treadmill = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
    await services.footpod.simulate();
    await services.sensors.pair('heart-rate');
    await waitUntil(() => services.sensors.source('heart-rate')?.state === 'connected', 'strap connected');
    for (let t = 0; t <= 5; t++) {
      strap.send(t, 150);
      pod.send(t, {});
    }
    await live.updateComplete;
    await treadmill.updateComplete;
    const liveTile = () => live.shadowRoot!.querySelector<StrideMetricTile>('#heart-rate');
    const treadmillHr = () => treadmill.shadowRoot!.querySelector('#heart-rate');
    expect(liveTile()?.value, 'with the strap on').to.equal('150');

    // The strap is switched off (or its battery dies). No pod row follows.
    strap.disconnect();
    await waitUntil(() => services.sensors.source('heart-rate')?.state !== 'connected', 'strap gone');
    await live.updateComplete;
    await treadmill.updateComplete;
    const status = live.shadowRoot!.querySelector('#sensors')!.shadowRoot!.querySelector('#status')?.textContent ?? '';
    expect(services.footpod.session!.latestChannels.heartRate, 'the app knows there is no heart rate').to.equal(null);
    // Expected: no heart rate on either screen (no tile, or '–'). Actual: '150' on both, beside "… strap not connected …".
    expect({ live: liveTile()?.value ?? null, treadmill: treadmillHr()?.textContent?.trim() ?? null, status }).to.deep.equal({
      live: null,
      treadmill: null,
      status,
    });
  });
});
