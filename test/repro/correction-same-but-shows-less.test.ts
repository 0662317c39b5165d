// Distances are now cut to the hundredth (issue 17), but "the run already shows the typed
// distance" is still judged by rounding: within half the last digit typed (sameDistanceWithinM,
// 5 m for "5.00" km). A treadmill run of 4996 m reads 4.99 km everywhere; the runner types the
// treadmill's 5.00 and is told there is nothing to correct, beside "This run shows 4.99 km"
// (the service even says "This run already shows 4.99 km, as the treadmill did"). The run can
// never be made to read 5.00 km. Expected: a run that reads 4.99 km does not "match" 5.00.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stride-distance-correction.js';
import type { StrideDistanceCorrection } from '../../src/components/stride-distance-correction.js';
import { correctionFrom, sameDistanceWithinM } from '../../src/session/run-correction.js';
import { formatDistanceIn } from '../../src/session/units.js';
import { recordTreadmillRun, steadyTreadmillScript } from '../support/generated-treadmill-runs.js';

describe('a treadmill run reading 4.99 km corrected to the treadmill’s 5.00 km', () => {
  it('is corrected, not called a match (session rule)', () => {
    // 1249 s at 4 m/s on the pod with a 1.0 curve: 4996 m.
    const run = recordTreadmillRun(steadyTreadmillScript([{ seconds: 1250, beltMps: 4, cadence: 180 }]), []);
    expect(run.meta.distanceM).to.be.closeTo(4996, 0.5);
    expect(formatDistanceIn(run.meta.distanceM, 'km'), 'what the run reads').to.equal('4.99');
    const found = correctionFrom(run, [], 5000, sameDistanceWithinM(2, 'km'));
    expect(found, 'typed 5.00 km').to.not.deep.equal({ ok: true, matches: true });
  });

  it('is corrected, not called a match (the form)', async () => {
    const el = await fixture<StrideDistanceCorrection>(html`<stride-distance-correction></stride-distance-correction>`);
    Object.assign(el, { podDistanceM: 4996, runDistanceM: 4996, unit: 'km', available: true, podName: 'Pod A' });
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#treadmill-distance')!;
    input.value = '5.00';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('This run shows 4.99');
    expect(text, 'the same form then says').to.not.contain('nothing to correct');
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('#apply')!.disabled, 'Correct button').to.equal(false);
  });
});
