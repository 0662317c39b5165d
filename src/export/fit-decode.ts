// A FIT activity file (from a watch, an app or our own export) read with Garmin's own decoder,
// after checking it whole: a short file, a wrong checksum or a file of another kind is refused
// with a message that says which, before anything reaches the runner's history. The watch's
// timer events decide what is a pause (records far apart with the timer running are smart
// recording, not records lost) and where the run ends (its last stop), and its session
// messages' totals are kept for the summary (fit-sessions.ts); in our own file only those it marks
// as a watch's (the rest are our sums of its records). A record's grade is a treadmill's incline,
// read in a treadmill run and in our own files (a watch's grade outdoors is the road's).

import {
  Decoder,
  type DeviceInfoMesg,
  type EventMesg,
  type FileIdMesg,
  type FitMessages,
  type RecordMesg,
  Stream,
} from '@garmin/fitsdk';
import type { SessionGap } from '../session/recorded-session.js';
import type { FileTotals } from '../session/stated-totals.js';
import { stepsPerMinuteOf } from './fit-cadence.js';
import { hasFitHeader } from './fit-header.js';
import { FitStructureError, expandCompressedTimestamps } from './fit-compressed-timestamps.js';
import { ImportError, STRIDEWISE_LIMIT, TRY_AGAIN_FROM_SOURCE } from './import-error.js';
import type { ImportedRun } from './imported-run.js';
import { fileRunOf, runFactsOf } from './fit-run-id.js';
import { sportOfSessions, statedTotalsOf, walkSessionSpans } from './fit-sessions.js';
import { type IsBreak, type RunPoint, lapStartsOf, orderedPoints, runFromPoints } from './run-points.js';

const CRC_BYTES = 2;
const FIT_EPOCH_MS = 631_065_600_000;
/**
 * Records Stridewise reads from one FIT file: over 41 hours at one a second, more than any run a
 * runner brings here (a 24-hour treadmill record is 86,400). Garmin's decoder takes about 10 µs a
 * message, so the limit keeps an import to a second or two; it is counted before decoding.
 */
export const FIT_RECORD_LIMIT = 150_000;

const STOP_TYPES = new Set<EventMesg['eventType']>(['stop', 'stopAll', 'stopDisable', 'stopDisableAll']);

/** Epoch ms of a FIT time: a Date from the decoder, or seconds since FIT's epoch ("min" and other names: none). */
const asMs = (value: Date | number | string | undefined): number | null =>
  value instanceof Date ? value.getTime() : typeof value === 'number' ? FIT_EPOCH_MS + value * 1000 : null;

/** "monitoringB" → "monitoring b": the SDK names file types in camelCase. */
const wordsOf = (name: string): string => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** For a file whose checksum matched: whatever still goes wrong is Stridewise's limit, not the file's. */
const beyondStridewise = (detail: string, cause: unknown): ImportError =>
  new ImportError('unsupported', `Stridewise cannot read this FIT file yet (${detail}). ${STRIDEWISE_LIMIT}`, { cause });

/** The checked file as Garmin's decoder can read it: compressed timestamp headers written out in full. */
function readableByTheDecoder(whole: Uint8Array): Uint8Array {
  try {
    return expandCompressedTimestamps(whole, FIT_RECORD_LIMIT);
  } catch (error) {
    if (error instanceof FitStructureError && error.problem === 'too-many-records') {
      throw new ImportError(
        'too-big',
        `This FIT file holds more than ${FIT_RECORD_LIMIT.toLocaleString('en')} samples, over 41 hours at one a second: ` +
          "too long to be one run for Stridewise. Pick a single run's activity file.",
        { cause: error },
      );
    }
    if (error instanceof FitStructureError) throw beyondStridewise(error.message, error);
    throw error;
  }
}

