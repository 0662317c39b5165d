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

  it('shows the time in target with the share the zone bar shows beside the other zones', async () => {
    const el = await fixture<StrideSessionSummary>(html`<stride-session-summary .summary=${summary}></stride-session-summary>`);
    const bar = await fixture<StrideZoneBar>(html`<stride-zone-bar .zoneTimes=${zoneTimes}></stride-zone-bar>`);
    // 12.5 % in target, 87.5 % above it: 12 % and 88 %, not 13 % and 88 %.
    expect(el.shadowRoot!.querySelector('[data-stat=target]')!.textContent).to.equal('4:1012%');
    expect(bar.shadowRoot!.querySelector('[data-zone=target]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Target 4:10 (12%)');
    await expect(el).to.be.accessible();
  });
});
