// A TCX activity read with the browser's own XML parser. Elements are found by local name, so
// files that bind the TCX and extension namespaces to other prefixes (or to none) read the same.
// Only the first activity of a file is read: watches write one per file.

import type { SessionGap } from '../session/recorded-session.js';
import { ImportError, TRY_AGAIN_FROM_SOURCE } from './import-error.js';
import type { ImportedRun } from './imported-run.js';
import { MAX_STEP_S, type RunPoint, columnsFromPoints, gapsOf, lapStartsOf, orderedPoints } from './run-points.js';

interface TimedPoint {
  /** Epoch ms, until the start is known. */
  t: number;
  point: RunPoint;
  /** First point of a <Track> after the first: watches start a new track after a pause. */
  startsTrack: boolean;
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

function parse(text: string): Document {
  // Whitespace before the XML declaration is strictly an error, but some exporters write it.
  const doc = new DOMParser().parseFromString(text.replace(/^\uFEFF/, '').trimStart(), 'application/xml');
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

function pointOf(trackpoint: Element): RunPoint & { ms: number } {
  const ms = Date.parse(childNamed(trackpoint, 'Time')?.textContent?.trim() ?? '');
  const tpx = childNamed(childNamed(trackpoint, 'Extensions'), 'TPX');
  // RunCadence (running) or Cadence (cycling, and some older running exports) is per foot or
  // per crank turn: strides per minute, two steps each.
  const strides = numberIn(childNamed(tpx, 'RunCadence')) ?? numberIn(childNamed(trackpoint, 'Cadence'));
  return {
    ms,
    t: 0,
    speedMps: numberIn(childNamed(tpx, 'Speed')),
    cadence: strides === null ? null : 2 * strides,
    strideLengthM: null,
    distanceM: numberIn(childNamed(trackpoint, 'DistanceMeters')),
    running: null,
  };
}

function firstLine(text: string | null | undefined): string | null {
  const line = (text ?? '').split(/\r?\n/).find((l) => l.trim() !== '');
  return line ? line.trim() : null;
}

export function decodeTcx(text: string): ImportedRun {
  const activity = activityOf(parse(text));
  const laps = childrenNamed(activity, 'Lap');
  const timed: TimedPoint[] = [];
  const lapStartsMs: number[] = [];
  let trackCount = 0;
  for (const lap of laps) {
    const lapPoints = timed.length;
    for (const track of childrenNamed(lap, 'Track')) {
      let first = true;
      for (const trackpoint of childrenNamed(track, 'Trackpoint')) {
        const { ms, ...point } = pointOf(trackpoint);
        if (!Number.isFinite(ms)) continue;
        timed.push({ t: ms, point, startsTrack: first && trackCount > 0 });
        first = false;
      }
      if (!first) trackCount++;
    }
    const started = Date.parse(lap.getAttribute('StartTime') ?? '');
    lapStartsMs.push(Number.isFinite(started) ? started : (timed[lapPoints]?.t ?? Number.NaN));
  }

  const ordered = orderedPoints(timed);
  if (ordered.length === 0) {
    throw new ImportError('no-samples', 'This TCX file has no trackpoints with time, so there is nothing to show.');
  }
  const startMs = ordered[0]!.t;
  const points = ordered.map(({ t, point }) => ({ ...point, t: (t - startMs) / 1000 }));
  // TCX marks no pauses; a long step that starts a new track is one, any other is a lost link.
  const marked: SessionGap[] = [];
  for (let i = 1; i < points.length; i++) {
    const fromT = points[i - 1]!.t;
    const toT = points[i]!.t;
    if (toT - fromT > MAX_STEP_S) marked.push({ fromT, toT, reason: ordered[i]!.startsTrack ? 'paused' : 'link-lost' });
  }
  const samples = columnsFromPoints(points, marked);
  const lastT = points[points.length - 1]!.t;
  const creator = childNamed(childNamed(activity, 'Creator'), 'Name')?.textContent?.trim();
  return {
    startedAt: startMs,
    deviceName: creator ? creator : null,
    name: firstLine(childNamed(activity, 'Notes')?.textContent),
    samples,
    laps: lapStartsOf(lapStartsMs.slice(1).map((ms) => (ms - startMs) / 1000), lastT),
    gaps: gapsOf(samples.t, marked),
  };
}
