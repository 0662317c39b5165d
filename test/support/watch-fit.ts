// A watch activity as the FIT file a Garmin watch writes, with Garmin's own encoder: file_id and
// the creator's device_info, a timer start, records (stopAll and start around each pause), an
// auto-lap per kilometre, and at the end a stopAll, the last lap, the session with the watch's
// own totals and the activity. Cadence is strides per minute, whole in `cadence` and the rest
// in `fractionalCadence`, as watches write it.

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
import type { WatchRecord } from './watch-sampling.js';
import { type TimerStretch, type WatchSport, type WatchTotals, type WatchTruth, cyclesPerMinute, totalsBetween, walkingStretch } from './watch-truth.js';

const MesgNum = Profile.MesgNum;
const FIT_EPOCH_S = 631_065_600;
/** Garmin's product id of the Forerunner 255 (Profile.types.garminProduct). */
export const FORERUNNER_255 = 3992;
const WATCH_SERIAL = 3_412_345_678;
const FRACTION_STEPS = 128;

/** A sub-sport FIT knows, as the SDK names it. */
export type WatchSubSport = 'generic' | 'treadmill' | 'street' | 'trail' | 'track' | 'indoorCycling' | 'road' | 'indoorWalking';

/** Cadence split as FIT holds it: whole cycles per minute and the rest in 1/128. */
export function fitCadenceFields(cyclesPerMin: number): { whole: number; fraction: number } {
  const in128ths = Math.round(cyclesPerMin * FRACTION_STEPS);
  const whole = Math.floor(in128ths / FRACTION_STEPS);
  return { whole, fraction: (in128ths - whole * FRACTION_STEPS) / FRACTION_STEPS };
}

export interface WatchFitInput {
  truth: WatchTruth;
  records: readonly WatchRecord[];
  /** Epoch ms of the first timer start, a whole second. */
  startedAt: number;
  sport: WatchSport;
  subSport: WatchSubSport;
  /** One session per timer stretch, as a watch writes a run resumed as a new session; else one. */
  sessionPerStretch?: boolean;
  /** Seconds at which the watch lost its footpod (a "connection lost" marker; the timer runs on). */
  connectionLostAt?: readonly number[];
  /** Records with speed but no distance (an indoor run from a pod that sends only speed). */
  speedOnly?: boolean;
  /** No timer events and no markers (some apps and converters write none). */
  noTimerEvents?: boolean;
}

