// Outside review of issue 16: a run that already shows the treadmill's distance in miles is "corrected".
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-distance-correction.js';
import type { StrideDistanceCorrection } from '../../src/components/stride-distance-correction.js';
import { metresFrom } from '../../src/components/calibration-format.js';
import { correctionFrom } from '../../src/session/run-correction.js';
import { recordTreadmillRun } from '../support/generated-treadmill-runs.js';

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('correcting a run in miles from the treadmill’s display', () => {
  // A steady 3.0 m/s run of 4998 m, pod exact (curve 100 %): the app shows 3.11 mi (3.1056), and a
  // treadmill that counted the same 4998 m shows 3.11 mi too. The runner types 3.11: the run already
  // shows the treadmill's distance to the display's resolution (0.01 mi = 16 m), so nothing must
  // change, run or curve (issue 16: "a run whose recorded distance already matches must change nothing").
  const run = recordTreadmillRun(
    {
      spells: [{ seconds: 1667, beltMps: 3, cadence: 172 }],
      podErrorRunning: 1,
      podErrorWalking: 1,
      sendsStride: false,
      sendsTreadmillTotal: true,
      pauses: [],
      podLinkLosses: [],
      treadmillDropouts: [],
      speedFromSwitches: [],
      firstSpeedFrom: 'footpod',
    },
    [],
  );

  it('the panel says the run already shows 3.11 mi', async () => {
    expect(run.meta.distanceM).to.be.closeTo(4998, 0.5);
    const el = await fixture<StrideDistanceCorrection>(html`<stride-distance-correction></stride-distance-correction>`);
    Object.assign(el, { unit: 'mi', podDistanceM: run.meta.distanceM, runDistanceM: run.meta.distanceM });
    await el.updateComplete;
    expect(squash(el.shadowRoot!.querySelector('.hint')!.textContent)).to.contain('This run shows 3.11 mi');
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#treadmill-distance')!;
    input.value = '3.11';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(squash(el.shadowRoot!.querySelector('#reading')!.textContent)).to.equal('This run already shows that distance: there is nothing to correct.');
  });

  it('correcting with the 3.11 mi typed changes nothing, run or curve', () => {
    const found = correctionFrom(run, [], metresFrom(3.11, 'mi'));
    expect(found, `today: ${JSON.stringify(found.ok && !found.matches ? { distanceM: found.run.meta.distanceM, point: found.point } : found)}`).to.deep.equal({
      ok: true,
      matches: true,
    });
  });
});
