import { expect } from '@open-wc/testing';
import { CSV_HEADER, csvText, encodeCsv } from '../../src/export/csv.js';
import { tinySession } from './session-fixture.js';
import { formatPace, paceSeconds } from '../../src/session/units.js';

describe('encodeCsv', () => {
  it('writes the header first, then one fixed-decimal row per sample, with CRLF line ends', () => {
    const session = tinySession(
      [
        { t: 0, speedMps: 3, cadence: 170, strideLengthM: 1.06, running: true },
        { t: 1.25, speedMps: 3.3333, cadence: 171.5, strideLengthM: null, running: true },
        { t: 3725, speedMps: 0.4, cadence: 0, strideLengthM: null, running: false },
      ],
      { gaps: [{ fromT: 1.25, toT: 3725, reason: 'paused' }] },
    );
    session.samples.heartRate[1] = 151.4; // a strap joined for one sample only
    session.samples.treadmillSpeedMps.set([3.05, 3.3, 0]); // the belt, stopped at the end
    session.samples.inclinePercent.set([1.5, Number.NaN, -0.5]);
    const csv = encodeCsv(session);
    expect(csv.split('\r\n')).to.deep.equal([
      'time_s,elapsed,speed_mps,pace_min_per_km,cadence_spm,stride_m,stride_derived,distance_m,running,heart_rate_bpm,treadmill_speed_mps,incline_percent',
      // No heart rate: the cell is empty, never 0.
      '0.000,0:00,3.000,5.55,170.0,1.060,0,0.00,1,,3.050,1.5',
      '1.250,0:01,3.333,5.00,171.5,1.166,1,3.75,1,151,3.300,',
      // Walking slowly: no pace. The pause added no distance.
      '3725.000,1:02:05,0.400,,0.0,0.000,1,3.75,0,,0.000,-0.5',
      '',
    ]);
    expect(csv.startsWith(CSV_HEADER + '\r\n')).to.equal(true);
    expect(csv.replace(/\r\n/g, '')).to.not.contain('\n');
  });

  it('writes only the header for a session without samples', () => {
    expect(encodeCsv(tinySession([]))).to.equal(CSV_HEADER + '\r\n');
  });
  it('writes negative numbers as numbers, unquoted', () => {
    const session = tinySession([{ t: 0, speedMps: 3, cadence: 170, strideLengthM: 1, running: true }]);
    session.samples.inclinePercent.set([-1.5]);
    expect(encodeCsv(session).split('\r\n')[1]!.endsWith(',-1.5')).to.equal(true);
  });
});

describe('encodeCsv: pace as the app shows it', () => {
  it('writes a sample the app shows at 8:59/km as 8.99 min/km (cut), not 9.00', () => {
    const speed = 1000 / 539.7;
    const session = tinySession([0, 1, 2].map((t) => ({ t, speedMps: speed, cadence: 172, strideLengthM: null, running: true })));
    const pace = encodeCsv(session).split('\r\n')[1]!.split(',')[CSV_HEADER.split(',').indexOf('pace_min_per_km')]!;
    expect(formatPace(paceSeconds(speed, 'km'))).to.equal('8:59');
    expect(pace).to.equal('8.99');
  });
});

describe('csvText', () => {
  const rows: Array<[string, string]> = [
    ['Tempo run', 'Tempo run'],
    ['1:02:05', '1:02:05'],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+cmd|calc', "'+1+cmd|calc"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['', ''],
  ];
  for (const [text, cell] of rows) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(cell)}`, () => expect(csvText(text)).to.equal(cell));
  }
});
