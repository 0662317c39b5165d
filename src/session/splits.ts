// Splits per km (or mile) and per lap. A boundary usually falls between two samples, so the step
// that crosses it is shared between the two splits in proportion, and the crossing time is
// interpolated: otherwise every split would be off by up to a second and a few metres.
// Distances count from where the run's total does (distance-origin.ts): 0 m for a watch's first
// record of 3 m at 1 s (the km marks then sit where the distance axis puts them), the first record
// for a trimmed file whose first record holds 2000 m, so no split claims metres run before its
// time started. Either way the splits and laps add up to the run's distance.

import type { RecordedColumns, SessionGap } from './recorded-session.js';
import { SAMPLE_RUNNING } from './recorded-session.js';
import { GapCursor, type StepSeconds, heldShareOf } from './gap-steps.js';
import { distanceOrigin } from './distance-origin.js';
import { type DistanceUnit, formatDistanceIn } from './units.js';

export interface Split {
  /** From 0. */
  index: number;
  label: string;
  startT: number;
  endT: number;
  distanceM: number;
  /** Moving time in the split: pauses and lost links left out, like the session's moving time. */
  durationS: number;
  avgSpeedMps: number;
  /** Time-weighted over running samples with a cadence, or 0. */
  avgCadence: number;
  /** Time-weighted over running samples with a stride, or 0. */
  avgStrideM: number;
  /** Running power, time-weighted over the samples that have it, running or not; null when none has. */
  avgPowerW: number | null;
}

const METRES_PER: Record<DistanceUnit, number> = { km: 1000, mi: 1609.344 };

const originOf = ({ t, speedMps, distanceM }: RecordedColumns): number => distanceOrigin(t[0]!, speedMps[0]!, distanceM[0]!);

interface OpenSplit {
  startT: number;
  startD: number;
  movingS: number;
  cadenceS: number;
  cadenceSum: number;
  strideS: number;
  strideSum: number;
  powerS: number;
  powerSum: number;
}

const open = (startT: number, startD: number): OpenSplit => ({
  startT,
  startD,
  movingS: 0,
  cadenceS: 0,
  cadenceSum: 0,
  strideS: 0,
  strideSum: 0,
  powerS: 0,
  powerSum: 0,
});

interface Closed {
  split: OpenSplit;
  endT: number;
  endD: number;
}

/**
 * Cuts the samples where `along` (distance or time, never decreasing) reaches each of `cuts`
 * (ascending). A step's measured time is shared between the samples on either side of it by the
 * session summary's rule (gap-steps.ts): the part [0, held) of the step is the starting sample's,
 * the rest the ending sample's.
 */
function cut(samples: RecordedColumns, along: Float64Array, cuts: readonly number[], gaps: readonly SessionGap[]): Closed[] {
  const { t, distanceM: d, cadence, strideLengthM: stride, powerW: power, flags } = samples;
  const n = t.length;
  if (n === 0) return [];
  const byTime = along === t;
  const cursor = new GapCursor(gaps);
  const closed: Closed[] = [];
  let current = open(t[0]!, originOf(samples));
  let k = 0;
  /** Credits the part [from, to) of the step ending at sample i (fractions of the step). */
  const credit = (from: number, to: number, step: StepSeconds, i: number): void => {
    if (to <= from) return;
    current.movingS += (to - from) * step.movingS;
    const held = heldShareOf(step.measuredS);
    const overlap = (lo: number, hi: number): number => Math.max(0, Math.min(to, hi) - Math.max(from, lo));
    creditSample(overlap(0, held) * step.measuredS, i - 1);
    creditSample(overlap(held, 1) * step.measuredS, i);
  };
  const creditSample = (w: number, i: number): void => {
    if (w <= 0) return;
    // Power counts walking too, as the session's average power does.
    if (Number.isFinite(power[i]!)) {
      current.powerS += w;
      current.powerSum += power[i]! * w;
    }
    if ((flags[i]! & SAMPLE_RUNNING) === 0) return;
    if (cadence[i]! > 0) {
      current.cadenceS += w;
      current.cadenceSum += cadence[i]! * w;
    }
    if (stride[i]! > 0) {
      current.strideS += w;
      current.strideSum += stride[i]! * w;
    }
  };
  for (let i = 1; i < n; i++) {
    const xa = along[i - 1]!;
    const xb = along[i]!;
    const weight = cursor.step(t[i - 1]!, t[i]!);
    let done = 0;
    while (k < cuts.length && xb >= cuts[k]!) {
      const x = cuts[k++]!;
      const f = xb > xa ? (x - xa) / (xb - xa) : 1;
      credit(done, f, weight, i);
      done = f;
      const endT = byTime ? x : t[i - 1]! + f * (t[i]! - t[i - 1]!);
      const endD = byTime ? d[i - 1]! + f * (d[i]! - d[i - 1]!) : x;
      closed.push({ split: current, endT, endD });
      current = open(endT, endD);
    }
    credit(done, 1, weight, i);
  }
  closed.push({ split: current, endT: t[n - 1]!, endD: d[n - 1]! });
  return closed;
}

