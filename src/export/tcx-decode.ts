// A TCX activity read with the browser's own XML parser on the page, or xml-tree.ts in the import
// worker (which has none): both refuse the same files. Elements are found by local name, so
// files that bind the TCX and extension namespaces to other prefixes (or to none) read the same.
// Only the first activity of a file is read: watches write one per file.

import type { SessionGap } from '../session/recorded-session.js';
import { MIN_MOVING_SPEED_MPS } from '../session/gap-steps.js';
import { type FileTotals, usableFileTotals } from '../session/stated-totals.js';
import { ImportError, TRY_AGAIN_FROM_SOURCE } from './import-error.js';
import type { ImportedRun } from './imported-run.js';
import { tcxSport } from './file-sport.js';
import { type RunPoint, lapStartsOf, orderedPoints, runFromPoints } from './run-points.js';
import { carriedTotals, childNamed, childrenNamed, listedBreaks, madeTitle, ownExtension, runningMark, stillSpans } from './tcx-extension.js';
import { type XmlElement, XmlSyntaxError } from './xml-tree.js';

/** XML text to its root element; throws XmlSyntaxError for text that is not well-formed. */
export type XmlParser = (xml: string) => XmlElement;

/** The browser's own parser, where there is one (not in a worker). */
export function domXml(xml: string): XmlElement {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagNameNS('*', 'parsererror').length > 0) throw new XmlSyntaxError('not well-formed');
  // No parser error but no document either: an attribute in the xmlns namespace on the root stops
  // the DOM's building before it. Nothing to read, as in the worker (xml-tree.ts).
  if (!doc.documentElement) throw new XmlSyntaxError('no root element');
  return doc.documentElement;
}

interface TimedPoint {
  /** Epoch ms, until the start is known. */
  t: number;
  point: RunPoint;
  /** First point of a lap's second or later <Track>: watches start a new track after a pause (and one per lap). */
  resumes: boolean;
}


