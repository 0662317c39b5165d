import { expect } from '@open-wc/testing';
import { Decoder, type FitMessages, Stream } from '@garmin/fitsdk';
import { decodeFit, encodeFit } from '../../src/export/fit.js';
import { SAMPLE_RUNNING, SAMPLE_STRIDE_DERIVED, type RecordedSession } from '../../src/session/recorded-session.js';
import { heartRateStats } from '../../src/charts/session-channels.js';
import { fitFileOf, runRecord, sessionMesg, timerEvent, watchRunWalkFit } from '../support/fit-messages.js';
import { storedImport } from '../support/stored-import.js';
import { timeWeightedMean } from '../../src/session/channel-averages.js';
import { statedTotalsNotes } from '../../src/session/stated-totals.js';
import { decodeTcx, encodeTcx } from '../../src/export/tcx.js';
import { importedSession } from '../../src/export/imported-session.js';
import { importedSummary } from '../../src/export/imported-summary.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { FIXTURE_GAPS, FIXTURE_LAPS, FIXTURE_START, fixtureSession, indexAt, tinySession } from './session-fixture.js';

// FIT resolutions the round trip is held to.
const AVG_SPEED_RES = 0.0005; // a lap's or the session's average: 1 mm/s, rounded
/** Speeds are written to the mm/s, cut: as a reader's float32 holds it, never above what was recorded (so never in the next band). */
const expectSpeedCut = (written: number, recorded: number, where: string): void =>
  void expect(Math.fround(written), where).to.be.at.most(recorded).and.above(recorded - 0.001);
/** Distances are written to the centimetre, cut as the screens cut (never rounded up). */
const centimetresCut = (metres: number): number => Math.floor(metres * 100 + 1e-6) / 100;
const DISTANCE_RES = 1e-6;
const STEP_LENGTH_RES_M = 0.00005; // 0.1 mm, rounded
const TIME_RES_S = 0.0005; // FIT stores whole seconds, and the fixture's times are whole seconds
const FLOAT32 = 1e-6;

function readWithSdk(bytes: Uint8Array): FitMessages {
  const decoder = new Decoder(Stream.fromByteArray(bytes));
  expect(decoder.isFIT()).to.equal(true);
  expect(decoder.checkIntegrity()).to.equal(true);
  const { messages, errors } = decoder.read();
  expect(errors).to.deep.equal([]);
  return messages;
}

const ms = (value: unknown): number => (value instanceof Date ? value.getTime() : Number.NaN);

