// The watch's timer decides what is a pause, the watch's session message gives the summary its
// totals, and every average is over time, not over records: the cases of issue 16, each as a
// watch would write it.

import { expect } from '@open-wc/testing';
import { type Encodable, Encoder, type Mesg, Profile } from '@garmin/fitsdk';
import { heartRateStats } from '../../src/charts/session-channels.js';
import { decodeFit } from '../../src/export/fit-decode.js';
import { importedSummary } from '../../src/export/imported-summary.js';
import { emptyColumns } from '../../src/session/recorded-columns.js';
import { SAMPLE_RUNNING } from '../../src/session/recorded-session.js';
import { summarizeSamples } from '../../src/session/session-summary.js';
import { statedTotalsNotes } from '../../src/session/stated-totals.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

const { MesgNum } = Profile;
const START = Date.UTC(2026, 2, 14, 6, 45, 0);
const at = (s: number): Date => new Date(START + s * 1000);
const mesg = (mesgNum: number, fields: Record<string, unknown>): Encodable<Mesg> => ({ mesgNum, ...fields }) as Encodable<Mesg>;
const timer = (eventType: 'start' | 'stopAll', s: number): Encodable<Mesg> =>
  mesg(MesgNum.EVENT!, { event: 'timer', eventType, data: 0, eventGroup: 0, timestamp: at(s) });

interface WatchSecond {
  speedMps: number;
  /** Steps per minute: the file holds half, in strides. */
  cadence: number;
}

/**
 * A Garmin watch's FIT of one stretch with the timer running from 0 to the last record, with
 * records at the given seconds (each showing the second before it) and a session message
 * summed over every second, as the watch sums it.
 */
function watchFit(seconds: readonly WatchSecond[], recordAt: readonly number[], session: Record<string, unknown> = {}): Uint8Array {
  const distance = [0];
  seconds.forEach((s, i) => distance.push(distance[i]! + s.speedMps));
  const encoder = new Encoder();
  const write = (m: Encodable<Mesg>): void => void encoder.writeMesg(m);
  write(mesg(MesgNum.FILE_ID!, { type: 'activity', manufacturer: 'garmin', product: 3992, serialNumber: 7, timeCreated: at(0) }));
  write(timer('start', 0));
  for (const s of recordAt) {
    const shown = seconds[Math.max(0, s - 1)]!;
    write(
      mesg(MesgNum.RECORD!, {
        timestamp: at(s),
        distance: distance[s]!,
        speed: shown.speedMps,
        enhancedSpeed: shown.speedMps,
        cadence: Math.floor(shown.cadence / 2),
        fractionalCadence: (shown.cadence / 2) % 1,
        activityType: 'running',
      }),
    );
  }
  const end = recordAt[recordAt.length - 1]!;
  write(timer('stopAll', end));
  const cadence = seconds.reduce((sum, s) => sum + s.cadence, 0) / seconds.length / 2;
  write(
    mesg(MesgNum.SESSION!, {
      timestamp: at(end),
      startTime: at(0),
      sport: 'running',
      subSport: 'generic',
      totalElapsedTime: end,
      totalTimerTime: end,
      totalDistance: distance[end]!,
      avgCadence: Math.floor(cadence),
      avgFractionalCadence: Math.round((cadence % 1) * 128) / 128,
      ...session,
    }),
  );
  return encoder.close();
}

describe('a watch file with no pause: its timer ran throughout', () => {
  // 2625 s with the timer running, records 1 to 52 s apart: every second while pace and cadence
  // change, far apart where nothing does (waiting at a crossing, a steady shuffle uphill).
  const seconds: WatchSecond[] = [];
  const recordAt = [0];
  const steadyFrom = [400, 1100, 1700, 2300];
  for (let s = 0; s < 2625; s++) {
    const steady = steadyFrom.some((from) => s >= from && s < from + 156);
    seconds.push(steady ? { speedMps: 0.4, cadence: 96 } : { speedMps: 2.245 + (s % 3) * 0.05, cadence: 170 + (s % 3) * 2 });
  }
  for (let s = 1; s <= 2625; s++) {
    const steadyAt = steadyFrom.find((from) => s > from + 1 && s < from + 156);
    if (steadyAt === undefined || (s - steadyAt) % 52 === 0) recordAt.push(s);
  }

  it('has records 1-52 s apart and no pause', () => {
    const steps = recordAt.slice(1).map((s, i) => s - recordAt[i]!);
    expect(Math.min(...steps)).to.equal(1);
    expect(Math.max(...steps)).to.equal(52);
  });

  it('imports with the timer\'s 2625 s of moving time, from the records too, and no break', () => {
    const run = decodeFit(watchFit(seconds, recordAt));
    expect(run.gaps, 'a gap while the timer runs is running').to.deep.equal([]);
    const records = summarizeSamples(run.samples, defaultCadenceZones, run.gaps);
    expect(records.movingS).to.equal(2625);
    expect(importedSummary(run, defaultCadenceZones).movingS).to.equal(2625);
    expect(records.distanceM / 1000).to.be.closeTo(4.84, 0.01);
  });
});

