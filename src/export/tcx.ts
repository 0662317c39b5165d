// A recorded session as Training Center Database v2 (TCX), with Garmin's Activity Extension v2
// for speed and running cadence, the form Garmin Connect, Strava and TrainingPeaks read.
//
// What survives a round trip through TCX, and how closely:
//   time: 1 ms (ISO 8601 with milliseconds) · speed: 0.001 m/s · distance: 0.01 m, cut (file-distance.ts)
//   cadence: RunCadence is whole strides per minute, so steps/min come back to ±1 step
//     (an odd count rounds to the next even one)
//   stride length: TCX has none, so it is derived again (and flagged) from speed and cadence
//   power: the Activity Extension's Watts (whole watts, unsigned: a pod's negative power is written
//     0) where the pod sent it, and each lap's AvgWatts
//   pauses: each starts a new <Track>, and a lap's TotalTimeSeconds leaves out every break the
//     timer did not count (a reader finds those from it), so moving time comes back whole
//   running/walking: TCX has no word for it per point, so in a run each trackpoint that was not
//     running carries <sw:NotRunning/> in its Extensions, and the activity's extension says the
//     marks are there (<sw:GaitMarked/>): our reader keeps what the watch or pod called running (a
//     slow jog stays running); other readers judge by cadence and speed. A walk as a whole is
//     Sport="Other" with RunCadence, as Garmin writes one, so it comes back a walk
//   lost link / records missing that the pod counted through (moving, but no cadence measured),
//     and the totals a watch stated for an imported run: TCX has no word for them, so the
//     Activity's <Extensions> holds them (STRIDEWISE_NAMESPACE); readers that do not know it
//     skip it, ours keeps the breaks out of zones and averages and shows the watch's totals,
//     with what the laps added up to as written, so a file trimmed since (a lap deleted) shows
//     its laps' totals and says the whole run's were left out
//   name and notes: the Activity's <Notes>, name on the first line, notes after a blank line. An
//     unnamed run with notes has its title as the app shows it ("Run <start>") on that line, since
//     readers (ours too) take the first line that is not blank as the name: its notes never become
//     its name, other apps show the title the app showed, and our import stores it as no name:
//     that title is in the exporting browser's locale and zone, so our extension repeats it
//     (sw:MadeTitle) and an import anywhere knows the first line for one the app made

import { runTitle } from '../session/date-format.js';
import { gapTimeCounts } from '../session/gap-steps.js';
import { type RecordedSession, SAMPLE_RUNNING } from '../session/recorded-session.js';
import { lapMetresCut, metresCut } from './file-distance.js';
import { type LapSplit, lapSplits } from './lap-splits.js';
import { escapeXml } from './xml-text.js';

export { decodeTcx } from './tcx-decode.js';

export const TCX_NAMESPACE = 'http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2';
export const ACTIVITY_EXTENSION_NAMESPACE = 'http://www.garmin.com/xmlschemas/ActivityExtension/v2';
/** Stridewise's own extension: breaks the timer ran through, and a watch's stated totals. */
export const STRIDEWISE_NAMESPACE = 'https://stridewise.app/xmlschemas/TcxExtension/v1';
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
/** TCX's unsignedByte cadence. */
const MAX_STRIDES = 254;
/** The extension's unsignedShort watts. */
const MAX_WATTS = 65535;
const wattsOf = (watts: number): number => Math.min(MAX_WATTS, Math.max(0, Math.round(watts)));

const isoAt = (epochMs: number): string => new Date(epochMs).toISOString();
const fixed = (value: number, digits: number): string => (Number.isFinite(value) ? value : 0).toFixed(digits);
const stridesOf = (stepsPerMinute: number): number =>
  Number.isFinite(stepsPerMinute) ? Math.min(MAX_STRIDES, Math.max(0, Math.round(stepsPerMinute / 2))) : 0;

/** Whether the file marks each trackpoint running or not (a run's: in a walk, walking is the activity). */
const marksGait = (session: RecordedSession): boolean => session.meta.sport !== 'walk';

