// Outside review, issue 16: watch files true to the watch. Each test encodes what a careful
// runner expects and fails on the current code.

import { expect } from '@open-wc/testing';
import { type Encodable, Encoder, type Mesg, Profile } from '@garmin/fitsdk';
import { heartRateStats } from '../../src/charts/session-channels.js';
import { decodeFit } from '../../src/export/fit-decode.js';
import { encodeFit } from '../../src/export/fit.js';
import { decodeTcx, encodeTcx } from '../../src/export/tcx.js';
import type { ImportedRun } from '../../src/export/imported-run.js';
import { importedSummary } from '../../src/export/imported-summary.js';
import type { RecordedSession } from '../../src/session/recorded-session.js';
import { RECORDED_SESSION_SCHEMA } from '../../src/session/recorder.js';
import { emptyColumns } from '../../src/session/recorded-columns.js';
import { SAMPLE_RUNNING, type SessionGap } from '../../src/session/recorded-session.js';
import { summarizeSamples } from '../../src/session/session-summary.js';
import { distanceSplits } from '../../src/session/splits.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

const { MesgNum } = Profile;
const START = Date.UTC(2026, 2, 14, 6, 45, 0);
const at = (s: number): Date => new Date(START + s * 1000);
const mesg = (mesgNum: number, fields: Record<string, unknown>): Encodable<Mesg> => ({ mesgNum, ...fields }) as Encodable<Mesg>;
const timer = (eventType: 'start' | 'stopAll', s: number): Encodable<Mesg> =>
  mesg(MesgNum.EVENT!, { event: 'timer', eventType, data: 0, eventGroup: 0, timestamp: at(s) });
const zones = { ...defaultCadenceZones };

/** What the app stores for an imported run (src/app/data-files.ts), so it can be exported again. */
function storedAs(run: ImportedRun): RecordedSession {
  return {
    meta: {
      id: 'imported-1',
      startedAt: run.startedAt,
      name: 'Imported',
      notes: '',
      deviceName: run.deviceName,
      origin: 'import',
      sport: run.sport,
      treadmill: run.treadmill,
      status: 'complete',
      ...importedSummary(run, zones),
      zones,
      laps: run.laps,
      gaps: run.gaps,
      schemaVersion: RECORDED_SESSION_SCHEMA,
    },
    samples: run.samples,
  } as RecordedSession;
}

