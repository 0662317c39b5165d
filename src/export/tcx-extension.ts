// Stridewise's own TCX extension (written by tcx.ts), read: the breaks the timer ran through, a
// watch's totals carried for an imported run (used only while the file still spans what they were
// written for), and each trackpoint's walking/running mark. Readers that do not know it skip it.

import { type SessionGap, gapReasons } from '../session/recorded-session.js';
import { type FileTotals, usableFileTotals } from '../session/stated-totals.js';
import type { XmlElement } from './xml-tree.js';

export const childrenNamed = (parent: XmlElement, name: string): XmlElement[] =>
  Array.from(parent.children).filter((child) => child.localName === name);
export const childNamed = (parent: XmlElement | undefined, name: string): XmlElement | undefined =>
  parent ? childrenNamed(parent, name)[0] : undefined;

/** Stridewise's TCX extension (tcx.ts): breaks the timer ran through, a watch's stated totals, gait marks. */
const STRIDEWISE_NAMESPACE = 'https://stridewise.app/xmlschemas/TcxExtension/v1';

export function ownExtension(activity: XmlElement): XmlElement[] {
  const own = childNamed(childNamed(activity, 'Extensions'), 'Stridewise');
  if (own?.namespaceURI !== STRIDEWISE_NAMESPACE) return [];
  return Array.from(own.children).filter((element) => element.namespaceURI === STRIDEWISE_NAMESPACE);
}

/**
 * The title our own export made for an unnamed run ("Run <start>" in the exporting browser's
 * locale and zone), or null: a first line of Notes equal to it is no name of the runner's,
 * wherever the file is read. The text is kept, not just a mark, so a name typed in another app
 * since is still the runner's.
 */
export function madeTitle(extension: readonly XmlElement[]): string | null {
  return extension.find((e) => e.localName === 'MadeTitle')?.getAttribute('Title') ?? null;
}

/** The breaks our own export listed (a lost link the pod counted through), seconds from the start. */
export function listedBreaks(extension: readonly XmlElement[], startMs: number): SessionGap[] {
  const out: SessionGap[] = [];
  for (const element of extension.filter((e) => e.localName === 'Break')) {
    const reason = gapReasons.find((r) => r !== 'paused' && r === element.getAttribute('Reason'));
    const fromMs = Date.parse(element.getAttribute('StartTime') ?? '');
    const toMs = Date.parse(element.getAttribute('EndTime') ?? '');
    if (reason && toMs > fromMs) out.push({ fromT: (fromMs - startMs) / 1000, toT: (toMs - startMs) / 1000, reason });
  }
  return out;
}

/** The totals a watch stated for a run our own export carried on, with what its laps added up to then. */
interface CarriedTotals {
  stated: FileTotals;
  /** The laps' TotalTimeSeconds and DistanceMeters summed as written; absent in an export older than this check. */
  laps: { timerS: number; distanceM: number } | null;
}

export function carriedTotals(extension: readonly XmlElement[]): CarriedTotals | undefined {
  const element = extension.find((e) => e.localName === 'StatedTotals');
  if (!element) return undefined;
  const read = (name: string): number | undefined => {
    const value = Number(element.getAttribute(name) ?? Number.NaN);
    return Number.isFinite(value) ? value : undefined;
  };
  const stated = usableFileTotals({
    movingS: read('MovingSeconds'),
    distanceM: read('DistanceMeters'),
    // A watch's average that counts walking too, set aside on the page: the reader sets it aside again.
    avgCadence: read('AverageCadence') ?? read('AverageCadenceWithWalking'),
    avgHeartRate: read('AverageHeartRate'),
    avgPowerW: read('AveragePower'),
  });
  if (Object.keys(stated).length === 0) return undefined;
  const [timerS, distanceM] = [read('LapsSeconds'), read('LapsMeters')];
  return { stated, laps: timerS !== undefined && distanceM !== undefined ? { timerS, distanceM } : null };
}

/** Rounding of each lap's written totals (0.001 s, 0.01 m), with room to spare. */
const LAP_SUM_ROUNDING = 0.02;
/** An export older than the written lap sums: its watch totals and its laps may differ by this share, no more. */
const OLD_EXPORT_SHARE = 0.1;

/**
 * Whether carried totals still fit the file: its laps add up to what they did when we wrote it.
 * A runner who trims the file (a lap deleted, a warm-up cut) leaves totals for a run it no longer holds.
 */
export function stillSpans(carried: CarriedTotals, lapTotals: FileTotals | undefined, lapCount: number): boolean {
  const { movingS, distanceM } = lapTotals ?? {};
  if (movingS === undefined || distanceM === undefined) return false;
  if (carried.laps) {
    const rounding = LAP_SUM_ROUNDING * Math.max(1, lapCount);
    return Math.abs(movingS - carried.laps.timerS) <= rounding && Math.abs(distanceM - carried.laps.distanceM) <= rounding;
  }
  const near = (stated: number | undefined, laps: number): boolean =>
    stated === undefined || Math.abs(stated - laps) <= OLD_EXPORT_SHARE * Math.max(stated, laps);
  return near(carried.stated.movingS, movingS) && near(carried.stated.distanceM, distanceM);
}

/**
 * A point's walking/running mark, where our own export wrote them (`gaitMarked`): running unless it
 * carries <sw:NotRunning/>. Null elsewhere, for the cadence-and-speed rule to judge.
 */
export function runningMark(extensions: XmlElement | undefined, gaitMarked: boolean): boolean | null {
  if (!gaitMarked) return null;
  const marked = extensions ? childrenNamed(extensions, 'NotRunning').some((e) => e.namespaceURI === STRIDEWISE_NAMESPACE) : false;
  return !marked;
}
