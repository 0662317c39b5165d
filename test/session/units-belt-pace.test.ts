// Recorded speeds are stored as float32 (recording-track.ts), a hair off the belt's exact speed:
// the pace shown from the stored speed must still be the pace of the speed the runner set.
import { expect } from '@open-wc/testing';
import { encodeTreadmillData } from '../../src/ble/ftms-treadmill-encode.js';
import { emptyTreadmillData, parseTreadmillData } from '../../src/ble/ftms-treadmill.js';
import { formatChartValue } from '../../src/charts/cursor-readout.js';
import { encodeCsv } from '../../src/export/csv.js';
import { type DistanceUnit, formatPace, paceMinutesCut, paceSeconds } from '../../src/session/units.js';
import { tinySession } from '../export/session-fixture.js';

describe('pace of a belt speed stored as float32', () => {
  it('a belt at 8.00 km/h reads 7:30/km live, on the run’s page and in the CSV (7.50)', () => {
    const bytes = encodeTreadmillData({ ...emptyTreadmillData(), speedMps: 8 / 3.6 });
    const belt = parseTreadmillData(new DataView(bytes.buffer)).speedMps!;
    expect(formatPace(paceSeconds(belt, 'km')), 'the live page').to.equal('7:30');
    const session = tinySession([
      { t: 0, speedMps: belt, cadence: 160, strideLengthM: null, running: true },
      { t: 1, speedMps: belt, cadence: 160, strideLengthM: null, running: true },
    ]);
    const stored = session.samples.speedMps[1]!;
    expect(stored, 'stored as float32').to.not.equal(belt);
    const page = formatChartValue('pace', paceSeconds(stored, 'km'), 'km');
    const csvPace = encodeCsv(session).split('\r\n')[2]!.split(',')[3];
    expect({ page, csvPace }).to.deep.equal({ page: '7:30 /km', csvPace: '7.50' });
  });

  // Every belt step (0.01 km/h from 1.8 to 25 km/h, 0.1 mph from 1.2 to 15 mph; slower shows no pace), not a sample of them:
  // the pace of the float32 speed shows, on screens and in the CSV, as the pace of the exact speed.
  const steps: { label: string; exactPace: (unit: DistanceUnit) => number; mps: number }[] = [];
  for (let k = 180; k <= 2500; k++) {
    steps.push({ label: `${k / 100} km/h`, mps: k / 360, exactPace: (unit) => (unit === 'km' ? 360_000 / k : (360_000 * 1.609344) / k) });
  }
  for (let k = 12; k <= 150; k++) {
    steps.push({ label: `${k / 10} mph`, mps: (k * 160.9344) / 3600, exactPace: (unit) => (unit === 'mi' ? 36_000 / k : 36_000_000 / (k * 1609.344)) });
  }

  it('shows the exact speed’s pace at every belt step, in its own unit and in the CSV', () => {
    const wrong: string[] = [];
    for (const { label, mps, exactPace } of steps) {
      const stored = Math.fround(mps);
      const unit: DistanceUnit = label.endsWith('mph') ? 'mi' : 'km';
      const shown = formatPace(paceSeconds(stored, unit));
      if (shown !== formatPace(exactPace(unit))) wrong.push(`${label}: ${shown} /${unit}`);
      const csv = paceMinutesCut(1000 / stored);
      if (unit === 'km' && csv !== paceMinutesCut(exactPace('km'))) wrong.push(`${label}: CSV ${csv}`);
    }
    expect(wrong).to.deep.equal([]);
  });
});