function checkWhole(bytes: Uint8Array): Uint8Array {
  if (!hasFitHeader(bytes)) {
    throw new ImportError('not-a-run-file', 'This file is not a FIT file: it does not start with a FIT header.');
  }
  const headerSize = bytes[0]!;
  if (bytes.length < 12) {
    throw new ImportError('truncated', `This FIT file ends early (truncated) inside its header. ${TRY_AGAIN_FROM_SOURCE}`);
  }
  const dataSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  const end = headerSize + dataSize + CRC_BYTES;
  if (bytes.length < end) {
    const percent = Math.floor((bytes.length / end) * 100);
    throw new ImportError(
      'truncated',
      `This FIT file ends early (truncated): only ${percent}% of it is there. ${TRY_AGAIN_FROM_SOURCE}`,
    );
  }
  // Anything after the first FIT file (padding, a chained file) is left unread.
  return bytes.subarray(0, end);
}

function readMessages(whole: Uint8Array): FitMessages {
  const checked = new Decoder(Stream.fromByteArray(whole));
  if (!checked.checkIntegrity()) {
    throw new ImportError('damaged', `This FIT file is damaged: its checksum does not match. ${TRY_AGAIN_FROM_SOURCE}`);
  }
  const readable = readableByTheDecoder(whole);
  const decoder = readable === whole ? checked : new Decoder(Stream.fromByteArray(readable));
  const { messages, errors } = decoder.read({
    mergeHeartRates: false,
    expandComponents: true,
    expandSubFields: true,
    applyScaleAndOffset: true,
    convertTypesToStrings: true,
    convertDateTimesToDates: true,
  });
  if (errors.length > 0) {
    const detail = errors[0] instanceof Error ? errors[0].message : String(errors[0]);
    throw beyondStridewise(detail, errors[0]);
  }
  return messages;
}

function checkActivity(fileId: FileIdMesg | undefined): void {
  const type = fileId?.type;
  if (type === undefined || type === 'activity') return;
  const kind = typeof type === 'string' ? `a ${wordsOf(type)} file` : `file type ${type}`;
  throw new ImportError(
    'not-an-activity',
    `This is a FIT file but not an activity (it is ${kind}). Import the activity file of a run instead.`,
  );
}

/** `grade`: whether the record's grade is a treadmill's incline (a watch's outdoor grade is the road's). */
function pointOf(record: RecordMesg, t: number, grade: boolean): RunPoint {
  const cadence =
    record.cadence != null
      ? stepsPerMinuteOf(record.cadence, record.fractionalCadence)
      : record.cadence256 != null
        ? 2 * record.cadence256
        : null;
  const type = record.activityType;
  return {
    t,
    speedMps: record.enhancedSpeed ?? record.speed ?? null,
    cadence,
    strideLengthM: record.stepLength != null ? record.stepLength / 1000 : null,
    distanceM: record.distance ?? null,
    running: type === 'running' ? true : type === 'walking' || type === 'sedentary' ? false : null,
    heartRate: typeof record.heartRate === 'number' && record.heartRate > 0 ? record.heartRate : null,
    powerW: typeof record.power === 'number' ? record.power : null,
    ...(grade && typeof record.grade === 'number' && Number.isFinite(record.grade) ? { inclinePercent: record.grade } : {}),
  };
}

/** Pauses from the timer's stop/start events; a "connection lost" marker inside one makes it a lost link. */
function timedEvents(events: readonly EventMesg[]): { e: EventMesg; ms: number }[] {
  return events
    .map((e) => ({ e, ms: asMs(e.timestamp) }))
    .filter((x): x is { e: EventMesg; ms: number } => x.ms !== null)
    .sort((a, b) => a.ms - b.ms);
}

/** Epoch ms of every "connection lost" marker: our own export notes a lost footpod link so. */
const markedAt = (events: readonly EventMesg[], kind: 'connectionLost' | 'connectionTimeout'): number[] =>
  timedEvents(events)
    .filter((x) => x.e.event === 'commTimeout' && x.e.commTimeout === kind)
    .map((x) => x.ms);
