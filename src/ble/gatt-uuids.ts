// The GATT numbers the app talks to. Web Bluetooth accepts the 16-bit numbers directly;
// the full strings are for comparing against `characteristic.uuid`, which is always full.

export const RSC_SERVICE = 0x1814;
export const RSC_MEASUREMENT = 0x2a53;
export const RSC_FEATURE = 0x2a54;
export const SENSOR_LOCATION = 0x2a5d;
export const SC_CONTROL_POINT = 0x2a55;
export const BATTERY_SERVICE = 0x180f;
export const BATTERY_LEVEL = 0x2a19;
export const DEVICE_INFORMATION = 0x180a;
export const CCCD = 0x2902;
export const FITNESS_MACHINE_SERVICE = 0x1826;
export const FITNESS_MACHINE_FEATURE = 0x2acc;
export const TREADMILL_DATA = 0x2acd;
export const FITNESS_MACHINE_CONTROL_POINT = 0x2ad9;
export const FITNESS_MACHINE_STATUS = 0x2ada;
export const HEART_RATE_SERVICE = 0x180d;
export const HEART_RATE_MEASUREMENT = 0x2a37;
export const BODY_SENSOR_LOCATION = 0x2a38;
export const CYCLING_POWER_SERVICE = 0x1818;
export const CYCLING_POWER_MEASUREMENT = 0x2a63;

/** The 128-bit form of a Bluetooth SIG alias, as `BluetoothUUID.canonicalUUID` builds it. */
export function fullUuid(short: number): string {
  if (!Number.isInteger(short) || short < 0 || short > 0xffffffff) {
    throw new RangeError(`Bluetooth UUID alias must be an integer 0..0xffffffff, got ${short}`);
  }
  return `${short.toString(16).padStart(8, '0')}-0000-1000-8000-00805f9b34fb`;
}

export const RSC_SERVICE_UUID = fullUuid(RSC_SERVICE);
export const RSC_MEASUREMENT_UUID = fullUuid(RSC_MEASUREMENT);
export const RSC_FEATURE_UUID = fullUuid(RSC_FEATURE);
export const SENSOR_LOCATION_UUID = fullUuid(SENSOR_LOCATION);
export const SC_CONTROL_POINT_UUID = fullUuid(SC_CONTROL_POINT);
export const BATTERY_SERVICE_UUID = fullUuid(BATTERY_SERVICE);
export const BATTERY_LEVEL_UUID = fullUuid(BATTERY_LEVEL);
export const DEVICE_INFORMATION_UUID = fullUuid(DEVICE_INFORMATION);
export const CCCD_UUID = fullUuid(CCCD);
export const FITNESS_MACHINE_SERVICE_UUID = fullUuid(FITNESS_MACHINE_SERVICE);
export const FITNESS_MACHINE_FEATURE_UUID = fullUuid(FITNESS_MACHINE_FEATURE);
export const TREADMILL_DATA_UUID = fullUuid(TREADMILL_DATA);
export const FITNESS_MACHINE_CONTROL_POINT_UUID = fullUuid(FITNESS_MACHINE_CONTROL_POINT);
export const FITNESS_MACHINE_STATUS_UUID = fullUuid(FITNESS_MACHINE_STATUS);
export const HEART_RATE_SERVICE_UUID = fullUuid(HEART_RATE_SERVICE);
export const HEART_RATE_MEASUREMENT_UUID = fullUuid(HEART_RATE_MEASUREMENT);
export const BODY_SENSOR_LOCATION_UUID = fullUuid(BODY_SENSOR_LOCATION);
export const CYCLING_POWER_SERVICE_UUID = fullUuid(CYCLING_POWER_SERVICE);
export const CYCLING_POWER_MEASUREMENT_UUID = fullUuid(CYCLING_POWER_MEASUREMENT);

// Device Information (0x180A) strings a pod may offer; all optional, read once per connection.
export const MANUFACTURER_NAME = 0x2a29;
export const MODEL_NUMBER = 0x2a24;
export const FIRMWARE_REVISION = 0x2a26;
export const MANUFACTURER_NAME_UUID = fullUuid(MANUFACTURER_NAME);
export const MODEL_NUMBER_UUID = fullUuid(MODEL_NUMBER);
export const FIRMWARE_REVISION_UUID = fullUuid(FIRMWARE_REVISION);

// FTMS ranges a treadmill supports, read before any command so commands can be clamped.
export const SUPPORTED_SPEED_RANGE = 0x2ad4;
export const SUPPORTED_INCLINATION_RANGE = 0x2ad5;
export const SUPPORTED_SPEED_RANGE_UUID = fullUuid(SUPPORTED_SPEED_RANGE);
export const SUPPORTED_INCLINATION_RANGE_UUID = fullUuid(SUPPORTED_INCLINATION_RANGE);
