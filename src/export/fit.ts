// A recorded session as a FIT activity file, written with Garmin's own encoder so the file is
// valid by construction. Messages go out in time order (timer events, records, laps, then the
// session and activity summaries), the layout watches write and other apps expect.
//
// What survives a round trip through FIT, and how closely:
//   time: whole seconds (FIT timestamps); two samples in one second keep only the first, but the
//     run's last sample wins its second (it holds the run's last metres)
//   speed: 0.001 m/s, cut down (a record's speed read back is never above the speed recorded, so a
//     reading just under a 0.5 m/s band edge stays in its band of Weeks' cadence at matched pace)
//   distance: 0.01 m, cut before the SDK rounds (file-distance.ts) · step length: 0.1 mm
//   cadence: steps/min exactly for whole numbers, else to 1/64 (see fit-cadence.ts)
//   running/walking: the record's activityType · derived stride: stepLength left out
//   power: whole watts, 0-65534 (FIT's uint16: a pod's negative power is written 0), where the pod
//     sent it; laps and the session carry its average over the time it was measured
//   pauses: timer stop/start events; a lost link adds a commTimeout "connection lost" marker,
//     records missing a commTimeout "connection timeout" one, so a reader keeps either out of
//     zones and averages as the page did, where a watch's timer would call the step running
//   treadmill incline: the record's grade, 0.01 %, where the treadmill sent one
//   summary: the session's totals are the page's, the watch's own for an imported run (heart
//     rate whole bpm and power whole watts, as FIT holds them); its average cadence counts walking too, as FIT's does
//     (the watch's own where the page set it aside), so a reader sets it aside again; a developer
//     field says which of them are a watch's own, so our reader takes the others as sums of the
//     records (a recorded run read back never speaks of a watch)
//   zones: the cadence zones the time in zone was counted with, as developer fields (a restore
//     counts with them, not with the restoring browser's)
//   name and notes: FIT activity files have no field for them, so they are not written.
//   start: the first record's whole second, and the run's start to the millisecond as a developer
//     field (fit-run-id.ts), so our reader gives the run its own start, title, day and week
//   pauses and lap presses: at whole seconds (one at 12.4 s comes back at 12 s)
//   which run: the run's Stridewise id and when it last changed, as developer fields on the
//     session message (fit-run-id.ts), so a backup folder is matched by id and an older copy never
//     replaces a newer file; decodeFit reports them, and an ordinary import still stores a new run.
//   not kept at all: program and workout marks, check-ins, the belt's own speed beside the speed
//     written, the pod's readings before calibration and its calibration (so a restored run cannot
//     be re-scaled), which sensor gave speed, a recovered or damaged run's status and note, and
//     whether it was recorded or imported (read back, it is an import)

import {
  type ActivityMesg,
  type DeviceInfoMesg,
  type Encodable,
  Encoder,
  type EventMesg,
  type FileIdMesg,
  type LapMesg,
  type Mesg,
  Profile,
  type RecordMesg,
  type SessionMesg,
} from '@garmin/fitsdk';
import type { RecordedSession } from '../session/recorded-session.js';
import { SAMPLE_RUNNING, SAMPLE_STRIDE_DERIVED } from '../session/recorded-session.js';
import { timeWeightedMean } from '../session/channel-averages.js';
import { gapTimeCounts } from '../session/gap-steps.js';
import { fitCadenceOf } from './fit-cadence.js';
import { type LapSplit, lapSplits } from './lap-splits.js';
import { lapMetresCut, metresCut } from './file-distance.js';
import { walksWithCadence } from './imported-summary.js';
import { declareRunFields, runFields } from './fit-run-id.js';
import type { FileTotals } from '../session/stated-totals.js';
import { changedAtOf } from '../session/changed-at.js';

export { decodeFit } from './fit-decode.js';

const MesgNum = Profile.MesgNum;
/** FIT counts seconds from 1989-12-31; a time before it cannot be written. */
const FIT_EPOCH_MS = 631_065_600_000;
/** FIT's uint16 speed tops out at 65.534 m/s; enhancedSpeed carries the same value for new readers. */
const MAX_SPEED_MPS = 65.534;
const MAX_STEP_LENGTH_MM = 6553.4;
/** FIT's uint16 power; 65535 means "none". */
const MAX_POWER_W = 65534;
const fitPower = (watts: number): number => Math.min(MAX_POWER_W, Math.max(0, Math.round(watts)));
/** FIT's grade is a sint16 of 0.01 %. */
const MAX_GRADE_PERCENT = 327.67;
/** The average power fields of a lap or session, left out where the run has no power. */
const avgPowerOf = (watts: number | null): { avgPower?: number } => (watts === null ? {} : { avgPower: fitPower(watts) });
const MAX_NAME_BYTES = 100;
const TIMER_TRIGGER_MANUAL = 0;
const COMM_TIMEOUT_CONNECTION_LOST = 2;
/** FIT's word nearest to "records missing": the sensor's data stopped coming, the timer did not. */
const COMM_TIMEOUT_CONNECTION_TIMEOUT = 3;
const BLE_DEVICE_TYPE_FOOTPOD = 6;

