import { expect } from '@open-wc/testing';
import { decodeTcx } from '../../src/export/tcx-decode.js';
import { ImportError, type ImportProblem } from '../../src/export/import-error.js';
import { SAMPLE_RUNNING, SAMPLE_STRIDE_DERIVED } from '../../src/session/recorded-session.js';
import { summarizeSamples } from '../../src/session/session-summary.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

function expectRefused(text: string, problem: ImportProblem, message: RegExp): void {
  let error: unknown = null;
  try {
    decodeTcx(text);
  } catch (e) {
    error = e;
  }
  expect(error).to.be.instanceOf(ImportError);
  expect((error as ImportError).problem).to.equal(problem);
  expect((error as ImportError).message).to.match(message);
}

const TCX_OPEN =
  '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" ' +
  'xmlns:ax="http://www.garmin.com/xmlschemas/ActivityExtension/v2">';

/** What a Garmin watch writes, trimmed: other prefixes, bike-style Cadence, a point without time. */
const WATCH_TCX = `<?xml version="1.0" encoding="UTF-8"?>
${TCX_OPEN}
  <Activities>
    <Activity Sport="Running">
      <Id>2026-03-02T06:30:00Z</Id>
      <Lap StartTime="2026-03-02T06:30:00Z">
        <TotalTimeSeconds>2</TotalTimeSeconds><DistanceMeters>6</DistanceMeters><Calories>1</Calories>
        <Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod>
        <Track>
          <Trackpoint><Time>2026-03-02T06:30:00Z</Time><DistanceMeters>0</DistanceMeters><Cadence>84</Cadence></Trackpoint>
          <Trackpoint><DistanceMeters>1</DistanceMeters></Trackpoint>
          <Trackpoint><Time>2026-03-02T06:30:01Z</Time><DistanceMeters>3</DistanceMeters><Cadence>85</Cadence></Trackpoint>
          <Trackpoint><Time>2026-03-02T06:30:02Z</Time><DistanceMeters>6</DistanceMeters>
            <Extensions><ax:TPX><ax:Speed>3.2</ax:Speed><ax:RunCadence>86</ax:RunCadence></ax:TPX></Extensions></Trackpoint>
        </Track>
      </Lap>
      <Lap StartTime="2026-03-02T06:30:03Z">
        <TotalTimeSeconds>3</TotalTimeSeconds><DistanceMeters>9</DistanceMeters><Calories>1</Calories>
        <Intensity>Active</Intensity><TriggerMethod>Distance</TriggerMethod>
        <Track>
          <Trackpoint><Time>2026-03-02T06:30:03Z</Time><DistanceMeters>9</DistanceMeters></Trackpoint>
        </Track>
        <Track>
          <Trackpoint><Time>2026-03-02T06:30:33Z</Time><DistanceMeters>9</DistanceMeters></Trackpoint>
          <Trackpoint><Time>2026-03-02T06:30:34Z</Time><DistanceMeters>12</DistanceMeters></Trackpoint>
          <Trackpoint><Time>2026-03-02T06:30:44Z</Time><DistanceMeters>40</DistanceMeters></Trackpoint>
        </Track>
      </Lap>
      <Creator><Name>Forerunner 965</Name></Creator>
    </Activity>
  </Activities>
</TrainingCenterDatabase>`;