describe('encodeFit', () => {
  const session = fixtureSession();
  const { samples, meta } = session;
  const bytes = encodeFit(session);
  const messages = readWithSdk(bytes);

  it('writes an activity file from a development device, with the footpod as a device', () => {
    const fileId = messages.fileIdMesgs![0]!;
    expect(fileId.type).to.equal('activity');
    expect(fileId.manufacturer).to.equal('development');
    expect(ms(fileId.timeCreated)).to.equal(FIXTURE_START);
    expect(fileId.serialNumber).to.be.a('number').and.not.equal(0);
    const pod = messages.deviceInfoMesgs!.find((d) => d.productName === 'Stryd footpod');
    expect(pod?.bleDeviceType).to.equal('footpod');
  });

  it('writes one record per sample with every value as recorded', () => {
    const records = messages.recordMesgs!;
    expect(records.length).to.equal(samples.t.length);
    records.forEach((record, i) => {
      const where = `record ${i} (t=${samples.t[i]})`;
      expect(ms(record.timestamp), where).to.equal(FIXTURE_START + samples.t[i]! * 1000);
      expectSpeedCut(record.enhancedSpeed!, samples.speedMps[i]!, where);
      expectSpeedCut(record.speed!, samples.speedMps[i]!, where);
      expect(2 * (record.cadence! + record.fractionalCadence!), where).to.equal(samples.cadence[i]);
      expect(record.distance!, where).to.be.closeTo(centimetresCut(samples.distanceM[i]!), DISTANCE_RES);
      const derived = (samples.flags[i]! & SAMPLE_STRIDE_DERIVED) !== 0;
      if (derived) expect(record.stepLength, where).to.equal(undefined);
      else expect(record.stepLength! / 1000, where).to.be.closeTo(samples.strideLengthM[i]!, STEP_LENGTH_RES_M);
      const running = (samples.flags[i]! & SAMPLE_RUNNING) !== 0;
      expect(record.activityType, where).to.equal(running ? 'running' : 'walking');
    });
    // The fixture really has the cases the loop is meant to cover.
    expect(records.some((r) => r.fractionalCadence === 0.75)).to.equal(true);
    expect(records.some((r) => r.fractionalCadence === 0.5)).to.equal(true);
    expect(records.some((r) => r.stepLength === undefined)).to.equal(true);
    expect(records.some((r) => r.activityType === 'walking')).to.equal(true);
  });

  it('writes the laps with their start, times, distance and averages', () => {
    const laps = messages.lapMesgs!;
    expect(laps.length).to.equal(3);
    const starts = [0, ...FIXTURE_LAPS];
    const lastT = samples.t[samples.t.length - 1]!;
    laps.forEach((lap, k) => {
      const startT = starts[k]!;
      const endT = starts[k + 1] ?? lastT;
      const startIndex = indexAt(samples, startT);
      const endIndex = k === laps.length - 1 ? samples.t.length - 1 : indexAt(samples, endT);
      expect(ms(lap.startTime), `lap ${k}`).to.equal(FIXTURE_START + startT * 1000);
      expect(ms(lap.timestamp), `lap ${k}`).to.equal(FIXTURE_START + endT * 1000);
      expect(lap.totalElapsedTime).to.be.closeTo(endT - startT, TIME_RES_S);
      const fromM = k === 0 ? 0 : samples.distanceM[startIndex]!;
      const distance = samples.distanceM[endIndex]! - fromM;
      // Cut where it ends less cut where it began, so the laps add up to the run cut.
      expect(lap.totalDistance).to.be.closeTo(centimetresCut(samples.distanceM[endIndex]!) - centimetresCut(fromM), DISTANCE_RES);
      expect(lap.enhancedAvgSpeed).to.be.closeTo(distance / lap.totalTimerTime!, 0.001);
      expect(lap.sport).to.equal('running');
      expect(lap.avgRunningCadence).to.be.within(80, 95);
    });
    // The pause (60 s) and the lost link (10 s) are in lap 2 and 3 and not timed.
    expect(laps[0]!.totalTimerTime).to.be.closeTo(420, TIME_RES_S);
    expect(laps[1]!.totalTimerTime).to.be.closeTo(780 - 60, TIME_RES_S);
    expect(laps[2]!.totalTimerTime).to.be.closeTo(599 - 10, TIME_RES_S);
    const sum = (key: 'totalTimerTime' | 'totalDistance'): number => laps.reduce((s, lap) => s + lap[key]!, 0);
    expect(sum('totalTimerTime')).to.be.closeTo(meta.movingS, 0.003);
    expect(sum('totalDistance')).to.be.closeTo(meta.distanceM, 0.02);
  });

  it('writes the session summary and the activity', () => {
    const s = messages.sessionMesgs![0]!;
    expect(s.sport).to.equal('running');
    expect(ms(s.startTime)).to.equal(FIXTURE_START);
    expect(s.totalElapsedTime).to.be.closeTo(meta.elapsedS, TIME_RES_S);
    expect(s.totalTimerTime).to.be.closeTo(meta.movingS, TIME_RES_S);
    expect(s.totalDistance).to.be.closeTo(centimetresCut(meta.distanceM), DISTANCE_RES);
    expect(s.enhancedAvgSpeed).to.be.closeTo(meta.avgSpeedMps, AVG_SPEED_RES);
    // FIT's session average counts every second the timer ran, the fixture's walking too; the page's is running only.
    const { cadence } = session.samples;
    const withWalking = timeWeightedMean(session.samples, cadence, meta.gaps, (i) => cadence[i]! > 0)!;
    expect(withWalking, 'the fixture walks: the two averages differ').to.be.below(meta.avgCadence - 1);
    expect(2 * (s.avgCadence! + s.avgFractionalCadence!)).to.be.closeTo(withWalking, 1 / 64);
    expect(s.numLaps).to.equal(3);
    const activity = messages.activityMesgs![0]!;
    expect(activity.numSessions).to.equal(1);
    expect(activity.totalTimerTime).to.be.closeTo(meta.movingS, TIME_RES_S);
  });

  it('marks the pause with timer events and the lost link with a connection-lost marker', () => {
    const events = messages.eventMesgs!.map((e) => [e.event, e.eventType, (ms(e.timestamp) - FIXTURE_START) / 1000]);
    expect(events).to.deep.equal([
      ['timer', 'start', 0],
      ['timer', 'stop', 600],
      ['timer', 'start', 660],
      ['timer', 'stop', 1300],
      ['commTimeout', 'marker', 1300],
      ['timer', 'start', 1310],
      ['timer', 'stopAll', 1799],
    ]);
  });

  it('writes a treadmill run as sub-sport treadmill and a walk as walking, so other apps file them right', () => {
    const specs = [0, 1, 2].map((t) => ({ t, speedMps: 3, cadence: 170, strideLengthM: null, running: true }));
    const sportOf = (overrides: Partial<RecordedSession['meta']>) => {
      const m = readWithSdk(encodeFit(tinySession(specs, overrides)));
      return [m.sessionMesgs![0]!.sport, m.sessionMesgs![0]!.subSport, m.lapMesgs![0]!.sport];
    };
    expect(sportOf({ sport: 'run', treadmill: true })).to.deep.equal(['running', 'treadmill', 'running']);
    expect(sportOf({ sport: 'walk', treadmill: true })).to.deep.equal(['walking', 'indoorWalking', 'walking']);
    expect(sportOf({ sport: 'run', treadmill: false })).to.deep.equal(['running', 'generic', 'running']);
    expect(sportOf({})).to.deep.equal(['running', 'generic', 'running']);
  });

  it('keeps the timer running through a lost link the pod counted through, and reads it back as that', () => {
    const specs = [0, 1, 2, 62, 63].map((t) => ({ t, speedMps: 3, cadence: 170, strideLengthM: null, running: true }));
    const gaps = [{ fromT: 2, toT: 62, reason: 'link-lost' as const, coveredM: 180 }];
    const session = tinySession(specs, { gaps });
    expect(session.meta.movingS).to.equal(63);
    const m = readWithSdk(encodeFit(session));
    expect(m.eventMesgs!.map((e) => [e.event, e.eventType])).to.deep.equal([
      ['timer', 'start'],
      ['commTimeout', 'marker'],
      ['timer', 'stopAll'],
    ]);
    expect(m.sessionMesgs![0]!.totalTimerTime).to.equal(63);
    expect(decodeFit(encodeFit(session)).gaps).to.deep.equal(gaps);
  });

  it('writes heart rate where a strap gave it and reads it back; none where there was none', () => {
    const specs = [0, 1, 2, 3].map((t) => ({ t, speedMps: 3, cadence: 170, strideLengthM: null, running: true }));
    const session = tinySession(specs);
    session.samples.heartRate.set([Number.NaN, 141, 142.4, 150]);
    const m = readWithSdk(encodeFit(session));
    expect(m.recordMesgs!.map((r) => r.heartRate ?? null)).to.deep.equal([null, 141, 142, 150]);
    expect(Array.from(decodeFit(encodeFit(session)).samples.heartRate)).to.deep.equal([Number.NaN, 141, 142, 150]);
  });

  it("writes the page's average heart rate into the session: the records' over time, or the watch's own for an imported run", () => {
    const specs = [0, 1, 2, 3].map((t) => ({ t, speedMps: 3, cadence: 170, strideLengthM: null, running: true }));
    const live = tinySession(specs);
    live.samples.heartRate.set([Number.NaN, 141, 142.4, 150]);
    // (141 + 142.4 + 150) / 3 s = 144.5, whole bpm in FIT.
    expect(readWithSdk(encodeFit(live)).sessionMesgs![0]!.avgHeartRate).to.equal(144);
    // A watch that wrote a record every 4 s at 140 bpm but states 150 in its session (what the page shows).
    const watch = [timerEvent('start', 0)];
    for (let s = 0; s <= 1200; s += 4) watch.push(runRecord(s, { distance: s * 3, speed: 3, enhancedSpeed: 3, heartRate: 140 }));
    watch.push(timerEvent('stopAll', 1200), sessionMesg(0, 1200, { totalTimerTime: 1200, totalDistance: 3600, avgCadence: 85, avgHeartRate: 150 }));
    const stored = storedImport(decodeFit(fitFileOf(watch)));
    const shown = (session: RecordedSession): number | undefined =>
      heartRateStats(session.samples, session.meta.gaps, session.meta.statedTotals?.stated.avgHeartRate)?.average;
    expect(shown(stored), 'the page').to.equal(150);
    expect(shown(storedImport(decodeFit(encodeFit(stored)))), 'FIT export, re-imported').to.equal(150);
  });

  it('refuses a session with no samples', () => {
    const empty = tinySession([]);
    expect(() => encodeFit(empty)).to.throw(RangeError, /no samples/);
  });
});

