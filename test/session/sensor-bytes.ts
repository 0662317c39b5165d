// Bytes as each sensor sends them, for session tests: a pod, a treadmill and a strap speak to the
// session through the same parsers as real ones.

import { encodeTreadmillData } from '../../src/ble/ftms-treadmill-encode.js';
import type { TreadmillData } from '../../src/ble/ftms-treadmill.js';
import { encodeHeartRateMeasurement } from '../../src/ble/heart-rate-encode.js';
import type { SensorContact } from '../../src/ble/heart-rate.js';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export const podBytes = (speedMps: number, cadence: number, strideLengthM: number | null = null, totalDistanceM: number | null = null) =>
  viewOf(encodeRscMeasurement({ speedMps, cadence, strideLengthM, totalDistanceM, isRunning: true }));

const noTreadmillFields: TreadmillData = {
  moreData: false,
  speedMps: 0,
  averageSpeedMps: null,
  totalDistanceM: null,
  inclinationPercent: null,
  rampAngleDegrees: null,
  positiveElevationGainM: null,
  negativeElevationGainM: null,
  instantaneousPaceSPer500m: null,
  averagePaceSPer500m: null,
  totalEnergyKcal: null,
  energyPerHourKcal: null,
  energyPerMinuteKcal: null,
  heartRateBpm: null,
  metabolicEquivalent: null,
  elapsedTimeS: null,
  remainingTimeS: null,
  forceOnBeltN: null,
  powerOutputW: null,
};

export const treadmillBytes = (fields: Partial<TreadmillData>) => viewOf(encodeTreadmillData({ ...noTreadmillFields, ...fields }));

export const heartRateBytes = (heartRateBpm: number, sensorContact: SensorContact = 'detected') =>
  viewOf(encodeHeartRateMeasurement({ heartRateBpm, sensorContact, energyExpendedKj: null, rrIntervalsS: null }));