describe('decodeTcx reads activities from watches', () => {
  it('joins the tracks of every lap, skips points without time, and fills in speed and stride', () => {
    const run = decodeTcx(WATCH_TCX);
    const s = run.samples;
    expect(run.startedAt).to.equal(Date.UTC(2026, 2, 2, 6, 30, 0));
    expect(run.deviceName).to.equal('Forerunner 965');
    expect(run.name).to.equal(null);
    expect(Array.from(s.t)).to.deep.equal([0, 1, 2, 3, 33, 34, 44]);
    expect(Array.from(s.cadence)).to.deep.equal([168, 170, 172, 0, 0, 0, 0]);
    expect(Array.from(s.distanceM)).to.deep.equal([0, 3, 6, 9, 9, 12, 40]);
    // Speed from distance, except where the file gives it; after a gap, from the step ahead.
    expect(Array.from(s.speedMps)).to.deep.equal([3, 3, 3.200000047683716, 3, 3, 3, 0]);
    expect(s.strideLengthM[0]).to.be.closeTo((3 * 60) / 168, 1e-6);
    expect(s.flags[0]).to.equal(SAMPLE_RUNNING | SAMPLE_STRIDE_DERIVED);
    expect(s.flags[3]).to.equal(SAMPLE_STRIDE_DERIVED);
    expect(run.laps).to.deep.equal([3]);
    // A new track inside a lap is a pause. The second lap's timer (TotalTimeSeconds 3) leaves 8 s of
    // its 41 unexplained by that pause, so its longest step (34-44 s) holds an 8 s pause from its
    // start; never a footpod link, and never records missing: TCX has no timer events, the lap's
    // totals stand for them. The first lap's 3 s against its timer's 2 is rounding.
    expect(run.gaps).to.deep.equal([
      { fromT: 3, toT: 33, reason: 'paused' },
      { fromT: 34, toT: 42, reason: 'paused' },
    ]);
  });

  it("finds a pause the lap's timer shows but no track break does where the distance stood still, not in a longer running step", () => {
    const point = (s: number, m: number): string =>
      `<Trackpoint><Time>${new Date(Date.UTC(2026, 2, 2, 6, 30, s)).toISOString()}</Time><DistanceMeters>${m}</DistanceMeters></Trackpoint>`;
    // 0-40 s running (a 40 s step: smart recording), 40-70 s standing with the timer stopped
    // (auto-pause), 70-100 s running: 70 s of timer in 100 s.
    const xml = `${TCX_OPEN}<Activities><Activity Sport="Running"><Id>2026-03-02T06:30:00Z</Id>
      <Lap StartTime="2026-03-02T06:30:00Z"><TotalTimeSeconds>70.0</TotalTimeSeconds><DistanceMeters>210</DistanceMeters>
        <Track>${point(0, 0)}${point(40, 120)}${point(70, 120)}${point(80, 150)}${point(100, 210)}</Track>
      </Lap></Activity></Activities></TrainingCenterDatabase>`;
    const run = decodeTcx(xml);
    expect(run.gaps).to.deep.equal([{ fromT: 40, toT: 70, reason: 'paused' }]);
    const moving = summarizeSamples(run.samples, defaultCadenceZones, run.gaps).movingS;
    expect(moving).to.equal(70);
  });

  it('finds a pause across a lap pressed during it: each lap holds its own part of the step', () => {
    const point = (s: number, m: number): string =>
      `<Trackpoint><Time>${new Date(Date.UTC(2026, 2, 2, 6, 30, s)).toISOString()}</Time><DistanceMeters>${m}</DistanceMeters></Trackpoint>`;
    const track = (from: number, to: number, m0: number): string => {
      const points: string[] = [];
      for (let s = from; s <= to; s += 10) points.push(point(s, m0 + 3 * (s - from)));
      return `<Track>${points.join('')}</Track>`;
    };
    // Timer 0-600 s, paused 600-660 s with the lap key pressed at 630 s, timer 660-1200 s, 3 m/s:
    // no lap holds the 600-660 s step whole, and each lap's timer is 30 s short of its span.
    const xml = `${TCX_OPEN}<Activities><Activity Sport="Running"><Id>2026-03-02T06:30:00Z</Id>
      <Lap StartTime="2026-03-02T06:30:00Z"><TotalTimeSeconds>600</TotalTimeSeconds><DistanceMeters>1800</DistanceMeters>${track(0, 600, 0)}</Lap>
      <Lap StartTime="2026-03-02T06:40:30Z"><TotalTimeSeconds>540</TotalTimeSeconds><DistanceMeters>1620</DistanceMeters>${track(660, 1200, 1800)}</Lap>
      </Activity></Activities></TrainingCenterDatabase>`;
    const run = decodeTcx(xml);
    expect(run.laps).to.deep.equal([630]);
    expect(run.gaps).to.deep.equal([
      { fromT: 600, toT: 630, reason: 'paused' },
      { fromT: 630, toT: 660, reason: 'paused' },
    ]);
    const totals = summarizeSamples(run.samples, defaultCadenceZones, run.gaps);
    expect(totals.movingS).to.equal(1140);
    expect(totals.avgSpeedMps).to.be.closeTo(3, 1e-9);
  });

  it("states the laps' own totals summed, as a watch's session would", () => {
    expect(decodeTcx(WATCH_TCX).statedTotals).to.deep.equal({ movingS: 5, distanceM: 15 });
  });

  it('keeps every step of a lap whose timer shows no pause as running, however far apart its trackpoints', () => {
    const xml = WATCH_TCX.replace('<TotalTimeSeconds>3</TotalTimeSeconds>', '<TotalTimeSeconds>11</TotalTimeSeconds>');
    expect(decodeTcx(xml).gaps).to.deep.equal([{ fromT: 3, toT: 33, reason: 'paused' }]);
  });

  it('reads a file with a byte order mark and explicit TCX prefixes', () => {
    const prefixed = WATCH_TCX.replace(/<(\/?)(?!ax:|\?)([A-Za-z]+)/g, '<$1tcx:$2').replace(
      'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"',
      'xmlns:tcx="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"',
    );
    expect(prefixed).to.contain('<tcx:Trackpoint>');
    const run = decodeTcx(`\uFEFF${prefixed}`);
    expect(run.samples.t.length).to.equal(7);
    expect(run.deviceName).to.equal('Forerunner 965');
  });
});