function numberIn(element: XmlElement | undefined): number | null {
  const text = element?.textContent?.trim();
  if (!text) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * Whether a document type declaration comes before the root element (after the XML declaration,
 * processing instructions, comments and white space). Scanned, not a regular expression: one
 * repeated per character overflowed its stack on millions of spaces after a comment.
 */
function declaresDoctype(xml: string): boolean {
  for (let at = 0; ; ) {
    while (at < xml.length && /\s/.test(xml[at]!)) at++;
    const [open, close] = xml.startsWith('<?', at) ? ['<?', '?>'] : xml.startsWith('<!--', at) ? ['<!--', '-->'] : ['', ''];
    if (!open) return xml.slice(at, at + 9).toUpperCase() === '<!DOCTYPE';
    const end = xml.indexOf(close, at + open.length);
    if (end < 0) return false;
    at = end + close.length;
  }
}

function parse(text: string, xmlParser: XmlParser): XmlElement {
  // Whitespace before the XML declaration is strictly an error, but some exporters write it.
  const xml = text.replace(/^\uFEFF/, '').trimStart();
  // TCX has no DTD, so a file declaring one is not a watch's: its entities could expand a few
  // bytes into gigabytes ("billion laughs") or name other files. Refused before parsing.
  if (declaresDoctype(xml)) {
    throw new ImportError(
      'damaged',
      `This file declares a document type (<!DOCTYPE>), which TCX files never do, so Stridewise does not read it. ${TRY_AGAIN_FROM_SOURCE}`,
    );
  }
  try {
    return xmlParser(xml);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    throw new ImportError('damaged', `This file is damaged: its XML cannot be read. ${TRY_AGAIN_FROM_SOURCE}`, { cause: error });
  }
}

function activityOf(root: XmlElement): XmlElement {
  if (root.localName !== 'TrainingCenterDatabase') {
    const gpx = root.localName.toLowerCase() === 'gpx';
    throw new ImportError(
      'not-a-run-file',
      gpx
        ? 'This is a GPX file, not TCX: GPX holds no footpod speed or cadence. Export the run as FIT or TCX instead.'
        : `This is an XML file but not TCX (its root element is <${root.localName}>). ` +
          'Stridewise imports FIT and TCX activity files.',
    );
  }
  const activity = childNamed(childNamed(root, 'Activities'), 'Activity');
  if (activity) return activity;
  if (childNamed(root, 'Courses')) {
    throw new ImportError(
      'not-an-activity',
      'This TCX file holds a course, not an activity. Import the file of a run instead.',
    );
  }
  throw new ImportError('no-samples', 'This TCX file has no activity in it, so there is nothing to show.');
}

function pointOf(trackpoint: XmlElement, gaitMarked: boolean): RunPoint & { ms: number; runCadence: boolean } {
  const ms = Date.parse(childNamed(trackpoint, 'Time')?.textContent?.trim() ?? '');
  const extensions = childNamed(trackpoint, 'Extensions');
  const tpx = childNamed(extensions, 'TPX');
  // RunCadence (running) or Cadence (cycling, and some older running exports) is per foot or
  // per crank turn: strides per minute, two steps each.
  const runCadence = numberIn(childNamed(tpx, 'RunCadence'));
  const strides = runCadence ?? numberIn(childNamed(trackpoint, 'Cadence'));
  return {
    ms,
    runCadence: runCadence !== null,
    t: 0,
    speedMps: numberIn(childNamed(tpx, 'Speed')),
    cadence: strides === null ? null : 2 * strides,
    strideLengthM: null,
    distanceM: numberIn(childNamed(trackpoint, 'DistanceMeters')),
    running: runningMark(extensions, gaitMarked),
    heartRate: numberIn(childNamed(childNamed(trackpoint, 'HeartRateBpm'), 'Value')),
    powerW: numberIn(childNamed(tpx, 'Watts')),
  };
}

/** A lap's StartTime, TotalTimeSeconds (its timer) and DistanceMeters as the file states them, epoch ms, s and m. */
interface LapTimer {
  startMs: number;
  timerS: number | null;
  distanceM: number | null;
}

/** The laps' own totals summed, as a watch's session would state them; a total only where every lap states it. */
function lapTotalsOf(laps: readonly LapTimer[]): FileTotals | undefined {
  const sum = (key: 'timerS' | 'distanceM'): number | undefined =>
    laps.length > 0 && laps.every((lap) => lap[key] !== null) ? laps.reduce((total, lap) => total + lap[key]!, 0) : undefined;
  const stated = usableFileTotals({ movingS: sum('timerS'), distanceM: sum('distanceM') });
  return Object.keys(stated).length > 0 ? stated : undefined;
}

/** Rounding of TotalTimeSeconds (to 0.1 s) and of whole-second trackpoint times: below this a lap shows no pause. */
const LAP_TIMER_TOLERANCE_S = 1.5;

/**
 * TCX has no timer events, so a lap's own totals say whether it held a pause: the time from its
 * start to the next lap's (or its last trackpoint) beyond its TotalTimeSeconds, less the pauses
 * its track breaks already show. Only such a lap gets pauses: in the steps between trackpoints
 * where the distance stood still first, then in its longest. In any other lap every step is
 * running, however long, as a watch on smart recording writes a record only on a change. A pause
 * found so starts with its step (the watch writes a record as its timer stops); it is "paused"
 * because the watch's timer did not count it, whatever the reason. A step across a lap's start
 * (a lap pressed during a pause) gives each lap its own part. Breaks the timer ran through
 * (`counted`) are no pause and explain none of a lap's missing time.
 */
function pausesFromLapTotals(
  points: readonly RunPoint[],
  laps: readonly LapTimer[],
  startMs: number,
  marked: readonly SessionGap[],
  counted: readonly SessionGap[],
): SessionGap[] {
  const t = points.map((p) => p.t);
  // Standing still across a step (the distance did not move on) marks a pause before a long step does.
  const stood = (i: number): boolean => {
    const [a, b] = [points[i - 1]!.distanceM, points[i]!.distanceM];
    return a !== null && b !== null && (b - a) / (t[i]! - t[i - 1]!) < MIN_MOVING_SPEED_MPS;
  };
  const pauses: SessionGap[] = [];
  const lastT = t[t.length - 1] ?? 0;
  laps.forEach((lap, k) => {
    if (lap.timerS === null || !Number.isFinite(lap.startMs)) return;
    const fromT = (lap.startMs - startMs) / 1000;
    const next = laps[k + 1]?.startMs;
    const toT = next !== undefined && Number.isFinite(next) ? Math.min(lastT, (next - startMs) / 1000) : lastT;
    const inside = (a: number, b: number): number => Math.max(0, Math.min(b, toT) - Math.max(a, fromT));
    const shown = marked.reduce((sum, gap) => sum + inside(gap.fromT, gap.toT), 0);
    let unexplained = toT - fromT - lap.timerS - shown;
    if (!(unexplained > LAP_TIMER_TOLERANCE_S)) return;
    const steps: { a: number; b: number; stood: boolean }[] = [];
    const taken = [...marked, ...counted];
    for (let i = 1; i < t.length; i++) {
      const a = Math.max(t[i - 1]!, fromT);
      const b = Math.min(t[i]!, toT);
      if (b - a > 1 && !taken.some((gap) => gap.fromT < t[i]! && gap.toT > t[i - 1]!)) steps.push({ a, b, stood: stood(i) });
    }
    steps.sort((x, y) => Number(y.stood) - Number(x.stood) || y.b - y.a - (x.b - x.a) || x.a - y.a);
    for (const { a, b } of steps) {
      if (!(unexplained > LAP_TIMER_TOLERANCE_S)) break;
      // The whole step when the lap's missing time is all of it (within rounding), else from its start.
      const length = b - a - unexplained <= LAP_TIMER_TOLERANCE_S ? b - a : unexplained;
      pauses.push({ fromT: a, toT: a + length, reason: 'paused' });
      unexplained -= length;
    }
  });
  return pauses;
}

function firstLine(text: string | null | undefined): string | null {
  const line = (text ?? '').split(/\r?\n/).find((l) => l.trim() !== '');
  return line ? line.trim() : null;
}

export function decodeTcx(text: string, xmlParser: XmlParser = domXml): ImportedRun {
  const activity = activityOf(parse(text, xmlParser));
  const sportName = activity.getAttribute('Sport');
  const laps = childrenNamed(activity, 'Lap');
  const extension = ownExtension(activity);
  // In a walk, walking is the activity: its points are judged as one, marked or not.
  const gaitMarked = extension.some((e) => e.localName === 'GaitMarked') && sportName !== 'Other';
  const timed: TimedPoint[] = [];
  const lapStartsMs: number[] = [];
  const lapTimers: LapTimer[] = [];
  let runCadence = false;
  for (const lap of laps) {
    const lapPoints = timed.length;
    let tracksInLap = 0;
    for (const track of childrenNamed(lap, 'Track')) {
      let first = true;
      for (const trackpoint of childrenNamed(track, 'Trackpoint')) {
        const { ms, runCadence: hasRunCadence, ...point } = pointOf(trackpoint, gaitMarked);
        if (!Number.isFinite(ms)) continue;
        runCadence ||= hasRunCadence;
        timed.push({ t: ms, point, resumes: first && tracksInLap > 0 });
        first = false;
      }
      if (!first) tracksInLap++;
    }
    const started = Date.parse(lap.getAttribute('StartTime') ?? '');
    lapStartsMs.push(Number.isFinite(started) ? started : (timed[lapPoints]?.t ?? Number.NaN));
    lapTimers.push({
      startMs: lapStartsMs.at(-1)!,
      timerS: numberIn(childNamed(lap, 'TotalTimeSeconds')),
      distanceM: numberIn(childNamed(lap, 'DistanceMeters')),
    });
  }

  const ordered = orderedPoints(timed);
  if (ordered.length === 0) {
    throw new ImportError('no-samples', 'This TCX file has no trackpoints with time, so there is nothing to show.');
  }
  const sport = tcxSport(sportName, runCadence);
  const startMs = ordered[0]!.t;
  const points = ordered.map(({ t, point }) => ({ ...point, t: (t - startMs) / 1000 }));
  // TCX marks no pauses, but a watch starts a new track inside a lap when the timer starts again,
  // and a lap's TotalTimeSeconds shows any other pause in it.
  const tracked: SessionGap[] = [];
  for (let i = 1; i < points.length; i++) {
    if (ordered[i]!.resumes) tracked.push({ fromT: points[i - 1]!.t, toT: points[i]!.t, reason: 'paused' });
  }
  const counted = listedBreaks(extension, startMs);
  const paused = [...tracked, ...pausesFromLapTotals(points, lapTimers, startMs, tracked, counted)];
  const marked = [...paused, ...counted].sort((a, b) => a.fromT - b.fromT);
  const { samples, gaps } = runFromPoints(points, marked, () => false, sport.sport);
  const lastT = points[points.length - 1]!.t;
  // The laps' TotalTimeSeconds and DistanceMeters are the watch's own, as a FIT session's are;
  // our own export carries the totals of the watch an imported run came from.
  const lapTotals = lapTotalsOf(lapTimers);
  const carried = carriedTotals(extension);
  const fits = carried !== undefined && stillSpans(carried, lapTotals, lapTimers.length);
  const statedTotals = fits ? carried.stated : lapTotals;
  const creator = childNamed(childNamed(activity, 'Creator'), 'Name')?.textContent?.trim();
  const title = firstLine(childNamed(activity, 'Notes')?.textContent);
  return {
    startedAt: startMs,
    deviceName: creator ? creator : null,
    // The title our export made for an unnamed run is no name, in whatever zone it was made.
    name: title !== null && title === madeTitle(extension) ? null : title,
    ...sport,
    samples,
    laps: lapStartsOf(lapStartsMs.slice(1).map((ms) => (ms - startMs) / 1000), lastT),
    gaps,
    ...(statedTotals ? { statedTotals } : {}),
    ...(carried && !fits ? { trimmedTotals: carried.stated } : {}),
  };
}