describe('decodeFit(encodeFit(session))', () => {
  it('gives back the session within FIT resolutions', () => {
    const session = fixtureSession();
    const run = decodeFit(encodeFit(session));
    const a = session.samples;
    const b = run.samples;
    expect(run.startedAt).to.equal(FIXTURE_START);
    expect(run.deviceName).to.equal('Stryd footpod');
    expect(run.name).to.equal(null);
    expect(run.laps).to.deep.equal(FIXTURE_LAPS);
    expect(run.gaps).to.deep.equal(FIXTURE_GAPS);
    expect(b.t.length).to.equal(a.t.length);
    for (let i = 0; i < a.t.length; i++) {
      const where = `sample ${i} (t=${a.t[i]})`;
      expect(b.t[i], where).to.be.closeTo(a.t[i]!, TIME_RES_S);
      expectSpeedCut(b.speedMps[i]!, a.speedMps[i]!, where);
      expect(b.cadence[i], where).to.equal(a.cadence[i]);
      expect(b.distanceM[i], where).to.be.closeTo(centimetresCut(a.distanceM[i]!), DISTANCE_RES);
      expect(b.flags[i], where).to.equal(a.flags[i]);
      // A derived stride is derived again from the speed cut: under 1 mm/s moves it under 0.5 mm.
      const strideRes = (a.flags[i]! & SAMPLE_STRIDE_DERIVED) !== 0 ? 0.0005 : STEP_LENGTH_RES_M + FLOAT32;
      expect(b.strideLengthM[i], where).to.be.closeTo(a.strideLengthM[i]!, strideRes);
    }
  });

  it('keeps the first of two samples that fall in one second, so times still only increase', () => {
    const specs = [0, 0.4, 1, 1.3, 2.6, 3].map((t) => ({ t, speedMps: 3, cadence: 170, strideLengthM: 1.05, running: true }));
    const session: RecordedSession = tinySession(specs);
    const run = decodeFit(encodeFit(session));
    expect(Array.from(run.samples.t)).to.deep.equal([0, 1, 3]);
  });

  it('writes a start between whole seconds at the nearest second, and keeps its millisecond for our reader', () => {
    const specs = [0, 1, 2].map((t) => ({ t, speedMps: 3, cadence: 171, strideLengthM: null, running: true }));
    const session = tinySession(specs, { startedAt: FIXTURE_START + 600, deviceName: null });
    const bytes = encodeFit(session);
    expect(ms(readWithSdk(bytes).recordMesgs![0]!.timestamp)).to.equal(FIXTURE_START + 1000);
    const run = decodeFit(bytes);
    expect(run.startedAt).to.equal(FIXTURE_START + 600);
    expect(Array.from(run.samples.t)).to.deep.equal([0, 1, 2]);
    expect(run.deviceName).to.equal(null);
    expect(Array.from(run.samples.cadence)).to.deep.equal([171, 171, 171]);
  });
});

