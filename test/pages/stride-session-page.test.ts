import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { Decoder, Stream } from '@garmin/fitsdk';
import { clear, set } from 'idb-keyval';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-session-page.js';
import type { StrideSessionPage } from '../../src/pages/stride-session-page.js';
import type { StrideSessionChart } from '../../src/components/stride-session-chart.js';
import type { StrideSplitsTable } from '../../src/components/stride-splits-table.js';
import { decodeFit } from '../../src/export/fit.js';
import { TCX_NAMESPACE, decodeTcx } from '../../src/export/tcx.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { chunkKey, saveSession } from '../../src/store/session-store.js';
import { appTheme } from '../support/app-theme.js';
import { generatedSession } from '../support/generated-sessions.js';
import { type Download, catchDownloads } from '../support/catch-downloads.js';

const sessionOptions = {
  id: 'tempo',
  startedAt: new Date(2025, 4, 6, 18, 0).getTime(),
  minutes: 10,
  cadenceBase: 172,
  speed: 3.1,
  laps: [200, 400],
  gaps: [{ fromT: 120, toT: 150, reason: 'link-lost' }],
  name: 'Tempo <em>Tuesday</em>',
  deviceName: 'Stryd <script>',
} satisfies Parameters<typeof generatedSession>[0];
const session = generatedSession(sessionOptions);

async function sessionPage(id: string) {
  const services = createServices();
  const page = await fixture<StrideSessionPage>(html`<stride-session-page style="width:900px" .services=${services} .sessionId=${id}></stride-session-page>`);
  await waitUntil(() => page.opened !== null, 'the session was opened');
  await page.updateComplete;
  await Promise.all(page.charts.map((chart) => chart.updateComplete));
  return page;
}

const chart = (page: StrideSessionPage, kind: string) => page.shadowRoot!.querySelector<StrideSessionChart>(`#${kind}-chart`)!;
const tableRows = (page: StrideSessionPage, id: string) => {
  const table = page.shadowRoot!.querySelector<StrideSplitsTable>(`#${id}`)!;
  // Each cell's value, without the label a card shows beside it on a narrow screen.
  const valueOf = (cell: Element) => {
    const copy = cell.cloneNode(true) as Element;
    for (const label of copy.querySelectorAll('.card-label')) label.remove();
    return copy.textContent!.trim();
  };
  return [...table.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(valueOf));
};
const tick = () => new Promise((resolve) => setTimeout(resolve));
const xRange = (c: StrideSessionChart) => [c.plot!.scales.x!.min, c.plot!.scales.x!.max];

