// Running power through the files a runner exports and imports: FIT records (decoded back by
// Garmin's own SDK), lap and session averages, TCX's Watts extension, and a watch's TCX with Watts.
import { expect } from '@open-wc/testing';
import { decodeFit, encodeFit } from '../../src/export/fit.js';
import { decodeTcx, encodeTcx } from '../../src/export/tcx.js';
import { timeWeightedMean } from '../../src/session/channel-averages.js';
import type { RecordedSession } from '../../src/session/recorded-session.js';
import { generatedSession } from '../support/generated-sessions.js';
import { readWatchFit } from '../support/watch-fit-readback.js';

const START = Date.UTC(2026, 11, 7, 6, 30);

/** Ten minutes at 3 m/s, two laps, a pause; power from the second minute on, a negative reading and one past FIT's field. */
function runWithPower(): RecordedSession {
  const run = generatedSession({ startedAt: START, minutes: 10, cadenceBase: 170, speed: 3, laps: [300], gaps: [{ fromT: 400, toT: 430, reason: 'paused' }] });
  const { t, powerW } = run.samples;
  for (let i = 0; i < t.length; i++) if (t[i]! >= 60) powerW[i] = 230 + (i % 7) * 3.4;
  powerW[100] = -4;
  powerW[101] = 70_000;
  return run;
}

/** What a file can hold of each reading: whole watts, 0 up to FIT's 65534 (65535 means none there) or TCX's 65535. */
const written = (watts: number, max = 65534) => (Number.isFinite(watts) ? Math.min(max, Math.max(0, Math.round(watts))) : Number.NaN);

describe('running power in FIT and TCX files', () => {
  it('FIT: every record with power carries it in whole watts, none where the pod sent none; laps and the session carry its average', () => {
    const run = runWithPower();
    const { integrity, messages, errors } = readWatchFit(encodeFit(run));
    expect(integrity).to.equal(true);
    expect(errors).to.deep.equal([]);
    const records = messages.recordMesgs ?? [];
    expect(records.length).to.equal(run.samples.t.length);
    const read = records.map((r) => (typeof r.power === 'number' ? r.power : Number.NaN));
    expect(read).to.deep.equal(Array.from(run.samples.powerW, (w) => written(w)));
    const average = timeWeightedMean(run.samples, run.samples.powerW, run.meta.gaps)!;
    expect(messages.sessionMesgs?.[0]?.avgPower).to.equal(Math.round(average));
    expect(messages.lapMesgs?.map((lap) => typeof lap.avgPower)).to.deep.equal(['number', 'number']);
  });

  it('FIT: a run without power writes none, so a reader sees no power, not zero watts', () => {
    const run = generatedSession({ startedAt: START, minutes: 3, cadenceBase: 170, speed: 3 });
    const { messages } = readWatchFit(encodeFit(run));
    expect((messages.recordMesgs ?? []).some((r) => r.power !== undefined)).to.equal(false);
    expect(messages.sessionMesgs?.[0]?.avgPower).to.equal(undefined);
    expect(Array.from(decodeFit(encodeFit(run)).samples.powerW).every(Number.isNaN)).to.equal(true);
  });

  it('FIT import reads record power back into the run', () => {
    const run = runWithPower();
    const back = decodeFit(encodeFit(run));
    expect(Array.from(back.samples.powerW)).to.deep.equal(Array.from(run.samples.powerW, (w) => written(w)));
  });

  it('TCX: Watts in each trackpoint with power (after RunCadence, as the schema orders), AvgWatts per lap, read back by the importer', () => {
    const run = runWithPower();
    const xml = encodeTcx(run);
    expect(xml).to.match(/<ns3:RunCadence>\d+<\/ns3:RunCadence>\n\s*<ns3:Watts>\d+<\/ns3:Watts>\n\s*<\/ns3:TPX>/);
    expect(xml.match(/<ns3:AvgWatts>\d+<\/ns3:AvgWatts>/g)?.length).to.equal(2);
    const back = decodeTcx(xml);
    expect(Array.from(back.samples.powerW)).to.deep.equal(Array.from(run.samples.powerW, (w) => written(w, 65535)));
  });

  it("imports a watch's TCX with Watts under another prefix, and no power where a trackpoint has none", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" xmlns:ax="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
  <Activities><Activity Sport="Running"><Id>2026-03-02T06:30:00Z</Id>
    <Lap StartTime="2026-03-02T06:30:00Z"><TotalTimeSeconds>3</TotalTimeSeconds><DistanceMeters>9</DistanceMeters><Calories>1</Calories>
      <Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod>
      <Track>
        <Trackpoint><Time>2026-03-02T06:30:00Z</Time><DistanceMeters>0</DistanceMeters>
          <Extensions><ax:TPX><ax:Speed>3</ax:Speed><ax:RunCadence>85</ax:RunCadence><ax:Watts>244</ax:Watts></ax:TPX></Extensions></Trackpoint>
        <Trackpoint><Time>2026-03-02T06:30:01Z</Time><DistanceMeters>3</DistanceMeters>
          <Extensions><ax:TPX><ax:Speed>3</ax:Speed><ax:RunCadence>85</ax:RunCadence></ax:TPX></Extensions></Trackpoint>
        <Trackpoint><Time>2026-03-02T06:30:02Z</Time><DistanceMeters>6</DistanceMeters>
          <Extensions><ax:TPX><ax:Speed>3</ax:Speed><ax:RunCadence>86</ax:RunCadence><ax:Watts>251</ax:Watts></ax:TPX></Extensions></Trackpoint>
      </Track>
    </Lap></Activity></Activities>
</TrainingCenterDatabase>`;
    expect(Array.from(decodeTcx(xml).samples.powerW)).to.deep.equal([244, Number.NaN, 251]);
  });
});
