// Bytes as each sensor sends them, for session tests: a pod, a treadmill and a strap speak to the
// session through the same parsers as real ones.

import { encodeCyclingPowerMeasurement, powerOnly } from '../../src/ble/cycling-power-encode.js';
import { encodeTreadmillData } from '../../src/ble/ftms-treadmill-encode.js';
import { type TreadmillData, emptyTreadmillData } from '../../src/ble/ftms-treadmill.js';
import { encodeHeartRateMeasurement } from '../../src/ble/heart-rate-encode.js';
import type { SensorContact } from '../../src/ble/heart-rate.js';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** `isRunning`: the pod's walking/running status bit; pods without that feature send false ("walking") always. */
export const podBytes = (speedMps: number, cadence: number, strideLengthM: number | null = null, totalDistanceM: number | null = null, isRunning = true) =>
  viewOf(encodeRscMeasurement({ speedMps, cadence, strideLengthM, totalDistanceM, isRunning }));

const noTreadmillFields: TreadmillData = { ...emptyTreadmillData(), speedMps: 0 };

export const treadmillBytes = (fields: Partial<TreadmillData>) => viewOf(encodeTreadmillData({ ...noTreadmillFields, ...fields }));

export const heartRateBytes = (heartRateBpm: number, sensorContact: SensorContact = 'detected') =>
  viewOf(encodeHeartRateMeasurement({ heartRateBpm, sensorContact, energyExpendedKj: null, rrIntervalsS: null }));

/** A Cycling Power Measurement with instantaneous power alone, as a running pod sends it. */
export const powerBytes = (powerW: number, offsetCompensation = false) =>
  viewOf(encodeCyclingPowerMeasurement(powerOnly(powerW, { offsetCompensation })));
