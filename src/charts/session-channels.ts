// What a recorded run holds besides the footpod's channels: which of the other sensors' channels
// it has (so a page shows a chart only for those), and heart rate as the summary shows it.
// A channel no sensor gave is NaN throughout, never zero: "has" means one finite value.

import type { ChannelName, RecordedColumns } from '../session/recorded-session.js';

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
  };
}

export interface HeartRateStats {
  /** Beats per minute, over the samples that have a heart rate. */
  average: number;
  maximum: number;
}

/**
 * Average and maximum heart rate, or null when no sample has one. A plain mean of the samples:
 * they come about once a second, and samples only exist where the run was recorded (never in a
 * pause), so it is the mean over the time the strap was read.
 */
export function heartRateStats(samples: RecordedColumns): HeartRateStats | null {
  let count = 0;
  let sum = 0;
  let maximum = -Infinity;
  for (const bpm of samples.heartRate) {
    if (!isHeartRate(bpm)) continue;
    count++;
    sum += bpm;
    if (bpm > maximum) maximum = bpm;
  }
  return count > 0 ? { average: sum / count, maximum } : null;
}
