// Sensor Location (0x2A5D) codes, from the Bluetooth SIG assigned numbers. The list is shared
// with cycling sensors, which is why a footpod may report crank or wheel positions.

export const SENSOR_LOCATION_NAMES: readonly string[] = [
  'Other',
  'Top of shoe',
  'In shoe',
  'Hip',
  'Front Wheel',
  'Left Crank',
  'Right Crank',
  'Left Pedal',
  'Right Pedal',
  'Front Hub',
  'Rear Dropout',
  'Chainstay',
  'Rear Wheel',
  'Rear Hub',
  'Chest',
  'Spider',
  'Chain Ring',
];

/** A name a runner can read; codes from newer specs or odd pods still get a label. */
export function sensorLocationName(code: number): string {
  return (Number.isInteger(code) && SENSOR_LOCATION_NAMES[code]) || `Unknown location (${code})`;
}