const connectionLostAt = (events: readonly EventMesg[]): number[] => markedAt(events, 'connectionLost');
/** Our own export's mark of records missing (a sensor's data stopped coming, the timer ran or not). */
const recordsMissingAt = (events: readonly EventMesg[]): number[] => markedAt(events, 'connectionTimeout');

/**
 * A break with no records where the file marked a lost connection is that lost link (the pod
 * counted on through it, so the timer ran); any other stays records missing.
 */
function namedLinkLosses(gaps: readonly SessionGap[], lostAt: readonly number[], startMs: number): SessionGap[] {
  return gaps.map((gap) =>
    gap.reason === 'missing-records' &&
    lostAt.some((ms) => (ms - startMs) / 1000 >= gap.fromT && (ms - startMs) / 1000 < gap.toT)
      ? { ...gap, reason: 'link-lost' }
      : gap,
  );
}

function markedGaps(events: readonly EventMesg[], startMs: number): SessionGap[] {
  const timed = timedEvents(events);
  const lostAt = connectionLostAt(events);
  const missingAt = recordsMissingAt(events);
  const gaps: SessionGap[] = [];
  let stoppedAt: number | null = null;
  for (const { e, ms } of timed) {
    if (e.event !== 'timer') continue;
    if (e.eventType === 'start') {
      if (stoppedAt !== null && ms > stoppedAt) {
        const from = stoppedAt;
        const within = (at: number): boolean => at >= from && at < ms;
        const reason = lostAt.some(within) ? 'link-lost' : missingAt.some(within) ? 'missing-records' : 'paused';
        gaps.push({ fromT: (from - startMs) / 1000, toT: (ms - startMs) / 1000, reason });
      }
      stoppedAt = null;
    } else if (STOP_TYPES.has(e.eventType)) {
      stoppedAt ??= ms;
    }
  }
  return gaps;
}

/**
 * When the watch's timer stopped for good: its last stop with no start after it (records written
 * after it are the walk to the car, not the run), or null.
 */
function finalStopMs(events: readonly EventMesg[]): number | null {
  let stoppedAt: number | null = null;
  for (const { e, ms } of timedEvents(events)) {
    if (e.event !== 'timer') continue;
    if (e.eventType === 'start') stoppedAt = null;
    else if (STOP_TYPES.has(e.eventType)) stoppedAt ??= ms;
  }
  return stoppedAt;
}

/**
 * What ends a run of records while the timer runs, in a file that has timer events: only a
 * "connection lost" or "connection timeout" marker inside the step (our own export's lost footpod
 * link or records missing). Any other step is running, however long: the watch's timer says so,
 * and smart recording writes a record only when something changes (a real Garmin run has records
 * 1-52 s apart with no pause).
 */
function markedBreaks(events: readonly EventMesg[], startMs: number): IsBreak | undefined {
  if (!events.some((e) => e.event === 'timer')) return undefined;
  const markedT = [...connectionLostAt(events), ...recordsMissingAt(events)].map((ms) => (ms - startMs) / 1000);
  return (fromT, toT) => markedT.some((t) => t >= fromT && t < toT);
}

/** The footpod's name if the file lists one, else the device that made the file. */
function deviceNameOf(fileId: FileIdMesg | undefined, devices: readonly DeviceInfoMesg[]): string | null {
  const named = devices.filter((d) => d.productName && d.deviceIndex !== 'creator' && d.deviceIndex !== 0);
  const pod =
    named.find((d) => d.bleDeviceType === 'footpod' || d.antplusDeviceType === 'strideSpeedDistance') ?? named[0];
  if (pod?.productName) return pod.productName;
  if (fileId?.productName) return fileId.productName;
  const maker = fileId?.manufacturer;
  if (typeof maker !== 'string' || maker === 'development') return null;
  const product = typeof fileId?.garminProduct === 'string' ? fileId.garminProduct : null;
  const makerName = maker.charAt(0).toUpperCase() + wordsOf(maker.slice(1));
  return product ? `${makerName} ${product}` : makerName;
}