describe('repro: watch files true to the watch', () => {
  it('a FIT file with two sessions (a run, a break, a second run) shows both sessions’ moving time and distance', () => {
    // Two 600 s runs at 3.333 m/s (2000 m each), 180 steps/min, each its own session message as
    // a multisport / "resume as new session" watch writes them. The file holds 1200 s and 4000 m
    // of running; the app must not show only the first session's figures (600 s, 2.00 km)
    // while its charts and splits draw 4 km.
    const encoder = new Encoder();
    const write = (m: Encodable<Mesg>): void => void encoder.writeMesg(m);
    write(mesg(MesgNum.FILE_ID!, { type: 'activity', manufacturer: 'garmin', product: 3992, serialNumber: 7, timeCreated: at(0) }));
    const legs = [
      { from: 0, to: 600, d0: 0 },
      { from: 900, to: 1500, d0: 2000 },
    ];
    legs.forEach((leg, k) => {
      write(timer('start', leg.from));
      for (let s = leg.from; s <= leg.to; s++) {
        write(
          mesg(MesgNum.RECORD!, {
            timestamp: at(s),
            distance: leg.d0 + ((s - leg.from) * 2000) / 600,
            speed: 2000 / 600,
            enhancedSpeed: 2000 / 600,
            cadence: 90,
            fractionalCadence: 0,
            activityType: 'running',
          }),
        );
      }
      write(timer('stopAll', leg.to));
      write(
        mesg(MesgNum.LAP!, {
          messageIndex: k,
          timestamp: at(leg.to),
          startTime: at(leg.from),
          totalElapsedTime: 600,
          totalTimerTime: 600,
          totalDistance: 2000,
          sport: 'running',
        }),
      );
      write(
        mesg(MesgNum.SESSION!, {
          messageIndex: k,
          timestamp: at(leg.to),
          startTime: at(leg.from),
          totalElapsedTime: 600,
          totalTimerTime: 600,
          totalDistance: 2000,
          avgCadence: 90,
          avgFractionalCadence: 0,
          sport: 'running',
          subSport: 'generic',
          firstLapIndex: k,
          numLaps: 1,
        }),
      );
    });
    write(mesg(MesgNum.ACTIVITY!, { timestamp: at(1500), totalTimerTime: 1200, numSessions: 2, type: 'manual', event: 'activity', eventType: 'stop' }));
    const run = decodeFit(encoder.close());
    const summary = importedSummary(run, zones);
    expect(run.samples.distanceM.at(-1), 'records reach 4 km').to.be.closeTo(4000, 1);
    expect(summary.movingS, 'moving time: both sessions').to.be.closeTo(1200, 2);
    expect(summary.distanceM, 'distance: both sessions').to.be.closeTo(4000, 2);
  });

  it('records without a distance field: smart recording integrates the same distance as 1 s recording', () => {
    // A watch/app writing speed but no distance (an indoor run from a pod that sends only speed).
    // Truth: intervals of 30 s at 4.0 m/s and 30 s at 2.0 m/s for 20 min = 3600 m. At 1 s the
    // records give 3600 m. Smart recording writes a record when speed changes and else every
    // 8 s; each record shows the second just ended, so a record written at a change holds the
    // new speed for one second only, the held value before it for the rest of the step
    // (gap-steps.ts's own ownership rule). The distance must agree within 0.1 % (issue 16's
    // invariant), i.e. 3600 ± 3.6 m.
    const speedAt = (second: number): number => (Math.floor(second / 30) % 2 === 0 ? 4 : 2);
    const fitOf = (times: number[]): Uint8Array => {
      const encoder = new Encoder();
      const write = (m: Encodable<Mesg>): void => void encoder.writeMesg(m);
      write(mesg(MesgNum.FILE_ID!, { type: 'activity', manufacturer: 'garmin', product: 3992, serialNumber: 7, timeCreated: at(0) }));
      write(timer('start', 0));
      for (const s of times) {
        const v = speedAt(Math.max(0, s - 1));
        write(mesg(MesgNum.RECORD!, { timestamp: at(s), speed: v, enhancedSpeed: v, cadence: 85, fractionalCadence: 0, activityType: 'running' }));
      }
      write(timer('stopAll', 1200));
      return encoder.close();
    };
    const everySecond = Array.from({ length: 1201 }, (_, s) => s);
    const smart: number[] = [0];
    for (let s = 1; s <= 1200; s++) {
      const changed = speedAt(s - 1) !== speedAt(Math.max(0, smart.at(-1)! - 1));
      if (changed || s - smart.at(-1)! >= 8 || s === 1200) smart.push(s);
    }
    const oneHz = decodeFit(fitOf(everySecond));
    const smartRun = decodeFit(fitOf(smart));
    const d1 = importedSummary(oneHz, zones).distanceM;
    const d2 = importedSummary(smartRun, zones).distanceM;
    expect(d1, '1 s recording').to.be.closeTo(3600, 4);
    expect(d2, 'smart recording').to.be.closeTo(3600, 3.6);
  });

  it('an imported watch run exported to FIT and re-imported keeps the watch’s average heart rate', () => {
    // The watch samples its strap every second but writes a record every 4 s; its session says
    // 150 bpm (what the page shows, "statedByFile"). The page's own FIT export of that run must
    // give the same 150 when read back (page, exports and re-imports agree), not the records'.
    const encoder = new Encoder();
    const write = (m: Encodable<Mesg>): void => void encoder.writeMesg(m);
    write(mesg(MesgNum.FILE_ID!, { type: 'activity', manufacturer: 'garmin', product: 3992, serialNumber: 7, timeCreated: at(0) }));
    write(timer('start', 0));
    for (let s = 0; s <= 1200; s += 4) {
      write(
        mesg(MesgNum.RECORD!, {
          timestamp: at(s),
          distance: s * 3,
          speed: 3,
          enhancedSpeed: 3,
          cadence: 85,
          fractionalCadence: 0,
          heartRate: 140,
          activityType: 'running',
        }),
      );
    }
    write(timer('stopAll', 1200));
    write(
      mesg(MesgNum.SESSION!, {
        messageIndex: 0,
        timestamp: at(1200),
        startTime: at(0),
        totalElapsedTime: 1200,
        totalTimerTime: 1200,
        totalDistance: 3600,
        avgCadence: 85,
        avgFractionalCadence: 0,
        avgHeartRate: 150,
        sport: 'running',
        subSport: 'generic',
      }),
    );
    const run = decodeFit(encoder.close());
    const stored = storedAs(run);
    const onPage = heartRateStats(stored.samples, stored.meta.gaps, stored.meta.statedTotals?.stated.avgHeartRate);
    expect(onPage?.average, 'the page').to.equal(150);
    const again = storedAs(decodeFit(encodeFit(stored)));
    const afterExport = heartRateStats(again.samples, again.meta.gaps, again.meta.statedTotals?.stated.avgHeartRate);
    expect(afterExport?.average, 'FIT export, re-imported').to.equal(150);
  });

  it('an imported watch run exported to TCX and re-imported keeps the moving time and distance the page showed', () => {
    // The watch's session says 1800 s and 5000 m (what the page shows); its records stop 4 s
    // before the timer did (the last record at 1796 s, 4990 m, as smart recording leaves it).
    // Page, exports and re-imports agree: the TCX re-import must show 30:00 and 5.00 km too.
    const encoder = new Encoder();
    const write = (m: Encodable<Mesg>): void => void encoder.writeMesg(m);
    write(mesg(MesgNum.FILE_ID!, { type: 'activity', manufacturer: 'garmin', product: 3992, serialNumber: 7, timeCreated: at(0) }));
    write(timer('start', 0));
    for (let s = 0; s <= 1796; s += 4) {
      const d = (s * 4990) / 1796;
      write(mesg(MesgNum.RECORD!, { timestamp: at(s), distance: d, speed: 2.78, enhancedSpeed: 2.78, cadence: 85, fractionalCadence: 0, activityType: 'running' }));
    }
    write(timer('stopAll', 1800));
    write(
      mesg(MesgNum.SESSION!, {
        messageIndex: 0,
        timestamp: at(1800),
        startTime: at(0),
        totalElapsedTime: 1800,
        totalTimerTime: 1800,
        totalDistance: 5000,
        avgCadence: 85,
        avgFractionalCadence: 0,
        sport: 'running',
        subSport: 'generic',
      }),
    );
    const stored = storedAs(decodeFit(encoder.close()));
    expect(stored.meta.movingS, 'the page').to.equal(1800);
    expect(stored.meta.distanceM, 'the page').to.equal(5000);
    const viaFit = storedAs(decodeFit(encodeFit(stored)));
    expect(viaFit.meta.movingS, 'FIT re-import').to.be.closeTo(1800, 1);
    expect(viaFit.meta.distanceM, 'FIT re-import').to.be.closeTo(5000, 1);
    const viaTcx = storedAs(decodeTcx(encodeTcx(stored)));
    expect(viaTcx.meta.movingS, 'TCX re-import').to.be.closeTo(1800, 1);
    expect(viaTcx.meta.distanceM, 'TCX re-import').to.be.closeTo(5000, 1);
  });

  it('a walk exported to TCX and re-imported is still a walk (not a run in the cadence plan and trends)', () => {
    // A 20 min walk at 1.4 m/s, 112 steps/min. TCX's Sport for a walk is "Other" (Garmin writes
    // it so, and the reader takes "Other" with RunCadence as a walk); "Running" files it as a run,
    // so the walk enters the running cadence trend and the plan, which leave walks out.
    const n = 1201;
    const samples = emptyColumns(n);
    for (let i = 0; i < n; i++) {
      samples.t[i] = i;
      samples.speedMps[i] = 1.4;
      samples.cadence[i] = 112;
      samples.strideLengthM[i] = (1.4 * 60) / 112;
      samples.distanceM[i] = 1.4 * i;
      samples.flags[i] = 0;
    }
    const walk = {
      meta: {
        id: 'walk-1', startedAt: START, name: 'Walk', notes: '', deviceName: 'Pod', origin: 'live', sport: 'walk',
        treadmill: false, status: 'complete', ...summarizeSamples(samples, zones), zones, laps: [], gaps: [],
        schemaVersion: RECORDED_SESSION_SCHEMA,
      },
      samples,
    } as unknown as RecordedSession;
    expect(decodeFit(encodeFit(walk)).sport, 'FIT round trip').to.equal('walk');
    expect(decodeTcx(encodeTcx(walk)).sport, 'TCX round trip').to.equal('walk');
  });

  it('records a watch wrote after its final timer stop are not running: zones and averages leave them out', () => {
    // Timer start at 0, 600 s at 180 steps/min, timer stopAll at 600; the watch goes on writing
    // records (the runner walks to the car at 100 steps/min) until the file is saved at 900, with
    // no timer start after the stop. The timer says the run is 600 s: time in zones 600 s,
    // average cadence 180, the session's own 600 s.
    const encoder = new Encoder();
    const write = (m: Encodable<Mesg>): void => void encoder.writeMesg(m);
    write(mesg(MesgNum.FILE_ID!, { type: 'activity', manufacturer: 'garmin', product: 3992, serialNumber: 7, timeCreated: at(0) }));
    write(timer('start', 0));
    let d = 0;
    for (let s = 0; s <= 900; s++) {
      const running = s <= 600;
      if (s > 0) d += running ? 3 : 1.2;
      if (s === 600) write(timer('stopAll', 600));
      write(
        mesg(MesgNum.RECORD!, {
          timestamp: at(s), distance: d, speed: running ? 3 : 1.2, enhancedSpeed: running ? 3 : 1.2,
          cadence: running ? 90 : 50, fractionalCadence: 0,
        }),
      );
    }
    const run = decodeFit(encoder.close());
    const totals = summarizeSamples(run.samples, zones, run.gaps);
    const inZones = Object.values(totals.zoneTimes).reduce((a, b) => a + b, 0);
    expect(totals.movingS, 'moving time').to.be.closeTo(600, 1);
    expect(inZones, 'time in zones').to.be.closeTo(600, 1);
    expect(totals.avgCadence, 'average cadence').to.be.closeTo(180, 0.5);
  });

  it('a live run with a lost link exported to TCX and re-imported keeps its time in zones and cadence', () => {
    // 10 min at 170, the pod's link lost for 10 min (the pod counted 1800 m on: moving time, but
    // no cadence measured), 10 min at 180. The page: 1200 s in zones, 175 steps/min, splits' cadence
    // measured only. Its TCX, read back, must not turn the 10 unmeasured minutes into 10 minutes at
    // 170 (FIT keeps the lost link with its marker).
    const t: number[] = [];
    for (let s = 0; s <= 600; s++) t.push(s);
    for (let s = 1200; s <= 1800; s++) t.push(s);
    const samples = emptyColumns(t.length);
    let d = 0;
    t.forEach((s, i) => {
      if (i > 0) d += s - t[i - 1]! === 1 ? 3 : 1800;
      samples.t[i] = s;
      samples.speedMps[i] = 3;
      samples.cadence[i] = s <= 600 ? 170 : 180;
      samples.strideLengthM[i] = (3 * 60) / samples.cadence[i]!;
      samples.distanceM[i] = d;
      samples.flags[i] = SAMPLE_RUNNING;
    });
    const gaps: SessionGap[] = [{ fromT: 600, toT: 1200, reason: 'link-lost', coveredM: 1800 }];
    const live = {
      meta: {
        id: 'live-1', startedAt: START, name: 'Run', notes: '', deviceName: 'Pod', origin: 'live', sport: 'run',
        treadmill: false, status: 'complete', ...summarizeSamples(samples, zones, gaps), zones, laps: [], gaps,
        schemaVersion: RECORDED_SESSION_SCHEMA,
      },
      samples,
    } as unknown as RecordedSession;
    const zoneSum = (z: Record<string, number>): number => Object.values(z).reduce((a, b) => a + b, 0);
    expect(zoneSum(live.meta.zoneTimes), 'page: time in zones').to.be.closeTo(1200, 1);
    expect(live.meta.avgCadence, 'page: cadence').to.be.closeTo(175, 0.1);
    const pageSplits = distanceSplits(samples, 'km', gaps);
    const viaFit = storedAs(decodeFit(encodeFit(live)));
    expect(zoneSum(viaFit.meta.zoneTimes), 'FIT: time in zones').to.be.closeTo(1200, 2);
    const viaTcx = storedAs(decodeTcx(encodeTcx(live)));
    expect(viaTcx.meta.movingS, 'TCX: moving time').to.be.closeTo(1800, 2);
    expect(viaTcx.meta.avgCadence, 'TCX: cadence').to.be.closeTo(175, 1);
    expect(zoneSum(viaTcx.meta.zoneTimes), 'TCX: time in zones').to.be.closeTo(1200, 2);
    const tcxSplits = distanceSplits(viaTcx.samples, 'km', viaTcx.meta.gaps);
    expect(tcxSplits.map((x) => Math.round(x.avgCadence)), 'TCX: km splits cadence').to.deep.equal(pageSplits.map((x) => Math.round(x.avgCadence)));
  });

  it('a lap pressed during a pause survives TCX export and re-import with the same moving time', () => {
    // A Garmin run: timer 0-600 s, paused 600-660 s, the lap key pressed at 630 s while paused
    // (Garmin allows it: lap 2 starts at 630), timer 660-1200 s. Moving time 1140 s; 3 m/s, 3420 m.
    // The page's TCX of it, read back, must still say 1140 s, not count the 60 s pause as running.
    const encoder = new Encoder();
    const write = (m: Encodable<Mesg>): void => void encoder.writeMesg(m);
    write(mesg(MesgNum.FILE_ID!, { type: 'activity', manufacturer: 'garmin', product: 3992, serialNumber: 7, timeCreated: at(0) }));
    write(timer('start', 0));
    const record = (s: number, d: number): void =>
      write(mesg(MesgNum.RECORD!, { timestamp: at(s), distance: d, speed: 3, enhancedSpeed: 3, cadence: 85, fractionalCadence: 0, activityType: 'running' }));
    for (let s = 0; s <= 600; s++) record(s, 3 * s);
    write(timer('stopAll', 600));
    write(mesg(MesgNum.LAP!, { messageIndex: 0, timestamp: at(630), startTime: at(0), totalElapsedTime: 630, totalTimerTime: 600, totalDistance: 1800, sport: 'running' }));
    write(timer('start', 660));
    for (let s = 660; s <= 1200; s++) record(s, 1800 + 3 * (s - 660));
    write(timer('stopAll', 1200));
    write(mesg(MesgNum.LAP!, { messageIndex: 1, timestamp: at(1200), startTime: at(630), totalElapsedTime: 570, totalTimerTime: 540, totalDistance: 1620, sport: 'running' }));
    write(
      mesg(MesgNum.SESSION!, {
        messageIndex: 0, timestamp: at(1200), startTime: at(0), totalElapsedTime: 1200, totalTimerTime: 1140,
        totalDistance: 3420, avgCadence: 85, avgFractionalCadence: 0, sport: 'running', subSport: 'generic',
      }),
    );
    const stored = storedAs(decodeFit(encoder.close()));
    expect(stored.meta.movingS, 'the page').to.be.closeTo(1140, 1);
    expect(stored.meta.laps, 'the page: lap 2 at 630 s').to.deep.equal([630]);
    const viaTcx = storedAs(decodeTcx(encodeTcx(stored)));
    expect(viaTcx.meta.movingS, 'TCX re-import: moving time').to.be.closeTo(1140, 1);
    expect(viaTcx.meta.avgSpeedMps, 'TCX re-import: pace').to.be.closeTo(3, 0.01);
  });
});