function trackpoint(session: RecordedSession, i: number): string {
  const { samples, meta } = session;
  const notRunning = marksGait(session) && (samples.flags[i]! & SAMPLE_RUNNING) === 0;
  return [
    '          <Trackpoint>',
    `            <Time>${isoAt(meta.startedAt + samples.t[i]! * 1000)}</Time>`,
    `            <DistanceMeters>${fixed(metresCut(samples.distanceM[i]!), 2)}</DistanceMeters>`,
    // TCX's schema puts HeartRateBpm after DistanceMeters; left out where no sensor gave one.
    ...(samples.heartRate[i]! > 0
      ? [`            <HeartRateBpm><Value>${Math.round(samples.heartRate[i]!)}</Value></HeartRateBpm>`]
      : []),
    '            <Extensions>',
    '              <ns3:TPX>',
    `                <ns3:Speed>${fixed(Math.max(0, samples.speedMps[i]!), 3)}</ns3:Speed>`,
    `                <ns3:RunCadence>${stridesOf(samples.cadence[i]!)}</ns3:RunCadence>`,
    // The schema's order: Speed, RunCadence, Watts; left out where the pod sent no power.
    ...(Number.isFinite(samples.powerW[i]!) ? [`                <ns3:Watts>${wattsOf(samples.powerW[i]!)}</ns3:Watts>`] : []),
    '              </ns3:TPX>',
    ...(notRunning ? ['              <sw:NotRunning/>'] : []),
    '            </Extensions>',
    '          </Trackpoint>',
  ].join('\n');
}

/** Rows of a lap, one track per stretch between pauses (how watches write a paused run). */
function tracks(session: RecordedSession, lap: LapSplit): string[] {
  const { t } = session.samples;
  const pauses = session.meta.gaps.filter((gap) => gap.reason === 'paused');
  const out: string[] = [];
  let points: string[] = [];
  const close = (): void => {
    if (points.length > 0) out.push(['        <Track>', ...points, '        </Track>'].join('\n'));
    points = [];
  };
  for (let i = lap.firstIndex; i < lap.endIndex; i++) {
    if (i > lap.firstIndex && pauses.some((gap) => gap.fromT < t[i]! && gap.toT > t[i - 1]!)) close();
    points.push(trackpoint(session, i));
  }
  close();
  return out;
}

function lapXml(session: RecordedSession, lap: LapSplit, metres: number): string {
  return [
    `      <Lap StartTime="${isoAt(session.meta.startedAt + lap.startT * 1000)}">`,
    `        <TotalTimeSeconds>${fixed(lap.timerS, 3)}</TotalTimeSeconds>`,
    `        <DistanceMeters>${fixed(metres, 2)}</DistanceMeters>`,
    '        <Calories>0</Calories>',
    '        <Intensity>Active</Intensity>',
    '        <TriggerMethod>Manual</TriggerMethod>',
    ...tracks(session, lap),
    '        <Extensions>',
    '          <ns3:LX>',
    `            <ns3:AvgSpeed>${fixed(lap.avgSpeedMps, 3)}</ns3:AvgSpeed>`,
    `            <ns3:AvgRunCadence>${stridesOf(lap.avgCadence)}</ns3:AvgRunCadence>`,
    ...(lap.avgPowerW === null ? [] : [`            <ns3:AvgWatts>${wattsOf(lap.avgPowerW)}</ns3:AvgWatts>`]),
    '          </ns3:LX>',
    '        </Extensions>',
    '      </Lap>',
  ].join('\n');
}

/** The laps, their metres cut so that they add up to the run cut (lapMetresCut). */
function lapsXml(session: RecordedSession): string[] {
  const laps = lapSplits(session);
  const metres = lapMetresCut(laps.map((lap) => lap.distanceM));
  return laps.map((lap, k) => lapXml(session, lap, metres[k]!));
}

const TOTALS_ATTRIBUTES = {
  movingS: 'MovingSeconds',
  distanceM: 'DistanceMeters',
  avgCadence: 'AverageCadence',
  avgHeartRate: 'AverageHeartRate',
  avgPowerW: 'AveragePower',
} as const;

/**
 * What TCX cannot say, in our own extension (readers that do not know it skip it): the breaks the
 * timer ran through, so no reader counts their time at the last cadence, and the totals a watch
 * stated for an imported run, so the re-import shows what the page showed. The laps stay what the
 * records add up to, so their timers still show where the pauses were.
 */