function toSplit({ split, endT, endD }: Closed, index: number, label: string): Split {
  const distanceM = endD - split.startD;
  return {
    index,
    label,
    startT: split.startT,
    endT,
    distanceM,
    durationS: split.movingS,
    avgSpeedMps: split.movingS > 0 ? distanceM / split.movingS : 0,
    avgCadence: split.cadenceS > 0 ? split.cadenceSum / split.cadenceS : 0,
    avgStrideM: split.strideS > 0 ? split.strideSum / split.strideS : 0,
    avgPowerW: split.powerS > 0 ? split.powerSum / split.powerS : null,
  };
}

/**
 * One split per whole km or mile from the start, then the part after the last one with its real
 * distance. Labels say where each split ends: "1 km", "2 km", "2.50 km" (the run's distance).
 */
export function distanceSplits(samples: RecordedColumns, unit: DistanceUnit, gaps: readonly SessionGap[] = []): Split[] {
  const n = samples.t.length;
  if (n === 0) return [];
  const unitM = METRES_PER[unit];
  const origin = originOf(samples);
  const first = samples.distanceM[0]! - origin;
  const last = samples.distanceM[n - 1]! - origin;
  const cuts: number[] = [];
  // Marks the first record is already past are no split ends (the first split runs from the origin to the next).
  const firstMark = Math.max(1, Math.floor(first / unitM) + 1);
  for (let k = firstMark; k * unitM <= last; k++) cuts.push(origin + k * unitM);
  const closed = cut(samples, samples.distanceM, cuts, gaps);
  const splits = closed.map((c, i) => toSplit(c, i, `${firstMark + i} ${unit}`));
  const tail = splits.at(-1)!;
  // A run that ends exactly on a mark (or stands still after it) has no partial split.
  if (!(tail.distanceM > 0)) return splits.slice(0, -1);
  tail.label = `${formatDistanceIn(last, unit)} ${unit}`;
  return splits;
}

/**
 * The lap presses that start a lap with time in it: strictly after the first sample and before
 * the last (a press at the finish, then stop, makes no empty lap), ascending, each once. The one
 * lap rule for the session page, the exports and imported files.
 */
export function lapPressesWithin(laps: readonly number[], firstT: number, lastT: number): number[] {
  const inside = laps.filter((t) => Number.isFinite(t) && t > firstT && t < lastT).sort((a, b) => a - b);
  return inside.filter((t, i) => i === 0 || t > inside[i - 1]!);
}

/** One split per lap: from the first sample to the first lap press, between presses, then to the last sample. */
export function lapSplits(samples: RecordedColumns, laps: readonly number[], gaps: readonly SessionGap[] = []): Split[] {
  const n = samples.t.length;
  if (n === 0) return [];
  const cuts = lapPressesWithin(laps, samples.t[0]!, samples.t[n - 1]!);
  return cut(samples, samples.t, cuts, gaps).map((c, i) => toSplit(c, i, `Lap ${i + 1}`));
}
