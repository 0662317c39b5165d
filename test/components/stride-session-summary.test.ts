import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-session-summary.js';
import type { StrideSessionSummary } from '../../src/components/stride-session-summary.js';
import '../../src/components/stride-zone-bar.js';
import type { StrideZoneBar } from '../../src/components/stride-zone-bar.js';
import type { SessionSummary } from '../../src/session/recorded-session.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { appTheme } from '../support/app-theme.js';

const zoneTimes = { low: 0, building: 0, target: 250, high: 1750 };
const summary: SessionSummary = {
  id: 'shares',
  startedAt: Date.UTC(2025, 2, 6, 7),
  name: 'Hill repeats',
  notes: '',
  deviceName: null,
  origin: 'simulator',
  status: 'complete',
  movingS: 2000,
  elapsedS: 2000,
  distanceM: 5000,
  avgSpeedMps: 2.5,
  avgCadence: 182,
  zoneTimes,
  zones: defaultCadenceZones,
  cadenceBySpeedBand: {},
  sampleCount: 2001,
};

describe('stride-session-summary', () => {
  before(() => appTheme);

  it('shows the running time in target and its share as Weeks and the plan count it, walks left out', async () => {
    // 20 min walking at 118 (low) around 20 min running at 172 in 170-180: the bar shows all of it,
    // the tile the running only.
    const walkRunWalk: SessionSummary = {
      ...summary,
      zoneTimes: { low: 1200, building: 0, target: 1200, high: 0 },
      runningCadence: { 172: 1200 },
    };
    const el = await fixture<StrideSessionSummary>(html`<stride-session-summary .summary=${walkRunWalk}></stride-session-summary>`);
    expect(el.shadowRoot!.querySelector('[data-stat=target]')!.textContent).to.equal('20:00100%');
    expect(el.shadowRoot!.textContent).to.contain('In target, running');
    await expect(el).to.be.accessible();
  });

  it('says there is no share without running cadence, and keeps the zone bar for all zoned time', async () => {
    const el = await fixture<StrideSessionSummary>(html`<stride-session-summary .summary=${{ ...summary, runningCadence: {} }}></stride-session-summary>`);
    const bar = await fixture<StrideZoneBar>(html`<stride-zone-bar .zoneTimes=${zoneTimes}></stride-zone-bar>`);
    expect(el.shadowRoot!.querySelector('[data-stat=target]')!.textContent).to.equal('0:00–');
    expect(bar.shadowRoot!.querySelector('[data-zone=target]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Target 4:10 (12%)');
  });
});
