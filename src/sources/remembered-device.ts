// Several sensors share one origin, so navigator.bluetooth.getDevices() lists the footpod, the
// treadmill and the strap alike; the app stores each sensor's BluetoothDevice.id to tell them apart.

/**
 * Which of the devices the browser lets this origin use is the sensor's: the one with the stored
 * id when there is one (or none, if it is gone); else, when the sensor allows it, the first one
 * that no other sensor claims.
 */
export function pickRemembered<D extends { readonly id: string }>(
  devices: readonly D[],
  rememberedId: string | null,
  otherIds: readonly string[],
  rememberFirstDevice: boolean,
): D | null {
  if (rememberedId) return devices.find((device) => device.id === rememberedId) ?? null;
  if (!rememberFirstDevice) return null;
  return devices.find((device) => !otherIds.includes(device.id)) ?? null;
}