export function encodeWatchFit(input: WatchFitInput): Uint8Array {
  const { truth, records, startedAt, sport, subSport, sessionPerStretch = false, connectionLostAt = [], speedOnly = false, noTimerEvents = false } = input;
  const at = (s: number): Date => new Date(startedAt + s * 1000);
  const cadenceOf = (perMinute: number) => fitCadenceFields(cyclesPerMinute(sport, perMinute));
  const timer = (s: number, eventType: 'start' | 'stopAll'): Encodable<EventMesg> => ({
    mesgNum: MesgNum.EVENT!,
    timestamp: at(s),
    event: 'timer',
    eventType,
    data: 0,
    eventGroup: 0,
  });
  const summaryFields = (totals: WatchTotals) => {
    const cadence = cadenceOf(totals.avgCadence);
    return {
      totalElapsedTime: totals.elapsedS,
      totalTimerTime: totals.timerS,
      totalDistance: totals.distanceM,
      avgSpeed: totals.avgSpeedMps,
      enhancedAvgSpeed: totals.avgSpeedMps,
      avgCadence: cadence.whole,
      avgFractionalCadence: cadence.fraction,
      // FIT keeps a whole number of beats per minute.
      ...(totals.avgHeartRate === undefined ? {} : { avgHeartRate: Math.round(totals.avgHeartRate) }),
      sport,
      subSport,
    };
  };
  const lapMesg = (lap: TimerStretch, index: number, last: boolean): Encodable<LapMesg> => ({
    mesgNum: MesgNum.LAP!,
    messageIndex: index,
    timestamp: at(lap.toS),
    startTime: at(lap.fromS),
    event: 'lap',
    eventType: 'stop',
    lapTrigger: last ? 'sessionEnd' : 'distance',
    intensity: 'active',
    ...summaryFields(totalsBetween(truth, lap.fromS, lap.toS)),
  });
  const recordMesg = (record: WatchRecord): Encodable<RecordMesg> => {
    const cadence = cadenceOf(record.cadence);
    return {
      mesgNum: MesgNum.RECORD!,
      timestamp: at(record.s),
      ...(speedOnly ? {} : { distance: record.distanceM }),
      speed: record.speedMps,
      enhancedSpeed: record.speedMps,
      cadence: cadence.whole,
      fractionalCadence: cadence.fraction,
      // Watches say running or walking per record; a bike's records have no such field.
      ...(sport === 'cycling' ? {} : { activityType: record.walking ? 'walking' : sport }),
      ...(record.heartRate === undefined ? {} : { heartRate: Math.round(record.heartRate) }),
    };
  };

  const encoder = new Encoder();
  const write = (mesg: Encodable<Mesg>): void => {
    if (noTimerEvents && mesg.mesgNum === MesgNum.EVENT) return;
    encoder.writeMesg(mesg);
  };
  const fileId: Encodable<FileIdMesg> = {
    mesgNum: MesgNum.FILE_ID!,
    type: 'activity',
    manufacturer: 'garmin',
    product: FORERUNNER_255,
    serialNumber: WATCH_SERIAL,
    timeCreated: at(0),
  };
  write(fileId);
  const creator: Encodable<DeviceInfoMesg> = {
    mesgNum: MesgNum.DEVICE_INFO!,
    timestamp: at(0),
    deviceIndex: 'creator',
    manufacturer: 'garmin',
    product: FORERUNNER_255,
    serialNumber: WATCH_SERIAL,
    softwareVersion: 19.18,
    sourceType: 'local',
  };
  write(creator);

  const stretchEnds = new Set(truth.stretches.map((r) => r.toS));
  const stretchStarts = new Set(truth.stretches.map((r) => r.fromS));
  // Laps go out in time order: at the record that ends them, or (a lap pressed during a pause,
  // when no record is written) before the first record after them.
  let nextLap = 0;
  const lapsUpTo = (s: number, inclusive: boolean): void => {
    for (; nextLap < truth.laps.length - 1; nextLap++) {
      const lap = truth.laps[nextLap]!;
      if (inclusive ? lap.toS > s : lap.toS >= s) break;
      write(lapMesg(lap, nextLap, false));
    }
  };
  const lostAt = new Set(connectionLostAt);
  for (const record of records) {
    lapsUpTo(record.s, false);
    if (stretchStarts.has(record.s)) write(timer(record.s, 'start'));
    write(recordMesg(record));
    if (lostAt.has(record.s)) write({ mesgNum: MesgNum.EVENT!, timestamp: at(record.s), event: 'commTimeout', eventType: 'marker', data: 2 } as Encodable<EventMesg>);
    lapsUpTo(record.s, true);
    if (stretchEnds.has(record.s)) write(timer(record.s, 'stopAll'));
  }
  const end = truth.durationS;
  // Records that end before the timer stopped (smart recording's last one a few seconds early).
  if (!records.some((record) => record.s === end)) write(timer(end, 'stopAll'));
  write(lapMesg(truth.laps[truth.laps.length - 1]!, truth.laps.length - 1, true));
  const sessions = sessionPerStretch ? truth.stretches : [{ fromS: 0, toS: end }];
  sessions.forEach(({ fromS, toS }, k) => {
    const session: Encodable<SessionMesg> = {
      mesgNum: MesgNum.SESSION!,
      messageIndex: k,
      timestamp: at(toS),
      startTime: at(fromS),
      event: 'session',
      eventType: 'stop',
      trigger: 'activityEnd',
      firstLapIndex: 0,
      numLaps: truth.laps.length,
      ...summaryFields(sessionPerStretch ? totalsBetween(truth, fromS, toS) : truth.totals),
      // A stretch walked throughout, in a run saved as a session per stretch, is a walking session.
      ...(sessionPerStretch && sport === 'running' && walkingStretch(truth, { fromS, toS }) ? { sport: 'walking' as const } : {}),
    };
    write(session);
  });
  const endSecond = Math.round(startedAt / 1000) + end;
  const activity: Encodable<ActivityMesg> = {
    mesgNum: MesgNum.ACTIVITY!,
    timestamp: at(end),
    totalTimerTime: truth.totals.timerS,
    numSessions: sessions.length,
    type: 'manual',
    event: 'activity',
    eventType: 'stop',
    // Wall-clock time where the run happened, as seconds from FIT's epoch.
    localTimestamp: endSecond - FIT_EPOCH_S - new Date(endSecond * 1000).getTimezoneOffset() * 60,
  };
  write(activity);
  return encoder.close();
}