describe('decodeTcx refuses what is not a TCX activity', () => {
  it('malformed XML: damaged', () => {
    expectRefused(WATCH_TCX.slice(0, WATCH_TCX.length / 2), 'damaged', /XML cannot be read/);
    expectRefused('<TrainingCenterDatabase><Activities></TrainingCenterDatabase>', 'damaged', /XML cannot be read/);
  });

  it('GPX and other XML: named by their root', () => {
    const gpx = '<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk/></gpx>';
    expectRefused(gpx, 'not-a-run-file', /GPX file, not TCX/);
    expectRefused('<svg xmlns="http://www.w3.org/2000/svg"/>', 'not-a-run-file', /not TCX \(its root element is <svg>\)/);
  });

  it('a course, an empty database, and trackpoints without time', () => {
    const course = `${TCX_OPEN}<Courses><Course><Name>Loop</Name></Course></Courses></TrainingCenterDatabase>`;
    expectRefused(course, 'not-an-activity', /course, not an activity/);
    expectRefused(`${TCX_OPEN}<Activities/></TrainingCenterDatabase>`, 'no-samples', /no activity/);
    const noTimes = WATCH_TCX.replace(/<Time>[^<]*<\/Time>/g, '');
    expectRefused(noTimes, 'no-samples', /no trackpoints with time/);
  });

  it('a document type declaration: refused before parsing, whether its entities are small, external or a billion laughs', () => {
    const declared = (dtd: string, use: string): string =>
      WATCH_TCX.replace('<TrainingCenterDatabase', `<!DOCTYPE TrainingCenterDatabase [${dtd}]>\n<TrainingCenterDatabase`).replace(
        '<Id>',
        `<Notes>${use}</Notes><Id>`,
      );
    // Chromium's parser expands a small internal entity and keeps an unused external one; neither may get in.
    expectRefused(declared('<!ENTITY n "Tempo">', '&n;'), 'damaged', /declares a document type/);
    expectRefused(declared('<!ENTITY ext SYSTEM "file:///etc/passwd">', 'Easy'), 'damaged', /declares a document type/);
    const laughs = ['<!ENTITY l0 "lol">', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`)];
    expectRefused(declared(laughs.join(''), '&l9;'), 'damaged', /declares a document type/);
    // After the XML declaration and a comment, in any case.
    expectRefused(
      WATCH_TCX.replace('<TrainingCenterDatabase', '<!-- c --><!doctype TrainingCenterDatabase SYSTEM "tcx.dtd"><TrainingCenterDatabase'),
      'damaged',
      /declares a document type/,
    );
  });
});