describe('stride-session-page', () => {
  before(async () => {
    useSeparateDatabase('stride-test-session-page');
    await appTheme;
  });
  beforeEach(async () => {
    await clear(kvStore());
    await saveSession(session);
  });

  it('charts cadence, stride and pace with a null exactly where the link was lost', async () => {
    const page = await sessionPage('tempo');
    const cadence = chart(page, 'cadence').plot!;
    const [x, y] = cadence.data;
    // 0–120 s, one gap row, 150–600 s.
    expect(x!.length).to.equal(121 + 1 + 451);
    expect(x![121]).to.equal(135);
    expect(y![121]).to.equal(null);
    expect(Array.from(y!).filter((v) => v === null)).to.have.length(1);
    // Cadence steps through 170…174 sample by sample: sample 120 is at 120 s, sample 121 at 150 s.
    expect([x![120], y![120]]).to.deep.equal([120, 170]);
    expect([x![122], y![122]]).to.deep.equal([150, 171]);
    expect(y![0]).to.equal(170);
    const stride = chart(page, 'stride').plot!.data[1]!;
    expect(stride[121]).to.equal(null);
    expect(stride[0]).to.be.closeTo((3.1 * 60) / 170, 1e-6);
    const pace = chart(page, 'pace').plot!.data[1]!;
    expect(pace[0]).to.be.closeTo(1000 / 3.1, 1e-3);
    expect(pace[121]).to.equal(null);
    expect(page.shadowRoot!.querySelector('ul.gaps')!.textContent!.replace(/\s+/g, ' ')).to.contain('2:00 to 2:30: footpod link lost (0:30)');
    await expect(page).to.be.accessible();
  });

  it('says in words when a break counts: the pod counted on through it, so its time is moving time', async () => {
    await saveSession(
      generatedSession({ id: 'bridged', startedAt: session.meta.startedAt, minutes: 5, cadenceBase: 170, speed: 3, gaps: [{ fromT: 60, toT: 120, reason: 'link-lost', coveredM: 180 }] }),
    );
    const page = await sessionPage('bridged');
    expect(page.shadowRoot!.querySelector('ul.gaps')!.textContent!.replace(/\s+/g, ' ')).to.contain(
      "1:00 to 2:00: footpod link lost (1:00); the footpod's distance counter went on by 0.18 km, kept with its time as moving time",
    );
    expect(page.opened!.session!.meta.movingS).to.equal(300);
  });

  it("says in words where the summary shows a watch's own totals that its records do not add up to", async () => {
    const imported = generatedSession({ id: 'watch', startedAt: session.meta.startedAt, minutes: 5, cadenceBase: 176, speed: 3 });
    imported.meta.origin = 'import';
    imported.meta.avgCadence = 167;
    imported.meta.statedTotals = {
      stated: { movingS: 300, distanceM: 900, avgCadence: 167, avgHeartRate: 151 },
      fromRecords: { movingS: 300, distanceM: 900, avgCadence: 176, avgHeartRate: null },
    };
    await saveSession(imported);
    const page = await sessionPage('watch');
    const notes = [...page.shadowRoot!.querySelectorAll('p.watch-totals')].map((p) => p.textContent!.trim());
    expect(notes).to.deep.equal(["Average cadence is the watch's own, 167 steps/min; its records average 176."]);
    await expect(page).to.be.accessible();
  });

  it("shows a watch's own average power as the run's, and says its records average less", async () => {
    const imported = generatedSession({ id: 'watch-power', startedAt: session.meta.startedAt, minutes: 5, cadenceBase: 176, speed: 3 });
    imported.meta.origin = 'import';
    imported.samples.powerW.fill(230);
    imported.meta.statedTotals = {
      stated: { avgPowerW: 241 },
      fromRecords: { movingS: 300, distanceM: 900, avgCadence: 176, avgHeartRate: null, avgPowerW: 230 },
    };
    await saveSession(imported);
    const page = await sessionPage('watch-power');
    const summary = page.shadowRoot!.querySelector('stride-session-summary')!;
    expect(summary.shadowRoot!.querySelector('[data-stat="power"]')!.textContent!.trim()).to.equal('241W');
    const notes = [...page.shadowRoot!.querySelectorAll('p.watch-totals')].map((p) => p.textContent!.trim());
    expect(notes).to.deep.equal(["Average power is the watch's own, 241 W; its records average 230 W."]);
  });

  it('lists the technique check-ins of the run and marks them on every chart, over time and over distance', async () => {
    const withCheckIns = generatedSession({ id: 'coached', startedAt: session.meta.startedAt, minutes: 12, cadenceBase: 170, speed: 3 });
    withCheckIns.meta.checkIns = [
      { t: 300, promptId: 'under-hips' },
      { t: 600, promptId: 'gone-in-a-later-version' },
    ];
    await saveSession(withCheckIns);
    const page = await sessionPage('coached');
    const items = [...page.shadowRoot!.querySelectorAll('ul.check-ins li')].map((li) => li.textContent!.trim());
    expect(items).to.deep.equal(['5:00: Land under your hips', '10:00: Technique check-in']);
    for (const kind of ['cadence', 'stride', 'pace']) expect(chart(page, kind).markers).to.deep.equal([300, 600]);
    page.shadowRoot!.querySelector<HTMLButtonElement>('#along-distance')!.click();
    await page.updateComplete;
    expect(chart(page, 'cadence').markers).to.deep.equal([900, 1800]);
    await expect(page).to.be.accessible();
  });

  it('runs the charts along distance when asked', async () => {
    const page = await sessionPage('tempo');
    page.shadowRoot!.querySelector<HTMLButtonElement>('#along-distance')!.click();
    await page.updateComplete;
    await chart(page, 'cadence').updateComplete;
    const [x, y] = chart(page, 'cadence').plot!.data;
    expect(x![1]).to.be.closeTo(3.1, 1e-6);
    expect(x![x!.length - 1]).to.be.closeTo(570 * 3.1, 1e-3);
    // The link was lost at 372 m and came back at 372 m: the gap row sits between 372 and 375.1.
    expect(x![121]).to.be.closeTo(373.55, 1e-3);
    expect(y![121]).to.equal(null);
    expect(page.shadowRoot!.querySelector('#along-distance')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('shows the summary, time in each zone, and splits per km and per lap', async () => {
    const page = await sessionPage('tempo');
    expect(tableRows(page, 'distance-splits')).to.deep.equal([
      ['1 km', '5:22', '1.00', '5:22', '172', '1.08'],
      ['1.76 km', '4:07', '0.76', '5:22', '172', '1.08'],
    ]);
    expect(tableRows(page, 'lap-splits')).to.deep.equal([
      ['Lap 1', '2:50', '0.52', '5:22', '172', '1.08'],
      ['Lap 2', '3:20', '0.62', '5:22', '172', '1.08'],
      ['Lap 3', '3:20', '0.62', '5:22', '172', '1.08'],
    ]);
    const summary = page.shadowRoot!.querySelector('stride-session-summary')!;
    await summary.updateComplete;
    expect(summary.shadowRoot!.querySelector('[data-stat=distance]')!.textContent).to.equal('1.76km');
    expect(summary.shadowRoot!.querySelector('[data-stat=cadence]')!.textContent).to.equal('172steps/min');
    expect(page.shadowRoot!.querySelector('stride-zone-bar')!.zoneTimes).to.deep.equal(session.meta.zoneTimes);
  });

  it('gives splits per mile when the runner uses miles', async () => {
    const services = createServices();
    await services.settings.update({ distanceUnit: 'mi' });
    const page = await fixture<StrideSessionPage>(html`<stride-session-page .services=${services} sessionId="tempo"></stride-session-page>`);
    await waitUntil(() => page.opened !== null);
    await page.updateComplete;
    const rows = tableRows(page, 'distance-splits');
    expect(rows.map((r) => r[0])).to.deep.equal(['1 mi', '1.09 mi']);
    expect(rows[0]![3]).to.equal('8:39');
  });

  it('renders the name, device and notes as text only', async () => {
    const page = await sessionPage('tempo');
    expect(page.shadowRoot!.querySelector('h1')!.textContent).to.equal('Tempo <em>Tuesday</em>');
    expect(page.shadowRoot!.querySelector('.device')!.textContent).to.equal('Stryd <script>');
    expect(page.shadowRoot!.querySelector('em, script')).to.equal(null);
  });

  it('zooms all three charts with a drag across one, and Reset zoom shows the whole run again', async () => {
    const page = await sessionPage('tempo');
    const cadence = chart(page, 'cadence');
    const over = cadence.shadowRoot!.querySelector<HTMLElement>('.u-over')!;
    const box = over.getBoundingClientRect();
    const at = (fraction: number) => ({ clientX: box.left + box.width * fraction, clientY: box.top + box.height / 2, bubbles: true, button: 0 });
    over.dispatchEvent(new MouseEvent('mousedown', at(0.25)));
    // uPlot ignores a move without movement while dragging (a Chrome quirk it works around).
    over.dispatchEvent(new MouseEvent('mousemove', { ...at(0.5), movementX: 100 }));
    document.dispatchEvent(new MouseEvent('mouseup', at(0.5)));
    await tick();
    await tick();
    const [min, max] = xRange(cadence) as [number, number];
    expect(min).to.be.closeTo(150, 3);
    expect(max).to.be.closeTo(300, 3);
    expect(xRange(chart(page, 'stride'))).to.deep.equal([min, max]);
    expect(xRange(chart(page, 'pace'))).to.deep.equal([min, max]);

    page.shadowRoot!.querySelector<HTMLButtonElement>('#reset-zoom')!.click();
    await tick();
    await tick();
    for (const kind of ['cadence', 'stride', 'pace']) expect(xRange(chart(page, kind)), kind).to.deep.equal([0, 600]);
  });

  it('says plainly when there is no session with that id', async () => {
    const page = await sessionPage('missing');
    const alert = page.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.match(/no session with this address/i);
    expect(page.shadowRoot!.querySelector('a[href="/history"]')).to.not.equal(null);
    expect(page.shadowRoot!.querySelector('stride-session-chart')).to.equal(null);
    await expect(page).to.be.accessible();
  });

  it('says the session is damaged when its samples cannot be read', async () => {
    await set(chunkKey('tempo', 3), { t: 'nonsense' }, kvStore());
    const page = await sessionPage('tempo');
    expect(page.shadowRoot!.querySelector('[role=alert]')!.textContent).to.match(/damaged/);
    expect(page.shadowRoot!.querySelector('stride-session-chart')).to.equal(null);
  });

  describe('export', () => {
    let caught: ReturnType<typeof catchDownloads>;
    beforeEach(() => {
      caught = catchDownloads();
    });
    afterEach(() => caught.restore());

    async function exported(page: StrideSessionPage, format: 'fit' | 'tcx' | 'csv'): Promise<Download> {
      const before = caught.downloads.length;
      page.shadowRoot!.querySelector<HTMLButtonElement>(`#export-${format}`)!.click();
      await waitUntil(() => caught.downloads.length > before, `the ${format} file was downloaded`);
      expect(caught.downloads).to.have.length(before + 1);
      return caught.downloads[before]!;
    }

    const { samples } = session;
    const n = samples.t.length;

    it('offers FIT, TCX and CSV as buttons a runner can reach', async () => {
      const page = await sessionPage('tempo');
      const buttons = [...page.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[id^=export-]')];
      expect(buttons.map((b) => [b.id, b.textContent!.trim()])).to.deep.equal([
        ['export-fit', 'Export FIT'],
        ['export-tcx', 'Export TCX'],
        ['export-csv', 'Export CSV'],
      ]);
      await expect(page).to.be.accessible();
    });

    it('downloads a FIT file that Garmin’s decoder reads back whole, one record per sample', async () => {
      const page = await sessionPage('tempo');
      const { fileName, blob } = await exported(page, 'fit');
      expect(fileName).to.equal('stridewise-2025-05-06-1800.fit');
      expect(blob.type).to.equal('application/vnd.ant.fit');
      const bytes = new Uint8Array(await blob.arrayBuffer());

      const decoder = new Decoder(Stream.fromByteArray(bytes));
      expect(decoder.isFIT()).to.equal(true);
      expect(decoder.checkIntegrity()).to.equal(true);
      const { messages, errors } = decoder.read();
      expect(errors).to.deep.equal([]);
      expect(messages.fileIdMesgs![0]!.type).to.equal('activity');
      const records = messages.recordMesgs!;
      expect(records).to.have.length(n);
      records.forEach((record, i) => {
        const where = `record ${i} (t=${samples.t[i]})`;
        expect((record.timestamp as Date).getTime(), where).to.equal(session.meta.startedAt + samples.t[i]! * 1000);
        expect(record.enhancedSpeed!, where).to.be.closeTo(3.1, 0.0005);
        expect(2 * (record.cadence! + (record.fractionalCadence ?? 0)), where).to.equal(samples.cadence[i]);
        expect(record.distance!, where).to.be.closeTo(samples.distanceM[i]!, 0.005);
      });
      expect(messages.lapMesgs).to.have.length(3);

      // And the app's own reader makes the same run of it, gap included.
      const run = decodeFit(bytes);
      expect(run.startedAt).to.equal(session.meta.startedAt);
      expect(Array.from(run.samples.t)).to.deep.equal(Array.from(samples.t));
      expect(Array.from(run.samples.cadence)).to.deep.equal(Array.from(samples.cadence));
      expect(run.laps).to.deep.equal([200, 400]);
      expect(run.gaps).to.deep.equal([{ fromT: 120, toT: 150, reason: 'link-lost' }]);
    });

    it('downloads a TCX file that parses as Training Center Database with every sample', async () => {
      const page = await sessionPage('tempo');
      const { fileName, blob } = await exported(page, 'tcx');
      expect(fileName).to.equal('stridewise-2025-05-06-1800.tcx');
      const text = await blob.text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      expect(doc.getElementsByTagNameNS('*', 'parsererror')).to.have.length(0);
      expect(doc.documentElement.namespaceURI).to.equal(TCX_NAMESPACE);
      expect(doc.getElementsByTagNameNS(TCX_NAMESPACE, 'Trackpoint')).to.have.length(n);
      // The name travels as text: the markup in it is escaped, not written into the file as elements.
      expect(doc.getElementsByTagName('em')).to.have.length(0);
      expect(doc.getElementsByTagName('script')).to.have.length(0);
      const run = decodeTcx(text);
      expect(run.startedAt).to.equal(session.meta.startedAt);
      expect(run.name).to.equal('Tempo <em>Tuesday</em>');
      expect(run.deviceName).to.equal('Stryd <script>');
      expect(Array.from(run.samples.t)).to.deep.equal(Array.from(samples.t));
      // TCX keeps whole strides per minute: an odd step count comes back as the next even one.
      expect(Array.from(run.samples.cadence)).to.deep.equal(Array.from(samples.cadence, (c) => 2 * Math.round(c / 2)));
      expect(Array.from(run.samples.distanceM, (d) => d.toFixed(2))).to.deep.equal(Array.from(samples.distanceM, (d) => d.toFixed(2)));
      // TCX has no word for a lost link: the lap's TotalTimeSeconds leaves the break out, so it comes
      // back as time the timer did not count (a pause), at the same times.
      expect(run.gaps).to.deep.equal([{ fromT: 120, toT: 150, reason: 'paused' }]);
    });

    it('downloads a CSV file with the header and one row per sample', async () => {
      const page = await sessionPage('tempo');
      const { fileName, blob } = await exported(page, 'csv');
      expect(fileName).to.equal('stridewise-2025-05-06-1800.csv');
      expect(blob.type).to.equal('text/csv;charset=utf-8');
      const lines = (await blob.text()).split('\r\n');
      expect(lines[0]).to.equal('time_s,elapsed,speed_mps,pace_min_per_km,cadence_spm,stride_m,stride_derived,distance_m,running,heart_rate_bpm,treadmill_speed_mps,incline_percent');
      // 3.1 m/s is 5.376 min/km, cut to 5.37; cadence starts at 170, stride 3.1 × 60 / 170 = 1.094 m; no strap, no heart rate.
      expect(lines[1]).to.equal('0.000,0:00,3.100,5.37,170.0,1.094,0,0.00,1,,,');
      // The first sample after the lost link: 150 s, distance held at 120 × 3.1 m.
      expect(lines[122]).to.equal('150.000,2:30,3.100,5.37,171.0,1.088,0,372.00,1,,,');
      expect(lines).to.have.length(n + 2); // header, samples, and the empty string after the last line end
      expect(lines[n + 1]).to.equal('');
    });

    it('says why a file could not be written, and downloads nothing', async () => {
      // FIT counts time from 1990: a run dated before it cannot be a FIT file.
      const old = generatedSession({ id: 'old', startedAt: new Date(1989, 5, 1, 7, 0).getTime(), minutes: 1, cadenceBase: 170, speed: 3 });
      await saveSession(old);
      const page = await sessionPage('old');
      page.shadowRoot!.querySelector<HTMLButtonElement>('#export-fit')!.click();
      await waitUntil(() => page.shadowRoot!.querySelector('[role=alert]') !== null, 'the problem is shown');
      expect(page.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal(
        'The FIT file could not be written: This session starts before 1990, which FIT cannot store.',
      );
      expect(caught.downloads).to.have.length(0);
      expect(page.shadowRoot!.querySelector<HTMLButtonElement>('#export-fit')!.disabled).to.equal(false);
      await expect(page).to.be.accessible();
      // The other formats still work, and the message goes once one does.
      const csv = await exported(page, 'csv');
      expect(csv.fileName).to.equal('stridewise-1989-06-01-0700.csv');
      await page.updateComplete;
      expect(page.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    });
  });

  describe('channels from other sensors', () => {
    /** The tempo run with a strap (140 + i % 20 bpm) and, when asked, a treadmill at 3 m/s and 1.5 % then 4 %. */
    function withChannels(id: string, treadmill: boolean) {
      const run = generatedSession({ ...sessionOptions, id });
      const { samples } = run;
      for (let i = 0; i < samples.t.length; i++) {
        samples.heartRate[i] = 140 + (i % 20);
        if (treadmill) {
          samples.treadmillSpeedMps[i] = 3;
          samples.inclinePercent[i] = samples.t[i]! < 300 ? 1.5 : 4;
        }
      }
      return run;
    }
    const statText = async (page: StrideSessionPage, stat: string) => {
      const summary = page.shadowRoot!.querySelector('stride-session-summary')!;
      await summary.updateComplete;
      return summary.shadowRoot!.querySelector(`[data-stat=${stat}]`)?.textContent ?? null;
    };

    it('shows heart rate, incline and the belt pace beside the pod, with a break where the link was lost', async () => {
      await saveSession(withChannels('treadmill', true));
      const page = await sessionPage('treadmill');
      expect(page.charts.map((c) => c.id)).to.deep.equal(['cadence-chart', 'stride-chart', 'pace-chart', 'heart-rate-chart', 'incline-chart']);

      const [x, bpm] = chart(page, 'heart-rate').plot!.data;
      expect(x![121]).to.equal(135);
      expect(bpm![121]).to.equal(null);
      expect([bpm![0], bpm![19], bpm![20]]).to.deep.equal([140, 159, 140]);
      const incline = chart(page, 'incline').plot!.data[1]!;
      expect([incline[0], incline[121], incline[incline.length - 1]]).to.deep.equal([1.5, null, 4]);

      const pace = chart(page, 'pace').plot!;
      expect(pace.series.map((s) => s.label)).to.deep.equal(['Elapsed', 'Tempo <em>Tuesday</em>', 'Treadmill belt']);
      expect(pace.data[1]![0]).to.be.closeTo(1000 / 3.1, 1e-3);
      expect(pace.data[2]![0]).to.be.closeTo(1000 / 3, 1e-3);
      expect(pace.data[2]![121]).to.equal(null);
      expect(page.shadowRoot!.querySelector('#pace-legend')!.textContent).to.contain('treadmill belt');

      // 140…159 in turn over 572 samples: 28 whole rounds (mean 149.5) and 12 more (140…151, mean 145.5).
      expect(page.opened!.session!.samples.t.length).to.equal(572);
      expect((28 * 20 * 149.5 + 12 * 145.5) / 572).to.be.closeTo(149.42, 0.01);
      expect(await statText(page, 'heart-rate')).to.equal('149bpm');
      expect(await statText(page, 'max-heart-rate')).to.equal('159bpm');
      await expect(page).to.be.accessible();
    });

    it('zooms the heart-rate and incline charts with the others', async () => {
      await saveSession(withChannels('treadmill', true));
      const page = await sessionPage('treadmill');
      await tick();
      chart(page, 'cadence').plot!.setScale('x', { min: 200, max: 400 });
      await tick();
      expect(xRange(chart(page, 'heart-rate'))).to.deep.equal([200, 400]);
      expect(xRange(chart(page, 'incline'))).to.deep.equal([200, 400]);
    });

    it('shows heart rate without incline or belt when only a strap was worn', async () => {
      await saveSession(withChannels('outdoors', false));
      const page = await sessionPage('outdoors');
      expect(page.charts.map((c) => c.id)).to.deep.equal(['cadence-chart', 'stride-chart', 'pace-chart', 'heart-rate-chart']);
      expect(chart(page, 'pace').plot!.data).to.have.length(2);
      expect(page.shadowRoot!.querySelector('#pace-legend') === null).to.equal(true);
      expect(await statText(page, 'max-heart-rate')).to.equal('159bpm');
    });

    it('adds nothing to a run without them', async () => {
      const page = await sessionPage('tempo');
      expect(page.charts.map((c) => c.id)).to.deep.equal(['cadence-chart', 'stride-chart', 'pace-chart']);
      expect(chart(page, 'pace').plot!.data).to.have.length(2);
      expect(page.shadowRoot!.querySelector('#pace-legend') === null).to.equal(true);
      expect(await statText(page, 'heart-rate')).to.equal(null);
      expect(await statText(page, 'max-heart-rate')).to.equal(null);
      expect(await statText(page, 'power'), 'no power: no figure, never 0 W').to.equal(null);
      expect(page.shadowRoot!.textContent).to.not.contain('Heart rate');
    });

    it('charts running power from a pod that sent it and gives its average over the time it was measured', async () => {
      const run = withChannels('stryd', false);
      const { samples } = run;
      samples.heartRate.fill(Number.NaN);
      // 240 W for the first five minutes, 260 W after: the average is over time, the break left out.
      for (let i = 0; i < samples.t.length; i++) samples.powerW[i] = samples.t[i]! < 300 ? 240 : 260;
      await saveSession(run);
      const page = await sessionPage('stryd');
      expect(page.charts.map((c) => c.id)).to.deep.equal(['cadence-chart', 'stride-chart', 'pace-chart', 'power-chart']);
      const [, watts] = chart(page, 'power').plot!.data;
      expect([watts![0], watts![watts!.length - 1]]).to.deep.equal([240, 260]);
      expect(page.shadowRoot!.querySelector('#power-heading')!.textContent).to.equal('Running power (W)');
      const average = Number.parseInt((await statText(page, 'power'))!, 10);
      expect(average).to.be.within(249, 251);
      expect(await statText(page, 'power')).to.match(/^\d+W$/);
      await expect(page).to.be.accessible();
    });
  });

  it('says so when a session has no laps', async () => {
    await saveSession({ ...session, meta: { ...session.meta, id: 'nolaps', laps: [] } });
    const page = await sessionPage('nolaps');
    expect(page.shadowRoot!.querySelector('#lap-splits')).to.equal(null);
    expect(page.shadowRoot!.querySelector('#no-laps')!.textContent).to.contain('No laps');
  });
});
