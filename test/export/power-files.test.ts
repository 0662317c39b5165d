// Running power through the files a runner exports and imports: FIT records (decoded back by
// Garmin's own SDK), lap and session averages, TCX's Watts extension, and a watch's TCX with Watts.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { averagePowerW } from '../../src/charts/session-channels.js';
import { decodeFit, encodeFit } from '../../src/export/fit.js';
import { importedSession } from '../../src/export/imported-session.js';
import { lapSplits } from '../../src/export/lap-splits.js';
import { decodeTcx, encodeTcx } from '../../src/export/tcx.js';
import { timeWeightedMean } from '../../src/session/channel-averages.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import type { RecordedSession } from '../../src/session/recorded-session.js';
import { generatedSession } from '../support/generated-sessions.js';
import { invariantRuns } from '../support/invariant-runs.js';
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

/** 1 Hz, 0-20 s, a lap pressed at 10 s; the lap's last second (9-10 s, the row at 10 s) a 400 W kick. */
function kickIntoTheLap(): RecordedSession {
  const run = generatedSession({ startedAt: START, minutes: 20 / 60, cadenceBase: 170, speed: 3, laps: [10] });
  const { t, powerW } = run.samples;
  for (let i = 0; i < t.length; i++) powerW[i] = t[i]! < 10 ? 200 : t[i] === 10 ? 400 : 100;
  return run;
}

describe('running power in FIT and TCX files', () => {
  // With workouts each step is a lap; the page's lap split gives the second before a press to the
  // lap it ends, and a lap's power must count that second too.
  it("lap power counts the second before a lap press in the lap it ends, as the lap's time and cadence do", () => {
    const run = kickIntoTheLap();
    expect(lapSplits(run).map((lap) => [lap.timerS, lap.avgPowerW])).to.deep.equal([
      [10, 220],
      [10, 100],
    ]);
    const { messages } = readWatchFit(encodeFit(run));
    expect(messages.lapMesgs?.map((lap) => lap.avgPower), 'FIT lap Avg Power').to.deep.equal([220, 100]);
    expect(messages.sessionMesgs?.[0]?.avgPower, 'FIT session: 9 s × 200 + 400 + 10 s × 100 over 20 s').to.equal(160);
    expect(encodeTcx(run).match(/<ns3:AvgWatts>\d+<\/ns3:AvgWatts>/g), 'TCX lap AvgWatts').to.deep.equal([
      '<ns3:AvgWatts>220</ns3:AvgWatts>',
      '<ns3:AvgWatts>100</ns3:AvgWatts>',
    ]);
  });

  it("laps' power over their seconds adds up to the run's, at any lap presses and time steps", () => {
    const run = generatedSession({ startedAt: START, minutes: 2, cadenceBase: 170, speed: 3 });
    const n = run.samples.t.length;
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.2, max: 2.4, noNaN: true }), { minLength: n - 1, maxLength: n - 1 }),
        fc.array(fc.integer({ min: 0, max: 600 }), { minLength: n, maxLength: n }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        (steps, watts, presses) => {
          const { t, powerW } = run.samples;
          for (let i = 1; i < n; i++) t[i] = t[i - 1]! + steps[i - 1]!;
          powerW.set(watts);
          const lastT = t[n - 1]!;
          const laps = lapSplits({ ...run, meta: { ...run.meta, laps: presses.map((f) => f * lastT), gaps: [] } });
          const lapsW = laps.reduce((sum, lap) => sum + lap.avgPowerW! * lap.elapsedS, 0);
          expect(lapsW / lastT).to.be.closeTo(timeWeightedMean(run.samples, powerW)!, 1e-6);
        },
      ),
      { numRuns: invariantRuns(100) },
    );
  });

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

  it("FIT: an imported run's session carries the watch's own average power, the one the page shows, as it does its heart rate", () => {
    const run = decodeTcx(encodeTcx(runWithPower()));
    run.statedTotals = { avgHeartRate: 150, avgPowerW: 241 };
    const stored = importedSession(run, defaultCadenceZones, { id: 'w', name: 'Watch run' });
    expect(averagePowerW(stored.samples, stored.meta.gaps, stored.meta.statedTotals?.stated.avgPowerW), 'the page').to.equal(241);
    const fit = encodeFit(stored);
    expect(readWatchFit(fit).messages.sessionMesgs?.[0]?.avgPower, 'what a watch reads').to.equal(241);
    expect(decodeFit(fit).statedTotals, 'what we import back').to.deep.include({ avgHeartRate: 150, avgPowerW: 241 });
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