function extensionXml(session: RecordedSession): string[] {
  const counted = session.meta.gaps.filter(gapTimeCounts);
  const stated = session.meta.statedTotals?.stated ?? {};
  const totals = (Object.keys(TOTALS_ATTRIBUTES) as (keyof typeof TOTALS_ATTRIBUTES)[])
    .filter((key) => stated[key] !== undefined)
    .map((key) => `${TOTALS_ATTRIBUTES[key]}="${stated[key]}"`);
  // The watch's average that counts walking too, which the page set aside: kept, so the re-import can say so again.
  const withWalking = session.meta.statedTotals?.setAside?.avgCadence;
  if (withWalking !== undefined) totals.push(`AverageCadenceWithWalking="${withWalking}"`);
  if (totals.length > 0) {
    // What the laps add up to as written: a reader uses the totals only while the file still spans them.
    const laps = lapSplits(session);
    const sum = (written: readonly string[], digits: number): string => fixed(written.reduce((total, value) => total + Number(value), 0), digits);
    const metres = lapMetresCut(laps.map((lap) => lap.distanceM)).map((m) => fixed(m, 2));
    totals.push(`LapsSeconds="${sum(laps.map((lap) => fixed(lap.timerS, 3)), 3)}"`, `LapsMeters="${sum(metres, 2)}"`);
  }
  const gait = marksGait(session) ? ['          <sw:GaitMarked/>'] : [];
  // The title made for an unnamed run is in this browser's locale and zone: said so, so an import
  // in any other zone or locale still stores the run unnamed (tcx-extension.ts madeTitle).
  const made = madeTitleOf(session.meta);
  const madeTitle = made === null ? [] : [`          <sw:MadeTitle Title="${escapeXml(made)}"/>`];
  if (counted.length === 0 && totals.length === 0 && gait.length === 0 && madeTitle.length === 0) return [];
  const at = (t: number): string => isoAt(session.meta.startedAt + t * 1000);
  return [
    '      <Extensions>',
    `        <sw:Stridewise xmlns:sw="${STRIDEWISE_NAMESPACE}">`,
    ...counted.map((gap) => `          <sw:Break Reason="${gap.reason}" StartTime="${at(gap.fromT)}" EndTime="${at(gap.toT)}"/>`),
    ...(totals.length > 0 ? [`          <sw:StatedTotals ${totals.join(' ')}/>`] : []),
    ...gait,
    ...madeTitle,
    '        </sw:Stridewise>',
    '      </Extensions>',
  ];
}

/** The title written for an unnamed run with notes ("Run <start>"), or null when none is made. */
function madeTitleOf({ name, notes, startedAt, sport }: RecordedSession['meta']): string | null {
  return name.trim() === '' && notes.trim() !== '' ? runTitle(startedAt, sport) : null;
}

/** Name on the first line, notes after a blank line; a reader takes the first line as the name (see the top). */
function notesOf(meta: RecordedSession['meta']): string | null {
  const body = meta.notes.trim();
  const title = meta.name.replace(/\s+/g, ' ').trim() || (madeTitleOf(meta) ?? '');
  if (!title) return null;
  return body ? `${title}\n\n${body}` : title;
}

export function encodeTcx(session: RecordedSession): string {
  const { meta } = session;
  if (session.samples.t.length === 0) throw new RangeError('This session has no samples, so there is nothing to export.');
  const notes = notesOf(meta);
  const creator = meta.deviceName?.trim()
    ? [
        '      <Creator xsi:type="Device_t">',
        `        <Name>${escapeXml(meta.deviceName.trim())}</Name>`,
        '        <UnitId>0</UnitId>',
        '        <ProductID>0</ProductID>',
        '        <Version><VersionMajor>0</VersionMajor><VersionMinor>0</VersionMinor></Version>',
        '      </Creator>',
      ]
    : [];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<TrainingCenterDatabase xmlns="${TCX_NAMESPACE}" xmlns:ns3="${ACTIVITY_EXTENSION_NAMESPACE}" xmlns:sw="${STRIDEWISE_NAMESPACE}" xmlns:xsi="${XSI_NAMESPACE}">`,
    '  <Activities>',
    `    <Activity Sport="${meta.sport === 'walk' ? 'Other' : 'Running'}">`,
    `      <Id>${isoAt(meta.startedAt)}</Id>`,
    ...lapsXml(session),
    ...(notes === null ? [] : [`      <Notes>${escapeXml(notes)}</Notes>`]),
    ...creator,
    ...extensionXml(session),
    '    </Activity>',
    '  </Activities>',
    '</TrainingCenterDatabase>',
    '',
  ].join('\n');
}
