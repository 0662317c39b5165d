// The soak test, short: a recorded run through Chromium's emulated Web Bluetooth stack with 20
// forced disconnects and a real reload of the app's page in the middle keeps every sample the pod
// sent outside the outages, and marks each outage as a gap. The long one: `npm run bench -- soak`.
import { expect } from '@open-wc/testing';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { setupEmulatedFootpod, teardownEmulatedFootpod } from '../support/emulated-footpod.js';
import { closeSoak, soakRun, type SoakResult } from '../support/soak-run.js';

const DATABASE = 'stride-test-live-page-soak';
useSeparateDatabase(DATABASE);

describe('a recorded run through the emulated Web Bluetooth stack, 20 drops and a reload', () => {
  let result: SoakResult | undefined;
  afterEach(async () => {
    if (result) closeSoak(result);
    result = undefined;
    await teardownEmulatedFootpod();
  });

  it('keeps every sample outside the gaps and marks each gap', async function () {
    this.timeout(60_000);
    await setupEmulatedFootpod({ name: 'Stryd' });
    result = await soakRun({ database: DATABASE, disconnects: 20, samplesPerStretch: 5, outageS: 12, reloadAfter: [10] });
    const { expected, stored, gaps, t, breaks, reloadAt } = result;
    expect(result.lostAtReload, 'samples lost in the reload ' + result.consoleErrors.join(' / ')).to.equal(0);
    expect(stored, 'samples stored').to.equal(expected);
    expect(expected).to.equal(22 * 5);
    // One gap per outage and one for the reload, each from the last sample before it to the first after.
    expect(gaps.map((g) => [g.fromT, g.toT, g.reason])).to.deep.equal(breaks.map((i) => [t[i - 1], t[i], 'link-lost']));
    expect(breaks.length).to.equal(21);
    // Outside the gaps the run is one sample a second; an outage is as long as the pod was away
    // (12 s, plus the second to the next notification). A reload's gap is the wall clock's
    // (which did not move with the test's fast pod clock), so it is only known to be there.
    const steps = t.slice(1).map((x, i) => x - t[i]!);
    const expectedStep = (i: number) => (reloadAt.includes(i + 1) ? steps[i]! : breaks.includes(i + 1) ? 13 : 1);
    expect(steps.map((s, i) => [i, s]).filter(([i, s]) => s !== expectedStep(i!))).to.deep.equal([]);
    expect(steps[reloadAt[0]! - 1]).to.be.at.least(1);
    expect(result.consoleErrors, 'no console error').to.deep.equal([]);
  });

  it('reloaded right after a sample arrives, six times over, loses none of them', async function () {
    // The last sample's write is still in flight when the page goes; it must land all the same
    // (each write commits as its last request is made). Six reloads, as a loss here was a matter of timing.
    this.timeout(60_000);
    await setupEmulatedFootpod({ name: 'Stryd' });
    result = await soakRun({ database: DATABASE, disconnects: 6, samplesPerStretch: 3, outageS: 2, reloadAfter: [1, 2, 3, 4, 5, 6] });
    expect(result.lostAtReload, 'samples lost in the reloads').to.equal(0);
    expect(result.stored).to.equal(result.expected);
    expect(result.expected).to.equal(13 * 3);
    expect(result.consoleErrors, 'no console error').to.deep.equal([]);
  });
});
