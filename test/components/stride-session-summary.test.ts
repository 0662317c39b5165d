import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-session-summary.js';
import type { StrideSessionSummary } from '../../src/components/stride-session-summary.js';
import '../../src/components/stride-zone-bar.js';
import type { StrideZoneBar } from '../../src/components/stride-zone-bar.js';
import type { SessionSummary } from '../../src/session/recorded-session.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { summarizeSamples } from '../../src/session/session-summary.js';
import { columnsOf } from '../export/session-fixture.js';
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

describe('stride-session-summary: distance, time and pace agree', () => {
  const shown = async (speed: number, seconds: number) => {
    const samples = columnsOf(Array.from({ length: seconds + 1 }, (_, t) => ({ t, speedMps: speed, cadence: speed > 0 ? 172 : 0, strideLengthM: null, running: speed > 0 })));
    const run = { ...summary, ...summarizeSamples(samples, defaultCadenceZones) };
    const el = await fixture<StrideSessionSummary>(html`<stride-session-summary .summary=${run} unit="km"></stride-session-summary>`);
    const stat = (id: string) => {
      const dd = el.shadowRoot!.querySelector(`[data-stat="${id}"]`)!;
      return (dd.textContent ?? '').replace(dd.querySelector('.unit')?.textContent ?? '', '').trim();
    };
    return { distance: stat('distance'), time: stat('time'), pace: stat('pace') };
  };

  it('996 m in 4:59 reads 0.99 km, not 1.00 km at 5:00/km', async () => {
    expect(await shown(996 / 299, 299)).to.deep.equal({ distance: '0.99', time: '4:59', pace: '5:00' });
  });

  it('a run averaging under 0.5 m/s still shows its pace, hours and all', async () => {
    // 0.4 m/s for 3000 s: 1.20 km at 41:40/km; 0.2 m/s: 83:20/km reads 1:23:20.
    expect(await shown(0.4, 3000)).to.deep.equal({ distance: '1.20', time: '50:00', pace: '41:40' });
    expect((await shown(0.2, 5000)).pace).to.equal('1:23:20');
  });
});
