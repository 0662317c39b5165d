// A TCX activity read with the browser's own XML parser. Elements are found by local name, so
// files that bind the TCX and extension namespaces to other prefixes (or to none) read the same.
// Only the first activity of a file is read: watches write one per file.

import type { SessionGap } from '../session/recorded-session.js';
import { ImportError, TRY_AGAIN_FROM_SOURCE } from './import-error.js';
import type { ImportedRun } from './imported-run.js';
import { tcxSport } from './file-sport.js';
import { type RunPoint, lapStartsOf, orderedPoints, runFromPoints } from './run-points.js';

interface TimedPoint {
  /** Epoch ms, until the start is known. */
  t: number;
  point: RunPoint;
  /** First point of a lap's second or later <Track>: watches start a new track after a pause (and one per lap). */
  resumes: boolean;
}

const childrenNamed = (parent: Element, name: string): Element[] =>
  Array.from(parent.children).filter((child) => child.localName === name);
const childNamed = (parent: Element | undefined, name: string): Element | undefined =>
  parent ? childrenNamed(parent, name)[0] : undefined;

function numberIn(element: Element | undefined): number | null {
  const text = element?.textContent?.trim();
  if (!text) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** A document type declaration before the root element (after the XML declaration and comments, if any). */
const DOCTYPE = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*<!DOCTYPE/i;

function parse(text: string): Document {
  // Whitespace before the XML declaration is strictly an error, but some exporters write it.
  const xml = text.replace(/^\uFEFF/, '').trimStart();
  // TCX has no DTD, so a file declaring one is not a watch's: its entities could expand a few
  // bytes into gigabytes ("billion laughs") or name other files. Refused before parsing.
  if (DOCTYPE.test(xml)) {
    throw new ImportError(
      'damaged',
      `This file declares a document type (<!DOCTYPE>), which TCX files never do, so Stridewise does not read it. ${TRY_AGAIN_FROM_SOURCE}`,
    );
  }
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagNameNS('*', 'parsererror').length > 0) {
    throw new ImportError('damaged', `This file is damaged: its XML cannot be read. ${TRY_AGAIN_FROM_SOURCE}`);
  }
  return doc;
}

function activityOf(doc: Document): Element {
  const root = doc.documentElement;
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

function pointOf(trackpoint: Element): RunPoint & { ms: number; runCadence: boolean } {
  const ms = Date.parse(childNamed(trackpoint, 'Time')?.textContent?.trim() ?? '');
  const tpx = childNamed(childNamed(trackpoint, 'Extensions'), 'TPX');
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
    running: null,
    heartRate: numberIn(childNamed(childNamed(trackpoint, 'HeartRateBpm'), 'Value')),
  };
}

function firstLine(text: string | null | undefined): string | null {
  const line = (text ?? '').split(/\r?\n/).find((l) => l.trim() !== '');
  return line ? line.trim() : null;
}

export function decodeTcx(text: string): ImportedRun {
  const activity = activityOf(parse(text));
  const sportName = activity.getAttribute('Sport');
  const laps = childrenNamed(activity, 'Lap');
  const timed: TimedPoint[] = [];
  const lapStartsMs: number[] = [];
  let runCadence = false;
  for (const lap of laps) {
    const lapPoints = timed.length;
    let tracksInLap = 0;
    for (const track of childrenNamed(lap, 'Track')) {
      let first = true;
      for (const trackpoint of childrenNamed(track, 'Trackpoint')) {
        const { ms, runCadence: hasRunCadence, ...point } = pointOf(trackpoint);
        if (!Number.isFinite(ms)) continue;
        runCadence ||= hasRunCadence;
        timed.push({ t: ms, point, resumes: first && tracksInLap > 0 });
        first = false;
      }
      if (!first) tracksInLap++;
    }
    const started = Date.parse(lap.getAttribute('StartTime') ?? '');
    lapStartsMs.push(Number.isFinite(started) ? started : (timed[lapPoints]?.t ?? Number.NaN));
  }

  const ordered = orderedPoints(timed);
  if (ordered.length === 0) {
    throw new ImportError('no-samples', 'This TCX file has no trackpoints with time, so there is nothing to show.');
  }
  const sport = tcxSport(sportName, runCadence);
  const startMs = ordered[0]!.t;
  const points = ordered.map(({ t, point }) => ({ ...point, t: (t - startMs) / 1000 }));
  // TCX marks no pauses, but a watch starts a new track inside a lap when the timer starts again.
  const marked: SessionGap[] = [];
  for (let i = 1; i < points.length; i++) {
    if (ordered[i]!.resumes) marked.push({ fromT: points[i - 1]!.t, toT: points[i]!.t, reason: 'paused' });
  }
  const { samples, gaps } = runFromPoints(points, marked);
  const lastT = points[points.length - 1]!.t;
  const creator = childNamed(childNamed(activity, 'Creator'), 'Name')?.textContent?.trim();
  return {
    startedAt: startMs,
    deviceName: creator ? creator : null,
    name: firstLine(childNamed(activity, 'Notes')?.textContent),
    ...sport,
    samples,
    laps: lapStartsOf(lapStartsMs.slice(1).map((ms) => (ms - startMs) / 1000), lastT),
    gaps,
  };
}
