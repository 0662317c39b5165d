import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/stride-footpod-details.js';
import type { FootpodCommand, FootpodDetails, StrideFootpodDetails } from '../../src/components/stride-footpod-details.js';
import { emptyFootpodInfo } from '../../src/sources/footpod-source.js';
import { appTheme } from '../support/app-theme.js';

const feature = (bits: number): DataView => new DataView(Uint8Array.of(bits, 0).buffer);
const details = (change: Partial<FootpodDetails> = {}): FootpodDetails => ({
  info: {
    ...emptyFootpodInfo(),
    deviceId: 'pod',
    deviceName: 'Stryd <img src=x onerror=alert(1)>',
    feature: feature(0x1f),
    sensorLocation: 2,
    batteryLevel: 64,
    manufacturerName: 'Stryd <b>Inc</b>',
    modelNumber: 'Wind',
    firmwareRevision: '1.2.3',
  },
  offers: { resetDistance: true, calibrate: true, locations: true },
  pending: null,
  outcome: null,
  ...change,
});

async function show(value: FootpodDetails | null): Promise<StrideFootpodDetails> {
  return fixture<StrideFootpodDetails>(html`<stride-footpod-details .details=${value}></stride-footpod-details>`);
}
/** "Label: value" for each row of the description list. */
const rows = (el: StrideFootpodDetails): string[] =>
  [...el.shadowRoot!.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling!.textContent!.replace(/\s+/g, ' ').trim()}`);
const text = (el: StrideFootpodDetails, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

describe('stride-footpod-details', () => {
  before(() => appTheme);

  it('says in one line that no footpod is connected', async () => {
    const el = await show(null);
    expect(text(el, '#no-footpod')).to.equal('No footpod connected: pair one on the live page to see what it offers.');
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows what the pod is and offers, its strings as text only', async () => {
    const el = await show(details());
    expect(rows(el).slice(0, 6)).to.deep.equal([
      'Name: Stryd <img src=x onerror=alert(1)>', 'Worn: In shoe', 'Battery: 64 %', 'Maker: Stryd <b>Inc</b>', 'Model: Wind', 'Firmware: 1.2.3',
    ]);
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect([...el.shadowRoot!.querySelectorAll('.features li')].map((li) => li.textContent)).to.deep.equal([
      'Stride length: yes', 'Total distance: yes', 'Walking or running: yes', 'Pod’s own calibration: offered', 'Several sensor locations: yes',
    ]);
    await expect(el).to.be.accessible();
  });

  it('leaves out what the pod does not say, and offers no buttons for commands it does not take', async () => {
    const el = await show(details({
      info: { ...emptyFootpodInfo(), deviceName: null, feature: feature(0x05), sensorLocation: null, batteryLevel: null },
      offers: { resetDistance: false, calibrate: false, locations: false },
    }));
    expect(rows(el).map((row) => row.split(':')[0])).to.deep.equal(['Name', 'Worn', 'Offers']);
    expect(rows(el).slice(0, 2)).to.deep.equal(['Name: Unnamed footpod', 'Worn: Not said']);
    // What the pod offers, not whether the app calibrates it.
    expect(text(el, 'dl')).to.include('Pod’s own calibration: not offered — Stridewise calibrates it');
    expect(text(el, 'dl')).not.to.match(/\bCalibration: no\b/);
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
    expect(text(el, '#no-commands')).to.equal('This footpod takes no commands.');
  });

  it('fires one footpod-command per button, with the location chosen', async () => {
    const el = await show(details({ info: { ...details().info, supportedLocations: [1, 2, 3] } }));
    const fired = async (id: string): Promise<FootpodCommand> => {
      const event = oneEvent(el, 'footpod-command');
      el.shadowRoot!.querySelector<HTMLButtonElement>(`#${id}`)!.click();
      return (await event).detail as FootpodCommand;
    };
    expect(await fired('reset-distance')).to.deep.equal({ kind: 'reset-distance' });
    expect(await fired('calibrate')).to.deep.equal({ kind: 'calibrate' });
    expect(await fired('list-locations')).to.deep.equal({ kind: 'list-locations' });
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#location')!;
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Top of shoe', 'In shoe', 'Hip']);
    expect(select.value).to.equal('2');
    select.value = '3';
    expect(await fired('set-location')).to.deep.equal({ kind: 'set-location', location: 3 });
  });

  it('shows each answer beside its button and holds every button while one waits', async () => {
    const el = await show(details({ pending: 'calibrate', outcome: { kind: 'reset-distance', outcome: { ok: false, message: 'The footpod could not do it.' } } }));
    expect([...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].every((b) => b.disabled)).to.equal(true);
    const results = [...el.shadowRoot!.querySelectorAll('.result')].map((r) => r.textContent);
    expect(results).to.deep.equal(['The footpod could not do it.', 'Waiting for the footpod…', '']);
    expect(el.shadowRoot!.querySelector('.result.problem')!.textContent).to.equal('The footpod could not do it.');
    await expect(el).to.be.accessible();
  });
});
