// A split's pace is its time over its distance, but formatAveragePace goes through paceSeconds,
// which gives no pace below 0.5 m/s (MIN_SPEED_FOR_PACE, meant for a live reading of someone
// standing). Standing still counts as moving time when auto-pause is off (gap-steps.ts: a step with
// no gap is moving time), so a km with a 30-minute stop in it reads "1 km · 35:00 · –:––/km" on the
// splits table, and a run averaging under 0.5 m/s shows no pace in its summary, History and finish
// card. The property issue 17 claims ("the pace of one km or mile always equals its time") fails.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-splits-table.js';
import type { StrideSplitsTable } from '../../src/components/stride-splits-table.js';
import { distanceSplits } from '../../src/session/splits.js';
import { columnsOf } from '../export/session-fixture.js';

const RUN = 10 / 3; // m/s: 5:00/km
const specAt = (t: number) => {
  const standing = t >= 150 && t < 1950;
  return { t, speedMps: standing ? 0 : RUN, cadence: standing ? 0 : 172, strideLengthM: null, running: !standing };
};

describe('repro: a slow km shows no pace', () => {
  it('a 1 km split of 35:00 (30 min standing in it) reads 35:00/km', async () => {
    // 500 m in 150 s, 30 minutes standing (recorded, auto-pause off), 500 m in 150 s: the km ends at 2100 s; then 30 s more.
    const samples = columnsOf(Array.from({ length: 2131 }, (_, t) => specAt(t)));
    const splits = distanceSplits(samples, 'km');
    expect(splits[0]!.label).to.equal('1 km');
    const table = await fixture<StrideSplitsTable>(html`<stride-splits-table .splits=${splits} unit="km"></stride-splits-table>`);
    const cells = [...table.shadowRoot!.querySelector('tbody tr')!.querySelectorAll('th, td')].map((c) =>
      [...c.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim(),
    );
    const [label, time, distance, pace] = cells;
    // Expected: pace = time over 1.00 km = 35:00. Actual: '–:––'.
    expect({ label, time, distance, pace }).to.deep.equal({ label: '1 km', time: '35:00', distance: '1.00', pace: '35:00' });
  });
});
