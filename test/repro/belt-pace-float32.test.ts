// A treadmill set to 8.00 km/h runs a pace of exactly 7:30/km (3600 / 8 = 450 s). FTMS sends
// 800 (0.01 km/h), parsed as 800 / 360 m/s; the live page shows formatPace(paceSeconds(that)) =
// 7:30. The recorder stores the speed as float32 (Math.fround, recording-track.ts), which is a
// hair faster (2.2222223281860352 m/s), so 1000 / it = 449.99998 s, and the cut (wholeSeconds,
// allowance 1e-9 s) makes it 7:29: the run's page chart readout says 7:29 /km and the CSV
// pace_min_per_km 7.49 for a belt the runner set to 7:30/km (7.50). Same at 6.25, 9.60, 12.50,
// 16.00, 18.75 km/h. Issue 17's "times and paces round the same way" is broken by storage, not
// by running.
import { expect } from '@open-wc/testing';
import { parseTreadmillData } from '../../src/ble/ftms-treadmill.js';
import { encodeTreadmillData } from '../../src/ble/ftms-treadmill-encode.js';
import { emptyTreadmillData } from '../../src/ble/ftms-treadmill.js';
import { formatChartValue } from '../../src/charts/cursor-readout.js';
import { encodeCsv } from '../../src/export/csv.js';
import { formatPace, paceSeconds } from '../../src/session/units.js';
import { tinySession } from '../export/session-fixture.js';

describe('a belt at 8.00 km/h', () => {
  it('reads 7:30/km live, on the run’s page and in the CSV', () => {
    const bytes = encodeTreadmillData({ ...emptyTreadmillData(), speedMps: 8 / 3.6 });
    const belt = parseTreadmillData(new DataView(bytes.buffer)).speedMps!;
    const live = formatPace(paceSeconds(belt, 'km'));
    expect(live, 'the live page').to.equal('7:30');
    const session = tinySession([
      { t: 0, speedMps: belt, cadence: 160, strideLengthM: null, running: true },
      { t: 1, speedMps: belt, cadence: 160, strideLengthM: null, running: true },
    ]);
    const stored = session.samples.speedMps[1]!;
    const page = formatChartValue('pace', paceSeconds(stored, 'km'), 'km');
    const csvPace = encodeCsv(session).split('\r\n')[2]!.split(',')[3];
    expect({ page, csvPace }).to.deep.equal({ page: '7:30 /km', csvPace: '7.50' });
  });
});