/** Messages sharing a second go out in this order: a pause ends before its first record, etc. */
const Order = { TimerStart: 0, LapEnd: 1, Record: 2, TimerStop: 3, LastLap: 4, Summary: 5 } as const;
type Order = (typeof Order)[keyof typeof Order];

interface TimedMesg {
  second: number;
  order: Order;
  mesg: Encodable<Mesg>;
}

const dateOf = (second: number): Date => new Date(second * 1000);
const finiteOr = (value: number, fallback: number): number => (Number.isFinite(value) ? value : fallback);

/**
 * A record's speed as FIT holds it (whole mm/s), cut down where the SDK would round: the largest
 * whole mm/s whose float32 (what a reader's columns store) is not above the speed recorded. Rounded,
 * a calibrated pod's 2.99968 m/s was written 3.000 and read back in the next 0.5 m/s band.
 */
function fitSpeedOf(mps: number): number {
  const speed = Math.min(Math.max(0, finiteOr(mps, 0)), MAX_SPEED_MPS);
  let mmPerS = Math.floor(speed * 1000);
  if (Math.fround((mmPerS + 1) / 1000) <= speed) mmPerS++;
  return mmPerS / 1000;
}

/** A name cut to what FIT's string field holds, at a character boundary. */
function fitString(text: string): string {
  const encoder = new TextEncoder();
  let out = text;
  while (encoder.encode(out).length > MAX_NAME_BYTES) out = Array.from(out).slice(0, -1).join('');
  return out;
}

/** A stable, non-zero serial number per session (FIT's uint32z treats 0 as "none"). */
function serialOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return hash || 1;
}

/** Sport and sub-sport: a treadmill run is one, so Garmin Connect and Strava file it as an indoor run. */
function fitSportOf(meta: RecordedSession['meta']): { sport: 'running' | 'walking'; subSport: 'treadmill' | 'indoorWalking' | 'generic' } {
  const walk = meta.sport === 'walk';
  const indoor = meta.treadmill === true;
  return { sport: walk ? 'walking' : 'running', subSport: indoor ? (walk ? 'indoorWalking' : 'treadmill') : 'generic' };
}

function lapMesg(lap: LapSplit, metres: number, meta: RecordedSession['meta'], startedSecond: number, secondOf: (t: number) => number, index: number): Encodable<LapMesg> {
  const cadence = fitCadenceOf(lap.avgCadence);
  const speed = Math.min(finiteOr(lap.avgSpeedMps, 0), MAX_SPEED_MPS);
  return {
    mesgNum: MesgNum.LAP!,
    messageIndex: index,
    timestamp: dateOf(secondOf(lap.endT)),
    startTime: dateOf(index === 0 ? startedSecond : secondOf(lap.startT)),
    event: 'lap',
    eventType: 'stop',
    lapTrigger: 'manual',
    sport: fitSportOf(meta).sport,
    intensity: 'active',
    totalElapsedTime: lap.elapsedS,
    totalTimerTime: lap.timerS,
    totalDistance: metres,
    avgSpeed: speed,
    enhancedAvgSpeed: speed,
    avgCadence: cadence.cadence,
    avgFractionalCadence: cadence.fractionalCadence,
    ...avgPowerOf(lap.avgPowerW),
  };
}

/**
 * The session's average cadence as FIT means it, over every second the timer ran: the page's
 * (running only) when the run has no walking with a cadence, else the watch's own that the page set
 * aside, else the records' over all their time. A reader that sees walking sets it aside again.
 */
function sessionAverageCadence({ meta, samples }: RecordedSession): number {
  if (meta.sport === 'walk' || !walksWithCadence(samples)) return meta.avgCadence;
  const { cadence } = samples;
  return meta.statedTotals?.setAside?.avgCadence ?? timeWeightedMean(samples, cadence, meta.gaps, (i) => cadence[i]! > 0) ?? meta.avgCadence;
}

