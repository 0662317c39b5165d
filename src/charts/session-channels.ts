// What a recorded run holds besides the footpod's channels: which of the other sensors' channels
// it has (so a page shows a chart only for those), and heart rate and power as the summary shows them.
// A channel no sensor gave is NaN throughout, never zero: "has" means one finite value.

import type { ChannelName, RecordedColumns, SessionGap } from '../session/recorded-session.js';
import { timeWeightedMean } from '../session/channel-averages.js';

/** The channels a page may chart; the pod's raw speed and distance are kept for re-scaling, not shown. */
export type SessionChannels = Readonly<Record<Exclude<ChannelName, 'rawSpeedMps' | 'rawDistanceM'>, boolean>>;

const hasFinite = (column: Float32Array | Float64Array): boolean => column.some((value) => Number.isFinite(value));
/** A strap reports 0 while it finds no pulse (off the chest): that is no reading, not a heart rate. */
const isHeartRate = (bpm: number): boolean => bpm > 0 && Number.isFinite(bpm);

export function sessionChannels(samples: RecordedColumns): SessionChannels {
  return {
    heartRate: samples.heartRate.some(isHeartRate),
    treadmillSpeedMps: hasFinite(samples.treadmillSpeedMps),
    inclinePercent: hasFinite(samples.inclinePercent),
    powerW: hasFinite(samples.powerW),
  };
}

export interface HeartRateStats {
  /** Beats per minute, over the time the strap was read (channel-averages.ts). */
  average: number;
  maximum: number;
  /** The average is the one the watch's file states, not the one from its records. */
  statedByFile?: boolean;
}

/**
 * Average and maximum heart rate, or null when no sample has one. The average is over time, not
 * over samples (a watch writes records 1-60 s apart), pauses and breaks left out; `statedAverage`
 * (the watch's own, from its file) replaces it when there is one.
 */
export function heartRateStats(
  samples: RecordedColumns,
  gaps: readonly SessionGap[] = [],
  statedAverage?: number,
): HeartRateStats | null {
  let count = 0;
  let sum = 0;
  let maximum = -Infinity;
  for (const bpm of samples.heartRate) {
    if (!isHeartRate(bpm)) continue;
    count++;
    sum += bpm;
    if (bpm > maximum) maximum = bpm;
  }
  if (count === 0) return null;
  if (statedAverage !== undefined && statedAverage > 0) return { average: statedAverage, maximum, statedByFile: true };
  const { heartRate } = samples;
  const average = timeWeightedMean(samples, heartRate, gaps, (i) => isHeartRate(heartRate[i]!));
  // Readings that own no time (one sample, or samples sharing one time): their mean is all there is.
  return { average: average ?? sum / count, maximum };
}

/**
 * Average running power over the time the pod measured it (pauses and breaks left out), or null
 * when no sample has power: a pod without power shows no figure, never 0 W.
 */
export function averagePowerW(samples: RecordedColumns, gaps: readonly SessionGap[] = [], statedAverage?: number): number | null {
  const { powerW } = samples;
  if (!powerW.some((watts) => Number.isFinite(watts))) return null;
  // A watch's own average counts every second its timer ran, as its stated heart rate does.
  if (statedAverage !== undefined && statedAverage > 0) return statedAverage;
  // Readings that own no time (one sample): their mean is all there is.
  return timeWeightedMean(samples, powerW, gaps) ?? powerW.find((watts) => Number.isFinite(watts))!;
}