describe('encodeFit keeps records missing as records missing', () => {
  /**
   * A FIT file with no timer events: 1 s records, 10 min at 170 steps/min, a 90 s hole while the
   * distance counter runs on at 3 m/s (longer than any smart recording step), then 8.5 min at 184.
   * The hole is records missing the counter covered: moving time, but no cadence measured, so it
   * stays out of zones and averages.
   */
  function fileWithHole(): Uint8Array {
    const records = [];
    for (let s = 0; s <= 600; s++) records.push(runRecord(s, { distance: 3 * s, speed: 3, cadence: 85 }));
    for (let s = 690; s <= 1200; s++) records.push(runRecord(s, { distance: 3 * s, speed: 3, cadence: 92 }));
    return fitFileOf(records);
  }

  it('time in zones and average cadence after FIT export and re-import are the page\'s', () => {
    const zones = defaultCadenceZones;
    const original = decodeFit(fileWithHole());
    expect(original.gaps.map((g) => g.reason)).to.deep.equal(['missing-records']);
    const page = importedSession(original, zones, { id: 'x', name: 'Hole' });
    expect(page.meta.zoneTimes.target).to.be.closeTo(600, 1);
    expect(page.meta.movingS).to.be.closeTo(1200, 1);
    const again = decodeFit(encodeFit(page));
    expect(again.gaps).to.deep.equal(page.meta.gaps);
    const viaFit = importedSummary(again, zones);
    expect(viaFit.movingS, 'FIT round trip: moving time').to.be.closeTo(1200, 1);
    expect(viaFit.zoneTimes.target, 'FIT round trip: time in target').to.be.closeTo(page.meta.zoneTimes.target, 2);
    expect(viaFit.avgCadence, 'FIT round trip: average cadence').to.be.closeTo(page.meta.avgCadence, 0.1);
    const viaTcx = importedSummary(decodeTcx(encodeTcx(page)), zones);
    expect(viaTcx.zoneTimes.target, 'TCX round trip: time in target').to.be.closeTo(page.meta.zoneTimes.target, 2);
  });

  it('records missing the runner stood through (no distance covered) come back records missing, not a pause', () => {
    const specs = [
      ...Array.from({ length: 301 }, (_, t) => ({ t, speedMps: 3, cadence: 172, strideLengthM: null, running: true })),
      ...Array.from({ length: 300 }, (_, k) => ({ t: 360 + k, speedMps: 3, cadence: 172, strideLengthM: null, running: true })),
    ];
    const session = tinySession(specs, { gaps: [{ fromT: 300, toT: 360, reason: 'missing-records' }] });
    expect(decodeFit(encodeFit(session)).gaps.map((g) => [g.fromT, g.toT, g.reason])).to.deep.equal([[300, 360, 'missing-records']]);
  });
});

describe('encodeFit of a watch run-walk keeps what the watch said about its cadence', () => {
  it("re-imported, says the watch's 145 counts walking too, never that the page's running-only 170 does", () => {
    const page = storedImport(decodeFit(watchRunWalkFit()));
    const pageNotes = statedTotalsNotes(page.meta.statedTotals!);
    expect(pageNotes.join(' ')).to.contain("the watch's own, 145, counts walking too");
    const again = storedImport(decodeFit(encodeFit(page)));
    expect(again.meta.avgCadence, 'running only, as on the page').to.be.closeTo(page.meta.avgCadence, 0.5);
    const notes = again.meta.statedTotals ? statedTotalsNotes(again.meta.statedTotals) : [];
    expect(notes.filter((n) => n.includes('counts walking too'))).to.deep.equal(pageNotes.filter((n) => n.includes('counts walking too')));
  });
});
