// What a treadmill says it can do, read once on connect: Supported Speed Range (0x2AD4),
// Supported Inclination Range (0x2AD5) and Fitness Machine Feature (0x2ACC). Every command the
// app sends is clamped to these, so a short packet is refused with FtmsParseError. A range is read
// as the treadmill sent it, even one that cannot be driven (0 to 0, or a minimum above its
// maximum): that is a fact about the treadmill the runner is told in words
// (src/sources/treadmill-capabilities.ts), not a packet to drop as if it were missing. Only an
// increment of 0, which no belt can step by, becomes the field's own resolution.
import { FtmsParseError } from './ftms-treadmill.js';

export interface SpeedRange {
  minKmh: number;
  maxKmh: number;
  /** The smallest step the belt accepts (sent in 0.01 km/h). */
  incrementKmh: number;
}

export interface InclinationRange {
  minPercent: number;
  maxPercent: number;
  /** Sent in 0.1 %. */
  incrementPercent: number;
}

export interface FitnessMachineFeature {
  /** Raw uint32s, kept so a later reader can ask about any bit. */
  machineFeatures: number;
  targetSettingFeatures: number;
  /** Target setting bit 0: the control point accepts Set Target Speed. */
  speedTargetSupported: boolean;
  /** Target setting bit 1: the control point accepts Set Target Inclination. */
  inclinationTargetSupported: boolean;
}

export const SPEED_TARGET_SETTING = 1 << 0;
export const INCLINATION_TARGET_SETTING = 1 << 1;

function requireLength(view: DataView, length: number, what: string): void {
  if (view.byteLength < length) {
    throw new FtmsParseError(`${what} needs ${length} bytes, got ${view.byteLength}`);
  }
}

/** Some treadmills send 0 for "any step": the finest the field carries (1 unit) is what that means. */
const stepOf = (increment: number): number => Math.max(increment, 1);

export function parseSpeedRange(view: DataView): SpeedRange {
  requireLength(view, 6, 'Supported Speed Range');
  const min = view.getUint16(0, true);
  const max = view.getUint16(2, true);
  const increment = stepOf(view.getUint16(4, true));
  return { minKmh: min / 100, maxKmh: max / 100, incrementKmh: increment / 100 };
}

export function parseInclinationRange(view: DataView): InclinationRange {
  requireLength(view, 6, 'Supported Inclination Range');
  const min = view.getInt16(0, true);
  const max = view.getInt16(2, true);
  const increment = stepOf(view.getUint16(4, true));
  return { minPercent: min / 10, maxPercent: max / 10, incrementPercent: increment / 10 };
}

export function parseFitnessMachineFeature(view: DataView): FitnessMachineFeature {
  requireLength(view, 8, 'Fitness Machine Feature');
  const machineFeatures = view.getUint32(0, true);
  const targetSettingFeatures = view.getUint32(4, true);
  return {
    machineFeatures,
    targetSettingFeatures,
    speedTargetSupported: (targetSettingFeatures & SPEED_TARGET_SETTING) !== 0,
    inclinationTargetSupported: (targetSettingFeatures & INCLINATION_TARGET_SETTING) !== 0,
  };
}
