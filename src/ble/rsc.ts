// Codecs for the Running Speed and Cadence service (0x1814). Bytes come from a device we do not
// control, so every parser checks the length before reading and fails with RscParseError:
// callers can tell a bad packet (drop it, keep the session) from a bug in our own code. The SC
// Control Point's codecs are in rsc-control-point.ts, which loads with the control point's code.
import { DISTANCE_PRESENT, RUNNING, STRIDE_PRESENT } from './rsc-flags.js';

export class RscParseError extends Error {
  override readonly name = 'RscParseError';
}

export function requireBytes(view: DataView, needed: number, what: string, field: string): void {
  if (view.byteLength < needed) {
    throw new RscParseError(`${what} too short: ${view.byteLength} bytes, ${field} needs ${needed}`);
  }
}

// ---------------------------------------------------------------- RSC Measurement (0x2A53)

export interface RscMeasurement {
  speedMps: number;
  /** Per minute, exactly as the pod sends it; whether that counts steps or strides is decided later. */
  cadence: number;
  strideLengthM: number | null;
  totalDistanceM: number | null;
  isRunning: boolean;
}


export function parseRscMeasurement(view: DataView): RscMeasurement {
  const what = 'RSC measurement';
  requireBytes(view, 1, what, 'the flags byte');
  const flags = view.getUint8(0);
  const hasStride = (flags & STRIDE_PRESENT) !== 0;
  const hasDistance = (flags & DISTANCE_PRESENT) !== 0;
  // Optional fields have no fixed offsets: distance moves up when stride is absent.
  const distanceAt = hasStride ? 6 : 4;

  // Checked in field order so the message names the first field that is missing.
  requireBytes(view, 3, what, 'speed');
  requireBytes(view, 4, what, 'cadence');
  if (hasStride) requireBytes(view, 6, what, 'stride length');
  if (hasDistance) requireBytes(view, distanceAt + 4, what, 'total distance');

  return {
    speedMps: view.getUint16(1, true) / 256,
    cadence: view.getUint8(3),
    strideLengthM: hasStride ? view.getUint16(4, true) / 100 : null,
    totalDistanceM: hasDistance ? view.getUint32(distanceAt, true) / 10 : null,
    isRunning: (flags & RUNNING) !== 0,
  };
}

// ---------------------------------------------------------------- RSC Feature (0x2A54)

export interface RscFeature {
  strideLengthSupported: boolean;
  totalDistanceSupported: boolean;
  walkingRunningStatusSupported: boolean;
  calibrationSupported: boolean;
  multipleSensorLocationsSupported: boolean;
}

export function parseRscFeature(view: DataView): RscFeature {
  requireBytes(view, 2, 'RSC feature', 'feature bits');
  const bits = view.getUint16(0, true);
  const has = (bit: number): boolean => (bits & (1 << bit)) !== 0;
  return {
    strideLengthSupported: has(0),
    totalDistanceSupported: has(1),
    walkingRunningStatusSupported: has(2),
    calibrationSupported: has(3),
    multipleSensorLocationsSupported: has(4),
  };
}

// ---------------------------------------------------------------- Sensor Location (0x2A5D)

/** The raw code; `sensorLocationName` in sensor-locations.ts turns it into words. */
export function parseSensorLocation(view: DataView): number {
  requireBytes(view, 1, 'Sensor location', 'location code');
  return view.getUint8(0);
}

/**
 * Whether the RSC Feature bits promise an SC Control Point op code (RSC spec 3.4: Set Cumulative
 * Value (1) goes with Total Distance, calibration (2) with its own bit, both location op codes (3,
 * 4) with Multiple Sensor Locations). Asking anyway would only earn "op code not supported" or no
 * answer at all.
 */
export function featureAllows(feature: RscFeature | null, opCode: number): boolean {
  if (!feature) return false;
  if (opCode === 1) return feature.totalDistanceSupported;
  if (opCode === 2) return feature.calibrationSupported;
  if (opCode === 3 || opCode === 4) return feature.multipleSensorLocationsSupported;
  return false;
}