export function decodeFit(bytes: Uint8Array): ImportedRun {
  const messages = readMessages(checkWhole(bytes));
  const fileId = messages.fileIdMesgs?.[0];
  checkActivity(fileId);
  const sessions = messages.sessionMesgs ?? [];
  const sport = sportOfSessions(sessions, messages.sportMesgs?.[0]);

  const stamped = (messages.recordMesgs ?? [])
    .map((record) => ({ record, t: asMs(record.timestamp) ?? Number.NaN }))
    .filter((x) => Number.isFinite(x.t));
  // The run ends where the timer stopped for good, as the watch's own totals do; a file whose
  // records all come after that stop keeps them (its clock, not its runner, is off).
  const endMs = finalStopMs(messages.eventMesgs ?? []);
  const withinTimer = endMs === null ? stamped : stamped.filter((x) => x.t <= endMs);
  const timed = withinTimer.length > 1 ? withinTimer : stamped;
  const ordered = orderedPoints(timed);
  if (ordered.length === 0) {
    throw new ImportError(
      'no-samples',
      'This FIT activity has no recorded samples (no timed records), so there is nothing to show.',
    );
  }
  const startMs = ordered[0]!.t;
  const facts = runFactsOf(messages);
  // Our own file's start to the ms, where it is the first record's second (another app trimmed the
  // file otherwise). Sample times still count from the record's whole second, as the file has them.
  const startedAt = facts?.startedAt !== undefined && Math.abs(facts.startedAt - startMs) < 1000 ? facts.startedAt : startMs;
  // In a walk, walking is the activity: its moving samples count as the activity's, as running
  // samples do in a run, so the walk's cadence average is its own.
  const walkSessions = walkSessionSpans(sessions, sport);
  const points = ordered.map(({ record, t }) => {
    const point = pointOf(record, (t - startMs) / 1000, sport.treadmill || facts !== null);
    if (sport.sport === 'walk') return { ...point, running: null };
    return walkSessions.some((span) => t >= span.fromMs && t < span.toMs) ? { ...point, running: false } : point;
  });
  const lastT = points[points.length - 1]!.t;
  const marked = markedGaps(messages.eventMesgs ?? [], startMs)
    .map((gap) => ({ ...gap, fromT: Math.max(0, gap.fromT), toT: Math.min(lastT, gap.toT) }))
    .filter((gap) => gap.toT > gap.fromT);
  const events = messages.eventMesgs ?? [];
  const { samples, gaps: breaks } = runFromPoints(points, marked, markedBreaks(events, startMs), sport.sport);
  const gaps = namedLinkLosses(breaks, connectionLostAt(events), startMs);
  // Our own file's session figures are Stridewise's sums of its records, except those it marks as a watch's.
  const statedTotals = facts === null ? statedTotalsOf(sessions) : onlyThese(statedTotalsOf(sessions), facts.watchTotals);
  const lapStarts = (messages.lapMesgs ?? []).map((lap) => ((asMs(lap.startTime) ?? Number.NaN) - startMs) / 1000);
  return {
    startedAt,
    deviceName: deviceNameOf(fileId, messages.deviceInfoMesgs ?? []),
    name: null,
    ...sport,
    samples,
    laps: lapStartsOf(lapStarts, lastT),
    gaps,
    ...(statedTotals ? { statedTotals } : {}),
    ...withFileRun(fileRunOf(messages)),
    ...(facts?.zones ? { fileZones: facts.zones } : {}),
  };
}

function onlyThese(totals: FileTotals | undefined, keys: readonly (keyof FileTotals)[]): FileTotals | undefined {
  if (totals === undefined) return undefined;
  const kept: FileTotals = {};
  for (const key of keys) if (totals[key] !== undefined) kept[key] = totals[key];
  return Object.keys(kept).length > 0 ? kept : undefined;
}

const withFileRun = (fileRun: ReturnType<typeof fileRunOf>): Pick<ImportedRun, 'fileRun'> => (fileRun ? { fileRun } : {});