/** The session figures that are a watch's own: those it stated, and its average cadence where the page set it aside. */
function watchTotalsOf(meta: RecordedSession['meta']): (keyof FileTotals)[] {
  const { stated, setAside } = meta.statedTotals ?? { stated: {} };
  const keys = (Object.keys(stated) as (keyof FileTotals)[]).filter((key) => stated[key] !== undefined);
  return setAside?.avgCadence !== undefined && !keys.includes('avgCadence') ? [...keys, 'avgCadence'] : keys;
}

/** The file's bytes, ready for `new Blob([...])`. */
export function encodeFit(session: RecordedSession): Uint8Array<ArrayBuffer> {
  const { meta, samples } = session;
  const n = samples.t.length;
  if (n === 0) throw new RangeError('This session has no samples, so there is nothing to export.');
  if (!(meta.startedAt >= FIT_EPOCH_MS)) throw new RangeError('This session starts before 1990, which FIT cannot store.');

  const secondOf = (t: number): number => Math.round((meta.startedAt + t * 1000) / 1000);
  const first = secondOf(samples.t[0]!);
  const last = secondOf(samples.t[n - 1]!);
  const timed: TimedMesg[] = [];
  const add = (second: number, order: Order, mesg: Encodable<Mesg>): void => void timed.push({ second, order, mesg });
  const timerEvent = (eventType: 'start' | 'stop' | 'stopAll', second: number): Encodable<EventMesg> => ({
    mesgNum: MesgNum.EVENT!,
    timestamp: dateOf(second),
    event: 'timer',
    eventType,
    data: TIMER_TRIGGER_MANUAL,
    eventGroup: 0,
  });

  add(first, Order.TimerStart, timerEvent('start', first));
  for (const gap of meta.gaps) {
    const from = secondOf(gap.fromT);
    const to = secondOf(gap.toT);
    if (!(to > from) || from < first || from >= last) continue;
    // A break the pod counted through is moving time, so the timer runs on through it.
    const timerRuns = gapTimeCounts(gap);
    if (!timerRuns) add(from, Order.TimerStop, timerEvent('stop', from));
    if (gap.reason !== 'paused') {
      const marker: Encodable<EventMesg> = {
        mesgNum: MesgNum.EVENT!,
        timestamp: dateOf(from),
        event: 'commTimeout',
        eventType: 'marker',
        data: gap.reason === 'link-lost' ? COMM_TIMEOUT_CONNECTION_LOST : COMM_TIMEOUT_CONNECTION_TIMEOUT,
      };
      add(from, Order.TimerStop, marker);
    }
    if (!timerRuns) add(to, Order.TimerStart, timerEvent('start', to));
  }

  let previousSecond = -Infinity;
  for (let i = 0; i < n; i++) {
    const second = secondOf(samples.t[i]!);
    // One record a second: the second's first sample, but the run's last sample wins its second
    // (it carries the run's last metres, which no later record would bring).
    if (second <= previousSecond) {
      if (i < n - 1) continue;
      timed.pop();
    }
    previousSecond = second;
    const flags = samples.flags[i]!;
    const speed = fitSpeedOf(samples.speedMps[i]!);
    const stride = samples.strideLengthM[i]!;
    const writeStride = (flags & SAMPLE_STRIDE_DERIVED) === 0 && Number.isFinite(stride) && stride >= 0;
    const record: Encodable<RecordMesg> = {
      mesgNum: MesgNum.RECORD!,
      timestamp: dateOf(second),
      distance: metresCut(samples.distanceM[i]!),
      speed,
      enhancedSpeed: speed,
      ...fitCadenceOf(samples.cadence[i]!),
      // Left out when derived, so a reader derives it too and the flag survives the round trip.
      ...(writeStride ? { stepLength: Math.min(stride * 1000, MAX_STEP_LENGTH_MM) } : {}),
      activityType: (flags & SAMPLE_RUNNING) !== 0 ? 'running' : 'walking',
      ...(samples.heartRate[i]! > 0 ? { heartRate: Math.min(254, Math.round(samples.heartRate[i]!)) } : {}),
      ...(Number.isFinite(samples.powerW[i]!) ? { power: fitPower(samples.powerW[i]!) } : {}),
      ...(Number.isFinite(samples.inclinePercent[i]!)
        ? { grade: Math.min(MAX_GRADE_PERCENT, Math.max(-MAX_GRADE_PERCENT, samples.inclinePercent[i]!)) }
        : {}),
    };
    add(second, Order.Record, record);
  }

  const laps = lapSplits(session);
  const lapMetres = lapMetresCut(laps.map((lap) => lap.distanceM));
  laps.forEach((lap, k) => {
    const isLast = k === laps.length - 1;
    add(isLast ? last : secondOf(lap.endT), isLast ? Order.LastLap : Order.LapEnd, lapMesg(lap, lapMetres[k]!, meta, first, secondOf, k));
  });
  add(last, Order.TimerStop, timerEvent('stopAll', last));

  const sessionCadence = fitCadenceOf(sessionAverageCadence(session));
  // The average the page shows: the watch's own for an imported run, else the records' over time.
  const { heartRate } = samples;
  const avgHeartRate =
    meta.statedTotals?.stated.avgHeartRate ?? timeWeightedMean(samples, heartRate, meta.gaps, (i) => heartRate[i]! > 0);
  const recordsPowerW = timeWeightedMean(samples, samples.powerW, meta.gaps);
  // As the page's averagePowerW: the watch's own only for a run whose records have power.
  const statedPowerW = meta.statedTotals?.stated.avgPowerW;
  const avgPowerW = recordsPowerW !== null && statedPowerW !== undefined && statedPowerW > 0 ? statedPowerW : recordsPowerW;
  const avgSpeed = Math.min(Math.max(0, finiteOr(meta.avgSpeedMps, 0)), MAX_SPEED_MPS);
  const summary: Encodable<SessionMesg> = {
    mesgNum: MesgNum.SESSION!,
    messageIndex: 0,
    timestamp: dateOf(last),
    startTime: dateOf(first),
    event: 'session',
    eventType: 'stop',
    trigger: 'activityEnd',
    ...fitSportOf(meta),
    totalElapsedTime: Math.max(0, finiteOr(meta.elapsedS, last - first)),
    totalTimerTime: Math.max(0, finiteOr(meta.movingS, 0)),
    totalDistance: metresCut(meta.distanceM),
    avgSpeed,
    enhancedAvgSpeed: avgSpeed,
    avgCadence: sessionCadence.cadence,
    avgFractionalCadence: sessionCadence.fractionalCadence,
    ...(avgHeartRate === null ? {} : { avgHeartRate: Math.min(254, Math.round(avgHeartRate)) }),
    ...avgPowerOf(avgPowerW),
    firstLapIndex: 0,
    numLaps: laps.length,
    developerFields: runFields(
      { id: meta.id, changedAt: changedAtOf(meta) },
      { zones: meta.zones, watchTotals: watchTotalsOf(meta), startedAt: meta.startedAt + samples.t[0]! * 1000 },
    ),
  };
  add(last, Order.Summary, summary);
  // FIT's local timestamp is the wall-clock time where the run happened, as seconds from its epoch.
  const offsetS = new Date(last * 1000).getTimezoneOffset() * 60;
  const activity: Encodable<ActivityMesg> = {
    mesgNum: MesgNum.ACTIVITY!,
    timestamp: dateOf(last),
    totalTimerTime: Math.max(0, finiteOr(meta.movingS, 0)),
    numSessions: 1,
    type: 'manual',
    event: 'activity',
    eventType: 'stop',
    localTimestamp: last - FIT_EPOCH_MS / 1000 - offsetS,
  };
  add(last, Order.Summary, activity);

  const encoder = new Encoder();
  const fileId: Encodable<FileIdMesg> = {
    mesgNum: MesgNum.FILE_ID!,
    type: 'activity',
    manufacturer: 'development',
    product: 1,
    serialNumber: serialOf(meta.id),
    timeCreated: dateOf(first),
  };
  encoder.writeMesg(fileId);
  declareRunFields(encoder);
  if (meta.deviceName) {
    const pod: Encodable<DeviceInfoMesg> = {
      mesgNum: MesgNum.DEVICE_INFO!,
      timestamp: dateOf(first),
      deviceIndex: 1,
      sourceType: 'bluetoothLowEnergy',
      deviceType: BLE_DEVICE_TYPE_FOOTPOD,
      productName: fitString(meta.deviceName),
    };
    encoder.writeMesg(pod);
  }
  // Array.prototype.sort is stable, so messages of one second and one kind keep their order.
  timed.sort((a, b) => a.second - b.second || a.order - b.order);
  for (const { mesg } of timed) encoder.writeMesg(mesg);
  // A copy typed as backed by a plain ArrayBuffer, which Blob and postMessage take.
  return new Uint8Array(encoder.close());
}
