// Battery Level (0x2A19): one byte, a percentage 0-100 (Bluetooth SIG, GATT Specification
// Supplement). Values 101-255 are not a level; a pod sending one has not told us its battery.

export const BATTERY_LEVEL_MAX = 100;

/** The level in percent, or null when the value is empty or outside 0-100. Extra bytes are ignored. */
export function parseBatteryLevel(view: DataView): number | null {
  if (view.byteLength === 0) return null;
  const level = view.getUint8(0);
  return level <= BATTERY_LEVEL_MAX ? level : null;
}