describe('records 1 s and 8 s apart weigh the time each stands for', () => {
  // 1000 s at 182 recorded every second, then 800 s at 166 recorded every 8 s (100 steps).
  const seconds: WatchSecond[] = [];
  for (let s = 0; s < 1800; s++) seconds.push(s < 1000 ? { speedMps: 3.2, cadence: 182 } : { speedMps: 2.9, cadence: 166 });
  const recordAt: number[] = [];
  for (let s = 0; s <= 1000; s++) recordAt.push(s);
  for (let s = 1008; s <= 1800; s += 8) recordAt.push(s);

  it('averages 174.9 steps/min, not 182.0, with 1800 s in zones, not 1000 s', () => {
    expect(recordAt.length - 1001).to.equal(100);
    const run = decodeFit(watchFit(seconds, recordAt));
    const totals = summarizeSamples(run.samples, defaultCadenceZones, run.gaps);
    expect(run.gaps).to.deep.equal([]);
    // The watch's own: (1000 × 182 + 800 × 166) / 1800 = 174.89. The step from 1000 s to 1008 s
    // shows 166 only in its record at 1008 s, so 7 s of it count at 182: 174.95.
    expect(totals.avgCadence).to.be.closeTo(174.9, 0.1);
    const inZones = Object.values(totals.zoneTimes).reduce((a, b) => a + b, 0);
    expect(inZones).to.equal(1800);
    expect(totals.movingS).to.equal(1800);
  });
});

describe("the summary shows the watch's own totals where its session message states them", () => {
  // A short run whose records say 176 while the watch, counting every second, says 167: the
  // records were written on changes, mostly in the faster seconds.
  const seconds: WatchSecond[] = [];
  for (let s = 0; s < 300; s++) seconds.push(s % 10 < 5 ? { speedMps: 3, cadence: 176 } : { speedMps: 2.6, cadence: 158 });
  const recordAt = [0, ...Array.from({ length: 300 }, (_, i) => i + 1).filter((s) => (s - 1) % 10 < 5 || s === 300)];

  it('167 steps/min, as the session says, not the records\' 176; the records\' figure is kept beside it', () => {
    const run = decodeFit(watchFit(seconds, recordAt, { avgHeartRate: 151 }));
    const records = summarizeSamples(run.samples, defaultCadenceZones, run.gaps);
    const summary = importedSummary(run, defaultCadenceZones);
    expect(records.avgCadence).to.be.above(170);
    expect(summary.avgCadence).to.equal(167);
    expect(summary.movingS).to.equal(300);
    expect(summary.statedTotals?.stated).to.deep.equal({ movingS: 300, distanceM: run.samples.distanceM.at(-1), avgCadence: 167, avgHeartRate: 151 });
    expect(summary.statedTotals?.fromRecords.avgCadence).to.equal(records.avgCadence);
    // The runner is told in words where the two differ.
    const notes = statedTotalsNotes(summary.statedTotals!);
    expect(notes).to.deep.equal([`Average cadence is the watch's own, 167 steps/min; its records average ${Math.round(records.avgCadence)}.`]);
  });

  it('a run with walking in it keeps its running-only cadence, and sets the watch\'s aside', () => {
    const bytes = watchFit(seconds, recordAt);
    const run = decodeFit(bytes);
    run.samples.flags[5] = 0; // a walked record
    run.samples.cadence[5] = 110;
    const summary = importedSummary(run, defaultCadenceZones);
    expect(summary.avgCadence).to.equal(summarizeSamples(run.samples, defaultCadenceZones, run.gaps).avgCadence);
    expect(summary.statedTotals?.setAside).to.deep.equal({ avgCadence: 167 });
  });
});

describe('heart rate averages over time, not over records', () => {
  it('20 min at 140 bpm every 8 s and 10 min at 170 every second average 150, not 164', () => {
    const t: number[] = [];
    for (let s = 0; s <= 1200; s += 8) t.push(s);
    for (let s = 1201; s <= 1800; s++) t.push(s);
    const samples = emptyColumns(t.length);
    t.forEach((time, i) => {
      samples.t[i] = time;
      // Each record shows the second before it; at 1201 the strap already reads 170.
      samples.heartRate[i] = time <= 1200 ? 140 : 170;
      samples.cadence[i] = 170;
      samples.flags[i] = SAMPLE_RUNNING;
    });
    const stats = heartRateStats(samples, []);
    expect(stats?.average).to.be.closeTo(150, 0.1);
    expect(stats?.maximum).to.equal(170);
  });

  it('shows the watch\'s own average where its file states one, and says so', () => {
    const samples = emptyColumns(3);
    samples.t.set([0, 1, 2]);
    samples.heartRate.set([140, 150, 160]);
    expect(heartRateStats(samples, [], 148)).to.deep.equal({ average: 148, maximum: 160, statedByFile: true });
  });
});
