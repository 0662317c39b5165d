// Lap pressed at the last sample, then Stop: the laps table (splits.ts lapPressesWithin: "a press at
// the finish, then stop, makes no empty lap") and the exports have one lap, but the treadmill
// screen's saved-run figures keep "Lap 2 · 0:00" (recording-track.ts figures(): number = presses + 1).
import { expect, fixture, html } from '@open-wc/testing';
import type { LiveReading } from '../../src/session/live-session.js';
import { Recorder } from '../../src/session/recorder.js';
import { lapSplits } from '../../src/session/splits.js';
import { lapSplits as exportLaps } from '../../src/export/lap-splits.js';
import { liveFigures } from '../../src/session/live-figures.js';
import { formatDuration } from '../../src/session/units.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-treadmill-page.js';
import type { StrideTreadmillPage } from '../../src/pages/stride-treadmill-page.js';

const reading = (timeS: number): LiveReading => ({
  timeS, speedMps: 3, cadence: 172, strideLengthM: 1.05, strideDerived: false, distanceM: timeS * 3, running: true,
  rawSpeedMps: Number.NaN, rawDistanceM: Number.NaN, heartRate: null, treadmillSpeedMps: null, inclinePercent: null, speedFrom: 'footpod',
});

describe('repro: a lap pressed at the finish', () => {
  it('the treadmill screen after Stop names the laps the saved run has', async () => {
    const r = new Recorder({ zones: defaultCadenceZones, id: 'x', now: () => 0 });
    r.start();
    for (let t = 0; t <= 600; t++) r.addReading(reading(t));
    expect(r.lap()).to.equal(true);
    r.stop();
    const meta = r.meta();
    const table = lapSplits(r.samples, meta.laps, meta.gaps);
    const files = exportLaps({ meta, samples: r.samples });
    // What the treadmill screen renders for the saved run (stride-treadmill-page.ts: `Lap ${lap.number}`, duration('lap', lap.movingS)).
    const services = createServices();
    Object.defineProperty(services.recording, 'recorder', { get: () => r });
    const page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
    const shown = { label: page.shadowRoot!.querySelector('#lap-label')!.textContent!.trim(), time: page.shadowRoot!.querySelector('#lap')!.textContent!.trim() };
    expect(liveFigures(null, r).of).to.equal('saved-run');
    // Expected: the run's last lap, as the table and the files have it: "Lap 1", 10:00.
    // Actual: "Lap 2", "0:00" — a lap the run's page, the TCX and the FIT do not have.
    expect({ tableLaps: table.length, fileLaps: files.length, shown }).to.deep.equal({
      tableLaps: 1,
      fileLaps: 1,
      shown: { label: `Lap ${table.length}`, time: formatDuration(table.at(-1)!.durationS) },
    });
  });
});
