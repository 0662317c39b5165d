// FIT files written message by message with Garmin's encoder, for tests that want a watch's file
// shaped one particular way (two sessions, records after the last timer stop, a lap pressed while
// paused): a file_id first, then the messages as given, in that order.

import { expect } from '@open-wc/testing';
import { type Encodable, Encoder, type Mesg, Profile } from '@garmin/fitsdk';
import { decodeFit } from '../../src/export/fit-decode.js';
import { ImportError } from '../../src/export/import-error.js';

export const { MesgNum } = Profile;
export const FIT_TEST_START = Date.UTC(2026, 2, 14, 6, 45, 0);

/** The time `s` seconds after the file's start. */
export const fitAt = (s: number): Date => new Date(FIT_TEST_START + s * 1000);

export const fitMesg = (mesgNum: number, fields: Record<string, unknown>): Encodable<Mesg> => ({ mesgNum, ...fields }) as Encodable<Mesg>;

export const timerEvent = (eventType: 'start' | 'stopAll', s: number): Encodable<Mesg> =>
  fitMesg(MesgNum.EVENT!, { event: 'timer', eventType, data: 0, eventGroup: 0, timestamp: fitAt(s) });

/** A running record at `s` seconds; `fields` adds or overrides (distance, heartRate, ...). */
export const runRecord = (s: number, fields: Record<string, unknown>): Encodable<Mesg> =>
  fitMesg(MesgNum.RECORD!, { timestamp: fitAt(s), cadence: 85, fractionalCadence: 0, activityType: 'running', ...fields });

/** A session message over [from, to] seconds with its totals. */
export const sessionMesg = (from: number, to: number, fields: Record<string, unknown>): Encodable<Mesg> =>
  fitMesg(MesgNum.SESSION!, {
    messageIndex: 0, timestamp: fitAt(to), startTime: fitAt(from), totalElapsedTime: to - from,
    sport: 'running', subSport: 'generic', ...fields,
  });

/** The file's bytes: a Forerunner 255's file_id, then `messages`. */
export function fitFileOf(messages: readonly Encodable<Mesg>[]): Uint8Array {
  const encoder = new Encoder();
  encoder.writeMesg(fitMesg(MesgNum.FILE_ID!, { type: 'activity', manufacturer: 'garmin', product: 3992, serialNumber: 7, timeCreated: fitAt(0) }));
  for (const m of messages) encoder.writeMesg(m);
  return encoder.close();
}

/** A watch's run-walk: 10 min walking at 120 steps/min (marked walking), 10 min running at 170; the watch states 145. */
export function watchRunWalkFit(): Uint8Array {
  const records = [];
  for (let s = 0; s <= 1200; s++) {
    const walk = s <= 600;
    records.push(
      runRecord(s, { distance: walk ? 1.4 * s : 840 + 3 * (s - 600), speed: walk ? 1.4 : 3, cadence: walk ? 60 : 85, activityType: walk ? 'walking' : 'running' }),
    );
  }
  return fitFileOf([
    timerEvent('start', 0),
    ...records,
    timerEvent('stopAll', 1200),
    sessionMesg(0, 1200, { totalTimerTime: 1200, totalDistance: 2640, avgCadence: 72, avgFractionalCadence: 0.5 }),
  ]);
}

/** The ImportError decodeFit refuses `bytes` with; fails the test when it reads them. */
export function fitRefusal(bytes: Uint8Array): ImportError {
  try {
    decodeFit(bytes);
  } catch (error) {
    expect(error).to.be.instanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('decodeFit accepted the file');
}
